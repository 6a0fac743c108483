import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection before it
 * collects again, in percent (V8's `--heap-growing-percent`). Left to itself, V8 lets it grow up to
 * about four times when the program allocates fast, as a loaded gateway does: with about 26 MB
 * live, the link benchmark's gateway reached 90 MB of old space and about 205 MB of RSS between two
 * full collections. Twice the live size keeps it at about 157 MB, with no change in CPU per call at
 * its peak beyond the noise (`BENCH_ONLY=hop npm run bench`, runs of each side by side). Unlike
 * `--max-old-space-size` it is no ceiling: a gateway whose live data grows gets room in proportion.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Sets it for this process, unless the process was started with a `--heap-growing-percent` of its
 * own (a V8 flag: Node takes it on the command line, not in `NODE_OPTIONS`). Whether it set it.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
