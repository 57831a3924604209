/**
 * Size of the redirect function's bundle, built with the esbuild options of serverless.yml, and
 * the time a fresh Node.js process takes from spawn to its first response through that bundle,
 * against a fresh Node.js process that only prints.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ensureTables, startDynalite } from '../functions/local/dynaliteServer';
import { DynamoRuleStore } from '../functions/rule-store/dynamoRuleStore';
import { RULES_DIR, loadAllRuleSets } from '../functions/ruleset/loadRuleSet';
import { createDynamoDocumentClient } from '../functions/shared/awsClients';
import { loadConfig } from '../functions/shared/config';
import { rulesTableDefinition } from '../functions/shared/tables';
import { median, round } from './measure';

export interface BundleFigures {
  redirectBundleBytes: number;
  /** Median ms from spawn to the first response of the bundled handler, reading the rule store. */
  firstResponseMedianMillis: number;
  /** Median ms from spawn to the first output of `node -e`, the baseline. */
  bareNodeMedianMillis: number;
  runs: number;
}

/** Bundles the redirect handler with the esbuild options of `custom.esbuild` in serverless.yml and returns the file. */
export async function bundleRedirectFunction(outdir: string): Promise<string> {
  const outfile = join(outdir, 'handler.js');
  await build({
    entryPoints: [resolve(__dirname, '../functions/routing/http/handler.ts')],
    outfile,
    bundle: true,
    minify: true,
    target: 'node22',
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return outfile;
}

export async function benchBundle(runs = 7): Promise<BundleFigures> {
  const outdir = mkdtempSync(join(tmpdir(), 'form-router-bundle-'));
  const bundle = await bundleRedirectFunction(outdir);
  const invoker = join(outdir, 'invoke.js');
  writeFileSync(invoker, INVOKER);

  const dynamo = await startDynalite();
  try {
    const env = {
      FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint,
      FORM_ROUTER_RULES_TABLE: 'bench-rules',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    await publishSamples(dynamo.endpoint);

    const firstResponse: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < runs; run++) {
      firstResponse.push(await timeToOutput([invoker, bundle], env));
      bare.push(await timeToOutput(['-e', 'process.stdout.write("status=ready\\n")'], {}));
    }

    return {
      redirectBundleBytes: statSync(bundle).size,
      firstResponseMedianMillis: round(median(firstResponse), 1),
      bareNodeMedianMillis: round(median(bare), 1),
      runs,
    };
  } finally {
    await dynamo.close();
  }
}

/** Loads the bundle and sends it one redirect request, printing the status code. */
const INVOKER = `
const { handler } = require(process.argv[2]);
const event = { version: '2.0', rawPath: '/v1/redirect', rawQueryString: 'brand=acme&product=auto&zip=30303',
  headers: {}, requestContext: { http: { method: 'GET', path: '/v1/redirect' }, requestId: 'bench' } };
handler(event, { functionName: 'bench', awsRequestId: 'bench' }).then((r) => { process.stdout.write('status=' + r.statusCode + '\\n'); process.exit(0); });
`;

async function publishSamples(endpoint: string): Promise<void> {
  await ensureTables(endpoint, [rulesTableDefinition('bench-rules')]);
  const config = loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: endpoint });
  const store = new DynamoRuleStore({ tableName: 'bench-rules', client: createDynamoDocumentClient(config) });
  for (const ruleSet of loadAllRuleSets(RULES_DIR)) {
    const version = await store.putVersion(ruleSet, 'bench');
    await store.activate(ruleSet.settings.brand, version.version, null, 'bench');
  }
}

/** Milliseconds from spawn to the line `status=...` on the child's output; other output (logs, metrics) is skipped. */
function timeToOutput(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';

  return new Promise((resolveTime, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const status = /status=(\S+)/.exec(output)?.[1];
      if (status === undefined) {
        return;
      }

      const millis = Number(process.hrtime.bigint() - started) / 1e6;
      child.stdout.removeAllListeners('data');
      if (status !== '302' && status !== 'ready') {
        reject(new Error(`bundled handler returned status ${status}, expected 302`));
      }
      resolveTime(millis);
    });
    child.once('error', reject);
  });
}
