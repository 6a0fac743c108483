/**
 * A module imported on its first use and kept: for a library a gateway needs only later or rarely,
 * whose loading at start would make every start slower (`import('x')` behind this; its types by
 * `import type`).
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
