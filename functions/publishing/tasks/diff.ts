import { decodePublishRun } from '../publishRun';
import { diffDraft } from '../steps/diffDraft';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `Diff` task state. Diffs the draft against the version it replaces. */
export const diffTask = definePublishTask((deps, input) => diffDraft(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(diffTask);
