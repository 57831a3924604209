/**
 * `npm start`: the embedded default. Starts the local stand-ins on loopback, publishes the sample
 * rule sets of `rules/`, serves the HTTP API and prints example URLs. Ctrl-C flushes buffered
 * redirect events and stops everything.
 */
import { DynamoRuleStore } from '../rule-store/dynamoRuleStore';
import { createRoutingDependencies } from '../routing/createRoutingDependencies';
import { createRequestHandler } from '../routing/http/app';
import { createDynamoDocumentClient } from '../shared/awsClients';
import { logger } from '../shared/logger';
import { DEFAULT_DATA_DIR } from './embeddedRuntime';
import { startEmbeddedRuntimeInWorker } from './embeddedRuntimeInWorker';
import { startHttpServer } from './httpServer';
import type { PublishResult } from '../publishing/publishResult';
import type { ActivePointer } from '../rule-store/ruleStore';
import { publishSampleRuleSets } from './publishSampleRuleSets';
import { readRunningInstance, removeRunningInstance, writeRunningInstance } from './runningInstance';

async function start(): Promise<void> {
  quietenConsole();
  const port = readPort(process.env.PORT);
  const running = readRunningInstance(DEFAULT_DATA_DIR);
  if (running) {
    throw new Error(`Form Router already runs as process ${running.pid} on ${running.httpUrl}; stop it first (LevelDB allows one process per data folder)`);
  }

  const runtime = await startEmbeddedRuntimeInWorker({ dataDir: DEFAULT_DATA_DIR });
  const store = new DynamoRuleStore({ tableName: runtime.config.rulesTable, client: createDynamoDocumentClient(runtime.config) });
  const published = await publishSampleRuleSets(store, runtime.config.serviceHosts);

  const events = runtime.events;
  const dependencies = createRoutingDependencies(runtime.config, store, events);
  await dependencies.cache.allTables();
  const handle = createRequestHandler(dependencies);
  const http = await startHttpServer(handle, port).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is in use; choose another with PORT, e.g. PORT=3100 npm start`) : error;
  });
  writeRunningInstance(DEFAULT_DATA_DIR, { pid: process.pid, httpUrl: http.url, ...runtime.instance });

  printWelcome(http.url, published, await store.listActive());
  onShutdown(async () => {
    await http.close();
    await events.flush();
    removeRunningInstance(DEFAULT_DATA_DIR);
    await runtime.close();
  });
}

/**
 * Keeps the console readable: structured logs from WARN up unless POWERTOOLS_LOG_LEVEL sets
 * another level, and no AWS SDK notice that its releases after January 2027 need Node.js 22.
 */
function quietenConsole(): void {
  if (process.env.POWERTOOLS_LOG_LEVEL === undefined) {
    logger.setLogLevel('WARN');
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

function readPort(raw: string | undefined): number {
  const port = Number(raw ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid PORT "${raw}": expected an integer from 0 to 65535`);
  }
  return port;
}

function printWelcome(url: string, published: PublishResult[], active: ActivePointer[]): void {
  const lines = [
    `Form Router listens on ${url}`,
    '',
    'Rule sets of rules/ (published on every start, like `form-router rules publish`):',
    ...published.flatMap((result) => describePublish(result, active.find((pointer) => pointer.brand === result.brand))),
    '',
    'Try:',
    `  ${url}/v1/resolve?brand=acme&product=auto&zip=02134&lang=en`,
    `  ${url}/v1/redirect?brand=acme&product=auto&zip=33101&lang=es&utm_source=newsletter`,
    `  ${url}/v1/resolve?brand=acme&product=home&zip=33101`,
    `  ${url}/v1/redirect?brand=acme&product=auto&zip=2134   (invalid ZIP: fallback URL with a reason)`,
    `  ${url}/health`,
    `  ${url}/openapi.json`,
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

function describePublish(result: PublishResult, active: ActivePointer | undefined): string[] {
  const serving = active ? `serving version ${active.version}` : 'not served';
  const summary = `  ${result.brand.padEnd(12)} ${result.outcome}, ${serving}`;
  return [summary, ...result.errors.map((error) => `      ${error}`)];
}

function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`Stopping on ${signal} ...`);
    stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('stop failed', { error: error as Error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
