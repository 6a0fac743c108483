import type { components } from '../generated/api.js';
import type { CallType, Position, PublicStatus } from '../calls/usm-model.js';

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
  /** Records the supplier's call id once its gateway answered the submission. */
  recordRemoteCallId(linkId: string, remoteCallId: string): Promise<void>;
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
