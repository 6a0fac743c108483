import { serviceLevelsFor, type AgreementRegistry } from '../agreements/agreement-registry.js';
import type { OutboundMessages } from '../delivery/outbound-messages.js';
import { unknownRequester } from '../agreements/requester-policy.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { Partner } from '../partners/partner-directory.js';
import type { Actor, Attachment, CallRecord, CallSubmission, HistoryEntry, Note } from '../ports/call.js';
import { isVersionConflict, type CallCommit, type CallFilter, type CallStore } from '../ports/call-store.js';
import type { IdempotencyContext } from '../ports/idempotency.js';
import type { InboundMessageStore, MessageContext } from '../ports/inbound-message.js';
import type { components } from '../generated/api.js';
import { allowedActions, currentPosition, fulfilmentIndex, pathOf, startCall, type LifecycleAction } from '../usm/call-lifecycle.js';
import type { CallType } from '../usm/usm-model.js';
import { priorityOf } from '../usm/priority.js';
import { newBreaches, nextDue, onStatusChange, startClock } from '../usm/sla-clock.js';
import { addNote, draftOf, event, isUntouched, record, step, SYSTEM, workClosingSteps, type Draft, type NoteInput } from './call-draft.js';
import { deskView } from './call-views.js';
import { checkAttachable, confirmOwnResolution, endWaits, triggeredTypeAt, waitOn, withDraft, type TriggerDeps } from './triggered-calls.js';
import type { TriggerLink } from '../ports/trigger-link.js';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { heldOf, holdAttachments, isPublic, referenceFor } from './call-attachments.js';


export interface ActInput {
  readonly callId: string;
  readonly actor: Actor;
  /** A customer may only touch its own calls; others see "not found". */
  readonly customer?: string;
  /** The chain the message about the call names; refused when it is not the call's. */
  readonly chainId?: string;
  readonly action?: LifecycleAction;
  readonly note?: NoteInput;
  /** Attachments added with the note (internal with an internal note), checked before the change. */
  readonly attachments?: readonly Attachment[] | undefined;
  /** The partner gateway the attachments' references came from (its downloads are fetched with our read token). */
  readonly attachmentsFrom?: string;
  readonly comment?: string;
  readonly resolution?: string;
  readonly message?: MessageContext<CallRecord>;
  readonly idempotency?: IdempotencyContext<ActResult>;
}

export interface ActResult {
  readonly call: CallRecord;
  readonly note: Note | undefined;
}

/** A call with the waits on triggered calls it takes part in (either side), as committed. */
export interface CallWithTriggers {
  readonly call: CallRecord;
  readonly triggers: readonly TriggerLink[];
}

/** The desk raises the process a call's process triggers as a call of its own; the call waits for it. */
export interface RaiseTriggeredInput {
  readonly callId: string;
  readonly actor: Actor;
  readonly request: components['schemas']['TriggeredCallRequest'];
  readonly idempotency?: IdempotencyContext<CallWithTriggers>;
}

/** The desk lets a call wait on an open call as its triggered call. */
export interface AttachTriggeredInput {
  readonly callId: string;
  readonly triggeredCallId: string;
  readonly actor: Actor;
  readonly comment?: string;
  readonly idempotency?: IdempotencyContext<CallWithTriggers>;
}

export interface SubmitInput {
  readonly customer: string;
  readonly submission: CallSubmission;
  readonly chainId: string;
  readonly hops?: readonly string[];
  readonly trace?: string;
  readonly message?: MessageContext<CallRecord>;
}

/** A call the desk raises: for a customer (taken by phone or e-mail), or the provider's own. */
export interface RaiseInput {
  readonly actor: Actor;
  readonly request: components['schemas']['DeskCallRequest'];
  readonly idempotency?: IdempotencyContext<CallRecord>;
}

/**
 * Decides one change to a call: fills the draft and gives back how to present the result once the
 * change is finished (the answer recorded for an identical resend is made from the call as committed).
 */
export type Decide<T> = (current: CallRecord, draft: Draft) => Promise<(committed: CallRecord) => T>;

/** What caused a change, recorded with it so that the same request again gets the same answer. */
export interface ChangeCause<T> {
  /** The signed message from a partner. */
  readonly message?: MessageContext<T> | undefined;
  /** The desk request with an Idempotency-Key. */
  readonly idempotency?: IdempotencyContext<T> | undefined;
}

export interface CallService {
  submit(input: SubmitInput): Promise<CallRecord>;
  /**
   * Raises a call at the desk under the rules of a submission: for a customer, or (no customer)
   * for the provider itself; `raisedFrom` links a risk to the call whose evaluate and close raised it.
   */
  raise(input: RaiseInput): Promise<CallRecord>;
  act(input: ActInput): Promise<ActResult>;
  /**
   * Raises the triggered call at the call's trigger step (Agree 6, Change 6, Recover 5, Improve 5):
   * the provider's own call, linked; the call held until it ends. Answers the triggered call.
   */
  raiseTriggered(input: RaiseTriggeredInput): Promise<CallWithTriggers>;
  /** Lets the call wait on an open call as its triggered call (one change serving several incidents). Answers the waiting call. */
  attachTriggered(input: AttachTriggeredInput): Promise<CallWithTriggers>;
  /** The waits on triggered calls the call takes part in, either side, oldest first. */
  triggers(callId: string): Promise<TriggerLink[]>;
  /** Records the service-level targets a call has missed by now: events for the desk, an update for the customer. */
  checkSla(callId: string): Promise<CallRecord>;
  /**
   * Closes a resolved call whose confirmation window has ended (confirming the resolution for the
   * customer that did not answer, and working the remaining closing steps); true when this closed it.
   */
  closeAfterWindow(callId: string): Promise<boolean>;
  /**
   * Reads the call, decides, finishes and commits the change with the message behind it; decides
   * again when the call changed in between. For other domains' changes to a call (sub-calls).
   */
  change<T>(callId: string, customer: string | undefined, decide: Decide<T>, cause?: ChangeCause<T>): Promise<{ call: CallRecord; result: T }>;
  get(callId: string, customer?: string): Promise<CallRecord>;
  list(filter: CallFilter): Promise<CallRecord[]>;
  /** The calls one id names, whichever of its ids it is (for the desk's search box), each once, by the first way it matched. */
  find(id: string): Promise<{ readonly matchedBy: 'id' | 'externalRef' | 'supplierCallId' | 'chainId'; readonly call: CallRecord }[]>;
  history(callId: string, customer?: string): Promise<HistoryEntry[]>;
  notes(callId: string, customer?: string): Promise<Note[]>;
}

/**
 * What other domains add to a call's changes, wired by the composition root so that calls/ knows
 * nothing of them: sub-calls fork a new call on an automatic route and confirm fulfilled sub-calls
 * when a call closes.
 */
export interface CallHooks {
  /** A new call's draft, before its first commit. */
  started?(draft: Draft): Promise<void>;
  /** A change about to be committed (`previous` is the call as read), after the call service finished it. */
  finishing?(draft: Draft, previous: CallRecord): Promise<void>;
}

export interface CallServiceDeps {
  readonly self: string;
  readonly store: CallStore & InboundMessageStore;
  readonly agreements: AgreementRegistry;
  readonly outbound: OutboundMessages;
  readonly partner: (id: string) => Partner | undefined;
  readonly now: () => number;
  /** Rules that raise triggered calls by themselves when the desk advances a call onto its trigger step (config `triggers`). */
  readonly triggerRules?: readonly TriggerRule[];
  /** Who works a resolved call's closing steps: the gateway once the customer confirms (default), or the desk. */
  readonly closing?: 'auto' | 'desk';
  readonly hooks?: CallHooks;
  /** Fetches and checks attachments where they arrive (none: they are taken by reference, unverified). */
  readonly attachments?: AttachmentChecker;
  /** This gateway's `publicUrl`: the next hop downloads the attachments it checked from there. */
  readonly publicUrl?: string | undefined;
  /** Told after every commit, with the partners it queued messages for (to wake the workers). */
  readonly onCommit?: (partners: readonly string[]) => void;
  /** Told each service-level target a call missed, once it is recorded (for the metrics). */
  readonly onSlaBreach?: (call: CallRecord, target: 'response' | 'resolution') => void;
}

/** A rule of config `triggers`: calls of `callTypes` under `service` raise a `raise` at their trigger step. */
export interface TriggerRule {
  readonly service: string;
  readonly callTypes: readonly CallType[];
  readonly raise: CallType;
  readonly agreement?: string;
}

/** What opening a new call takes: a customer's submission, or the desk's. */
interface Opening {
  readonly customer: string;
  readonly submission: CallSubmission;
  readonly chainId: string;
  readonly hops: readonly string[];
  readonly trace?: string | undefined;
  readonly actor: Actor;
  readonly extra?: Pick<CallRecord, 'channel' | 'raisedFrom'>;
  readonly cause: ChangeCause<CallRecord>;
}

/**
 * A rejected resolution (the customer's reopen, or the desk's back in progress) goes back to the
 * step the request names, else to the agreement's `onRejection` when that is a fulfilment step of
 * the call's path, else to the last fulfilment step.
 */
function returnTo(call: CallRecord, action: LifecycleAction): LifecycleAction {
  const reopening = action.kind === 'reopen' || (action.kind === 'setStatus' && action.status === 'inProgress' && call.lifecycle.status === 'resolved');
  if (!reopening || action.to !== undefined || call.onRejection === undefined) return action;
  return fulfilmentIndex(call.lifecycle, call.onRejection) === undefined ? action : { ...action, to: call.onRejection };
}

const MAX_ATTEMPTS = 5;
const HOUR = 3_600_000;

export function createCallService(deps: CallServiceDeps): CallService {
  const { store, agreements, outbound, hooks = {} } = deps;
  const isoNow = (): string => new Date(deps.now()).toISOString();
  const triggerDeps: TriggerDeps = { triggersOf: (id) => store.triggersOf(id), load: (id) => load(id, undefined) };

  async function load(callId: string, customer: string | undefined): Promise<CallRecord> {
    const call = await store.getCall(callId);
    if (call === undefined || (customer !== undefined && call.customer !== customer)) {
      throw new GatewayError('USM_ERR_CALL_NOT_FOUND', `no call ${callId}`);
    }
    return call;
  }

  /**
   * Finishes a draft into a commit: runs the service-level clock over its status changes, bumps the
   * version, and sends the customer's gateway an update for public changes.
   */
  async function finish(draft: Draft, previous: CallRecord | undefined): Promise<CallCommit> {
    if (previous !== undefined) await confirmOwnResolution(triggerDeps, draft, deps.self, deps.closing ?? 'auto');
    const statusChanged = draft.history.some((h) => h.change.kind === 'status');
    // The customer's own notes are not echoed back to it.
    const publicNote = draft.notes.find((n) => n.visibility === 'public' && n.author.kind !== 'customer');
    const noteAttachments = publicNote === undefined ? [] : draft.call.attachments.filter((a) => a.noteId === publicNote.id && isPublic(a)).map((a) => referenceFor(draft.call, a, deps.publicUrl));
    let sla = draft.call.sla;
    for (const { change } of draft.history) {
      if (sla !== undefined && change.kind === 'status' && change.from !== null) sla = onStatusChange(sla, change.from, change.to, draft.at);
    }
    const slaBreached = (sla?.breaches.length ?? 0) > (previous?.sla?.breaches.length ?? 0);
    const { closeDueAt: _due, ...unwatched } = draft.call;
    const closeDueAt = closeDue(draft);
    let call: CallRecord = {
      ...unwatched,
      ...(sla !== undefined ? { sla } : {}),
      slaNextDue: nextDue(sla, draft.call.lifecycle.status),
      ...(closeDueAt !== undefined ? { closeDueAt } : {}),
      updatedAt: draft.at,
      version: (previous?.version ?? 0) + 1,
    };
    // A new call's starting status goes back in the answer to the submission; updates carry what changes after.
    // A call raised at the desk (channel) is no sub-call of the customer's gateway: it gets none.
    if (previous !== undefined && call.channel === undefined && call.externalRef !== undefined && deps.partner(call.customer)?.url !== undefined && (statusChanged || publicNote !== undefined || slaBreached)) {
      const seq = (call.updateSeq ?? 0) + 1;
      call = { ...call, updateSeq: seq };
      draft.outbox.push(
        outbound.updateToCustomer(call, {
          callId: call.id,
          externalRef: call.externalRef!,
          seq,
          status: call.lifecycle.status,
          ...(publicNote !== undefined ? { note: { text: publicNote.text, kind: publicNote.kind, ...(noteAttachments.length > 0 ? { attachments: noteAttachments } : {}) } } : {}),
          ...(call.lifecycle.status === 'resolved' && call.resolution !== undefined ? { resolution: { summary: call.resolution.summary } } : {}),
          ...(call.sla !== undefined && call.sla.breaches.length > 0 ? { slaBreaches: [...call.sla.breaches] } : {}),
        }),
      );
    }
    draft.call = call;
    if (previous !== undefined) await hooks.finishing?.(draft, previous);
    if (previous !== undefined) await endWaits(triggerDeps, draft, previous);
    const also: CallCommit[] = [];
    for (const other of draft.also.values()) also.push(await finish(other.draft, other.previous));
    return {
      call,
      expectedVersion: previous?.version ?? null,
      history: draft.history,
      notes: draft.notes,
      events: draft.events,
      ...(draft.events.length > 0 ? { eventCall: deskView(call) } : {}),
      links: [...draft.links.values()],
      outbox: draft.outbox,
      triggers: [...draft.triggers.values()],
      agreements: draft.agreements,
      also,
    };
  }

  /** When the call closes itself: its window from the moment it became resolved; nothing once it is not resolved. */
  function closeDue(draft: Draft): string | undefined {
    const { call } = draft;
    if (call.lifecycle.status !== 'resolved') return undefined;
    const resolvedNow = draft.history.some((h) => h.change.kind === 'status' && h.change.to === 'resolved');
    if (!resolvedNow) return call.closeDueAt;
    return call.confirmationHours === undefined ? undefined : new Date(Date.parse(draft.at) + call.confirmationHours * HOUR).toISOString();
  }

  async function commit<T>(change: CallCommit, cause: ChangeCause<T>, result: T): Promise<void> {
    const { message, idempotency } = cause;
    await store.commitCall({
      ...change,
      ...(message !== undefined ? { inbound: { ...message.record, callId: change.call.id, response: await message.respond(result) } } : {}),
      ...(idempotency !== undefined ? { idempotent: { ...idempotency.record, response: idempotency.respond(result) } } : {}),
    });
    deps.onCommit?.([...new Set([change, ...(change.also ?? [])].flatMap((c) => (c.outbox ?? []).map((m) => m.partner)))]);
  }

  async function change<T>(callId: string, customer: string | undefined, decide: Decide<T>, cause: ChangeCause<T> = {}): Promise<{ call: CallRecord; result: T }> {
    for (let attempt = 1; ; attempt++) {
      const current = await load(callId, customer);
      const draft = draftOf(current, isoNow());
      const present = await decide(current, draft);
      if (isUntouched(draft, current) && cause.message === undefined) return { call: current, result: present(current) };
      const commitSet = await finish(draft, current);
      const result = present(commitSet.call);
      try {
        await commit(commitSet, cause, result);
        return { call: commitSet.call, result };
      } catch (error) {
        if (!isVersionConflict(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new GatewayError('USM_ERR_CONFLICT', 'the call kept changing; retry', { cause: error });
      }
    }
  }

  /** Opens a new call: the agreement's rules, the service-level clock, the hooks (automatic routes), one commit. */
  async function open(opening: Opening): Promise<CallRecord> {
    await checkAttachments(opening.submission.attachments, opening.actor.kind === 'customer' ? opening.customer : undefined);
    for (let attempt = 1; ; attempt++) {
      const draft = await prepare(opening, isoNow());
      await linkToSource(draft);
      const commitSet = await finish(draft, undefined);
      try {
        await commit(commitSet, opening.cause, commitSet.call);
        return commitSet.call;
      } catch (error) {
        // Only the call a risk is raised from can be stale: it changed in between; link again.
        if (!isVersionConflict(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new GatewayError('USM_ERR_CONFLICT', 'the call the risk is raised from kept changing; retry', { cause: error });
      }
    }
  }

  /** A risk raised from another call's evaluate and close: that call lists it (`raised`), in the same commit. */
  async function linkToSource(draft: Draft): Promise<void> {
    const from = draft.call.raisedFrom;
    if (from === undefined) return;
    const source = await load(from, undefined);
    const linked = draftOf({ ...source, raised: [...(source.raised ?? []), draft.call.id] }, draft.at);
    draft.also.set(source.id, { draft: linked, previous: source });
  }

  /** Fetches and checks attachments before any change is decided: a refusal leaves nothing written. */
  async function checkAttachments(attachments: readonly Attachment[] | undefined, from: string | undefined): Promise<void> {
    if (attachments !== undefined && attachments.length > 0) await deps.attachments?.check(attachments, from);
  }

  /** A new call's first draft, under the agreement's rules, with the hooks run (automatic routes); refuses a call the rules do not take. */
  async function prepare({ customer, submission, chainId, hops, trace, actor, extra }: Omit<Opening, 'cause'>, at: string): Promise<Draft> {
    if (hops.includes(deps.self)) throw new GatewayError('USM_ERR_LOOP_DETECTED', `the call already passed ${deps.self}: ${hops.join(' -> ')}`);
    const agreement = await agreements.covering(customer, submission.agreement, submission.service);
    if (agreement === undefined) {
      const known = await agreements.get(customer, submission.agreement);
      if (known === undefined || known.status !== 'active') {
        throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `${submission.agreement} is not an active agreement of ${customer}`);
      }
      throw new GatewayError('USM_ERR_SERVICE_NOT_ALLOWED', `agreement ${submission.agreement} does not cover service ${submission.service}`);
    }
    // A customer taken from the network directory may use only the links the operator allows (the config narrows, never widens).
    const links = deps.partner(customer)?.links;
    if (links !== undefined && !links.some((l) => l.customer === customer && l.agreement === submission.agreement && l.services.includes(submission.service))) {
      throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `the network directory allows ${customer} no link under ${submission.agreement} for service ${submission.service}`);
    }
    if (submission.externalRef === undefined && extra === undefined && deps.partner(customer)?.url !== undefined) {
      throw new GatewayError('USM_ERR_EXTERNAL_REF_REQUIRED', `${customer} runs a gateway: name the call's reference there (externalRef), so that its updates can reach it`);
    }
    const policy = agreements.requesterPolicy(agreement.id);
    const unknown = policy === undefined || policy.onUnknown === 'accept' ? undefined : unknownRequester(policy, submission.requester, submission.type, agreement.id);
    if (unknown !== undefined && policy?.onUnknown === 'refuse') throw new GatewayError('USM_ERR_REQUESTER_UNKNOWN', unknown);
    const started = startCall(submission.type);
    const priority = priorityOf(submission.impact, submission.urgency);
    const levels = serviceLevelsFor(agreement, submission.service);
    const target = levels.targets.find((t) => t.priority === priority);
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
      attachments: [...new Map((submission.attachments ?? []).map((a) => [a.sha256, heldOf(a, at, { actor, verified: deps.attachments !== undefined })])).values()],
      ...(submission.externalRef !== undefined ? { externalRef: submission.externalRef } : {}),
      chainId,
      lifecycle: started.state,
      createdAt: at,
      updatedAt: at,
      version: 1,
      hops: [...hops],
      ...(trace !== undefined ? { trace } : {}),
      ...(target !== undefined ? { sla: startClock(at, target, levels.supportHours) } : {}),
      ...(levels.confirmationHours !== undefined ? { confirmationHours: levels.confirmationHours } : {}),
      ...(levels.onRejection !== undefined ? { onRejection: { process: levels.onRejection.process, step: levels.onRejection.step } } : {}),
      ...extra,
      ...(unknown !== undefined ? { requesterUnknown: true } : {}),
    };
    const draft = draftOf(call, at);
    draft.events.push(event('call.created', call.id, at, {}));
    record(draft, started.changes, actor);
    if (unknown !== undefined) addNote(draft, { text: `Unknown requester: ${unknown}.`, visibility: 'internal', kind: 'comment' }, SYSTEM);
    await hooks.started?.(draft);
    return draft;
  }

  /** The provider's own active agreement that covers the service: what its triggered calls fall under. */
  async function ownAgreementFor(service: string): Promise<string> {
    const own = (await agreements.forCustomer(deps.self)).find((a) => a.status === 'active' && a.services.includes(service));
    if (own === undefined) {
      throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `no active agreement of ${deps.self} (the provider's own, for its internal calls) covers service ${service}: add one, or name the agreement`);
    }
    return own.id;
  }

  /**
   * Raises the triggered call of the draft's call at its trigger step, into the same commit: the
   * new call (the provider's own, defaults from the raising call) and the raising call's wait.
   */
  async function raiseInto(draft: Draft, actor: Actor, request: RaiseTriggeredInput['request']): Promise<Draft> {
    const current = draft.call;
    const type = triggeredTypeAt(current, request.type);
    const service = request.service ?? current.service;
    const description = request.description ?? current.description;
    const submission: CallSubmission = {
      type,
      service,
      agreement: request.agreement ?? (await ownAgreementFor(service)),
      summary: request.summary ?? current.summary,
      ...(description !== undefined ? { description } : {}),
      impact: request.impact ?? current.impact,
      urgency: request.urgency ?? current.urgency,
      requester: current.requester,
    };
    const opening = { customer: deps.self, submission, chainId: uuidv7(deps.now()), hops: [], actor, extra: { channel: 'internal' as const } };
    const triggered = await prepare(opening, draft.at);
    waitOn(draft, triggered.call, actor, request.comment);
    draft.also.set(triggered.call.id, { draft: triggered, previous: undefined });
    return triggered;
  }

  /** A trigger rule's triggered call for a call the desk just advanced onto its trigger step, if a rule fits. */
  async function triggerByRule(draft: Draft): Promise<void> {
    const { call } = draft;
    const raisable = allowedActions(call.lifecycle, 'system').find((a) => a.kind === 'raiseTriggered')?.types ?? [];
    const rule = (deps.triggerRules ?? []).find((r) => r.service === call.service && r.callTypes.includes(call.type) && raisable.includes(r.raise));
    if (rule === undefined) return;
    const here = currentPosition(call.lifecycle);
    await raiseInto(draft, SYSTEM, {
      type: rule.raise,
      ...(rule.agreement !== undefined ? { agreement: rule.agreement } : {}),
      comment: `the trigger rule of ${rule.service} raises a ${rule.raise} at ${here.process} ${here.step}`,
    });
  }

  /** A call with its waits as committed: the stored ones with the change's own over them. */
  async function withTriggers(call: CallRecord, draft: Draft): Promise<(committed: CallRecord) => CallWithTriggers> {
    const triggers = withDraft(await store.triggersOf(call.id), draft, call.id);
    return (committed) => ({ call: committed, triggers });
  }

  return {
    submit: ({ customer, submission, chainId, hops = [], trace, message }) =>
      open({ customer, submission, chainId, hops, trace, actor: { kind: 'customer', id: customer }, cause: { message } }),

    async raise({ actor, request, idempotency }) {
      const { customer = deps.self, channel, raisedFrom, ...submission } = request;
      if (raisedFrom !== undefined) {
        if (submission.type !== 'risk') {
          throw new GatewayError('USM_ERR_VALIDATION', 'only a risk is raised from another call', { errors: [{ path: 'body/raisedFrom', message: 'needs type risk' }] });
        }
        const from = await load(raisedFrom, undefined);
        const atEvaluate = from.lifecycle.position === pathOf(from.lifecycle).length - 1;
        if (from.lifecycle.status !== 'closed' && !atEvaluate) {
          const here = currentPosition(from.lifecycle);
          throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `call ${from.id} is at ${here.process} ${here.step}: a risk is raised from its evaluate and close`);
        }
      }
      return open({
        customer,
        submission,
        chainId: uuidv7(deps.now()),
        hops: [],
        actor,
        extra: { channel, ...(raisedFrom !== undefined ? { raisedFrom } : {}) },
        cause: { idempotency },
      });
    },

    async act(input) {
      const { message, idempotency } = input;
      if (input.attachments !== undefined && input.attachments.length > 0) {
        // Nothing is fetched for a call the sender may not touch.
        await load(input.callId, input.customer);
        await checkAttachments(input.attachments, input.attachmentsFrom);
      }
      const { result } = await change<ActResult>(
        input.callId,
        input.customer,
        async (current, draft) => {
          if (input.chainId !== undefined && input.chainId !== current.chainId) {
            throw new GatewayError('USM_ERR_CHAIN_MISMATCH', `call ${current.id} is in chain ${current.chainId}, the message names ${input.chainId}`);
          }
          if (input.action !== undefined) step(draft, returnTo(current, input.action), input.actor, input.comment);
          if (input.action?.kind === 'advance') await triggerByRule(draft);
          if (input.action?.kind === 'confirm' && deps.closing !== 'desk') workClosingSteps(draft);
          if (input.action?.kind === 'resolve' && input.resolution !== undefined) draft.call = { ...draft.call, resolution: { summary: input.resolution, resolvedAt: draft.at } };
          const note = input.note === undefined ? undefined : addNote(draft, input.note, input.actor);
          if (input.attachments !== undefined && input.attachments.length > 0) {
            holdAttachments(draft, input.attachments, { actor: input.actor, verified: deps.attachments !== undefined, noteId: note?.id, internal: note?.visibility === 'internal' });
          }
          return (committed) => ({ call: committed, note });
        },
        { message: message && { record: message.record, respond: (r) => message.respond(r.call) }, idempotency },
      );
      return result;
    },

    async checkSla(callId) {
      let missed: ReturnType<typeof newBreaches> = [];
      const { call } = await change(callId, undefined, async (current, draft) => {
        missed = current.sla === undefined ? [] : newBreaches(current.sla, current.lifecycle.status, deps.now());
        if (missed.length > 0) {
          draft.call = { ...draft.call, sla: { ...current.sla!, breaches: [...current.sla!.breaches, ...missed] } };
          for (const target of missed) {
            const due = target === 'response' ? current.sla!.responseDueAt : current.sla!.resolutionDueAt;
            draft.events.push(event('call.sla_breached', current.id, draft.at, { target, due }));
            addNote(draft, { text: `The ${target} target (due ${due}) was missed.`, visibility: 'internal', kind: 'comment' }, SYSTEM);
          }
        }
        return () => undefined;
      });
      for (const target of missed) deps.onSlaBreach?.(call, target);
      return call;
    },

    async closeAfterWindow(callId) {
      let closed = false;
      await change(callId, undefined, async (current, draft) => {
        closed = false;
        const due = current.closeDueAt;
        if (current.lifecycle.status !== 'resolved' || due === undefined || Date.parse(due) > deps.now()) return () => undefined;
        const window = `${current.confirmationHours}-hour confirmation window of agreement ${current.agreement}`;
        if (current.lifecycle.confirmed !== true) step(draft, { kind: 'confirm' }, SYSTEM, `no answer from ${current.customer} within the ${window}`);
        workClosingSteps(draft, `closed at the end of the ${window}`);
        closed = true;
        return () => undefined;
      });
      return closed;
    },

    async raiseTriggered({ callId, actor, request, idempotency }) {
      let raised: Draft | undefined;
      const { result } = await change<CallWithTriggers>(
        callId,
        undefined,
        async (_current, draft) => {
          raised = await raiseInto(draft, actor, request);
          // The triggered call as committed: `finish` leaves its final record in its draft.
          return () => ({ call: raised!.call, triggers: withDraft([], draft, raised!.call.id) });
        },
        { idempotency },
      );
      return result;
    },

    async attachTriggered({ callId, triggeredCallId, actor, comment, idempotency }) {
      const { result } = await change<CallWithTriggers>(
        callId,
        undefined,
        async (current, draft) => {
          const triggered = await load(triggeredCallId, undefined);
          await checkAttachable(triggerDeps, current, triggered);
          waitOn(draft, triggered, actor, comment);
          return withTriggers(current, draft);
        },
        { idempotency },
      );
      return result;
    },

    triggers: async (callId) => {
      await load(callId, undefined);
      return store.triggersOf(callId);
    },

    change,
    get: (callId, customer) => load(callId, customer),
    list: (filter) => store.listCalls(filter),
    async find(id) {
      const seen = new Set<string>();
      return (await store.findCalls(id)).filter((found) => !seen.has(found.call.id) && seen.add(found.call.id));
    },
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
