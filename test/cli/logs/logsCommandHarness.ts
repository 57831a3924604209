import type { LogsCommandIo } from '../../../functions/cli/logs/logsCommandIo';
import type { LogsBackend } from '../../../functions/cli/logs/logsBackend';
import type { SqsPoller } from '../../../functions/local/sqsPoller';
import { startLocalPipeline } from '../../redirect-logging/support/localPipeline';
import type { LocalPipeline } from '../../redirect-logging/support/localPipeline';

/** Output of one command run. */
export interface CommandRun {
  code: number;
  out: string;
  err: string;
}

export interface LogsCommandHarness {
  pipeline: LocalPipeline;
  /** Feeds the queue into the log table. */
  poller: SqsPoller;
  /** Stages the commands asked for; `undefined` for the embedded default. */
  openedStages: (string | undefined)[];
  run(command: (args: string[], io: LogsCommandIo) => Promise<number>, args: string[], files?: Record<string, string>): Promise<CommandRun>;
  close(): Promise<void>;
}

/** Runs logs commands against local-aws-sqs and dynalite with a log-writer poller, at a fixed clock. */
export async function startLogsCommandHarness(now: () => Date = () => new Date()): Promise<LogsCommandHarness> {
  const pipeline = await startLocalPipeline();
  const poller = await pipeline.startPoller();
  const openedStages: (string | undefined)[] = [];
  const backend: LogsBackend = {
    reader: pipeline.store,
    openQueue: async () => ({ client: pipeline.sqsClient, queueUrl: pipeline.queues.queueUrl }),
    target: 'local',
    close: async () => undefined,
  };

  return {
    pipeline,
    poller,
    openedStages,
    run: async (command, args, files = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: LogsCommandIo = {
        out: (text) => out.push(text),
        err: (text) => err.push(text),
        openBackend: async (stage) => {
          openedStages.push(stage);
          return backend;
        },
        readTextFile: (path) => {
          if (!(path in files)) {
            throw new Error(`ENOENT: no such file or directory, open '${path}'`);
          }
          return files[path] ?? '';
        },
        now,
      };
      const code = await command(args, io);
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    close: () => pipeline.close(),
  };
}
