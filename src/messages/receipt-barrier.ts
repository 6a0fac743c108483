import type { Receipt } from './receipt.js';

/** One message's way to its receipt: signed alone, or with the other messages of its batch. */
export interface ReceiptSlot {
  /** The time the receipt states, and the message's record keeps. */
  readonly receivedAt: string;
  /**
   * The message passed every check and is about to be committed: its receipt, once every message
   * of its batch has arrived or left. Called again (a commit retried after a conflict), the same receipt.
   */
  arrive(): Promise<Receipt>;
  /** The message was refused, or answered from the store, before its commit point: no receipt names it. Idempotent; a no-op after `arrive`. */
  leave(): void;
}

/**
 * The receipts of a group of messages (a batch, or one message alone): one statement signed, once
 * every message has either reached its commit point (`arrive`) or been refused before it (`leave`),
 * for exactly the messages that reached it, in their order in the group.
 *
 * A message can still fail after it arrived, in the store only (the store unavailable, a concurrent
 * request that stored the same message first, a call that kept changing under it). The statement
 * then names a message this gateway did not keep: it says "these bytes were received, checked and
 * about to be committed", and only the message's own 2xx answer, which such a message does not
 * get, says it was stored. Its sender learns the outcome by sending the same bytes again.
 */
export function receiptBarrier(
  messages: readonly { readonly messageId: string; readonly digest: string }[],
  receivedAt: string,
  sign: (messages: readonly { messageId: string; digest: string }[]) => Receipt[],
): ReceiptSlot[] {
  const state: ('waiting' | 'arrived' | 'left')[] = messages.map(() => 'waiting');
  let waiting = messages.length;
  let release!: (receipts: ReadonlyMap<number, Receipt>) => void;
  let fail!: (error: unknown) => void;
  const signed = new Promise<ReadonlyMap<number, Receipt>>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  // Nobody waits on it when every message left or the signing failed before anyone arrived.
  signed.catch(() => undefined);

  const settle = (index: number, to: 'arrived' | 'left'): void => {
    if (state[index] !== 'waiting') return;
    state[index] = to;
    if (--waiting > 0) return;
    const arrived = state.flatMap((s, i) => (s === 'arrived' ? [i] : []));
    try {
      const receipts = arrived.length === 0 ? [] : sign(arrived.map((i) => messages[i]!));
      release(new Map(arrived.map((i, k) => [i, receipts[k]!])));
    } catch (error) {
      fail(error);
    }
  };

  return messages.map((_, index) => ({
    receivedAt,
    arrive() {
      if (state[index] === 'left') return Promise.reject(new TypeError(`message ${index} left the batch before its commit point`));
      settle(index, 'arrived');
      return signed.then((receipts) => receipts.get(index)!);
    },
    leave() {
      settle(index, 'left');
    },
  }));
}
