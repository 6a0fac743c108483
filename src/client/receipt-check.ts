import type { components } from '../generated/api.js';
import { codeOf } from '../kernel/gateway-error.js';
import { fromBase64url } from '../kernel/base64url.js';
import { SIGNING_ALGORITHMS } from '../keys/jwk.js';
import { receiptCovers, type ReceiptStatement } from '../messages/batch.js';
import { verifyCompact } from '../messages/jws.js';
import { RECEIPT_TYPE } from '../messages/receipt.js';
import { GatewayClientError } from './client-error.js';
import type { GatewayKeys } from './gateway-keys.js';

type Receipt = components['schemas']['Receipt'];

/** What a receipt must prove: that this gateway received these bytes (by digest) under this message id from us. */
export interface ExpectedReceipt {
  readonly messageId: string;
  /** `sha-256=<base64url>` of the exact body sent (`bodyDigest`). */
  readonly digest: string;
  /** Our party id. */
  readonly from: string;
  /** The gateway's party id. */
  readonly gateway: string;
}

/**
 * Checks a gateway's receipt (docs/protocol.md, Receipts): a compact JWS of type
 * `usm-link-receipt+jws` by one of the gateway's published keys, whose statement covers our message
 * id and digest (alone, or in a batch's list), from us, by that gateway. Gives the statement, or
 * throws a GatewayClientError `USM_CLIENT_RECEIPT_INVALID` saying what does not hold.
 */
export async function checkReceipt(
  receipt: Receipt | undefined,
  expected: ExpectedReceipt,
  keys: GatewayKeys,
  algorithms: readonly string[] = SIGNING_ALGORITHMS,
): Promise<ReceiptStatement> {
  const invalid = (detail: string, cause?: unknown): GatewayClientError => new GatewayClientError('USM_CLIENT_RECEIPT_INVALID', `receipt: ${detail}`, { cause });
  if (receipt === undefined || typeof receipt.jws !== 'string') throw invalid('missing');
  if (receipt.messageId !== expected.messageId || receipt.digest !== expected.digest) throw invalid('it names another message id or digest');
  const kid = kidOf(receipt.jws);
  const key = kid === undefined ? undefined : await keys.keyFor(kid);
  if (key === undefined) throw invalid(`not signed with a key the gateway publishes (kid ${JSON.stringify(kid ?? null)})`);
  let payload: Buffer;
  try {
    ({ payload } = verifyCompact(receipt.jws, { algorithms: new Set(algorithms), keyFor: (id) => (id === key.kid ? key : undefined) }, RECEIPT_TYPE));
  } catch (error) {
    if (codeOf(error)?.startsWith('USM_ERR_') !== true) throw error;
    throw invalid((error as Error).message, error);
  }
  let statement: Record<string, unknown>;
  try {
    statement = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw invalid('the statement is not JSON', error);
  }
  if (statement === null || typeof statement !== 'object') throw invalid('the statement is not an object');
  if (!receiptCovers(statement, expected.messageId, expected.digest)) throw invalid('the signed statement is for another message');
  if (statement.from !== expected.from) throw invalid(`the signed statement is for a message from ${JSON.stringify(statement.from)}`);
  if (statement.gateway !== expected.gateway) throw invalid(`the signed statement is by ${JSON.stringify(statement.gateway)}, not ${expected.gateway}`);
  return statement as unknown as ReceiptStatement;
}

/** The `kid` of a compact JWS's protected header, if it has one. */
export function kidOf(jws: string): string | undefined {
  const header = fromBase64url(jws.split('.')[0] ?? '');
  if (header === undefined) return undefined;
  try {
    const { kid } = JSON.parse(header.toString('utf8')) as { kid?: unknown };
    return typeof kid === 'string' && kid.length > 0 ? kid : undefined;
  } catch {
    return undefined;
  }
}
