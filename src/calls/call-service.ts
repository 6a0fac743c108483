import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { LinkPlanner, ForkPlan, ForkRequest } from '../subcalls/link-planner.js';
import type { OutboundMessages } from '../delivery/outbound-messages.js';
import { isFulfilled, isOpen, receiveUpdate, type CallUpdate, type LinkStore, type SupplierLink } from '../ports/supplier-link.js';
import type { InboundMessageStore, MessageContext } from '../ports/inbound-message.js';

export type { MessageContext } from '../ports/inbound-message.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { Partner } from '../partners/partner-directory.js';
import { apply, currentPosition, isAtFork, startCall, type LifecycleAction, type LifecycleChange } from '../usm/call-lifecycle.js';
import { VersionConflictError, type CallCommit, type CallFilter, type CallStore } from '../ports/call-store.js';
import type { Actor, CallEvent, CallRecord, CallSubmission, HistoryEntry, Note, NoteKind, NoteVisibility } from '../ports/call.js';
import { deskView } from './call-views.js';
import { priorityOf } from '../usm/priority.js';
import { newBreaches, nextDue, onStatusChange, startClock } from '../usm/sla-clock.js';
import { WORKFLOWS, type Position } from '../usm/usm-model.js';

export interface NoteInput {
  readonly text: string;
  readonly visibility: NoteVisibility;
  readonly kind: NoteKind;
}

export interface ActInput {
  readonly callId: string;
  readonly actor: Actor;
  /** A customer may only touch its own calls; others see "not found". */
  readonly customer?: string;
  readonly action?: LifecycleAction;
  readonly note?: NoteInput;
  readonly comment?: string;
  readonly resolution?: string;
  readonly message?: MessageContext<CallRecord>;
}

export interface ActResult {
  readonly call: CallRecord;
  readonly note: Note | undefined;
}

export interface SubmitInput {
  readonly customer: string;
  readonly submission: CallSubmission;
  readonly chainId: string;
  readonly hops?: readonly string[];
  readonly trace?: string;
  readonly message?: MessageContext<CallRecord>;
}

export interface UpdateResult {
  readonly link: SupplierLink;
  readonly applied: boolean;
}

export interface CallService {
  submit(input: SubmitInput): Promise<CallRecord>;
  act(input: ActInput): Promise<ActResult>;
  /** Hands part of the work to a supplier: a linked sub-call, the parent held until it is fulfilled. */
  fork(input: { callId: string; actor: Actor; request: ForkRequest }): Promise<SupplierLink>;
  /** Sends a note or a cancellation to the supplier of a sub-call. */
  tellSupplier(input: { callId: string; linkId: string; actor: Actor; type: 'call.note' | 'call.cancel'; data: { text?: string; kind?: string; reason?: string } }): Promise<SupplierLink>;
  /** Records the service-level targets a call has missed by now: events for the desk, an update for the customer. */
  checkSla(callId: string): Promise<CallRecord>;
  /** Takes a supplier's report on a sub-call, in per-call order. */
  receiveUpdate(input: { supplier: string; update: CallUpdate; message: MessageContext<UpdateResult> }): Promise<UpdateResult>;
  get(callId: string, customer?: string): Promise<CallRecord>;
  list(filter: CallFilter): Promise<CallRecord[]>;
  history(callId: string, customer?: string): Promise<HistoryEntry[]>;
  notes(callId: string, customer?: string): Promise<Note[]>;
  links(callId: string): Promise<SupplierLink[]>;
}

export interface CallServiceDeps {
  readonly self: string;
  readonly store: CallStore & InboundMessageStore & LinkStore;
  readonly agreements: AgreementRegistry;
  readonly planner: LinkPlanner;
  readonly outbound: OutboundMessages;
  readonly partner: (id: string) => Partner | undefined;
  readonly now: () => number;
  /** Told after every commit, with the partners it queued messages for (to wake the workers). */
  readonly onCommit?: (partners: readonly string[]) => void;
}

const MAX_ATTEMPTS = 5;
const SYSTEM: Actor = { kind: 'system', id: 'usm-link' };

/** A change being assembled: the call as it becomes, and everything that goes with it into one commit. */
interface Draft {
  call: CallRecord;
  readonly at: string;
  readonly history: Omit<HistoryEntry, 'seq'>[];
  readonly notes: Note[];
  readonly events: CallEvent[];
  readonly links: Map<string, { link: SupplierLink; expectedVersion: number | null }>;
  readonly outbox: NonNullable<CallCommit['outbox']>[number][];
}

export function createCallService(deps: CallServiceDeps): CallService {
  const { store, agreements, planner, outbound } = deps;
  const isoNow = (): string => new Date(deps.now()).toISOString();

  async function load(callId: string, customer: string | undefined): Promise<CallRecord> {
    const call = await store.getCall(callId);
    if (call === undefined || (customer !== undefined && call.customer !== customer)) {
      throw new GatewayError('USM_ERR_CALL_NOT_FOUND', `no call ${callId}`);
    }
    return call;
  }

  function draftOf(call: CallRecord, at: string): Draft {
    return { call, at, history: [], notes: [], events: [], links: new Map(), outbox: [] };
  }

  /** Applies a lifecycle action to the draft, recording history and events. */
  function step(draft: Draft, action: LifecycleAction, actor: Actor, comment?: string): void {
    const result = apply(draft.call.lifecycle, action, actor.kind);
    draft.call = { ...draft.call, lifecycle: result.state };
    record(draft, result.changes, actor, comment);
  }

  function record(draft: Draft, changes: readonly LifecycleChange[], actor: Actor, comment?: string): void {
    for (const change of changes) {
      draft.history.push({ callId: draft.call.id, at: draft.at, actor, change, ...(comment !== undefined ? { comment } : {}) });
    }
    draft.events.push(...eventsOf(changes, draft.call.id, draft.at));
  }

  function addNote(draft: Draft, input: NoteInput, author: Actor): Note {
    const note: Note = { id: uuidv7(Date.parse(draft.at)), callId: draft.call.id, ...input, author, createdAt: draft.at };
    draft.notes.push(note);
    draft.events.push(event('call.note_added', draft.call.id, draft.at, { note }));
    return note;
  }

  /** Raises a sub-call at a supplier as part of the draft; holds the parent. */
  function forkInto(draft: Draft, plan: ForkPlan, actor: Actor): SupplierLink {
    if (draft.call.lifecycle.status === 'inProgress') step(draft, { kind: 'setStatus', status: 'held' }, actor.kind === 'desk' ? actor : SYSTEM, `waiting on ${plan.supplier}`);
    const link: SupplierLink = {
      id: uuidv7(Date.parse(draft.at)),
      parentCallId: draft.call.id,
      supplier: plan.supplier,
      service: plan.service,
      agreement: plan.agreement,
      type: plan.type,
      at: plan.at,
      status: 'requested',
      remoteCallId: null,
      lastSeq: 0,
      heldBack: [],
      onSupplierResolved: plan.onSupplierResolved,
      relayNotes: plan.relayNotes,
      createdAt: draft.at,
      updatedAt: draft.at,
      version: 1,
    };
    draft.links.set(link.id, { link, expectedVersion: null });
    draft.outbox.push(
      outbound.submitToSupplier(draft.call, link, {
        summary: plan.summary ?? draft.call.summary,
        ...((plan.description ?? draft.call.description) !== undefined ? { description: plan.description ?? draft.call.description! } : {}),
      }),
    );
    draft.events.push(event('call.forked', draft.call.id, draft.at, { link }));
    return link;
  }

  /** Walks the call (as the gateway) up to a position on its path. */
  function walkTo(draft: Draft, target: Position): boolean {
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
   * Finishes a draft into a commit: bumps the version, sends the customer's gateway an update for
   * public changes, and confirms fulfilled sub-calls when the call closes.
   */
  async function finish(draft: Draft, previous: CallRecord | undefined): Promise<CallCommit> {
    const statusChanged = draft.history.some((h) => h.change.kind === 'status');
    // The customer's own notes are not echoed back to it.
    const publicNote = draft.notes.find((n) => n.visibility === 'public' && n.author.kind !== 'customer');
    let sla = draft.call.sla;
    for (const { change } of draft.history) {
      if (sla !== undefined && change.kind === 'status' && change.from !== null) sla = onStatusChange(sla, change.from, change.to, draft.at);
    }
    const slaBreached = (sla?.breaches.length ?? 0) > (previous?.sla?.breaches.length ?? 0);
    let call: CallRecord = {
      ...draft.call,
      ...(sla !== undefined ? { sla } : {}),
      slaNextDue: nextDue(sla, draft.call.lifecycle.status),
      updatedAt: draft.at,
      version: (previous?.version ?? 0) + 1,
    };
    const customer = deps.partner(call.customer);
    // A new call's starting status goes back in the answer to the submission; updates carry what changes after.
    if (previous !== undefined && customer?.url !== undefined && call.externalRef !== undefined && (statusChanged || publicNote !== undefined || slaBreached)) {
      const seq = (call.updateSeq ?? 0) + 1;
      call = { ...call, updateSeq: seq };
      draft.outbox.push(
        outbound.updateToCustomer(call, {
          callId: call.id,
          externalRef: call.externalRef!,
          seq,
          status: call.lifecycle.status,
          ...(publicNote !== undefined ? { note: { text: publicNote.text, kind: publicNote.kind } } : {}),
          ...(call.lifecycle.status === 'resolved' && call.resolution !== undefined ? { resolution: { summary: call.resolution.summary } } : {}),
          ...(call.sla !== undefined && call.sla.breaches.length > 0 ? { slaBreaches: [...call.sla.breaches] } : {}),
        }),
      );
    }
    if (previous !== undefined && call.lifecycle.status === 'closed' && previous.lifecycle.status !== 'closed') {
      for (const link of await store.linksOf(call.id)) {
        if (link.status === 'resolved') draft.outbox.push(outbound.toSupplier(call, link, 'call.confirm', {}));
      }
    }
    draft.call = call;
    return {
      call,
      expectedVersion: previous?.version ?? null,
      history: draft.history,
      notes: draft.notes,
      events: draft.events,
      ...(draft.events.length > 0 ? { eventCall: deskView(call) } : {}),
      links: [...draft.links.values()],
      outbox: draft.outbox,
    };
  }

  async function commit<T>(change: CallCommit, message: MessageContext<T> | undefined, result: T): Promise<void> {
    const inbound = message === undefined ? undefined : { ...message.record, callId: change.call.id, response: await message.respond(result) };
    await store.commitCall(inbound === undefined ? change : { ...change, inbound });
    deps.onCommit?.(partnersOf(change.outbox));
  }

  /** Reads, decides and commits; retries when the call changed in between. */
  async function change<T>(callId: string, customer: string | undefined, decide: (call: CallRecord, draft: Draft) => Promise<T>, message?: MessageContext<T>): Promise<{ call: CallRecord; result: T }> {
    for (let attempt = 1; ; attempt++) {
      const current = await load(callId, customer);
      const draft = draftOf(current, isoNow());
      const result = await decide(current, draft);
      const untouched = draft.call === current && draft.history.length === 0 && draft.notes.length === 0 && draft.events.length === 0 && draft.links.size === 0 && draft.outbox.length === 0;
      if (untouched && message === undefined) return { call: current, result };
      const commitSet = await finish(draft, current);
      try {
        await commit(commitSet, message, result);
        return { call: commitSet.call, result };
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof VersionConflictError) throw new GatewayError('USM_ERR_CONFLICT', 'the call kept changing; retry', { cause: error });
        throw error;
      }
    }
  }

  return {
    async submit({ customer, submission, chainId, hops = [], trace, message }) {
      if (hops.includes(deps.self)) throw new GatewayError('USM_ERR_LOOP_DETECTED', `the call already passed ${deps.self}: ${hops.join(' -> ')}`);
      const agreement = await agreements.covering(customer, submission.agreement, submission.service);
      if (agreement === undefined) {
        const known = await agreements.get(customer, submission.agreement);
        if (known === undefined || known.status !== 'active') {
          throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `${submission.agreement} is not an active agreement of ${customer}`);
        }
        throw new GatewayError('USM_ERR_SERVICE_NOT_ALLOWED', `agreement ${submission.agreement} does not cover service ${submission.service}`);
      }
      const at = isoNow();
      const started = startCall(submission.type);
      const priority = priorityOf(submission.impact, submission.urgency);
      const target = agreement.serviceLevels.targets.find((t) => t.priority === priority);
      const call: CallRecord = {
        id: uuidv7(deps.now()),
        customer,
        type: submission.type,
        service: submission.service,
        agreement: submission.agreement,
        summary: submission.summary,
        ...(submission.description !== undefined ? { description: submission.description } : {}),
        impact: submission.impact,
        urgency: submission.urgency,
        priority,
        requester: submission.requester,
        attachments: submission.attachments ?? [],
        ...(submission.externalRef !== undefined ? { externalRef: submission.externalRef } : {}),
        chainId,
        lifecycle: started.state,
        createdAt: at,
        updatedAt: at,
        version: 1,
        hops: [...hops],
        ...(trace !== undefined ? { trace } : {}),
        ...(target !== undefined ? { sla: startClock(at, target, agreement.serviceLevels.supportHours) } : {}),
      };
      const draft = draftOf(call, at);
      draft.events.push(event('call.created', call.id, at, {}));
      record(draft, started.changes, { kind: 'customer', id: customer });
      const auto = planner.autoRoute(call);
      if (auto !== undefined && walkTo(draft, auto.at)) {
        const request = { supplier: auto.route.supplier, service: auto.route.supplierService, agreement: auto.route.agreement };
        forkInto(draft, planner.plan(draft.call, request, await agreements.underpinning()), SYSTEM);
      }
      const commitSet = await finish(draft, undefined);
      await commit(commitSet, message, commitSet.call);
      return commitSet.call;
    },

    async act(input) {
      let note: Note | undefined;
      const { call } = await change(
        input.callId,
        input.customer,
        async (_current, draft) => {
          if (input.action !== undefined) step(draft, input.action, input.actor, input.comment);
          if (input.action?.kind === 'resolve' && input.resolution !== undefined) draft.call = { ...draft.call, resolution: { summary: input.resolution, resolvedAt: draft.at } };
          note = input.note === undefined ? undefined : addNote(draft, input.note, input.actor);
          return draft.call;
        },
        input.message,
      );
      return { call, note };
    },

    async fork({ callId, actor, request }) {
      const underpinning = await agreements.underpinning();
      const { result } = await change(callId, undefined, async (current, draft) => forkInto(draft, planner.plan(current, request, underpinning), actor));
      return result;
    },

    async tellSupplier({ callId, linkId, actor, type, data }) {
      const { result } = await change(callId, undefined, async (_current, draft) => {
        const link = await store.getLink(linkId);
        if (link === undefined || link.parentCallId !== callId) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `no sub-call ${linkId} on call ${callId}`);
        if (type === 'call.cancel' && !isOpen(link)) throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `the sub-call at ${link.supplier} is ${link.status}`);
        draft.outbox.push(outbound.toSupplier(draft.call, link, type, data));
        addNote(draft, { text: `${type === 'call.note' ? 'To' : 'Cancelled at'} ${link.supplier}: ${data.text ?? data.reason ?? ''}`.trim(), visibility: 'internal', kind: 'comment' }, actor);
        return link;
      });
      return result;
    },

    async receiveUpdate({ supplier, update, message }) {
      const link = await store.getLink(update.externalRef);
      if (link === undefined || link.supplier !== supplier) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `${supplier} has no sub-call ${update.externalRef} here`);
      const { result } = await change(
        link.parentCallId,
        undefined,
        async (_parent, draft) => {
          const current = (await store.getLink(link.id))!;
          const taken = receiveUpdate(current, update, draft.at);
          draft.links.set(current.id, { link: { ...taken.link, version: current.version + 1 }, expectedVersion: current.version });
          const actor: Actor = { kind: 'supplier', id: supplier };
          for (const applied of taken.applied) {
            draft.events.push(event('call.supplier_update', draft.call.id, draft.at, { linkId: link.id, supplier, update: applied }));
            if (applied.note !== undefined) {
              const visibility = taken.link.relayNotes && applied.note.kind !== 'request' ? 'public' : 'internal';
              addNote(draft, { text: `${supplier}: ${applied.note.text}`, visibility, kind: applied.note.kind === 'request' ? 'request' : 'comment' }, actor);
            }
          }
          if (taken.applied.length > 0 && isFulfilled(taken.link)) {
            const siblings = (await store.linksOf(draft.call.id)).map((l) => (l.id === link.id ? taken.link : l));
            if (!siblings.some(isOpen) && draft.call.lifecycle.status === 'held') {
              step(draft, { kind: 'setStatus', status: 'inProgress' }, SYSTEM, `${supplier} resolved its sub-call`);
              if (taken.link.onSupplierResolved === 'resolve') resolveWithSupplier(draft, taken.link);
            }
          }
          return { link: taken.link, applied: taken.applied.length > 0 };
        },
        message,
      );
      return result;
    },

    async checkSla(callId) {
      const { call } = await change(callId, undefined, async (current, draft) => {
        const missed = current.sla === undefined ? [] : newBreaches(current.sla, current.lifecycle.status, deps.now());
        if (missed.length === 0) return undefined;
        draft.call = { ...draft.call, sla: { ...current.sla!, breaches: [...current.sla!.breaches, ...missed] } };
        for (const target of missed) {
          const due = target === 'response' ? current.sla!.responseDueAt : current.sla!.resolutionDueAt;
          draft.events.push(event('call.sla_breached', current.id, draft.at, { target, due }));
          addNote(draft, { text: `The ${target} target (due ${due}) was missed.`, visibility: 'internal', kind: 'comment' }, SYSTEM);
        }
        return undefined;
      });
      return call;
    },

    get: (callId, customer) => load(callId, customer),
    list: (filter) => store.listCalls(filter),
    async history(callId, customer) {
      await load(callId, customer);
      const entries = await store.listHistory(callId);
      return customer === undefined ? entries : entries.filter((e) => e.change.kind === 'status');
    },
    async notes(callId, customer) {
      await load(callId, customer);
      return store.listNotes(callId, customer === undefined ? 'all' : 'public');
    },
    async links(callId) {
      await load(callId, undefined);
      return store.linksOf(callId);
    },
  };

  /** The route's `resolve` rule: walk the parent to its last fulfilment step (no change needed) and resolve it with the supplier's resolution. */
  function resolveWithSupplier(draft: Draft, link: SupplierLink): void {
    for (let guard = 0; guard < 64; guard++) {
      const workflow = draft.call.lifecycle.workflow;
      if (workflow !== null && draft.call.lifecycle.position === WORKFLOWS[workflow].resolveAt - 1) break;
      try {
        step(draft, isAtFork(draft.call.lifecycle) ? { kind: 'advance', branch: 'operate' } : { kind: 'advance' }, SYSTEM);
      } catch {
        return;
      }
    }
    const summary = link.resolution?.summary ?? `resolved by ${link.supplier}`;
    step(draft, { kind: 'resolve' }, SYSTEM, `resolved by ${link.supplier}`);
    draft.call = { ...draft.call, resolution: { summary, resolvedAt: draft.at } };
    addNote(draft, { text: summary, visibility: 'public', kind: 'comment' }, SYSTEM);
  }
}

function partnersOf(outbox: CallCommit['outbox']): string[] {
  return [...new Set((outbox ?? []).map((m) => m.partner))];
}


function eventsOf(changes: readonly LifecycleChange[], callId: string, at: string): CallEvent[] {
  return changes.flatMap((change): CallEvent[] => {
    switch (change.kind) {
      case 'workflow':
        return [event('call.workflow_decided', callId, at, { change })];
      case 'step':
        return [event('call.step_changed', callId, at, { change })];
      case 'status':
        return change.to === 'resolved'
          ? [event('call.status_changed', callId, at, { change }), event('call.resolved', callId, at, { change })]
          : [event('call.status_changed', callId, at, { change })];
    }
  });
}

function event(type: CallEvent['type'], callId: string, at: string, payload: Record<string, unknown>): CallEvent {
  return { id: uuidv7(Date.parse(at)), type, callId, at, payload };
}
