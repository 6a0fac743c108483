import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import { addNote, event, hold, resolveOnBehalf, resume, SYSTEM, walkTo, type Draft } from '../calls/call-draft.js';
import type { CallHooks, CallService } from '../calls/call-service.js';
import type { OutboundMessages } from '../delivery/outbound-messages.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { Actor, Attachment, HeldAttachment } from '../ports/call.js';
import { holdAttachments, isPublic, markSent, referenceFor } from '../calls/call-attachments.js';
import type { IdempotencyContext } from '../ports/idempotency.js';
import type { MessageContext } from '../ports/inbound-message.js';
import { teamSlaMissed, type CallUpdate, type LinkStore, type SupplierLink } from '../ports/supplier-link.js';
import { startClock } from '../usm/sla-clock.js';
import type { ServiceLevels } from '../ports/agreement-store.js';
import type { ForkPlan, ForkRequest, LinkPlanner } from './link-planner.js';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { isFulfilled, isOpen, receiveUpdate } from './link-updates.js';

export interface UpdateResult {
  readonly link: SupplierLink;
  readonly applied: boolean;
}

/**
 * Sub-calls, the one home of a call's life at its suppliers: raising one (by the desk or an
 * automatic route), telling the supplier, taking the supplier's status updates up the chain in
 * order, resuming or resolving the parent when they are fulfilled, and confirming them when it closes.
 */
export interface SubcallService {
  /** Hands part of the work to a supplier: a linked sub-call, the parent held until it is fulfilled. */
  fork(input: { callId: string; actor: Actor; request: ForkRequest; idempotency?: IdempotencyContext<SupplierLink> }): Promise<SupplierLink>;
  /** Sends a note or a cancellation to the supplier of a sub-call. */
  tellSupplier(input: {
    callId: string;
    linkId: string;
    actor: Actor;
    type: 'call.note' | 'call.cancel';
    data: { text?: string; kind?: string; reason?: string };
    /** With a note: attachments to send (new ones are checked and added to the call, internal). */
    attachments?: readonly Attachment[];
    idempotency?: IdempotencyContext<SupplierLink>;
  }): Promise<SupplierLink>;
  /**
   * An attachment of the call for a party entitled to it: the desk (`party` undefined), the
   * call's customer (a public attachment), or the supplier of a sub-call it was sent to; anyone
   * else is told there is none.
   */
  attachmentFor(input: { callId: string; sha256: string; party?: string }): Promise<HeldAttachment>;
  /** Takes a supplier's report on a sub-call, in per-call order; `chainId` is the chain its message names. */
  receiveUpdate(input: { supplier: string; update: CallUpdate; chainId: string; message: MessageContext<UpdateResult> }): Promise<UpdateResult>;
  /** The call's sub-calls, oldest first. */
  links(callId: string): Promise<SupplierLink[]>;
  /** The desk works an internal team's sub-call: its status, a note, its resolution (no message is sent). */
  workTeam(input: {
    callId: string;
    linkId: string;
    actor: Actor;
    work: { status: 'inProgress' | 'pending' | 'held' | 'resolved' | 'cancelled'; note?: string; resolution?: string };
    idempotency?: IdempotencyContext<SupplierLink>;
  }): Promise<SupplierLink>;
  /**
   * Records the targets an internal team's sub-call has missed by now, as the SLA watcher does for
   * calls: on the sub-call (`team.sla.breaches`), an event `call.sla_breached` naming it and an
   * internal note on the parent, in one commit; true when it recorded one.
   */
  checkTeamSla(linkId: string): Promise<boolean>;
}

export interface SubcallDeps {
  readonly store: LinkStore;
  readonly planner: LinkPlanner;
  readonly agreements: AgreementRegistry;
  readonly outbound: OutboundMessages;
  /** This gateway's `publicUrl`: suppliers download the attachments of a sub-call from there. */
  readonly publicUrl?: string | undefined;
  /** Whether the call also waits on an open negotiation of its own (a wish's Agree 4-5): its sub-calls' end does not resume it then. */
  readonly negotiating?: (callId: string) => Promise<boolean>;
}

/** What sub-calls add to every call's changes: the automatic route of a new call, and confirmations when a call closes. */
export function subcallHooks(deps: SubcallDeps): CallHooks {
  const { planner, agreements } = deps;
  return {
    async started(draft) {
      const auto = planner.autoRoute(draft.call);
      if (auto === undefined || !walkTo(draft, auto.at)) return;
      const request = { supplier: auto.route.supplier, service: auto.route.supplierService, agreement: auto.route.agreement };
      forkInto(deps, draft, planner.plan(draft.call, request, await agreements.underpinning()), SYSTEM);
    },
    async finishing(draft, previous) {
      if (draft.call.lifecycle.status !== 'closed' || previous.lifecycle.status === 'closed') return;
      // The sub-calls as this change leaves them (the supplier's resolution may close the call in the same change).
      for (const stored of await deps.store.linksOf(draft.call.id)) {
        const link = draft.links.get(stored.id)?.link ?? stored;
        if (link.status === 'resolved' && link.team === undefined) draft.outbox.push(deps.outbound.toSupplier(draft.call, link, 'call.confirm', {}));
      }
    },
  };
}

export function createSubcallService(deps: SubcallDeps & { readonly calls: CallService; readonly attachments?: AttachmentChecker }): SubcallService {
  const { calls, store, planner, agreements, outbound } = deps;
  return {
    async fork({ callId, actor, request, idempotency }) {
      const underpinning = await agreements.underpinning();
      const { result } = await calls.change(
        callId,
        undefined,
        async (current, draft) => {
          const link = forkInto(deps, draft, planner.plan(current, request, underpinning), actor);
          return () => link;
        },
        { idempotency },
      );
      return result;
    },

    async tellSupplier({ callId, linkId, actor, type, data, attachments = [], idempotency }) {
      if (attachments.length > 0) {
        const held = (await calls.get(callId)).attachments;
        const fresh = attachments.filter((a) => !held.some((h) => h.sha256 === a.sha256 && h.verified === true));
        if (fresh.length > 0) await deps.attachments?.check(fresh);
      }
      const { result } = await calls.change(callId, undefined, async (_current, draft) => {
        const link = await store.getLink(linkId);
        if (link === undefined || link.parentCallId !== callId) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `no sub-call ${linkId} on call ${callId}`);
        if (type === 'call.cancel' && !isOpen(link)) throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `the sub-call at ${link.supplier} is ${link.status}`);
        const sent = holdAttachments(draft, attachments, { actor, verified: deps.attachments !== undefined, internal: true });
        markSent(draft, sent.map((a) => a.sha256), link.id);
        // An internal team has no gateway: its sub-call is worked here (workTeam), the note stays internal.
        if (link.team !== undefined && type === 'call.cancel') {
          await applyUpdate(store, draft, link, teamUpdate(link, { status: 'cancelled' }), { kind: 'desk', id: actor.id }, deps.attachments !== undefined, deps.negotiating);
        } else if (link.team === undefined) {
          const references = sent.map((a) => referenceFor(draft.call, a, deps.publicUrl));
          draft.outbox.push(outbound.toSupplier(draft.call, link, type, references.length > 0 ? { ...data, attachments: references } : data));
        }
        addNote(draft, { text: `${type === 'call.note' ? 'To' : 'Cancelled at'} ${link.supplier}: ${data.text ?? data.reason ?? ''}`.trim(), visibility: 'internal', kind: 'comment' }, actor);
        return () => link;
      }, { idempotency });
      return result;
    },

    async receiveUpdate({ supplier, update, chainId, message }) {
      const link = await store.getLink(update.externalRef);
      if (link === undefined || link.supplier !== supplier) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `${supplier} has no sub-call ${update.externalRef} here`);
      // What the supplier's note brings is fetched from its gateway and checked before anything is taken.
      const brought = update.note?.attachments ?? [];
      if (brought.length > 0) await deps.attachments?.check(brought, supplier);
      const { result } = await calls.change(
        link.parentCallId,
        undefined,
        async (parent, draft) => {
          if (parent.chainId !== chainId) throw new GatewayError('USM_ERR_CHAIN_MISMATCH', `sub-call ${link.id} is in chain ${parent.chainId}, the update names ${chainId}`);
          const current = (await store.getLink(link.id))!;
          if (current.remoteCallId !== null && current.remoteCallId !== update.callId) {
            throw new GatewayError('USM_ERR_CALL_ID_MISMATCH', `sub-call ${link.id} is call ${current.remoteCallId} at ${supplier}, the update names ${update.callId}`);
          }
          const result = await applyUpdate(store, draft, current, update, { kind: 'supplier', id: supplier }, deps.attachments !== undefined, deps.negotiating);
          return () => result;
        },
        { message },
      );
      return result;
    },

    async attachmentFor({ callId, sha256, party }) {
      const notFound = () => new GatewayError('USM_ERR_ATTACHMENT_NOT_FOUND', `call ${callId} holds no attachment ${sha256} for you`);
      let call;
      try {
        call = await calls.get(callId);
      } catch (error) {
        if ((error as { code?: string }).code === 'USM_ERR_CALL_NOT_FOUND') throw notFound();
        throw error;
      }
      const held = call.attachments.find((a) => a.sha256 === sha256 && a.verified === true);
      if (held === undefined) throw notFound();
      if (party === undefined) return held;
      if (party === call.customer && isPublic(held)) return held;
      const sentTo = held.sentTo ?? [];
      if (sentTo.length > 0 && (await store.linksOf(call.id)).some((l) => l.supplier === party && sentTo.includes(l.id))) return held;
      throw notFound();
    },

    async links(callId) {
      await calls.get(callId);
      return store.linksOf(callId);
    },

    async workTeam({ callId, linkId, actor, work, idempotency }) {
      const { result } = await calls.change(callId, undefined, async (_current, draft) => {
        const link = await store.getLink(linkId);
        if (link === undefined || link.parentCallId !== callId) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `no sub-call ${linkId} on call ${callId}`);
        if (link.team === undefined) throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `${link.supplier} works its sub-call at its own gateway`);
        if (!isOpen(link)) throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `the sub-call of ${link.supplier} is ${link.status}`);
        if (work.status === 'resolved' && work.resolution === undefined) {
          throw new GatewayError('USM_ERR_VALIDATION', 'a resolved sub-call needs its resolution', { errors: [{ path: 'body/resolution', message: 'must be given with status resolved' }] });
        }
        const applied = await applyUpdate(store, draft, link, teamUpdate(link, work), { kind: 'desk', id: actor.id }, deps.attachments !== undefined, deps.negotiating);
        return () => applied.link;
      }, { idempotency });
      return result;
    },

    async checkTeamSla(linkId) {
      const found = await store.getLink(linkId);
      if (found === undefined) return false;
      const { result } = await calls.change(found.parentCallId, undefined, async (_current, draft) => {
        const link = (await store.getLink(linkId))!;
        const missed = teamSlaMissed(link, Date.parse(draft.at));
        const sla = link.team?.sla;
        if (missed.length === 0 || sla === undefined) return () => false;
        const checked: SupplierLink = { ...link, team: { ...link.team, sla: { ...sla, breaches: [...(sla.breaches ?? []), ...missed] } }, updatedAt: draft.at, version: link.version + 1 };
        draft.links.set(link.id, { link: checked, expectedVersion: link.version });
        for (const target of missed) {
          const due = target === 'response' ? sla.responseDueAt : sla.resolutionDueAt;
          draft.events.push(event('call.sla_breached', draft.call.id, draft.at, { target, due, linkId: link.id, supplier: link.supplier }));
          addNote(draft, { text: `${link.supplier} missed the ${target} target of its operational agreement ${link.agreement} (due ${due}).`, visibility: 'internal', kind: 'comment' }, SYSTEM);
        }
        return () => true;
      });
      return result;
    },
  };
}

/** The desk's work on a team's sub-call, as the update a supplier's gateway would have sent. */
function teamUpdate(link: SupplierLink, work: { status: CallUpdate['status']; note?: string; resolution?: string }): CallUpdate {
  return {
    callId: link.id,
    externalRef: link.id,
    seq: link.lastSeq + 1,
    status: work.status,
    ...(work.note !== undefined ? { note: { text: work.note, kind: 'comment' as const } } : {}),
    ...(work.resolution !== undefined ? { resolution: { summary: work.resolution } } : {}),
  };
}

/** Takes an update of a sub-call into the parent's draft: the link, events, notes, and the parent resumed when all are fulfilled. */
/** Takes a supplier's (or a team's) update into the draft; `verified`: attachments its notes carry were checked here. */
async function applyUpdate(
  store: LinkStore,
  draft: Draft,
  current: SupplierLink,
  update: CallUpdate,
  actor: Actor,
  verified: boolean,
  negotiating?: (callId: string) => Promise<boolean>,
): Promise<UpdateResult> {
  const supplier = current.supplier;
  const taken = receiveUpdate(current, update, draft.at);
  draft.links.set(current.id, { link: { ...taken.link, version: current.version + 1 }, expectedVersion: current.version });
  for (const applied of taken.applied) {
    draft.events.push(event('call.supplier_update', draft.call.id, draft.at, { linkId: current.id, supplier, update: applied }));
    if (applied.note !== undefined) {
      const visibility = taken.link.relayNotes && applied.note.kind !== 'request' ? 'public' : 'internal';
      const note = addNote(draft, { text: `${supplier}: ${applied.note.text}`, visibility, kind: applied.note.kind === 'request' ? 'request' : 'comment' }, actor);
      const carried = applied.note.attachments ?? [];
      if (carried.length > 0) holdAttachments(draft, carried, { actor, verified, noteId: note.id, internal: visibility === 'internal' });
    }
  }
  if (taken.applied.length > 0 && isFulfilled(taken.link)) {
    const siblings = (await store.linksOf(draft.call.id)).map((l) => (l.id === current.id ? taken.link : l));
    const waits = siblings.some(isOpen) || (await negotiating?.(draft.call.id)) === true;
    if (!waits && resume(draft, `${supplier} resolved its sub-call`) && taken.link.onSupplierResolved === 'resolve') {
      resolveWithSupplier(draft, taken.link);
    }
  }
  return { link: taken.link, applied: taken.applied.length > 0 };
}

/** Raises a sub-call at a supplier as part of the draft; holds the parent. */
function forkInto(deps: Pick<SubcallDeps, 'outbound' | 'publicUrl'>, draft: Draft, plan: ForkPlan, actor: Actor): SupplierLink {
  hold(draft, actor.kind === 'desk' ? actor : SYSTEM, `waiting on ${plan.supplier}`);
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
    ...(plan.team !== undefined ? { team: teamOf(plan.team.serviceLevels, draft), status: 'acknowledged' as const } : {}),
    createdAt: draft.at,
    updatedAt: draft.at,
    version: 1,
  };
  draft.links.set(link.id, { link, expectedVersion: null });
  const description = plan.description ?? draft.call.description;
  // An internal team has no gateway: its sub-call waits for our desk, no message is sent.
  if (plan.team === undefined) {
    // The call's public attachments travel with the sub-call; its supplier may download them from here.
    const carried = draft.call.attachments.filter(isPublic);
    markSent(draft, carried.map((a) => a.sha256), link.id);
    const attachments = carried.map((a) => referenceFor(draft.call, a, deps.publicUrl));
    draft.outbox.push(deps.outbound.submitToSupplier(draft.call, link, { summary: plan.summary ?? draft.call.summary, ...(description !== undefined ? { description } : {}), attachments }));
  }
  draft.events.push(event('call.forked', draft.call.id, draft.at, { link }));
  return link;
}

/** A team's sub-call is due by its operational agreement's target for the parent's priority (none: no due times). */
function teamOf(levels: ServiceLevels, draft: Draft): NonNullable<SupplierLink['team']> {
  const target = levels.targets.find((t) => t.priority === draft.call.priority);
  if (target === undefined) return {};
  const { responseDueAt, resolutionDueAt } = startClock(draft.at, target, levels.supportHours);
  return { sla: { responseDueAt, resolutionDueAt } };
}

/** The route's `resolve` rule: walk the parent to its last fulfilment step (no change needed) and resolve it with the supplier's resolution. */
function resolveWithSupplier(draft: Draft, link: SupplierLink): void {
  resolveOnBehalf(draft, link.resolution?.summary ?? `resolved by ${link.supplier}`, SYSTEM, `resolved by ${link.supplier}`);
}
