import { runWithinBudget } from '../../functions/redirect-logging/timeBudget';

describe('runWithinBudget', () => {
  it('returns the value of work that finishes', async () => {
    await expect(runWithinBudget(1000, async () => 42)).resolves.toEqual({ status: 'done', value: 42 });
  });

  it('returns the error of work that fails', async () => {
    const error = new Error('queue unreachable');

    await expect(runWithinBudget(1000, async () => Promise.reject(error))).resolves.toEqual({ status: 'failed', error });
  });

  it('times out work that never settles and aborts its signal', async () => {
    let signal: AbortSignal | undefined;

    const outcome = await runWithinBudget(10, (given) => {
      signal = given;
      return new Promise<never>(() => undefined);
    });

    expect(outcome).toEqual({ status: 'timed_out' });
    expect(signal?.aborted).toBe(true);
  });
});
