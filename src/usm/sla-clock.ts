import type { PublicStatus } from './usm-model.js';
import { addSupportTime, parseSupportHours, supportTimeBetween, type SupportHours } from './support-hours.js';

export type SlaTarget = 'response' | 'resolution';

/**
 * A call's service-level clock, from the agreement's targets for its priority. The provider
 * responds when the call first leaves `acknowledged`; it is resolved when it becomes `resolved`.
 * The clock stops while the call waits (`pending` for the requester, `held` for a supplier): the
 * time waited is added to the due times that are still running. Under support hours other than
 * 24x7 the clock counts support time only: a target of 120 minutes set on Friday at 17:00 with
 * support Mo-Fr 08:00-18:00 falls due on Monday at 09:00.
 */
export interface SlaClock {
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
  readonly respondedAt?: string;
  readonly resolvedAt?: string;
  readonly pausedSince?: string;
  readonly breaches: readonly SlaTarget[];
  /** The agreement's support hours, when they are not 24x7. */
  readonly supportHours?: string;
}

const PAUSED: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['pending', 'held']);
const STOPPED: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['resolved', 'closed', 'cancelled', 'rejected']);

/** The longest service-level target, in minutes (one year): the contract and the config refuse longer ones. */
export const MAX_TARGET_MINUTES = 525_600;

/** The last instant RFC 3339 can write; a due time set here never falls due. */
const NEVER = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The due time `ms` of support time after `start`. The clock never throws on a target: one that
 * cannot be placed (not a finite number, past year 9999, or beyond the two years of support
 * windows the support hours are searched for) counts as no target, and is due at NEVER. Bounded
 * targets (at most MAX_TARGET_MINUTES) are placed exactly unless the support hours are very sparse.
 */
function dueAfter(start: number, ms: number, hours: SupportHours): string {
  if (!Number.isFinite(ms) || start + ms >= NEVER) return new Date(NEVER).toISOString();
  let due: number;
  try {
    due = addSupportTime(start, ms, hours);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    due = NEVER;
  }
  return new Date(Math.min(due, NEVER)).toISOString();
}

export function startClock(createdAt: string, target: { responseMinutes: number; resolutionMinutes: number }, supportHours = '24x7'): SlaClock {
  const start = Date.parse(createdAt);
  const hours = hoursOf(supportHours);
  return {
    responseDueAt: dueAfter(start, target.responseMinutes * 60_000, hours),
    resolutionDueAt: dueAfter(start, target.resolutionMinutes * 60_000, hours),
    breaches: [],
    ...(hours.always ? {} : { supportHours }),
  };
}

/** Support hours that cannot be read count as 24x7 (the config refuses them; a negotiated agreement might carry them). */
function hoursOf(text: string | undefined): SupportHours {
  return (text === undefined ? undefined : parseSupportHours(text)) ?? { always: true };
}

/** The clock after a status change at `at`. */
export function onStatusChange(clock: SlaClock, from: PublicStatus, to: PublicStatus, at: string): SlaClock {
  let next: SlaClock = clock;
  if (from === 'acknowledged' && to !== 'acknowledged' && next.respondedAt === undefined) next = { ...next, respondedAt: at };
  if (PAUSED.has(from) && !PAUSED.has(to) && next.pausedSince !== undefined) {
    const { pausedSince, ...rest } = next;
    const hours = hoursOf(next.supportHours);
    // What was left of a target when the clock stopped is left again from now.
    const resumed = (due: string): string =>
      Date.parse(due) >= NEVER ? due : dueAfter(Date.parse(at), supportTimeBetween(Date.parse(pausedSince), Date.parse(due), hours), hours);
    next = {
      ...rest,
      resolutionDueAt: resumed(next.resolutionDueAt),
      ...(next.respondedAt === undefined ? { responseDueAt: resumed(next.responseDueAt) } : {}),
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
