import { activateTask } from '../tasks/activate';
import { compileTask } from '../tasks/compile';
import { diffTask } from '../tasks/diff';
import type { PublishTask } from '../tasks/publishTask';
import { recordFailureTask } from '../tasks/recordFailure';
import { recordHistoryTask } from '../tasks/recordHistory';
import { runExpectationsTask } from '../tasks/runExpectations';
import { storeVersionTask } from '../tasks/storeVersion';
import { validateTask } from '../tasks/validate';

/**
 * The task behind each task state of `statemachines/publish.asl.json`. In AWS each state's
 * `Resource` names the Lambda function of the same task; locally the runner calls these directly.
 */
export const PUBLISH_TASK_STATES = {
  Validate: validateTask,
  RunExpectations: runExpectationsTask,
  Compile: compileTask,
  Diff: diffTask,
  StoreVersion: storeVersionTask,
  RecordSchedule: recordHistoryTask,
  Activate: activateTask,
  RecordHistory: recordHistoryTask,
  RecordFailure: recordFailureTask,
} as const satisfies Record<string, PublishTask>;

export type PublishTaskState = keyof typeof PUBLISH_TASK_STATES;
