import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Builds an API Gateway HTTP API (payload 2.0) event, with realistic values in the fields Form Router reads. */
export function httpEvent(
  method: string,
  rawPath: string,
  options: { query?: string; body?: string; headers?: Record<string, string>; isBase64Encoded?: boolean } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${rawPath}`,
    rawPath,
    rawQueryString: options.query ?? '',
    headers: options.headers ?? {},
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'go.form-router.example',
      domainPrefix: 'go',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'request-1',
      routeKey: `${method} ${rawPath}`,
      stage: '$default',
      time: '04/Dec/2026:20:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

export const getEvent = (path: string, query = '', headers: Record<string, string> = {}) => httpEvent('GET', path, { query, headers });
export const postEvent = (path: string, body: string) => httpEvent('POST', path, { body, headers: { 'content-type': 'application/json' } });
