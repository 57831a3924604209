import { RESOLVE_FAILURE_CODES } from '../resolveFailure';

const queryParameters = [
  { name: 'brand', in: 'query', required: true, schema: { type: 'string', example: 'acme' }, description: 'Brand id.' },
  { name: 'product', in: 'query', required: true, schema: { type: 'string', example: 'auto' }, description: 'Product to quote.' },
  {
    name: 'zip',
    in: 'query',
    required: true,
    schema: { type: 'string', example: '02134' },
    description: 'US ZIP code: NNNNN, NNNNN-NNNN, NNNNN NNNN or NNNNNNNNN. A 4-digit value is rejected, never padded.',
  },
  {
    name: 'lang',
    in: 'query',
    required: false,
    schema: { type: 'string', example: 'es-US' },
    description: 'BCP 47 language tag, reduced to its primary subtag. When omitted, Accept-Language and then the brand default apply.',
  },
];

const problem = {
  description: 'Problem details (RFC 9457) with a stable `code`.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** The OpenAPI 3.1 document served at `/openapi.json`. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Form Router',
    version: '1.0.0',
    description:
      'Sends a visitor to the right quote form from a ZIP code, a product, a language and a brand. ' +
      'When a query parameter repeats, its first value counts.',
  },
  paths: {
    '/v1/redirect': {
      get: {
        summary: 'Redirect a visitor to the quote form',
        description:
          'Always redirects for a known brand: to the chosen form, or to the brand fallback URL with a `reason` parameter ' +
          '(one of the problem codes) when the input is invalid or resolving fails. Query parameters on the brand allow-list ' +
          '(such as utm_* and gclid) are forwarded.',
        parameters: queryParameters,
        responses: {
          '302': { description: 'Redirect to the form or the brand fallback URL.', headers: { Location: { schema: { type: 'string', format: 'uri' } } } },
          '400': { description: 'The brand parameter is missing (HTML page).' },
          '404': { description: 'The brand is unknown (HTML page).' },
        },
      },
    },
    '/v1/resolve': {
      get: {
        summary: 'Resolve the form for an input',
        parameters: queryParameters,
        responses: { '200': { $ref: '#/components/responses/Resolution' }, '4XX': problem, '500': problem },
      },
      post: {
        summary: 'Resolve the form for an input given as JSON',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ResolveRequest' } } },
        },
        responses: { '200': { $ref: '#/components/responses/Resolution' }, '4XX': problem, '500': problem },
      },
    },
    '/health': {
      get: {
        summary: 'Active rule-set version per brand and data versions',
        responses: { '200': { description: 'Service health.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document.' } } } },
  },
  components: {
    responses: {
      Resolution: { description: 'The chosen form.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Resolution' } } } },
    },
    schemas: {
      ResolveRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['brand', 'product', 'zip'],
        properties: {
          brand: { type: 'string' },
          product: { type: 'string' },
          zip: { type: ['string', 'integer'], description: 'A number is padded to 5 digits, since it cannot carry a leading zero.' },
          lang: { type: 'string' },
        },
      },
      Resolution: {
        type: 'object',
        required: ['url', 'form', 'formType', 'state', 'stateInferred', 'language', 'ruleId', 'rulesetVersion', 'reason'],
        properties: {
          url: { type: 'string', format: 'uri' },
          form: { type: 'string' },
          formType: { type: 'string', enum: ['online', 'agent', 'callback', 'not-served', 'fallback'] },
          state: { type: 'string', description: 'USPS code of the ZIP mailing address.' },
          stateInferred: { type: 'boolean', description: 'True when the ZIP is not in the table and the state comes from its 3-digit prefix.' },
          language: { type: 'string' },
          ruleId: { type: ['string', 'null'], description: 'The deciding rule; null when the fallback form applies.' },
          rulesetVersion: { type: 'integer', description: 'Active version; 0 when served from the bundled snapshot.' },
          reason: { type: 'string', enum: ['rule', 'fallback', 'not_served'] },
        },
      },
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string', enum: [...RESOLVE_FAILURE_CODES, 'invalid_request', 'not_found', 'method_not_allowed'] },
          parameter: { type: 'string' },
          hint: { type: 'string' },
          accepted: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;
