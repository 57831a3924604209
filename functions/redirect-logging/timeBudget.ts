/** Result of work run with a time budget. */
export type BudgetOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'failed'; error: unknown }
  | { status: 'timed_out' };

/**
 * Runs `work` and returns its outcome as soon as it settles or `budgetMs` has passed, whichever
 * comes first. On timeout the signal passed to `work` is aborted. The race, not the abort, enforces
 * the budget, because an SDK call may not notice the abort at once (during a retry delay, say).
 * Never rejects.
 */
export async function runWithinBudget<T>(budgetMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<BudgetOutcome<T>> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<BudgetOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timed_out' }), budgetMs);
  });
  const attempt = startWork(work, controller.signal);

  const outcome = await Promise.race([attempt, timeout]);
  clearTimeout(timer);
  if (outcome.status === 'timed_out') {
    controller.abort();
  }
  return outcome;
}

async function startWork<T>(work: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<BudgetOutcome<T>> {
  try {
    return { status: 'done', value: await work(signal) };
  } catch (error) {
    return { status: 'failed', error };
  }
}
