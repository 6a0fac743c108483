import type { components } from '../generated/api.js';
import type { CallType, Position, PublicStatus } from '../usm/usm-model.js';

export type CallUpdate = components['schemas']['CallUpdate'];
export type LinkStatus = 'requested' | PublicStatus;

/** A sub-call this provider raised at a supplier, as the customer's side keeps it. */
export interface SupplierLink {
  readonly id: string;
  readonly parentCallId: string;
  readonly supplier: string;
  readonly service: string;
  readonly agreement: string;
  readonly type: CallType;
  readonly at: Position;
  readonly status: LinkStatus;
  readonly remoteCallId: string | null;
  /** Sequence number of the last update applied. */
  readonly lastSeq: number;
  /** Updates that arrived ahead of a gap, waiting for it to be filled. */
  readonly heldBack: readonly CallUpdate[];
  readonly resolution?: { readonly summary: string; readonly resolvedAt: string };
  readonly onSupplierResolved: 'resume' | 'resolve';
  readonly relayNotes: boolean;
  /** Set on an internal team's sub-call: worked at our desk (no messages), due by its operational agreement's levels. */
  readonly team?: { readonly sla?: TeamSla };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface LinkStore {
  getLink(id: string): Promise<SupplierLink | undefined>;
  linksOf(parentCallId: string): Promise<SupplierLink[]>;
  /** Ids of internal teams' sub-calls whose next due time (`teamSlaNextDue`) is at or before `now`, the most overdue first. */
  linksDueForSla(now: string, limit: number): Promise<string[]>;
}

/** A team's sub-call's due times by its operational agreement, and the targets it missed (each once). */
export interface TeamSla {
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
  readonly breaches?: ('response' | 'resolution')[];
}

/**
 * When a team's sub-call next needs a look by the SLA watcher (stored with it, indexed): while it
 * is open, its response due time until the desk first works it (any status after `acknowledged`),
 * then its resolution due time; a target missed once is not looked at again. Null when nothing is due.
 */
export function teamSlaNextDue(link: Pick<SupplierLink, 'status' | 'team'>): string | null {
  const sla = link.team?.sla;
  if (sla === undefined || !OPEN_LINK.has(link.status)) return null;
  const missed = new Set(sla.breaches ?? []);
  if (link.status === 'acknowledged' && !missed.has('response')) return sla.responseDueAt;
  return link.status === 'resolved' || missed.has('resolution') ? null : sla.resolutionDueAt;
}

/** The targets of a team's sub-call missed by `now` (milliseconds) and not yet recorded. */
export function teamSlaMissed(link: Pick<SupplierLink, 'status' | 'team'>, now: number): ('response' | 'resolution')[] {
  const sla = link.team?.sla;
  if (sla === undefined || !OPEN_LINK.has(link.status)) return [];
  const missed = new Set(sla.breaches ?? []);
  const due: ('response' | 'resolution')[] = [];
  if (link.status === 'acknowledged' && !missed.has('response') && Date.parse(sla.responseDueAt) <= now) due.push('response');
  if (link.status !== 'resolved' && !missed.has('resolution') && Date.parse(sla.resolutionDueAt) <= now) due.push('resolution');
  return due;
}

const OPEN_LINK: ReadonlySet<LinkStatus> = new Set(['requested', 'acknowledged', 'inProgress', 'pending', 'held']);

/** What the supplier's gateway answered to the sub-call's submission: its call id and the status it started in. */
export interface SubmitAnswer {
  readonly callId: string;
  readonly status: PublicStatus;
}

/**
 * Takes the answer to the submission into the link: the supplier's call id and, while no update
 * has arrived yet, its starting status (the supplier sends updates only for later changes).
 * Undefined when the link already knows both, as when the answer is a repeat.
 */
export function answeredLink(link: SupplierLink, answer: SubmitAnswer, at: string): SupplierLink | undefined {
  const remoteCallId = link.remoteCallId ?? answer.callId;
  const status = link.status === 'requested' && link.lastSeq === 0 ? answer.status : link.status;
  if (remoteCallId === link.remoteCallId && status === link.status) return undefined;
  return { ...link, remoteCallId, status, updatedAt: at, version: link.version + 1 };
}
