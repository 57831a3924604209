import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Endpoints of a running `npm start`, written to the data folder so that the command line can
 * talk to it instead of opening the same LevelDB folder, which allows one process only.
 */
export interface RunningInstance {
  pid: number;
  httpUrl: string;
  dynamodbEndpoint: string;
  sqsEndpoint?: string;
  redirectQueueUrl?: string;
  deadLetterQueueUrl?: string;
}

const FILE_NAME = 'running-instance.json';

export function writeRunningInstance(dataDir: string, instance: RunningInstance): void {
  writeFileSync(join(dataDir, FILE_NAME), JSON.stringify(instance, null, 2));
}

export function removeRunningInstance(dataDir: string): void {
  rmSync(join(dataDir, FILE_NAME), { force: true });
}

/** Returns the running instance, or `null` when none is recorded or its process is gone. */
export function readRunningInstance(dataDir: string): RunningInstance | null {
  const path = join(dataDir, FILE_NAME);
  if (!existsSync(path)) {
    return null;
  }

  const instance = JSON.parse(readFileSync(path, 'utf8')) as RunningInstance;
  return isAlive(instance.pid) ? instance : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
