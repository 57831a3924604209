import { decodePublishRun } from '../publishRun';
import { checkExpectations } from '../steps/checkExpectations';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `RunExpectations` task state. Runs the brand's expectations against the draft. */
export const runExpectationsTask = definePublishTask((deps, input) => checkExpectations(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(runExpectationsTask);
