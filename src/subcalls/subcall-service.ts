import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import { addNote, event, resolveOnBehalf, step, SYSTEM, walkTo, type Draft } from '../calls/call-draft.js';
import type { CallHooks, CallService } from '../calls/call-service.js';
import type { OutboundMessages } from '../delivery/outbound-messages.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { Actor } from '../ports/call.js';
import type { IdempotencyContext } from '../ports/idempotency.js';
import type { MessageContext } from '../ports/inbound-message.js';
import type { CallUpdate, LinkStore, SupplierLink } from '../ports/supplier-link.js';
import type { ForkPlan, ForkRequest, LinkPlanner } from './link-planner.js';
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
    idempotency?: IdempotencyContext<SupplierLink>;
  }): Promise<SupplierLink>;
  /** Takes a supplier's report on a sub-call, in per-call order; `chainId` is the chain its message names. */
  receiveUpdate(input: { supplier: string; update: CallUpdate; chainId: string; message: MessageContext<UpdateResult> }): Promise<UpdateResult>;
  /** The call's sub-calls, oldest first. */
  links(callId: string): Promise<SupplierLink[]>;
}

export interface SubcallDeps {
  readonly store: LinkStore;
  readonly planner: LinkPlanner;
  readonly agreements: AgreementRegistry;
  readonly outbound: OutboundMessages;
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
      for (const link of await deps.store.linksOf(draft.call.id)) {
        if (link.status === 'resolved') draft.outbox.push(deps.outbound.toSupplier(draft.call, link, 'call.confirm', {}));
      }
    },
  };
}

export function createSubcallService(deps: SubcallDeps & { readonly calls: CallService }): SubcallService {
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

    async tellSupplier({ callId, linkId, actor, type, data, idempotency }) {
      const { result } = await calls.change(callId, undefined, async (_current, draft) => {
        const link = await store.getLink(linkId);
        if (link === undefined || link.parentCallId !== callId) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `no sub-call ${linkId} on call ${callId}`);
        if (type === 'call.cancel' && !isOpen(link)) throw new GatewayError('USM_ERR_ILLEGAL_TRANSITION', `the sub-call at ${link.supplier} is ${link.status}`);
        draft.outbox.push(outbound.toSupplier(draft.call, link, type, data));
        addNote(draft, { text: `${type === 'call.note' ? 'To' : 'Cancelled at'} ${link.supplier}: ${data.text ?? data.reason ?? ''}`.trim(), visibility: 'internal', kind: 'comment' }, actor);
        return () => link;
      }, { idempotency });
      return result;
    },

    async receiveUpdate({ supplier, update, chainId, message }) {
      const link = await store.getLink(update.externalRef);
      if (link === undefined || link.supplier !== supplier) throw new GatewayError('USM_ERR_LINK_NOT_FOUND', `${supplier} has no sub-call ${update.externalRef} here`);
      const { result } = await calls.change(
        link.parentCallId,
        undefined,
        async (parent, draft) => {
          if (parent.chainId !== chainId) throw new GatewayError('USM_ERR_CHAIN_MISMATCH', `sub-call ${link.id} is in chain ${parent.chainId}, the update names ${chainId}`);
          const current = (await store.getLink(link.id))!;
          if (current.remoteCallId !== null && current.remoteCallId !== update.callId) {
            throw new GatewayError('USM_ERR_CALL_ID_MISMATCH', `sub-call ${link.id} is call ${current.remoteCallId} at ${supplier}, the update names ${update.callId}`);
          }
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
          const result: UpdateResult = { link: taken.link, applied: taken.applied.length > 0 };
          return () => result;
        },
        { message },
      );
      return result;
    },

    async links(callId) {
      await calls.get(callId);
      return store.linksOf(callId);
    },
  };
}

/** Raises a sub-call at a supplier as part of the draft; holds the parent. */
function forkInto(deps: Pick<SubcallDeps, 'outbound'>, draft: Draft, plan: ForkPlan, actor: Actor): SupplierLink {
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
  const description = plan.description ?? draft.call.description;
  draft.outbox.push(deps.outbound.submitToSupplier(draft.call, link, { summary: plan.summary ?? draft.call.summary, ...(description !== undefined ? { description } : {}) }));
  draft.events.push(event('call.forked', draft.call.id, draft.at, { link }));
  return link;
}

/** The route's `resolve` rule: walk the parent to its last fulfilment step (no change needed) and resolve it with the supplier's resolution. */
function resolveWithSupplier(draft: Draft, link: SupplierLink): void {
  resolveOnBehalf(draft, link.resolution?.summary ?? `resolved by ${link.supplier}`, SYSTEM, `resolved by ${link.supplier}`);
}
