import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { healthRoute } from './healthRoute';
import { OPENAPI_DOCUMENT } from './openApiDocument';
import { jsonResponse, problemResponse } from './responses';
import type { HttpResponse } from './responses';
import { RESOLVE_CORS_HEADERS, redirectRoute, resolveRoute } from './routes';
import type { RouteDependencies } from './routes';

type Route = (event: APIGatewayProxyEventV2, deps: RouteDependencies) => Promise<HttpResponse>;

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/v1/redirect': { GET: redirectRoute },
  '/v1/resolve': { GET: resolveRoute, POST: resolveRoute, OPTIONS: async () => resolvePreflight() },
  '/health': { GET: (_event, deps) => healthRoute(deps.cache) },
  '/openapi.json': { GET: async () => jsonResponse(200, OPENAPI_DOCUMENT, { 'cache-control': 'public, max-age=300' }) },
};

/**
 * Builds the request handler shared by the Lambda function and the local server: one API
 * Gateway HTTP API (payload 2.0) event in, one response out.
 */
export function createRequestHandler(deps: RouteDependencies): (event: APIGatewayProxyEventV2) => Promise<HttpResponse> {
  return async (event) => {
    const path = event.rawPath;
    const method = event.requestContext.http.method.toUpperCase();
    const methods = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (!methods) {
      return problemResponse({ code: 'not_found', message: `No route for ${method} ${path.slice(0, 100)}; see /openapi.json` });
    }

    const route = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!route) {
      const allowed = Object.keys(methods).join(', ');
      const cors = path === '/v1/resolve' ? RESOLVE_CORS_HEADERS : {};
      return problemResponse({ code: 'method_not_allowed', message: `${method} is not allowed on ${path}; allowed: ${allowed}` }, { allow: allowed, ...cors });
    }

    try {
      return await route(event, deps);
    } catch (error) {
      logger.error('request failed', { error: error as Error, path, method });
      return problemResponse({ code: 'internal_error', message: 'Form Router failed to handle the request' });
    }
  };
}

function resolvePreflight(): HttpResponse {
  return {
    statusCode: 204,
    headers: {
      ...RESOLVE_CORS_HEADERS,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, accept-language',
      'access-control-max-age': '600',
    },
    body: '',
  };
}
