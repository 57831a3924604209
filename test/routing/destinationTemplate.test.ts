import fc from 'fast-check';
import { assertBuiltDestination, buildDestinationUrl, compileDestinationTemplate } from '../../functions/routing/destinationTemplate';
import { UnsafeDestinationError, appendForwardedParameters, fillTemplate } from '../../functions/routing/destinationUrl';
import type { TemplateValues } from '../../functions/routing/destinationUrl';

const policy = { allowedHosts: ['quote.acme.example'], serviceHosts: ['go.form-router.example'] };
const values: TemplateValues = { zip: '02134', state: 'MA', product: 'auto', lang: 'es' };
const allowList = ['utm_*', 'gclid'];

/** The destination as the URL parser builds it, which the compiled template must reproduce. */
function parsedDestination(template: string, templateValues: TemplateValues, parameters: [string, string][]): string {
  const url = fillTemplate(template, templateValues, policy);
  appendForwardedParameters(url, parameters, allowList);
  return url.href;
}

describe('compileDestinationTemplate', () => {
  it('keeps the canonical text around each placeholder', () => {
    const compiled = compileDestinationTemplate('https://QUOTE.acme.example:443/{lang}/auto?zip={zip}#top-{state}', policy);

    expect(compiled.originPrefix).toBe('https://quote.acme.example/');
    expect(compiled.literals).toEqual(['https://quote.acme.example/', '/auto?zip=', '#top-', '']);
    expect(compiled.placeholders.map((placeholder) => placeholder.component)).toEqual(['path', 'query', 'fragment']);
    expect(compiled.concatenates).toBe(true);
  });

  it('records the query names the form sets', () => {
    const compiled = compileDestinationTemplate('https://quote.acme.example/x?zip={zip}&utm%5Fmedium=form', policy);

    expect([...compiled.ownParameterNames]).toEqual(['zip', 'utm_medium']);
  });

  it.each([
    ['http scheme', 'http://quote.acme.example/{lang}'],
    ['host off the allow-list', 'https://evil.example/{lang}'],
    ['user info', 'https://user:pw@quote.acme.example/{lang}'],
    ['Form Router itself', 'https://go.form-router.example/{lang}'],
    ['placeholder in the host', 'https://{lang}.quote.acme.example/'],
    ['placeholder in the port', 'https://quote.acme.example:{zip}/'],
    ['placeholder in a host without slashes', 'https:{lang}quote.acme.example/x'],
  ])('rejects %s', (_case, template) => {
    const allowAll = { ...policy, allowedHosts: [...policy.allowedHosts, 'go.form-router.example', 'esquote.acme.example', 'es.quote.acme.example'] };

    expect(() => compileDestinationTemplate(template, allowAll)).toThrow(UnsafeDestinationError);
  });

  it.each([
    ['a placeholder in a query name', 'https://quote.acme.example/x?{product}=1'],
    ['a percent sign beside a path placeholder', 'https://quote.acme.example/%2{lang}/x'],
  ])('parses per request for %s', (_case, template) => {
    expect(compileDestinationTemplate(template, policy).concatenates).toBe(false);
  });
});

describe('buildDestinationUrl', () => {
  it('fills the placeholders and appends forwarded parameters', () => {
    const compiled = compileDestinationTemplate('https://quote.acme.example/{lang}/auto?zip={zip}', policy);

    const url = buildDestinationUrl(compiled, values, [['utm_source', 'a b'], ['gclid', 'abc']], allowList);

    expect(url).toBe('https://quote.acme.example/es/auto?zip=02134&utm_source=a+b&gclid=abc');
  });

  it('inserts forwarded parameters before the fragment', () => {
    const compiled = compileDestinationTemplate('https://quote.acme.example/auto#{state}', policy);

    const url = buildDestinationUrl(compiled, values, [['gclid', 'abc']], allowList);

    expect(url).toBe('https://quote.acme.example/auto?gclid=abc#MA');
  });

  it.each([
    ['a dot segment', 'https://quote.acme.example/{lang}/x', { ...values, lang: '..' }],
    ['an empty segment beside dots', 'https://quote.acme.example/.{lang}/x', { ...values, lang: '' }],
    ['an apostrophe in the query', "https://quote.acme.example/x?p={product}", { ...values, product: "o'hare" }],
    ['a query that ends with ?', 'https://quote.acme.example/x?', values],
    ['a template the parser reshapes', 'https://quote.acme.example/a/../{lang}/./b?q=<{zip}>', values],
  ])('equals the parsed URL for %s', (_case, template, templateValues) => {
    const compiled = compileDestinationTemplate(template, policy);

    const url = buildDestinationUrl(compiled, templateValues, [['gclid', 'x']], allowList);

    expect(url).toBe(parsedDestination(template, templateValues, [['gclid', 'x']]));
  });

  it('equals the parsed URL for any template and values', () => {
    const templatePiece = fc.oneof(
      fc.constantFrom('{zip}', '{state}', '{product}', '{lang}', '/', '?', '#', '&', '=', '.', '..', '%', '%2', '%2e', "'", '`', '^', '|', '\\', ' ', 'é'),
      fc.stringMatching(/^[a-z0-9_=&-]{0,6}$/),
    );
    const template = fc.array(templatePiece, { maxLength: 10 }).map((pieces) => `https://quote.acme.example/${pieces.join('')}`);
    const value = fc.oneof(fc.constantFrom('', '.', '..', "'", 'a b', '%2e', '?', '#'), fc.string({ maxLength: 6 }));
    const templateValues = fc.record({ zip: value, state: value, product: value, lang: value });
    const parameters = fc.array(fc.tuple(fc.constantFrom('utm_source', 'gclid', 'zip', 'other'), fc.string({ maxLength: 8 })), { maxLength: 4 });

    fc.assert(
      fc.property(template, templateValues, parameters, (text, filledValues, forwarded) => {
        const compiled = compileDestinationTemplate(text, policy);

        expect(buildDestinationUrl(compiled, filledValues, forwarded, allowList)).toBe(parsedDestination(text, filledValues, forwarded));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('assertBuiltDestination', () => {
  it('accepts a URL on the validated origin', () => {
    expect(() => assertBuiltDestination('https://quote.acme.example/es/auto?zip=02134', 'https://quote.acme.example/')).not.toThrow();
  });

  it.each([
    ['another host', 'https://quote.acme.example.evil.example/x'],
    ['user info before the host', 'https://user@quote.acme.example/x'],
    ['a line break', 'https://quote.acme.example/x\r\nSet-Cookie: a=1'],
    ['a space', 'https://quote.acme.example/a b'],
    ['a non-ASCII character', 'https://quote.acme.example/é'],
    ['a double quote', 'https://quote.acme.example/"x"'],
  ])('rejects %s', (_case, url) => {
    expect(() => assertBuiltDestination(url, 'https://quote.acme.example/')).toThrow(UnsafeDestinationError);
  });
});
