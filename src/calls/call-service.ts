import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { InboundMessage, InboundMessageStore } from '../messages/inbound-message.js';
import { uuidv7 } from '../messages/uuid-v7.js';
import { apply, startCall, type LifecycleAction, type LifecycleChange } from './call-lifecycle.js';
import { VersionConflictError, type CallCommit, type CallFilter, type CallStore } from './call-store.js';
import type { Actor, CallEvent, CallRecord, CallSubmission, HistoryEntry, Note, NoteKind, NoteVisibility } from './call.js';
import { deskView } from './call-views.js';
import { priorityOf } from './priority.js';

/** The signed message behind a change: recorded with it, and answered the same way on an identical resend. */
export interface MessageContext {
  readonly record: Omit<InboundMessage, 'response' | 'callId'>;
  readonly respond: (call: CallRecord) => { status: number; body: unknown };
}

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
  readonly message?: MessageContext;
}

export interface ActResult {
  readonly call: CallRecord;
  readonly note: Note | undefined;
}

export interface CallService {
  submit(input: { customer: string; submission: CallSubmission; chainId: string; message?: MessageContext }): Promise<CallRecord>;
  act(input: ActInput): Promise<ActResult>;
  get(callId: string, customer?: string): Promise<CallRecord>;
  list(filter: CallFilter): Promise<CallRecord[]>;
  history(callId: string, customer?: string): Promise<HistoryEntry[]>;
  notes(callId: string, customer?: string): Promise<Note[]>;
}

export interface CallServiceDeps {
  readonly store: CallStore & InboundMessageStore;
  readonly agreements: AgreementRegistry;
  readonly now: () => number;
  /** Told after every commit, e.g. to wake the webhook dispatcher. */
  readonly onCommit?: () => void;
}

const MAX_ATTEMPTS = 5;

export function createCallService(deps: CallServiceDeps): CallService {
  const { store, agreements } = deps;
  const isoNow = (): string => new Date(deps.now()).toISOString();

  async function load(callId: string, customer: string | undefined): Promise<CallRecord> {
    const call = await store.getCall(callId);
    if (call === undefined || (customer !== undefined && call.customer !== customer)) {
      throw new GatewayError('USM_ERR_CALL_NOT_FOUND', `no call ${callId}`);
    }
    return call;
  }

  async function commit(change: CallCommit, message: MessageContext | undefined): Promise<void> {
    const inbound = message === undefined ? undefined : { ...message.record, callId: change.call.id, response: message.respond(change.call) };
    await store.commitCall(inbound === undefined ? change : { ...change, inbound });
    deps.onCommit?.();
  }

  return {
    async submit({ customer, submission, chainId, message }) {
      if (agreements.covering(customer, submission.agreement, submission.service) === undefined) {
        const known = agreements.get(customer, submission.agreement);
        if (known === undefined || known.status !== 'active') {
          throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `${submission.agreement} is not an active agreement of ${customer}`);
        }
        throw new GatewayError('USM_ERR_SERVICE_NOT_ALLOWED', `agreement ${submission.agreement} does not cover service ${submission.service}`);
      }
      const at = isoNow();
      const actor: Actor = { kind: 'customer', id: customer };
      const started = startCall(submission.type);
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
        priority: priorityOf(submission.impact, submission.urgency),
        requester: submission.requester,
        attachments: submission.attachments ?? [],
        ...(submission.externalRef !== undefined ? { externalRef: submission.externalRef } : {}),
        chainId,
        lifecycle: started.state,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await commit(
        {
          call,
          expectedVersion: null,
          history: started.changes.map((change) => ({ callId: call.id, at, actor, change })),
          notes: [],
          events: [event('call.created', call, at, {}), ...eventsOf(started.changes, call, at)],
        },
        message,
      );
      return call;
    },

    async act(input) {
      for (let attempt = 1; ; attempt++) {
        const current = await load(input.callId, input.customer);
        const change = decide(current, input, isoNow());
        try {
          await commit(change, input.message);
          return { call: change.call, note: change.notes[0] };
        } catch (error) {
          if (error instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
          if (error instanceof VersionConflictError) throw new GatewayError('USM_ERR_CONFLICT', 'the call kept changing; retry', { cause: error });
          throw error;
        }
      }
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
  };
}

/** Computes the whole change an action makes to a call; throws IllegalTransitionError for an illegal one. */
function decide(current: CallRecord, input: ActInput, at: string): CallCommit {
  const result = input.action === undefined ? { state: current.lifecycle, changes: [] } : apply(current.lifecycle, input.action, input.actor.kind);
  const resolution = input.action?.kind === 'resolve' && input.resolution !== undefined ? { summary: input.resolution, resolvedAt: at } : current.resolution;
  const call: CallRecord = {
    ...current,
    lifecycle: result.state,
    ...(resolution !== undefined ? { resolution } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  const note: Note | undefined =
    input.note === undefined ? undefined : { id: uuidv7(Date.parse(at)), callId: call.id, ...input.note, author: input.actor, createdAt: at };
  return {
    call,
    expectedVersion: current.version,
    history: result.changes.map((change) => ({
      callId: call.id,
      at,
      actor: input.actor,
      change,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
    })),
    notes: note === undefined ? [] : [note],
    events: [
      ...eventsOf(result.changes, call, at),
      ...(note === undefined ? [] : [event('call.note_added', call, at, { note })]),
    ],
  };
}

function eventsOf(changes: readonly LifecycleChange[], call: CallRecord, at: string): CallEvent[] {
  return changes.flatMap((change): CallEvent[] => {
    switch (change.kind) {
      case 'workflow':
        return [event('call.workflow_decided', call, at, { change })];
      case 'step':
        return [event('call.step_changed', call, at, { change })];
      case 'status':
        return change.to === 'resolved'
          ? [event('call.status_changed', call, at, { change }), event('call.resolved', call, at, { change })]
          : [event('call.status_changed', call, at, { change })];
    }
  });
}

function event(type: CallEvent['type'], call: CallRecord, at: string, payload: Record<string, unknown>): CallEvent {
  return { id: uuidv7(Date.parse(at)), type, callId: call.id, at, payload: { ...payload, call: deskView(call) } };
}
