import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ResolveFailure, ResolveFailureCode } from '../resolveFailure';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** HTTP status of each failure code on `/v1/resolve`. */
const FAILURE_STATUS: Record<ResolveFailureCode | RequestErrorCode, number> = {
  missing_parameter: 400,
  invalid_zip: 400,
  not_us_postal_code: 400,
  invalid_request: 400,
  unknown_zip: 422,
  unsupported_language: 422,
  unknown_brand: 404,
  unknown_product: 404,
  not_found: 404,
  method_not_allowed: 405,
  internal_error: 500,
};

const TITLES: Record<ResolveFailureCode | RequestErrorCode, string> = {
  missing_parameter: 'Missing parameter',
  invalid_zip: 'Invalid ZIP code',
  not_us_postal_code: 'Not a US postal code',
  invalid_request: 'Invalid request',
  unknown_zip: 'Unknown ZIP code',
  unsupported_language: 'Unsupported language',
  unknown_brand: 'Unknown brand',
  unknown_product: 'Unknown product',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal error',
};

/** Codes for requests that fail before resolving starts: malformed body, unknown path or method. */
export type RequestErrorCode = 'invalid_request' | 'not_found' | 'method_not_allowed';

export interface RequestError {
  code: RequestErrorCode;
  message: string;
  parameter?: string;
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** Builds an RFC 9457 problem document with the stable `code` of the failure. */
export function problemResponse(failure: ResolveFailure | RequestError, headers: Record<string, string> = {}): HttpResponse {
  const status = FAILURE_STATUS[failure.code];
  const { code, message, ...details } = failure;
  const problem = { type: `urn:form-router:problem:${code}`, title: TITLES[code], status, detail: message, code, ...details };

  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
    body: JSON.stringify(problem),
  };
}

export function redirectResponse(location: string): HttpResponse {
  return { statusCode: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

/** Builds the error page of `/v1/redirect`, used only when there is no brand to send the visitor back to. */
export function errorPage(statusCode: number, message: string): HttpResponse {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form Router</title></head><body><h1>This link is not valid</h1><p>${escaped}</p></body></html>`,
  };
}
