import type { components } from '../generated/api.js';
import type { SigningKey } from '../keys/jwk.js';
import { signCompact } from './jws.js';

export type Receipt = components['schemas']['Receipt'];

export const RECEIPT_TYPE = 'usm-link-receipt+jws';

/** The gateway's signed statement that it received exactly these bytes from `from` at `receivedAt`. */
export function createReceipt(
  fields: { messageId: string; digest: string; receivedAt: string; gateway: string; from: string },
  key: SigningKey,
): Receipt {
  const jws = signCompact(Buffer.from(JSON.stringify(fields)), key, RECEIPT_TYPE);
  return { messageId: fields.messageId, digest: fields.digest, receivedAt: fields.receivedAt, gateway: fields.gateway, jws };
}
