import path from 'node:path';
import type { PublishCommandIo } from '../../../functions/cli/rules/publishCommandIo';
import { startPublishingHarness } from '../../publishing/publishingHarness';
import type { PublishingHarness } from '../../publishing/publishingHarness';

/** A rules folder with the brand `broken`, whose first rule names a form that forms.json lacks. */
export const BROKEN_RULES_DIR = path.join(__dirname, 'fixtures', 'publish-rules');

/** Command output captured line by line, with the backend on dynalite. */
export interface CapturedIo extends PublishCommandIo {
  stdout: string[];
  stderr: string[];
  harness: PublishingHarness;
}

/** Starts dynalite and returns command output that records what the command prints. */
export async function startCapturedIo(): Promise<CapturedIo> {
  const harness = await startPublishingHarness();
  const stdout: string[] = [];
  const stderr: string[] = [];

  return {
    stdout,
    stderr,
    harness,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    openBackend: async () => ({ store: harness.store, runner: harness.runner(), target: 'local', close: async () => undefined }),
  };
}
