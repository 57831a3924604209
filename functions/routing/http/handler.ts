import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createRedirectEventSink } from '../../redirect-logging/createRedirectEventSink';
import { DynamoRuleStore } from '../../rule-store/dynamoRuleStore';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/logger';
import { createRoutingDependencies } from '../createRoutingDependencies';
import { createRequestHandler } from './app';
import type { HttpResponse } from './responses';

// Created once per Lambda instance, so warm invocations reuse the clients and the routing tables.
const config = loadConfig();
const dependencies = createRoutingDependencies(config, new DynamoRuleStore({ tableName: config.rulesTable }), createRedirectEventSink(config, 'lambda'));
const handleRequest = createRequestHandler(dependencies);

// Loading the routing tables during the init phase, which Lambda runs before the first request,
// keeps that request from paying for it. The refresh never rejects: failures fall back inside it.
void dependencies.cache.refreshIfDue();

/** Lambda entry point of the HTTP API (API Gateway payload format 2.0). */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<HttpResponse> {
  logger.addContext(context);
  logger.appendKeys({ requestId: event.requestContext.requestId });
  try {
    return await handleRequest(event);
  } finally {
    logger.removeKeys(['requestId']);
  }
}
