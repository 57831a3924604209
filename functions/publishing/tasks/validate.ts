import { decodePublishRun } from '../publishRun';
import { validateDraft } from '../steps/validateDraft';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `Validate` task state. Validates the draft; the first state of a publish. */
export const validateTask = definePublishTask((deps, input) => validateDraft(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(validateTask);
