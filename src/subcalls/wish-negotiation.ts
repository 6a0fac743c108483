import type { AgreementService, SettleForCall, Terms } from '../agreements/agreement-service.js';
import type { CallService } from '../calls/call-service.js';
import { hold, resume } from '../calls/call-draft.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { Actor, CallRecord } from '../ports/call.js';
import type { AgreementStore, AgreementVersion } from '../ports/agreement-store.js';
import type { LinkStore } from '../ports/supplier-link.js';
import { currentPosition } from '../usm/call-lifecycle.js';
import type { Position } from '../usm/usm-model.js';
import { isOpen } from './link-updates.js';

/**
 * A wish's Agree 4 (draft offer) and 5 (negotiate) may need an underpinning contract: the desk opens
 * a negotiation with a supplier for the wish, as its fork. Every version of it names the wish
 * (`forCall`), so the accepted contract comes back to the wish: listed with it and, once active,
 * underpinning its sub-calls like any other. While it is open the wish waits (`held`, in the same
 * commit as the first offer); when the contract is accepted or rejected the wish goes on where it
 * left off, in the same commit as the settled version.
 */
export interface WishNegotiations {
  open(callId: string, request: { id?: string; provider: string } & Terms, actor: Actor): Promise<AgreementVersion>;
  /** The newest version of each negotiation opened for the wish, oldest first. */
  of(callId: string): Promise<AgreementVersion[]>;
}

const NEGOTIATING_STEPS: readonly number[] = [4, 5];

export function createWishNegotiations(deps: { readonly calls: CallService; readonly negotiation: AgreementService }): WishNegotiations {
  return {
    async open(callId, request, actor) {
      checkNegotiating(await deps.calls.get(callId));
      const prepared = await deps.negotiation.prepareProposal({ ...request, forCall: callId });
      await deps.calls.change(callId, undefined, async (call, draft) => {
        const position = checkNegotiating(call);
        draft.agreements.push(...prepared.versions);
        draft.outbox.push(...prepared.outbox);
        hold(draft, actor, `waiting on the negotiation of underpinning contract ${prepared.offered.id} with ${request.provider} (opened at agree ${position.step})`);
        return () => undefined;
      });
      return prepared.offered;
    },
    async of(callId) {
      await deps.calls.get(callId);
      return (await deps.negotiation.list()).filter((v) => v.forCall === callId);
    },
  };
}

/** Whether a wish has a negotiation open (its newest version an offer not yet answered), other than `except`. */
export function negotiatingFor(store: AgreementStore): (callId: string, except?: string) => Promise<boolean> {
  return async (callId, except) => {
    const latest = new Map<string, AgreementVersion>();
    for (const v of await store.wishAgreementVersions(callId)) if (v.id !== except) latest.set(v.id, v);
    return [...latest.values()].some((v) => v.status === 'proposed' || v.status === 'countered');
  };
}

/** Where a wish opens a negotiation: at Agree 4 or 5, in progress or held (by its forks). */
function checkNegotiating(call: CallRecord): Position {
  const position = currentPosition(call.lifecycle);
  if (call.type !== 'wish' || position.process !== 'agree' || !NEGOTIATING_STEPS.includes(position.step)) {
    throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `a negotiation with a supplier is opened by a wish at Agree 4 or 5; the call is a ${call.type} at ${position.process} ${position.step}`);
  }
  if (call.lifecycle.status !== 'inProgress' && call.lifecycle.status !== 'held') throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `the call is ${call.lifecycle.status}`);
  return position;
}

/**
 * The settling of a wish's negotiation, committed with the wish: it goes back in progress where it
 * left off (a history entry by the system naming the contract and how it ended) once nothing else
 * it waits on is open (another negotiation, a sub-call at a supplier, a triggered call).
 */
export function settleWishNegotiation(deps: { readonly calls: CallService; readonly store: AgreementStore & LinkStore }): SettleForCall {
  return async (settled, change, message) => {
    const wishId = settled.forCall!;
    const otherOpen = await negotiatingFor(deps.store)(wishId, settled.id);
    const openForks = (await deps.store.linksOf(wishId)).some(isOpen);
    await deps.calls.change<AgreementVersion>(
      wishId,
      undefined,
      async (call, draft) => {
        draft.agreements.push(...change.versions);
        draft.outbox.push(...change.outbox);
        if (!otherOpen && !openForks) {
          const here = currentPosition(call.lifecycle);
          const how = settled.status === 'active' ? 'accepted' : `rejected${settled.reason !== undefined ? ` (${settled.reason})` : ''}`;
          resume(draft, `the underpinning contract ${settled.id} with ${settled.provider} was ${how}: back at ${here.process} ${here.step}`);
        }
        return () => settled;
      },
      { message },
    );
  };
}
