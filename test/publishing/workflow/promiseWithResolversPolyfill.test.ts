type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };

describe('promiseWithResolversPolyfill', () => {
  const promiseConstructor = Promise as unknown as { withResolvers?: WithResolvers };
  const original = promiseConstructor.withResolvers;

  afterEach(() => {
    promiseConstructor.withResolvers = original;
  });

  it('adds a withResolvers that resolves and rejects', async () => {
    delete promiseConstructor.withResolvers;
    jest.isolateModules(() => {
      require('../../../functions/publishing/workflow/promiseWithResolversPolyfill');
    });

    const resolved = promiseConstructor.withResolvers!<number>();
    const rejected = promiseConstructor.withResolvers!<number>();
    resolved.resolve(7);
    rejected.reject(new Error('no'));

    await expect(resolved.promise).resolves.toBe(7);
    await expect(rejected.promise).rejects.toThrow('no');
  });

  it('keeps a native withResolvers', () => {
    const native: WithResolvers = () => ({ promise: Promise.resolve(undefined as never), resolve: () => undefined, reject: () => undefined });
    promiseConstructor.withResolvers = native;

    jest.isolateModules(() => {
      require('../../../functions/publishing/workflow/promiseWithResolversPolyfill');
    });

    expect(promiseConstructor.withResolvers).toBe(native);
  });
});
