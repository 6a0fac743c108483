import type { PublicStatus } from '../calls/usm-model.js';

export type SlaTarget = 'response' | 'resolution';

/**
 * A call's service-level clock, from the agreement's targets for its priority. The provider
 * responds when the call first leaves `acknowledged`; it is resolved when it becomes `resolved`.
 * The clock stops while the call waits (`pending` for the requester, `held` for a supplier): the
 * time waited is added to the due times that are still running.
 */
export interface SlaClock {
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
  readonly respondedAt?: string;
  readonly resolvedAt?: string;
  readonly pausedSince?: string;
  readonly breaches: readonly SlaTarget[];
}

const PAUSED: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['pending', 'held']);
const STOPPED: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['resolved', 'closed', 'cancelled', 'rejected']);

export function startClock(createdAt: string, target: { responseMinutes: number; resolutionMinutes: number }): SlaClock {
  const start = Date.parse(createdAt);
  return {
    responseDueAt: new Date(start + target.responseMinutes * 60_000).toISOString(),
    resolutionDueAt: new Date(start + target.resolutionMinutes * 60_000).toISOString(),
    breaches: [],
  };
}

/** The clock after a status change at `at`. */
export function onStatusChange(clock: SlaClock, from: PublicStatus, to: PublicStatus, at: string): SlaClock {
  let next: SlaClock = clock;
  if (from === 'acknowledged' && to !== 'acknowledged' && next.respondedAt === undefined) next = { ...next, respondedAt: at };
  if (PAUSED.has(from) && !PAUSED.has(to) && next.pausedSince !== undefined) {
    const waited = Date.parse(at) - Date.parse(next.pausedSince);
    const { pausedSince: _done, ...rest } = next;
    next = {
      ...rest,
      resolutionDueAt: shift(next.resolutionDueAt, waited),
      ...(next.respondedAt === undefined ? { responseDueAt: shift(next.responseDueAt, waited) } : {}),
    };
  }
  if (!PAUSED.has(from) && PAUSED.has(to)) next = { ...next, pausedSince: at };
  if (to === 'resolved' && next.resolvedAt === undefined) next = { ...next, resolvedAt: at };
  if (from === 'resolved' && to === 'inProgress') {
    const { resolvedAt: _reopened, ...rest } = next;
    next = rest;
  }
  return next;
}

/** The targets missed at `now` that are not yet recorded as breached. */
export function newBreaches(clock: SlaClock, status: PublicStatus, now: number): SlaTarget[] {
  if (clock.pausedSince !== undefined || STOPPED.has(status)) return [];
  const missed: SlaTarget[] = [];
  if (clock.respondedAt === undefined && Date.parse(clock.responseDueAt) <= now && !clock.breaches.includes('response')) missed.push('response');
  if (clock.resolvedAt === undefined && Date.parse(clock.resolutionDueAt) <= now && !clock.breaches.includes('resolution')) missed.push('resolution');
  return missed;
}

/** When the clock next needs a look (the earliest running, unbreached due time), or null. */
export function nextDue(clock: SlaClock | undefined, status: PublicStatus): string | null {
  if (clock === undefined || clock.pausedSince !== undefined || STOPPED.has(status)) return null;
  const due = [
    clock.respondedAt === undefined && !clock.breaches.includes('response') ? clock.responseDueAt : undefined,
    !clock.breaches.includes('resolution') ? clock.resolutionDueAt : undefined,
  ].filter((d): d is string => d !== undefined);
  return due.length === 0 ? null : due.sort()[0]!;
}

function shift(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
