/** A value made on its first use and kept: every later call gives the same one. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * A module imported on its first use and kept: for a library a gateway needs only later or rarely,
 * whose loading at start would make every start slower (`import('x')` behind this; its types by
 * `import type`).
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  return once(load);
}
