import type { OutboxSummary } from '../ports/outbox-store.js';

export interface OutboxCountRow {
  readonly partner: string;
  readonly status: string;
  /** A number in SQLite, a string (bigint) from PostgreSQL. */
  readonly count: number | string;
}

export interface OutboxOldestRow {
  readonly partner: string;
  readonly oldest: string | null;
}

/** The rows of both queries, one summary per partner, in partner order. */
export function outboxSummaryOf(counts: readonly OutboxCountRow[], oldest: readonly OutboxOldestRow[]): OutboxSummary[] {
  const byPartner = new Map<string, { partner: string; pending: number; dead: number; oldestPendingAt: string | null }>();
  const entry = (partner: string) => byPartner.get(partner) ?? byPartner.set(partner, { partner, pending: 0, dead: 0, oldestPendingAt: null }).get(partner)!;
  for (const row of counts) {
    if (row.status === 'pending') entry(row.partner).pending = Number(row.count);
    if (row.status === 'dead') entry(row.partner).dead = Number(row.count);
  }
  for (const row of oldest) entry(row.partner).oldestPendingAt = row.oldest;
  return [...byPartner.values()].sort((a, b) => (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : 0));
}
