import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A value replaced as a whole at run time (the partners of a followed network directory, the routes
 * and agreements of a reloaded config) without dropping a request: `swap` sets what every lookup
 * sees from now on, while whatever runs inside `pinned` (a request and everything it awaits) goes on
 * with the value of the moment it was pinned.
 */
export interface Switch<T> {
  now(): T;
  swap(next: T): void;
  pinned<R>(run: () => R): R;
}

export function createSwitch<T>(initial: T): Switch<T> {
  let current = initial;
  const pins = new AsyncLocalStorage<T>();
  return {
    now: () => pins.getStore() ?? current,
    swap(next) {
      current = next;
    },
    pinned: (run) => pins.run(current, run),
  };
}

/** An object whose every property is read from `now()` at the time of the call: a switch seen as the thing it holds. */
export function switchView<T extends object>(now: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = now();
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
