import { decodePublishRun } from '../publishRun';
import { storeDraftVersion } from '../steps/storeDraftVersion';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/** The `StoreVersion` task state. Stores the draft as a numbered version, once per publish id. */
export const storeVersionTask = definePublishTask((deps, input) => storeDraftVersion(deps, decodePublishRun(input)));

export const handler = lambdaHandlerOf(storeVersionTask);
