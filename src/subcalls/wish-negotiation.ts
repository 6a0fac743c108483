import type { AgreementService, Terms } from '../agreements/agreement-service.js';
import type { CallService } from '../calls/call-service.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import { currentPosition } from '../usm/call-lifecycle.js';

/**
 * A wish's Agree 4 (draft offer) and 5 (negotiate) may need an underpinning contract: the desk opens
 * a negotiation with a supplier for the wish, as its fork. Every version of it names the wish
 * (`forCall`), so the accepted contract comes back to the wish: listed with it and, once active,
 * underpinning its sub-calls like any other.
 */
export interface WishNegotiations {
  open(callId: string, request: { id?: string; provider: string } & Terms): Promise<AgreementVersion>;
  /** The newest version of each negotiation opened for the wish, oldest first. */
  of(callId: string): Promise<AgreementVersion[]>;
}

const NEGOTIATING_STEPS: readonly number[] = [4, 5];

export function createWishNegotiations(deps: { readonly calls: CallService; readonly negotiation: AgreementService }): WishNegotiations {
  return {
    async open(callId, request) {
      const call = await deps.calls.get(callId);
      const position = currentPosition(call.lifecycle);
      if (call.type !== 'wish' || position.process !== 'agree' || !NEGOTIATING_STEPS.includes(position.step)) {
        throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `a negotiation with a supplier is opened by a wish at Agree 4 or 5; the call is a ${call.type} at ${position.process} ${position.step}`);
      }
      if (call.lifecycle.status !== 'inProgress' && call.lifecycle.status !== 'held') throw new GatewayError('USM_ERR_FORK_NOT_ALLOWED', `the call is ${call.lifecycle.status}`);
      return deps.negotiation.propose({ ...request, forCall: callId });
    },
    async of(callId) {
      await deps.calls.get(callId);
      return (await deps.negotiation.list()).filter((v) => v.forCall === callId);
    },
  };
}
