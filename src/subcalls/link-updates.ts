import type { CallUpdate, SupplierLink } from '../ports/supplier-link.js';

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
