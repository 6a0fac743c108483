import type { components } from '../generated/api.js';
import type { SigningKey } from '../keys/jwk.js';
import type { ReceiptStatement } from './batch.js';
import { signCompact } from './jws.js';

export type Receipt = components['schemas']['Receipt'];

export const RECEIPT_TYPE = 'usm-link-receipt+jws';

/** The gateway's signed statement that it received exactly these bytes from `from` at `receivedAt`. */
export function createReceipt(
  fields: { messageId: string; digest: string; receivedAt: string; gateway: string; from: string },
  key: SigningKey,
): Receipt {
  return receiptsFor(fields, [fields], key)[0]!;
}

/**
 * One signed statement for every message of a batch, and each message's receipt: its own id and
 * digest with the shared JWS, which lists them all.
 */
export function receiptsFor(
  fields: { receivedAt: string; gateway: string; from: string },
  messages: readonly { messageId: string; digest: string }[],
  key: SigningKey,
): Receipt[] {
  const statement: ReceiptStatement =
    messages.length === 1
      ? { messageId: messages[0]!.messageId, digest: messages[0]!.digest, receivedAt: fields.receivedAt, gateway: fields.gateway, from: fields.from }
      : { messages: messages.map((m) => ({ messageId: m.messageId, digest: m.digest })), receivedAt: fields.receivedAt, gateway: fields.gateway, from: fields.from };
  const jws = signCompact(Buffer.from(JSON.stringify(statement)), key, RECEIPT_TYPE);
  return messages.map((m) => ({ messageId: m.messageId, digest: m.digest, receivedAt: fields.receivedAt, gateway: fields.gateway, jws }));
}
