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
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface LinkStore {
  getLink(id: string): Promise<SupplierLink | undefined>;
  linksOf(parentCallId: string): Promise<SupplierLink[]>;
}

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

/** A sub-call still open at the supplier: the parent waits for it. */
export function isOpen(link: SupplierLink): boolean {
  return link.status === 'requested' || link.status === 'acknowledged' || link.status === 'inProgress' || link.status === 'pending' || link.status === 'held';
}

/** A sub-call the supplier fulfilled. */
export function isFulfilled(link: SupplierLink): boolean {
  return link.status === 'resolved' || link.status === 'closed';
}

const MAX_HELD_BACK = 1000;

/**
 * Takes one update into a link, in per-call order: the next expected update is applied together
 * with any held-back ones it unblocks; a later one is held back; an old or repeated one is dropped.
 */
export function receiveUpdate(link: SupplierLink, update: CallUpdate, at: string): { link: SupplierLink; applied: CallUpdate[] } {
  if (update.seq <= link.lastSeq || link.heldBack.some((u) => u.seq === update.seq)) return { link, applied: [] };
  if (update.seq > link.lastSeq + 1) {
    const heldBack = [...link.heldBack, update].sort((a, b) => a.seq - b.seq).slice(0, MAX_HELD_BACK);
    return { link: { ...link, heldBack, updatedAt: at }, applied: [] };
  }
  const applied: CallUpdate[] = [update];
  let lastSeq = update.seq;
  const waiting = [...link.heldBack].sort((a, b) => a.seq - b.seq);
  while (waiting.length > 0 && waiting[0]!.seq === lastSeq + 1) {
    applied.push(waiting.shift()!);
    lastSeq++;
  }
  const last = applied.at(-1)!;
  const resolution = [...applied].reverse().find((u) => u.resolution !== undefined)?.resolution;
  return {
    link: {
      ...link,
      lastSeq,
      heldBack: waiting.filter((u) => u.seq > lastSeq),
      status: last.status,
      remoteCallId: link.remoteCallId ?? update.callId,
      ...(resolution !== undefined ? { resolution: { summary: resolution.summary, resolvedAt: at } } : {}),
      updatedAt: at,
    },
    applied,
  };
}
