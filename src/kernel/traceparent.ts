import { randomBytesPooled } from './random-pool.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A valid W3C traceparent header value, or undefined. */
export function parseTraceparent(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (match === null || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  return value.trim();
}

/** The traceparent for a hop onward: same trace id, a new span id; a new trace when there is none. */
export function childTraceparent(parent: string | undefined): string {
  const span = randomBytesPooled(8).toString('hex');
  const match = parent === undefined ? null : TRACEPARENT.exec(parent);
  if (match === null) return `00-${randomBytesPooled(16).toString('hex')}-${span}-01`;
  return `00-${match[1]}-${span}-${match[3]}`;
}
