/**
 * Redirect latency on the local server with redirect logging on (batching sink, local-aws-sqs and
 * the log writer into dynalite, in a worker thread of the server's process, as `npm start` runs) against the same
 * server dropping every event, the baseline. A third run sends events to the queue with no log
 * writer, which separates what the producer costs from what the local log writer costs by sharing
 * the process. All are loaded at the same fixed request rate, one the log pipeline keeps up with,
 * so the figures show what logging costs a redirect, not overload.
 *
 * Run alone with `npx tsx bench/redirectLoggingBench.ts [--json]`.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { ChildServer } from './childServer';
import { loadAtFixedRate } from './fixedRateLoad';
import type { FixedRateResult } from './fixedRateLoad';
import { median } from './measure';
import { REDIRECT_PATH } from './httpBench';

export interface RedirectLoggingFigures {
  path: string;
  requestsPerSecond: number;
  durationSeconds: number;
  /** Rounds of the three modes, run in turn; each figure is the median over the rounds. */
  rounds: number;
  loggingOnP50Micros: number;
  loggingOnP99Micros: number;
  /** Events sent to the local queue, no log writer running. */
  queueOnlyP50Micros: number;
  queueOnlyP99Micros: number;
  /** Baseline: the same server, events dropped. */
  loggingOffP50Micros: number;
  loggingOffP99Micros: number;
  /** Median p99 with logging on minus median p99 with logging off. */
  addedP99Micros: number;
  /** p99 of each round, so that the spread behind the medians shows. */
  p99MicrosByRound: { off: number[]; queueOnly: number[]; on: number[] };
}

/**
 * Runs the three modes in turn, `rounds` times, so that a noisy moment of a shared machine hits
 * one round of one mode rather than a whole figure, and reports medians.
 */
export async function benchRedirectLogging(requestsPerSecond = 300, durationSeconds = 8, rounds = 3): Promise<RedirectLoggingFigures> {
  const off: FixedRateResult[] = [];
  const on: FixedRateResult[] = [];
  const queueOnly: FixedRateResult[] = [];
  for (let round = 0; round < rounds; round++) {
    off.push(await loadAtRate('discard', requestsPerSecond, durationSeconds));
    on.push(await loadAtRate('queue', requestsPerSecond, durationSeconds));
    queueOnly.push(await loadAtRate('queue-only', requestsPerSecond, durationSeconds));
  }

  const p50 = (results: FixedRateResult[]) => median(results.map((result) => result.p50Micros));
  const p99 = (results: FixedRateResult[]) => median(results.map((result) => result.p99Micros));
  return {
    path: REDIRECT_PATH,
    requestsPerSecond,
    durationSeconds,
    rounds,
    loggingOnP50Micros: p50(on),
    loggingOnP99Micros: p99(on),
    queueOnlyP50Micros: p50(queueOnly),
    queueOnlyP99Micros: p99(queueOnly),
    loggingOffP50Micros: p50(off),
    loggingOffP99Micros: p99(off),
    addedP99Micros: p99(on) - p99(off),
    p99MicrosByRound: {
      off: off.map((result) => result.p99Micros),
      queueOnly: queueOnly.map((result) => result.p99Micros),
      on: on.map((result) => result.p99Micros),
    },
  };
}

/** Loads the embedded server at a fixed rate after a two-second warm-up at the same rate, and stops it. */
async function loadAtRate(mode: 'queue' | 'queue-only' | 'discard', rate: number, durationSeconds: number): Promise<FixedRateResult> {
  const server = await startTsxServer('servers/embeddedFormRouterServer.ts', { BENCH_REDIRECT_EVENTS: mode });
  const url = server.url + REDIRECT_PATH;

  try {
    await loadAtFixedRate(url, rate, 2);
    const result = await loadAtFixedRate(url, rate, durationSeconds);
    if (result.errors > 0 || result.unexpectedStatus > 0) {
      throw new Error(`redirect events ${mode}: ${result.errors} errors, ${result.unexpectedStatus} responses other than 302 of ${result.requests}`);
    }
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * Starts a server script through tsx in its own process and waits for the URL it prints first.
 * The embedded server cannot be bundled like the other benchmark servers, because dynalite loads
 * LevelDB's native addon. Both variants start this way, so the transpiler costs them alike.
 */
function startTsxServer(script: string, env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', resolve(__dirname, script)], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} printed no URL within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before printing its URL`)));
    child.stdout?.setEncoding('utf8').once('data', (text: string) => {
      clearTimeout(timer);
      const stop = () => new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      resolveStart({ url: text.trim().split('\n')[0] ?? '', process: child, stop });
    });
  });
}

if (require.main === module) {
  const json = process.argv.includes('--json');
  benchRedirectLogging().then(
    (figures) => {
      const text = Object.entries(figures).map(([key, value]) => `  ${key.padEnd(24)} ${value}`);
      console.log(json ? JSON.stringify(figures, null, 2) : text.join('\n'));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
