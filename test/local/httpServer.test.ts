import { request } from 'node:http';
import { startHttpServer } from '../../functions/local/httpServer';
import type { LocalHttpServer } from '../../functions/local/httpServer';
import { createSampleApp } from '../support/routingApp';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(server: LocalHttpServer, method: string, path: string, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const outgoing = request(`${server.url}${path}`, { method, headers }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('startHttpServer', () => {
  const { handle, events } = createSampleApp();
  let server: LocalHttpServer;

  beforeAll(async () => {
    server = await startHttpServer(handle, 0);
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('turns a request into the same event as API Gateway', async () => {
    const before = events.events.length;

    const response = await send(server, 'GET', '/v1/redirect?brand=acme&product=auto&zip=30303&zip=10001&utm_source=a%2Cb');

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('https://quote.acme-insurance.example/en/auto/start?zip=30303&utm_source=a%2Cb');
    expect(response.headers['content-length']).toBe('0');
    expect(events.events.length).toBe(before + 1);
  });

  it('answers a POST body as JSON', async () => {
    const response = await send(server, 'POST', '/v1/resolve', JSON.stringify({ brand: 'acme', product: 'auto', zip: 2134 }));

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).state).toBe('MA');
  });

  it('still redirects a GET that carries a large body', async () => {
    const response = await send(server, 'GET', '/v1/redirect?brand=acme&product=auto&zip=30303', 'x'.repeat(50_000));

    expect(response.status).toBe(302);
  });

  it('rejects a large POST body with a problem', async () => {
    const response = await send(server, 'POST', '/v1/resolve', JSON.stringify({ brand: 'acme', product: 'x'.repeat(50_000), zip: '30303' }));

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(response.body).code).toBe('invalid_request');
  });
});
