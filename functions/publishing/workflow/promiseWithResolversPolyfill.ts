/**
 * Adds `Promise.withResolvers` (ES2024) where the runtime lacks it. Node 22 has it; Node 20 does
 * not, and aws-local-stepfunctions 3 calls it in every Task state. Import this module before the
 * library runs a state machine.
 */
interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

type PromiseWithResolvers = PromiseConstructor & { withResolvers?: <T>() => Resolvers<T> };

const PromiseConstructorWithResolvers = Promise as PromiseWithResolvers;

if (typeof PromiseConstructorWithResolvers.withResolvers !== 'function') {
  PromiseConstructorWithResolvers.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });

    return { promise, resolve, reject };
  };
}

export {};
