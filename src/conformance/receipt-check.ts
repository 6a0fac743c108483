import { fromBase64url } from '../kernel/base64url.js';
import { codeOf as errorCodeOf } from '../kernel/gateway-error.js';
import type { VerificationKey } from '../keys/jwk.js';
import { receiptCovers } from '../messages/batch.js';
import { verifyCompact } from '../messages/jws.js';
import { RECEIPT_TYPE } from '../messages/receipt.js';
import { objectOf } from './expectations.js';

export interface ExpectedReceipt {
  readonly messageId: string;
  /** `sha-256=<base64url>` of the exact bytes sent. */
  readonly digest: string;
  /** The sender (us). */
  readonly from: string;
  /** The gateway it was sent to. */
  readonly gateway: string;
}

/** The receipt's own members (docs/protocol.md, Receipts): what was received, by whom, when. */
export function receiptFieldProblem(receipt: unknown, expected: ExpectedReceipt): string | undefined {
  const fields = objectOf(receipt);
  if (fields === undefined) return 'the answer has no receipt';
  if (fields.messageId !== expected.messageId) return `the receipt's messageId is ${JSON.stringify(fields.messageId)}, not the envelope's id ${expected.messageId}`;
  if (fields.digest !== expected.digest) return `the receipt's digest is ${JSON.stringify(fields.digest)}, not ${expected.digest} (the SHA-256 of the bytes sent)`;
  if (fields.gateway !== expected.gateway) return `the receipt's gateway is ${JSON.stringify(fields.gateway)}, not ${expected.gateway}`;
  if (typeof fields.receivedAt !== 'string' || Number.isNaN(Date.parse(fields.receivedAt))) return `the receipt's receivedAt ${JSON.stringify(fields.receivedAt)} is not a date-time`;
  if (typeof fields.jws !== 'string') return 'the receipt has no jws';
  return undefined;
}

/** The JWS header, decoded, or undefined. */
export function compactHeaderOf(jws: string): Record<string, unknown> | undefined {
  const bytes = fromBase64url(jws.split('.')[0] ?? '');
  if (bytes === undefined) return undefined;
  try {
    return objectOf(JSON.parse(bytes.toString('utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Checks a receipt's JWS as docs/protocol.md says a partner does: a compact JWS with `typ`
 * usm-link-receipt+jws, by a key the gateway publishes, whose payload names the message (alone or
 * among a batch's), its digest, the sender and the gateway. Gives the statement, or the problem.
 */
export function receiptSignatureProblem(receipt: unknown, keys: readonly VerificationKey[], expected: ExpectedReceipt): { problem?: string; statement?: Record<string, unknown> } {
  const jws = objectOf(receipt)?.jws;
  if (typeof jws !== 'string') return { problem: 'the receipt has no jws' };
  const header = compactHeaderOf(jws);
  if (header === undefined || jws.split('.').length !== 3) return { problem: 'the receipt jws is not a compact JWS' };
  if (header.typ !== RECEIPT_TYPE) return { problem: `the receipt jws has typ ${JSON.stringify(header.typ)}, not ${RECEIPT_TYPE}` };
  if (!keys.some((k) => k.kid === header.kid)) return { problem: `the receipt is signed with kid ${JSON.stringify(header.kid)}, which the target does not publish` };
  let payload: Buffer;
  try {
    ({ payload } = verifyCompact(jws, { algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid) => keys.find((k) => k.kid === kid) }, RECEIPT_TYPE));
  } catch (error) {
    return { problem: `the receipt jws does not verify with the published key ${String(header.kid)} (${errorCodeOf(error) ?? 'error'})` };
  }
  let statement: Record<string, unknown> | undefined;
  try {
    statement = objectOf(JSON.parse(payload.toString('utf8')));
  } catch {
    // refused below
  }
  if (statement === undefined) return { problem: 'the receipt jws payload is not a JSON object' };
  if (!receiptCovers(statement, expected.messageId, expected.digest)) return { problem: `the receipt jws payload does not cover message ${expected.messageId} with digest ${expected.digest}`, statement };
  if (statement.from !== expected.from) return { problem: `the receipt jws payload names from ${JSON.stringify(statement.from)}, not ${expected.from}`, statement };
  if (statement.gateway !== expected.gateway) return { problem: `the receipt jws payload names gateway ${JSON.stringify(statement.gateway)}, not ${expected.gateway}`, statement };
  if (statement.receivedAt !== objectOf(receipt)?.receivedAt) return { problem: `the receipt jws payload has receivedAt ${JSON.stringify(statement.receivedAt)}, the receipt ${JSON.stringify(objectOf(receipt)?.receivedAt)}`, statement };
  return { statement };
}
