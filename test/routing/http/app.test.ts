import { createSampleApp } from '../../support/routingApp';
import { getEvent, httpEvent } from '../../support/httpEvents';

const { handle } = createSampleApp();

describe('createRequestHandler', () => {
  it('lists brands, products and languages on /health', async () => {
    const response = await handle(getEvent('/health'));
    const body = JSON.parse(response.body ?? '{}');

    expect(response.statusCode).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.brands.acme).toEqual({
      version: 1,
      source: 'store',
      defaultLanguage: 'en',
      products: { auto: ['en', 'es'], home: ['en', 'es'], renters: ['en', 'es'], life: ['en'] },
    });
    expect(typeof body.data.zipTable).toBe('string');
  });

  it('serves an OpenAPI 3.1 document naming every route', async () => {
    const response = await handle(getEvent('/openapi.json'));
    const document = JSON.parse(response.body ?? '{}');

    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/health', '/openapi.json', '/v1/redirect', '/v1/resolve']);
    expect(Object.keys(document.paths['/v1/resolve']).sort()).toEqual(['get', 'post']);
  });

  it('returns a problem for an unknown path', async () => {
    const response = await handle(getEvent('/v2/redirect'));

    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '{}').code).toBe('not_found');
  });

  it('returns 405 with Allow for a wrong method', async () => {
    const response = await handle(httpEvent('DELETE', '/v1/redirect'));

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET');
  });

  it('keeps CORS on 405 from /v1/resolve', async () => {
    const response = await handle(httpEvent('PUT', '/v1/resolve'));

    expect(response.statusCode).toBe(405);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('treats inherited property names as unknown paths', async () => {
    const response = await handle(getEvent('/__proto__'));

    expect(response.statusCode).toBe(404);
  });
});
