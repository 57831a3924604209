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

  const timed = await resolveTimed(request, deps);
  const { result } = timed;
  if (!result.ok) {
    await sendEvent('resolve', timed, null, deps);
    return problemResponse(result.failure, RESOLVE_CORS_HEADERS);
  }

  await sendEvent('resolve', timed, result.resolution.url, deps);
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
  const pending = resolveTimed(request, deps);
  const timed = pending instanceof Promise ? await pending : pending;
  const { result } = timed;
  if (result.ok) {
    await sendEvent('redirect', timed, result.resolution.url, deps);
    return redirectResponse(result.resolution.url);
  }

  if (!result.table) {
    await sendEvent('redirect', timed, null, deps);
    return errorPage(result.failure.code === 'missing_parameter' ? 400 : 404, result.failure.message);
  }

  const fallback = new URL(result.table.settings.fallbackUrl);
  assertSafeDestination(fallback, { allowedHosts: result.table.settings.allowedHosts, serviceHosts: deps.serviceHosts });
  fallback.searchParams.set('reason', result.failure.code);
  appendForwardedParameters(fallback, request.forwardParameters, result.table.settings.forwardedParameters);

  await sendEvent('redirect', timed, fallback.href, deps);
  return redirectResponse(fallback.href);
}

/** A resolve result with the request's start time and the time resolving took, for the redirect event. */
interface TimedResult {
  result: ResolveResult;
  /** Milliseconds since the epoch when resolving started. */
  startedAt: number;
  latencyMs: number;
}

/**
 * Resolves with a fresh table. Returns a promise only when the routing tables are due for a
 * refresh, so that the common case awaits nothing. An unexpected error becomes an
 * `internal_error` failure, logged once, so that the redirect route can still send a known
 * brand's visitor to its fallback URL.
 */
function resolveTimed(request: ResolveRequest, deps: RouteDependencies): TimedResult | Promise<TimedResult> {
  const startedAt = Date.now();
  const started = performance.now();

  let refresh: Promise<void> | undefined;
  try {
    refresh = deps.cache.refreshIfDue();
  } catch (error) {
    return timedResult(failed(error, request, deps), startedAt, started);
  }
  if (refresh) {
    return refresh.then(
      () => timedResult(resolveOrFail(request, deps), startedAt, started),
      (error: unknown) => timedResult(failed(error, request, deps), startedAt, started),
    );
  }
  return timedResult(resolveOrFail(request, deps), startedAt, started);
}

function resolveOrFail(request: ResolveRequest, deps: RouteDependencies): ResolveResult {
  try {
    return resolveForm(request, { tableFor: (name) => deps.cache.peek(name), serviceHosts: deps.serviceHosts });
  } catch (error) {
    return failed(error, request, deps);
  }
}

function timedResult(result: ResolveResult, startedAt: number, started: number): TimedResult {
  return { result, startedAt, latencyMs: performance.now() - started };
}

/** Sends the request's one redirect event. */
function sendEvent(endpoint: RedirectEvent['endpoint'], timed: TimedResult, url: string | null, deps: RouteDependencies): Promise<void> {
  return deps.events.send(redirectEventOf(endpoint, timed.result, url, timed.startedAt, timed.latencyMs));
}

function failed(error: unknown, request: ResolveRequest, deps: RouteDependencies): ResolveResult {
  logger.error('resolve failed', { error: error as Error, brand: request.brand?.slice(0, 64) });
  return internalError(request, deps);
}

function internalError(request: ResolveRequest, deps: RouteDependencies): ResolveResult {
  const brand = request.brand?.normalize('NFKC').trim().toLowerCase();
  const table = brand ? deps.cache.peek(brand) : undefined;
  const facts = { brand: table ? table.brand : null, product: null, language: null, zip: null, state: null, stateInferred: false };
  return { ok: false, failure: { code: 'internal_error', message: 'Resolving failed inside Form Router' }, facts, table };
}
