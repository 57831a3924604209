import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Bundles a TypeScript server script as the Lambda bundle is built (minified CommonJS), starts it
 * in its own Node.js process and waits for the URL it prints first. Running the bundle rather than
 * the sources through tsx keeps the transpiler's overhead out of the figures.
 */
export async function startChildServer(script: string, env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'form-router-bench-')), 'server.js');
  await build({ entryPoints: [resolve(__dirname, script)], outfile, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'error' });

  const child = spawn(process.execPath, [outfile], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    // The IPC channel lets the benchmark ask the server for its CPU usage (see cpuProbe.ts).
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });

  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} printed no URL within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before printing its URL`)));
    child.stdout?.setEncoding('utf8').once('data', (text: string) => {
      clearTimeout(timer);
      resolveStart({
        url: text.trim().split('\n')[0] ?? '',
        process: child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
