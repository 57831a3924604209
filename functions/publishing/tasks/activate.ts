import { decodePublishRun } from '../publishRun';
import { activateVersion } from '../steps/activateVersion';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `Activate` task state. Points the brand at the run's version. */
export const activateTask = definePublishTask((deps, input) => activateVersion(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(activateTask);
