import { createSampleApp } from '../../support/routingApp';
import { getEvent } from '../../support/httpEvents';
import type { RuleSet } from '../../../functions/ruleset/ruleSet';
import { RULES_DIR, loadAllRuleSets } from '../../../functions/ruleset/loadRuleSet';

const { handle, events } = createSampleApp();

describe('GET /v1/redirect', () => {
  it('redirects to the form with forwarded parameters', async () => {
    const response = await handle(getEvent('/v1/redirect', 'brand=acme&product=auto&zip=30303&lang=es&utm_source=news%20letter&gclid=a%2Bb&secret=x'));
    const location = new URL(response.headers.location ?? '');

    expect(response.statusCode).toBe(302);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(location.origin + location.pathname).toBe('https://quote.acme-insurance.example/es/auto/start');
    expect(location.searchParams.get('zip')).toBe('30303');
    expect(location.searchParams.get('utm_source')).toBe('news letter');
    expect(location.searchParams.get('gclid')).toBe('a+b');
    expect(location.searchParams.has('secret')).toBe(false);
  });

  it.each([
    ['an invalid ZIP', 'product=auto&zip=2134', 'invalid_zip'],
    ['a missing ZIP', 'product=auto', 'missing_parameter'],
    ['an unknown ZIP', 'product=auto&zip=00001', 'unknown_zip'],
    ['a Canadian postal code', 'product=auto&zip=K1A+0B1', 'not_us_postal_code'],
    ['an unknown product', 'product=boat&zip=30303', 'unknown_product'],
  ])('sends %s to the fallback URL with a reason', async (_case, query, reason) => {
    const response = await handle(getEvent('/v1/redirect', `brand=acme&${query}&utm_campaign=spring`));
    const location = new URL(response.headers.location ?? '');

    expect(response.statusCode).toBe(302);
    expect(location.origin + location.pathname).toBe('https://www.acme-insurance.example/get-a-quote');
    expect(location.searchParams.get('reason')).toBe(reason);
    expect(location.searchParams.get('utm_campaign')).toBe('spring');
  });

  it.each([
    ['unknown', 'brand=nobody&product=auto&zip=30303', 404],
    ['missing', 'product=auto&zip=30303', 400],
  ])('shows an error page for a %s brand', async (_case, query, status) => {
    const response = await handle(getEvent('/v1/redirect', query));

    expect(response.statusCode).toBe(status);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('escapes the brand on the error page', async () => {
    const response = await handle(getEvent('/v1/redirect', 'brand=%3Cscript%3E&product=auto&zip=30303'));

    expect(response.headers['content-security-policy']).toBe("default-src 'none'");
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&#60;script&#62;');
  });

  it('accepts a full-width brand', async () => {
    const response = await handle(getEvent('/v1/redirect', `brand=${encodeURIComponent('ＡＣＭＥ')}&product=auto&zip=30303`));

    expect(response.statusCode).toBe(302);
  });

  it('records the redirect event with the final URL', async () => {
    const before = events.events.length;

    const response = await handle(getEvent('/v1/redirect', 'brand=acme&product=home&zip=77550'));
    const [event] = events.events.slice(before);

    expect(event).toMatchObject({ endpoint: 'redirect', outcome: 'not_served', ruleId: 'home-galveston-not-served', url: response.headers.location });
  });

  it('sends the visitor to the fallback URL when resolving fails inside', async () => {
    const broken: RuleSet[] = loadAllRuleSets(RULES_DIR).map((ruleSet) =>
      ruleSet.settings.brand === 'acme' ? { ...ruleSet, forms: { ...ruleSet.forms, 'auto-online': { url: 'https://elsewhere.example/', type: 'online' } } } : ruleSet,
    );
    const app = createSampleApp(broken);

    const response = await app.handle(getEvent('/v1/redirect', 'brand=acme&product=auto&zip=30303'));
    const location = new URL(response.headers.location ?? '');

    expect(response.statusCode).toBe(302);
    expect(location.searchParams.get('reason')).toBe('internal_error');
    expect(app.events.events.at(-1)?.outcome).toBe('error');
  });
});
