/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run. Prints a
 * table per benchmark, or with `--json` one JSON object with every figure.
 */
import { benchBundle } from './bundleBench';
import { benchHttp } from './httpBench';
import { benchLogPipeline } from './logPipeline';
import { benchPublish } from './publishBench';
import { benchRedirectLogging } from './redirectLoggingBench';
import { benchResolve } from './resolveBench';

type Benchmark = () => Promise<object>;

/** Benchmarks by name; `npm run bench -- resolve http` runs only those. */
const BENCHMARKS: Record<string, Benchmark> = {
  resolve: benchResolve,
  http: () => benchHttp(),
  bundle: () => benchBundle(),
  publish: benchPublish,
  logPipeline: () => benchLogPipeline(),
  redirectLogging: () => benchRedirectLogging(),
};

const USAGE = `Usage: npm run bench -- [name ...] [--json]

Runs the named benchmarks (default: all) against baselines measured in the same run.
Names: ${Object.keys(BENCHMARKS).join(', ')}
  --json     print one JSON object with every figure instead of tables
  --help     show this help`;

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknownOptions = argv.filter((arg) => arg.startsWith('-') && arg !== '--json');
  if (unknownOptions.length > 0) {
    throw new Error(`Unknown option ${unknownOptions.join(', ')}\n\n${USAGE}`);
  }

  const json = argv.includes('--json');
  const names = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = names.filter((name) => !Object.hasOwn(BENCHMARKS, name));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(BENCHMARKS).join(', ')}`);
  }

  const figures: Record<string, object> = { machine: machine() };
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
    if (!json) console.error(`running ${name} ...`);
    figures[name] = await BENCHMARKS[name]!();
    if (!json) console.log(`\n${name}\n${table(figures[name]!)}`);
  }

  if (json) console.log(JSON.stringify(figures, null, 2));
}

function machine() {
  const os = require('node:os') as typeof import('node:os');
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}

function table(figures: object): string {
  return Object.entries(figures)
    .map(([key, value]) => `  ${key.padEnd(36)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join('\n');
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
