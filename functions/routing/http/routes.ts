import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RedirectEvent, RedirectEventSink } from '../../redirect-logging/redirectEvent';
import { logger } from '../../shared/logger';
import { appendForwardedParameters, assertSafeDestination } from '../destinationUrl';
import { resolveForm } from '../resolveForm';
import type { ResolveRequest, ResolveResult } from '../resolveForm';
import type { RoutingTableCache } from '../routingTableCache';
import { redirectEventOf } from './redirectEventOf';
import { requestFromBody, requestFromQuery } from './resolveRequest';
import { errorPage, jsonResponse, problemResponse, redirectResponse } from './responses';
import type { HttpResponse } from './responses';

export interface RouteDependencies {
  cache: RoutingTableCache;
  events: RedirectEventSink;
  serviceHosts: readonly string[];
}

/** CORS headers of `/v1/resolve`, which brand pages call from the browser. */
export const RESOLVE_CORS_HEADERS = { 'access-control-allow-origin': '*' };

/** `GET /v1/resolve` and `POST /v1/resolve`: the resolution as JSON, or a problem document. */
export async function resolveRoute(event: APIGatewayProxyEventV2, deps: RouteDependencies): Promise<HttpResponse> {
  const request = event.requestContext.http.method === 'POST' ? requestFromBody(event) : requestFromQuery(event);
  if ('code' in request) {
    return problemResponse(request, RESOLVE_CORS_HEADERS);
  }

  const { result, send } = await resolveTimed(request, deps);
  if (!result.ok) {
    await send('resolve', null);
    return problemResponse(result.failure, RESOLVE_CORS_HEADERS);
  }

  await send('resolve', result.resolution.url);
  const { url, form, formType, state, stateInferred, language, ruleId, rulesetVersion, reason } = result.resolution;
  const body = { url, form, formType, state, stateInferred, language, ruleId, rulesetVersion, reason };
  return jsonResponse(200, body, RESOLVE_CORS_HEADERS);
}

/**
 * `GET /v1/redirect`: a 302 to the chosen form. A known brand always gets a redirect: invalid
 * input and internal failures go to the brand's fallback URL with a `reason` parameter. Only a
 * missing or unknown brand gets an error page, since there is nowhere to send the visitor.
 */
export async function redirectRoute(event: APIGatewayProxyEventV2, deps: RouteDependencies): Promise<HttpResponse> {
  const request = requestFromQuery(event);
  const { result, send } = await resolveTimed(request, deps);
  if (result.ok) {
    await send('redirect', result.resolution.url);
    return redirectResponse(result.resolution.url);
  }

  if (!result.table) {
    await send('redirect', null);
    return errorPage(result.failure.code === 'missing_parameter' ? 400 : 404, result.failure.message);
  }

  const fallback = new URL(result.table.settings.fallbackUrl);
  assertSafeDestination(fallback, { allowedHosts: result.table.settings.allowedHosts, serviceHosts: deps.serviceHosts });
  fallback.searchParams.set('reason', result.failure.code);
  appendForwardedParameters(fallback, request.forwardParameters, result.table.settings.forwardedParameters);

  await send('redirect', fallback.href);
  return redirectResponse(fallback.href);
}

/**
 * Resolves with a fresh table and returns a function that sends the request's one redirect
 * event. An unexpected error becomes an `internal_error` failure, logged once, so that the
 * redirect route can still send a known brand's visitor to its fallback URL.
 */
async function resolveTimed(request: ResolveRequest, deps: RouteDependencies) {
  const startedAt = new Date();
  const started = performance.now();
  let result: ResolveResult;

  try {
    const refresh = deps.cache.refreshIfDue();
    if (refresh) {
      await refresh;
    }
    result = resolveForm(request, { tableFor: (name) => deps.cache.peek(name), serviceHosts: deps.serviceHosts });
  } catch (error) {
    logger.error('resolve failed', { error: error as Error, brand: request.brand?.slice(0, 64) });
    result = internalError(request, deps);
  }

  const latencyMs = performance.now() - started;
  const send = (endpoint: RedirectEvent['endpoint'], url: string | null) =>
    deps.events.send(redirectEventOf(endpoint, result, url, startedAt, latencyMs));
  return { result, send };
}

function internalError(request: ResolveRequest, deps: RouteDependencies): ResolveResult {
  const brand = request.brand?.normalize('NFKC').trim().toLowerCase();
  const table = brand ? deps.cache.peek(brand) : undefined;
  const facts = { brand: table ? table.brand : null, product: null, language: null, zip: null, state: null, stateInferred: false };
  return { ok: false, failure: { code: 'internal_error', message: 'Resolving failed inside Form Router' }, facts, table };
}
