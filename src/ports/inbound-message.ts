import { codeOf } from '../kernel/gateway-error.js';

/** A signed message this gateway accepted, kept for replay protection and as evidence. */
export interface InboundMessage {
  readonly id: string;
  readonly from: string;
  readonly type: string;
  readonly digest: string;
  readonly signature: string;
  readonly body: string;
  readonly receivedAt: string;
  readonly callId: string | null;
  /** The answer given, so an identical resend gets it again. */
  readonly response: { readonly status: number; readonly body: unknown };
  /** Retention removed its body (empty) and its answer (only the receipt is left). */
  readonly purgedAt?: string;
}

export interface InboundMessageStore {
  findInbound(from: string, id: string): Promise<InboundMessage | undefined>;
  /** The messages accepted about one call, oldest first. */
  inboundForCall(callId: string): Promise<InboundMessage[]>;
}

/** The code of a `DuplicateMessageError`: a message with this sender and id was stored first by another request. */
export const DUPLICATE_MESSAGE = 'USM_STORE_DUPLICATE_MESSAGE';

export class DuplicateMessageError extends Error {
  override name = 'DuplicateMessageError';
  readonly code = DUPLICATE_MESSAGE;
}

export function isDuplicateMessage(error: unknown): boolean {
  return codeOf(error) === DUPLICATE_MESSAGE;
}

/** The signed message behind a change: recorded with it, and answered the same way on an identical resend. */
export interface MessageContext<T = unknown> {
  readonly record: Omit<InboundMessage, 'response' | 'callId'>;
  /**
   * The answer to store with the change, receipt included. Call it at the commit point, when only
   * the store is left: in a batch it waits until the batch's other messages have reached theirs
   * or been refused, since the receipt lists exactly the messages that reached it. Called again
   * (a commit retried after a conflict), it gives the same receipt.
   */
  readonly respond: (result: T) => Promise<{ status: number; body: unknown }>;
}
