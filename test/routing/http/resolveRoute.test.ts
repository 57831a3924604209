import { createSampleApp } from '../../support/routingApp';
import { getEvent, httpEvent, postEvent } from '../../support/httpEvents';
import { RULES_DIR, loadAllRuleSets } from '../../../functions/ruleset/loadRuleSet';

const { handle, events } = createSampleApp();

async function resolveJson(query: string, headers: Record<string, string> = {}) {
  const response = await handle(getEvent('/v1/resolve', query, headers));
  return { response, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
}

describe('GET /v1/resolve', () => {
  it('returns the resolution with CORS', async () => {
    const { response, body } = await resolveJson('brand=acme&product=auto&zip=30303&lang=en');

    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(body).toEqual({
      url: 'https://quote.acme-insurance.example/en/auto/start?zip=30303',
      form: 'auto-online',
      formType: 'online',
      state: 'GA',
      stateInferred: false,
      language: 'en',
      ruleId: 'auto-default',
      rulesetVersion: 1,
      reason: 'rule',
    });
  });

  it('reports a not-served state', async () => {
    const { body } = await resolveJson('brand=acme&product=home&zip=33101');

    expect(body.reason).toBe('not_served');
    expect(body.formType).toBe('not-served');
    expect(body.ruleId).toBe('home-not-offered');
  });

  it.each([
    ['es-US on a product offered in Spanish', 'product=auto&lang=es-US', {}, 'es'],
    ['Spanish falling back to English', 'product=life&lang=es', {}, 'en'],
    ['Accept-Language when lang is absent', 'product=auto', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' }, 'es'],
    ['brand default without lang', 'product=auto', {}, 'en'],
  ])('resolves the language: %s', async (_case, query, headers, language) => {
    const { body } = await resolveJson(`brand=acme&zip=30303&${query}`, headers);

    expect(body.language).toBe(language);
  });

  it('counts the first of repeated parameters', async () => {
    const { body } = await resolveJson('brand=acme&product=auto&zip=30303&zip=10001');

    expect(body.state).toBe('GA');
  });

  it.each([
    ['missing zip', 'brand=acme&product=auto', 400, 'missing_parameter'],
    ['missing product', 'brand=acme&zip=30303', 400, 'missing_parameter'],
    ['missing brand', 'product=auto&zip=30303', 400, 'missing_parameter'],
    ['4-digit zip', 'brand=acme&product=auto&zip=2134', 400, 'invalid_zip'],
    ['letters', 'brand=acme&product=auto&zip=abcde', 400, 'invalid_zip'],
    ['Canadian postal code', 'brand=acme&product=auto&zip=K1A%200B1', 400, 'not_us_postal_code'],
    ['unused prefix', 'brand=acme&product=auto&zip=00001', 422, 'unknown_zip'],
    ['unknown brand', 'brand=nobody&product=auto&zip=30303', 404, 'unknown_brand'],
    ['unknown product', 'brand=acme&product=boat&zip=30303', 404, 'unknown_product'],
  ])('returns a problem for %s', async (_case, query, status, code) => {
    const { response, body } = await resolveJson(query);

    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(body.code).toBe(code);
    expect(body.status).toBe(status);
    expect(body.type).toBe(`urn:form-router:problem:${code}`);
    expect(typeof body.detail).toBe('string');
  });

  it('hints at the 5-digit ZIP of a 4-digit one', async () => {
    const { body } = await resolveJson('brand=acme&product=auto&zip=2134');

    expect(String(body.hint)).toContain('02134');
    expect(String(body.detail)).toContain('2134');
  });

  it('lists the accepted products', async () => {
    const { body } = await resolveJson('brand=acme&product=boat&zip=30303');

    expect(body.accepted).toEqual(['auto', 'home', 'renters', 'life']);
  });

  it('answers the CORS preflight', async () => {
    const response = await handle(httpEvent('OPTIONS', '/v1/resolve'));

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-methods']).toContain('GET');
  });
});

describe('a brand without language fallback', () => {
  const strict = createSampleApp(
    loadAllRuleSets(RULES_DIR).map((ruleSet) => ({ ...ruleSet, settings: { ...ruleSet.settings, languageFallback: false } })),
  );

  it('returns unsupported_language with the accepted languages', async () => {
    const response = await strict.handle(getEvent('/v1/resolve', 'brand=acme&product=life&zip=30303&lang=es'));
    const body = JSON.parse(response.body ?? '{}');

    expect(response.statusCode).toBe(422);
    expect(body.code).toBe('unsupported_language');
    expect(body.accepted).toEqual(['en']);
  });

  it('redirects to the fallback URL with the reason', async () => {
    const response = await strict.handle(getEvent('/v1/redirect', 'brand=acme&product=life&zip=30303&lang=fr'));

    expect(response.statusCode).toBe(302);
    expect(new URL(response.headers.location ?? '').searchParams.get('reason')).toBe('unsupported_language');
  });

  it('still serves an offered language', async () => {
    const response = await strict.handle(getEvent('/v1/resolve', 'brand=acme&product=auto&zip=30303&lang=es'));

    expect(JSON.parse(response.body ?? '{}').language).toBe('es');
  });
});

describe('POST /v1/resolve', () => {
  it('pads a numeric ZIP', async () => {
    const response = await handle(postEvent('/v1/resolve', JSON.stringify({ brand: 'acme', product: 'auto', zip: 2134 })));
    const body = JSON.parse(response.body ?? '{}');

    expect(response.statusCode).toBe(200);
    expect(body.state).toBe('MA');
    expect(body.url).toContain('zip=02134');
  });

  it('accepts a base64-encoded body', async () => {
    const body = Buffer.from(JSON.stringify({ brand: 'acme', product: 'auto', zip: '30303', lang: 'es' })).toString('base64');
    const response = await handle(httpEvent('POST', '/v1/resolve', { body, isBase64Encoded: true }));

    expect(JSON.parse(response.body ?? '{}').language).toBe('es');
  });

  it.each([
    ['invalid JSON', '{"brand":', 'not valid JSON'],
    ['an array', '[]', 'JSON object'],
    ['a numeric brand', '{"brand":1,"product":"auto","zip":"30303"}', 'Field "brand" must be a string'],
    ['an unknown field', '{"brand":"acme","product":"auto","zip":"30303","state":"GA"}', 'Unknown field "state"'],
    ['a repeated field', '{"brand":"acme","brand":"pinecrest","product":"auto","zip":"30303"}', 'Field "brand" appears more than once'],
    ['an oversized body', JSON.stringify({ brand: 'acme', product: 'x'.repeat(10_000), zip: '1' }), 'exceeds'],
  ])('rejects %s', async (_case, body, message) => {
    const response = await handle(postEvent('/v1/resolve', body));
    const problem = JSON.parse(response.body ?? '{}');

    expect(response.statusCode).toBe(400);
    expect(problem.code).toBe('invalid_request');
    expect(problem.detail).toContain(message);
  });

  it('rejects a boolean ZIP as invalid', async () => {
    const response = await handle(postEvent('/v1/resolve', JSON.stringify({ brand: 'acme', product: 'auto', zip: true })));

    expect(JSON.parse(response.body ?? '{}').code).toBe('invalid_zip');
  });
});

describe('redirect events of resolve', () => {
  it('records one event per request with the decision', async () => {
    const before = events.events.length;

    await resolveJson('brand=acme&product=auto&zip=30303&lang=en');
    const [event] = events.events.slice(before);

    expect(events.events.length).toBe(before + 1);
    expect(event).toMatchObject({
      endpoint: 'resolve',
      brand: 'acme',
      product: 'auto',
      language: 'en',
      zip: '30303',
      state: 'GA',
      outcome: 'rule',
      form: 'auto-online',
      ruleId: 'auto-default',
      rulesetVersion: 1,
      url: 'https://quote.acme-insurance.example/en/auto/start?zip=30303',
    });
    expect(event?.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records invalid input with its code', async () => {
    const before = events.events.length;

    await resolveJson('brand=acme&product=auto&zip=2134');
    const [event] = events.events.slice(before);

    expect(event).toMatchObject({ outcome: 'invalid_input', errorCode: 'invalid_zip', url: null, brand: 'acme' });
  });
});
