import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResponse } from '../routing/http/responses';
import { MAX_BODY_BYTES } from '../routing/http/resolveRequest';
import { logger } from '../shared/logger';

export type EventHandler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

export interface LocalHttpServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the Lambda request handler over `node:http` on 127.0.0.1, turning each request into the
 * API Gateway HTTP API (payload 2.0) event that AWS would deliver.
 */
export async function startHttpServer(handle: EventHandler, port: number): Promise<LocalHttpServer> {
  const server = createServer((request, response) => {
    serve(handle, request, response).catch((error: unknown) => {
      // A client that hangs up mid-request is not a server failure, and no response can reach it.
      if (request.destroyed || response.destroyed) {
        logger.debug('local request aborted by the client', { error: error as Error });
        return;
      }
      logger.error('local request failed', { error: error as Error });
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' });
      }
      response.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  // Bounds on slow clients; API Gateway applies its own in AWS.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(handle: EventHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // Requests without a body, every redirect among them, await nothing before the handler.
  const result = hasBody(request) ? await handle(toEvent(request, await readBody(request))) : await handle(toEvent(request, ''));
  const responseBody = result.body ?? '';

  // A known length lets Node send headers and body in one write instead of a chunked response.
  // Node accepts headers as a flat name, value list, which spares copying the handler's object.
  const headers: (string | number)[] = [];
  for (const name in result.headers) {
    if (name !== 'content-length') {
      headers.push(name, result.headers[name]!);
    }
  }
  headers.push('content-length', responseBody === '' ? 0 : Buffer.byteLength(responseBody));
  response.writeHead(result.statusCode, headers as string[]);
  response.end(responseBody);
}

/** Checks whether the request announces a body; reading an absent one would cost a stream iteration per request. */
function hasBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
}

/**
 * Reads the body, keeping at most one byte more than the largest accepted body: the handler then
 * rejects it with its own error, as it does in Lambda, and the rest is read and dropped.
 */
async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1).toString('utf8');
}

let requestCount = 0;

function toEvent(request: IncomingMessage, body: string): APIGatewayProxyEventV2 {
  const target = request.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : target.slice(queryStart + 1);
  // Node joins repeated request headers with commas, as API Gateway does, except set-cookie,
  // which a request does not carry.
  const headers = request.headers as Record<string, string>;
  const method = request.method ?? 'GET';
  const now = Date.now();

  return {
    version: '2.0',
    routeKey: `${method} ${rawPath}`,
    rawPath,
    rawQueryString,
    headers,
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method, path: rawPath, protocol: `HTTP/${request.httpVersion}`, sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: `local-${process.pid}-${++requestCount}`,
      routeKey: `${method} ${rawPath}`,
      stage: '$default',
      time: String(now),
      timeEpoch: now,
    },
  };
}
