import { decodePublishRun } from '../publishRun';
import { compileDraft } from '../steps/compileDraft';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `Compile` task state. Compiles the draft into a routing table. */
export const compileTask = definePublishTask((deps, input) => compileDraft(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(compileTask);
