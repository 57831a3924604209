/** Timing helpers shared by the benchmarks. Figures are medians over batches, in the unit their name gives. */

/** Median nanoseconds per call of `run`, timed over `batches` batches of `batchSize` calls after a warm-up. */
export function medianNanosPerCall(run: (index: number) => unknown, batchSize: number, batches: number): number {
  let sink = 0;
  for (let i = 0; i < batchSize * 5; i++) {
    sink ^= run(i) === undefined ? 0 : 1;
  }

  const perCall: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batchSize; i++) {
      sink ^= run(batch * batchSize + i) === undefined ? 0 : 1;
    }
    perCall.push(Number(process.hrtime.bigint() - started) / batchSize);
  }
  keep(sink);
  return median(perCall);
}

/** Median nanoseconds per awaited call of `run`, one call at a time. */
export async function medianNanosPerAsyncCall(run: (index: number) => Promise<unknown>, calls: number): Promise<number> {
  for (let i = 0; i < Math.min(200, calls); i++) {
    await run(i);
  }

  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - started));
  }
  return median(samples);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

let kept = 0;
/** Keeps a result alive so that the optimiser cannot drop the measured work. */
function keep(value: number): void {
  kept ^= value;
  if (kept === 0x7fffffff) {
    console.log(kept);
  }
}
