import { uuidv7 } from '../kernel/uuid-v7.js';
import type { Actor, CallEvent, CallRecord, HistoryEntry, Note, NoteKind, NoteVisibility } from '../ports/call.js';
import type { CallCommit } from '../ports/call-store.js';
import type { SupplierLink } from '../ports/supplier-link.js';
import type { TriggerLink } from '../ports/trigger-link.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import { apply, currentPosition, isAtFork, pathOf, waitsOnTriggered, type LifecycleAction, type LifecycleChange } from '../usm/call-lifecycle.js';
import { WORKFLOWS, type Position } from '../usm/usm-model.js';

/** The gateway itself, as the actor of what it does on its own (automatic routes, SLA breaches). */
export const SYSTEM: Actor = { kind: 'system', id: 'usm-link' };

export interface NoteInput {
  readonly text: string;
  readonly visibility: NoteVisibility;
  readonly kind: NoteKind;
}

/**
 * A change to one call being assembled: the call as it becomes, and everything that goes with it
 * into one commit. Every module that changes a call (the call service, sub-calls) writes into a
 * draft; the call service finishes and commits it.
 */
export interface Draft {
  call: CallRecord;
  readonly at: string;
  readonly history: Omit<HistoryEntry, 'seq'>[];
  readonly notes: Note[];
  readonly events: CallEvent[];
  readonly links: Map<string, { link: SupplierLink; expectedVersion: number | null }>;
  readonly outbox: NonNullable<CallCommit['outbox']>[number][];
  /** Waits on triggered calls created or changed, by waiting and triggered call id. */
  readonly triggers: Map<string, TriggerLink>;
  /** Negotiated agreement versions written with the call (a wish's negotiation with a supplier). */
  readonly agreements: AgreementVersion[];
  /** Other calls changed in the same commit, by id, with the record each was read as (undefined: a new call). */
  readonly also: Map<string, { readonly draft: Draft; readonly previous: CallRecord | undefined }>;
}

export function draftOf(call: CallRecord, at: string): Draft {
  return { call, at, history: [], notes: [], events: [], links: new Map(), outbox: [], triggers: new Map(), agreements: [], also: new Map() };
}

/** Whether the draft leaves the call as it was read. */
export function isUntouched(draft: Draft, read: CallRecord): boolean {
  return (
    draft.call === read &&
    draft.history.length === 0 &&
    draft.notes.length === 0 &&
    draft.events.length === 0 &&
    draft.links.size === 0 &&
    draft.outbox.length === 0 &&
    draft.triggers.size === 0 &&
    draft.agreements.length === 0 &&
    draft.also.size === 0
  );
}

/**
 * Holds a call in progress while something linked to it works for it (a sub-call at a supplier),
 * the reason naming it. A triggered call holds its waiting call through the lifecycle (raiseTriggered).
 */
export function hold(draft: Draft, actor: Actor, reason: string): void {
  if (draft.call.lifecycle.status === 'inProgress') step(draft, { kind: 'setStatus', status: 'held' }, actor, reason);
}

/**
 * Takes a held call back in progress, where it left off, once nothing it waits on is open: the
 * caller knows its sub-calls; a call still waiting on its triggered call stays held (that call's
 * end resumes it). True when it resumed.
 */
export function resume(draft: Draft, reason: string): boolean {
  if (draft.call.lifecycle.status !== 'held' || waitsOnTriggered(draft.call.lifecycle)) return false;
  step(draft, { kind: 'setStatus', status: 'inProgress' }, SYSTEM, reason);
  return true;
}

/** Applies a lifecycle action to the draft, recording history and events; throws an illegal transition. */
export function step(draft: Draft, action: LifecycleAction, actor: Actor, comment?: string): void {
  const result = apply(draft.call.lifecycle, action, actor.kind);
  draft.call = { ...draft.call, lifecycle: result.state };
  record(draft, result.changes, actor, comment);
}

export function record(draft: Draft, changes: readonly LifecycleChange[], actor: Actor, comment?: string): void {
  for (const change of changes) {
    draft.history.push({ callId: draft.call.id, at: draft.at, actor, change, ...(comment !== undefined ? { comment } : {}) });
  }
  draft.events.push(...eventsOf(changes, draft.call.id, draft.at));
}

export function addNote(draft: Draft, input: NoteInput, author: Actor): Note {
  const note: Note = { id: uuidv7(Date.parse(draft.at)), callId: draft.call.id, ...input, author, createdAt: draft.at };
  draft.notes.push(note);
  draft.events.push(event('call.note_added', draft.call.id, draft.at, { note }));
  return note;
}

/** Walks the call (as the gateway) up to a position on its path; false when it cannot get there. */
export function walkTo(draft: Draft, target: Position): boolean {
  for (let guard = 0; guard < 64; guard++) {
    const here = currentPosition(draft.call.lifecycle);
    if (here.process === target.process && here.step === target.step) return true;
    try {
      step(draft, { kind: 'advance' }, SYSTEM);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Resolves the call for someone who did the work elsewhere (a supplier, the desk tool): walks it to
 * its workflow's resolve step (branch `operate` at a fork, workflow 4 for an incident), resolves it
 * with `summary` as the resolution and a public note, `comment` in the history. Stops where a step
 * is refused, leaving the call where it got to.
 */
export function resolveOnBehalf(draft: Draft, summary: string, actor: Actor, comment: string): void {
  for (let guard = 0; guard < 64; guard++) {
    const workflow = draft.call.lifecycle.workflow;
    if (workflow !== null && draft.call.lifecycle.position === WORKFLOWS[workflow].resolveAt - 1) break;
    try {
      step(draft, isAtFork(draft.call.lifecycle) ? { kind: 'advance', branch: 'operate' } : { kind: 'advance' }, actor);
    } catch {
      return;
    }
  }
  step(draft, { kind: 'resolve' }, actor, comment);
  draft.call = { ...draft.call, resolution: { summary, resolvedAt: draft.at } };
  addNote(draft, { text: summary, visibility: 'public', kind: 'comment' }, actor);
}

/**
 * Works a resolved call's remaining closing steps (review .. evaluate and close) as the gateway,
 * one history entry each, up to closed; `comment` goes with the close. Needs a confirmed resolution.
 */
export function workClosingSteps(draft: Draft, comment?: string): void {
  for (let guard = 0; guard < 64 && draft.call.lifecycle.status === 'resolved'; guard++) {
    const last = draft.call.lifecycle.position === pathOf(draft.call.lifecycle).length - 1;
    step(draft, { kind: 'advance' }, SYSTEM, last ? comment : undefined);
  }
}

export function event(type: CallEvent['type'], callId: string, at: string, payload: Record<string, unknown>): CallEvent {
  return { id: uuidv7(Date.parse(at)), type, callId, at, payload };
}

function eventsOf(changes: readonly LifecycleChange[], callId: string, at: string): CallEvent[] {
  return changes.flatMap((change): CallEvent[] => {
    switch (change.kind) {
      case 'workflow':
        return [event('call.workflow_decided', callId, at, { change })];
      case 'step':
        return [event('call.step_changed', callId, at, { change })];
      case 'confirmed':
        return [event('call.confirmed', callId, at, { change })];
      case 'status':
        return change.to === 'resolved'
          ? [event('call.status_changed', callId, at, { change }), event('call.resolved', callId, at, { change })]
          : [event('call.status_changed', callId, at, { change })];
    }
  });
}
