import { GatewayError } from '../kernel/gateway-error.js';
import type { Actor, CallRecord } from '../ports/call.js';
import type { TriggerLink, TriggerStatus } from '../ports/trigger-link.js';
import { currentPosition, IllegalTransitionError, waitsOnTriggered } from '../usm/call-lifecycle.js';
import { TERMINAL_STATUSES, triggerStep, type CallType } from '../usm/usm-model.js';
import { draftOf, step, SYSTEM, workClosingSteps, type Draft } from './call-draft.js';

/**
 * Triggered calls: where a call's own process triggers another (Agree 6, Change 6, Recover 5,
 * Improve 5), the triggered process is a call of its own, and the call waits for it, held at its
 * trigger step, as a parent waits for its sub-calls at suppliers. Several calls may wait on one
 * triggered call. When it ends, every call still waiting on it goes back in progress at its trigger
 * step, in the same commit: fulfilled (closed as done), to be resolved; cancelled or rejected, free
 * to raise another or to walk the process in its own record. The waits are `TriggerLink`s.
 */

export interface TriggerDeps {
  /** The waits a call takes part in, either side. */
  readonly triggersOf: (callId: string) => Promise<TriggerLink[]>;
  readonly load: (callId: string) => Promise<CallRecord>;
}

/** The type a call raises at its current step when the desk names none (the step's first); refuses where USM triggers nothing. */
export function triggeredTypeAt(call: CallRecord, type: CallType | undefined): CallType {
  const here = currentPosition(call.lifecycle);
  const trigger = triggerStep(call.type, here);
  if (trigger === undefined) {
    throw new GatewayError('USM_ERR_TRIGGER_NOT_ALLOWED', `USM triggers no process at ${here.process} ${here.step} of a ${call.type}`);
  }
  return type ?? trigger.types[0]!;
}

/**
 * Makes the waiting call wait on the triggered call, in the waiting call's draft: held at its
 * trigger step, the history naming the triggered call, and the link.
 */
export function waitOn(draft: Draft, triggered: Pick<CallRecord, 'id' | 'type'>, actor: Actor, comment?: string): TriggerLink {
  const at = currentPosition(draft.call.lifecycle);
  triggeredTypeAt(draft.call, triggered.type);
  const reason = `waiting on the triggered ${triggered.type} ${triggered.id} (raised at ${at.process} ${at.step})${comment !== undefined ? `: ${comment}` : ''}`;
  try {
    step(draft, { kind: 'raiseTriggered', type: triggered.type }, actor, reason);
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw new GatewayError('USM_ERR_TRIGGER_NOT_ALLOWED', error.message);
    throw error;
  }
  const link: TriggerLink = { waitingCallId: draft.call.id, triggeredCallId: triggered.id, type: triggered.type, at, status: 'waiting', createdAt: draft.at, updatedAt: draft.at };
  draft.triggers.set(keyOf(link), link);
  return link;
}

/** Refuses to let `waiting` wait on `triggered` when that call has ended or would close a circle of waits. */
export async function checkAttachable(deps: TriggerDeps, waiting: CallRecord, triggered: CallRecord): Promise<void> {
  if (TERMINAL_STATUSES.has(triggered.lifecycle.status)) {
    throw new GatewayError('USM_ERR_TRIGGER_CALL_ENDED', `call ${triggered.id} is ${triggered.lifecycle.status}`);
  }
  // The triggered call may not be the waiting call, nor wait on it through the triggered calls it waits on.
  const seen = new Set<string>();
  const queue = [triggered.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === waiting.id) throw new GatewayError('USM_ERR_TRIGGER_CYCLE', `call ${triggered.id} ${id === triggered.id ? 'is' : 'waits on'} call ${waiting.id}`);
    if (seen.has(id)) continue;
    seen.add(id);
    for (const link of await deps.triggersOf(id)) {
      if (link.waitingCallId === id && link.status === 'waiting') queue.push(link.triggeredCallId);
    }
  }
  const waits = (await deps.triggersOf(waiting.id)).find((l) => l.waitingCallId === waiting.id && l.triggeredCallId === triggered.id);
  if (waits !== undefined) throw new GatewayError('USM_ERR_TRIGGER_NOT_ALLOWED', `call ${waiting.id} waited on call ${triggered.id} before (${waits.status})`);
}

/**
 * Part of finishing a change: when it ends the call, every call waiting on it goes back in progress
 * (drafts of their own in the same commit), and a call that ends while waiting withdraws its wait.
 */
export async function endWaits(deps: TriggerDeps, draft: Draft, previous: CallRecord): Promise<void> {
  const { call } = draft;
  if (!TERMINAL_STATUSES.has(call.lifecycle.status) || TERMINAL_STATUSES.has(previous.lifecycle.status)) return;
  const outcome: TriggerStatus = call.lifecycle.status === 'closed' ? 'fulfilled' : call.lifecycle.status === 'cancelled' ? 'cancelled' : 'rejected';
  for (const link of await deps.triggersOf(call.id)) {
    if (link.status !== 'waiting') continue;
    if (link.waitingCallId === call.id) {
      setLink(draft, { ...link, status: 'withdrawn', updatedAt: draft.at });
      continue;
    }
    const waiting = draft.also.get(link.waitingCallId)?.draft ?? draftOf(await deps.load(link.waitingCallId), draft.at);
    const previousWaiting = draft.also.get(link.waitingCallId)?.previous ?? waiting.call;
    setLink(draft, { ...link, status: outcome, updatedAt: draft.at });
    if (!waitsOnTriggered(waiting.call.lifecycle)) continue;
    const where = `${link.at.process} ${link.at.step}`;
    const comment =
      outcome === 'fulfilled'
        ? `the triggered ${call.type} ${call.id} is fulfilled: back at ${where}, to be resolved`
        : `the triggered ${call.type} ${call.id} was ${outcome}: back at ${where}, as before it was raised`;
    step(waiting, { kind: 'resumeTriggered', fulfilled: outcome === 'fulfilled' }, SYSTEM, comment);
    draft.also.set(waiting.call.id, { draft: waiting, previous: previousWaiting });
  }
}

/**
 * Part of finishing a change that resolves a triggered call: it is the provider's own, so nobody
 * else answers its resolution; the system confirms it, and with automatic closing works its closing
 * steps at once, which closes it and lets the calls waiting on it go on (`endWaits`).
 */
export async function confirmOwnResolution(deps: TriggerDeps, draft: Draft, self: string, closing: 'auto' | 'desk'): Promise<void> {
  const { call } = draft;
  const resolvedNow = draft.history.some((h) => h.change.kind === 'status' && h.change.to === 'resolved');
  if (!resolvedNow || call.lifecycle.status !== 'resolved' || call.lifecycle.confirmed === true || call.customer !== self) return;
  if (!(await deps.triggersOf(call.id)).some((l) => l.triggeredCallId === call.id)) return;
  step(draft, { kind: 'confirm' }, SYSTEM, 'a triggered call is the provider\'s own: its resolution needs no other confirmation');
  if (closing === 'auto') workClosingSteps(draft, 'closed on its resolution: the calls waiting on it go on');
}

function setLink(draft: Draft, link: TriggerLink): void {
  draft.triggers.set(keyOf(link), link);
}

function keyOf(link: TriggerLink): string {
  return `${link.waitingCallId}/${link.triggeredCallId}`;
}

/** A call's waits as the desk's view shows them: those it waits on (`triggered`), those waiting on it (`triggeredBy`). */
export function triggerViews(callId: string, links: readonly TriggerLink[]): { triggered: TriggerLink[]; triggeredBy: TriggerLink[] } {
  return { triggered: links.filter((l) => l.waitingCallId === callId), triggeredBy: links.filter((l) => l.triggeredCallId === callId) };
}

/** The waits as stored, with a draft's own changes over them. */
export function withDraft(stored: readonly TriggerLink[], draft: Draft, callId: string): TriggerLink[] {
  const merged = new Map(stored.map((l) => [keyOf(l), l]));
  const all = [draft, ...[...draft.also.values()].map((a) => a.draft)];
  for (const d of all) for (const [key, link] of d.triggers) if (link.waitingCallId === callId || link.triggeredCallId === callId) merged.set(key, link);
  return [...merged.values()];
}
