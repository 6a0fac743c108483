/** One outage as a span of time, in milliseconds; an open one ends at the report's end. */
export interface OutageSpan {
  readonly start: number;
  readonly end: number;
}

/** A calendar month in UTC, `YYYY-MM`: its first instant and the first of the next month, or undefined when not a month. */
export function monthOf(period: string): { from: number; until: number } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return { from: Date.UTC(year, month, 1), until: Date.UTC(year, month + 1, 1) };
}

/** Minutes of downtime within [from, until): the union of the spans clipped to it, so overlapping outages count once. */
export function downtimeMs(spans: readonly OutageSpan[], from: number, until: number): number {
  const clipped = spans
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, until) }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start);
  let total = 0;
  let cursor = from;
  for (const span of clipped) {
    const start = Math.max(span.start, cursor);
    if (span.end > start) {
      total += span.end - start;
      cursor = span.end;
    }
  }
  return total;
}

/**
 * Measured availability over the part of the period that has passed: the share of it without an
 * outage, in percent (three decimals); 100 when no time has passed yet.
 */
export function availabilityPercent(downtime: number, measured: number): number {
  if (measured <= 0) return 100;
  return Math.round(((measured - downtime) / measured) * 100_000) / 1000;
}
