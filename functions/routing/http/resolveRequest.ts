import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ResolveRequest } from '../resolveForm';
import { parseQueryParameters } from './queryParameters';
import { findDuplicateTopLevelKey } from './duplicateJsonKeys';
import type { RequestError } from './responses';

/** Largest accepted `POST /v1/resolve` body; the four fields fit in a small fraction of it. */
export const MAX_BODY_BYTES = 8 * 1024;

const BODY_FIELDS = ['brand', 'product', 'zip', 'lang'] as const;

/** Builds a resolve request from a query string; the first value of a repeated parameter counts. */
export function requestFromQuery(event: APIGatewayProxyEventV2): ResolveRequest {
  const query = parseQueryParameters(event.rawQueryString);
  return {
    brand: query.first('brand'),
    product: query.first('product'),
    zip: query.first('zip'),
    lang: query.first('lang'),
    acceptLanguage: event.headers?.['accept-language'],
    forwardParameters: query.entries(),
  };
}

/**
 * Builds a resolve request from a JSON body `{brand, product, zip, lang}`. `zip` may be a number
 * because brand back ends often store ZIPs as integers. Returns a `RequestError` for a body that
 * is not such an object.
 */
export function requestFromBody(event: APIGatewayProxyEventV2): ResolveRequest | RequestError {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { code: 'invalid_request', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` };
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { code: 'invalid_request', message: 'Request body is not valid JSON; expected {"brand", "product", "zip", "lang"}' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { code: 'invalid_request', message: 'Request body must be a JSON object with "brand", "product", "zip" and optional "lang"' };
  }

  const duplicate = findDuplicateTopLevelKey(text);
  if (duplicate !== undefined) {
    return { code: 'invalid_request', parameter: duplicate.slice(0, 40), message: `Field ${JSON.stringify(duplicate).slice(0, 60)} appears more than once; send each field once` };
  }

  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !(BODY_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return { code: 'invalid_request', message: `Unknown field ${JSON.stringify(unknown[0]).slice(0, 60)}; accepted: ${BODY_FIELDS.join(', ')}` };
  }
  for (const name of ['brand', 'product', 'lang'] as const) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string') {
      return { code: 'invalid_request', parameter: name, message: `Field "${name}" must be a string, got ${typeOf(fields[name])}` };
    }
  }

  return {
    brand: fields.brand as string | undefined,
    product: fields.product as string | undefined,
    zip: fields.zip,
    lang: fields.lang as string | undefined,
    acceptLanguage: event.headers?.['accept-language'],
    forwardParameters: [],
  };
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
