import { createHash } from 'node:crypto';
import { GatewayError } from '../kernel/gateway-error.js';
import type { SigningKey } from '../keys/jwk.js';
import { signCompact } from './jws.js';

/**
 * Batch signing of gateway-to-gateway messages: one signature and one receipt for many messages.
 *
 * The request body lists the messages, each as its exact envelope text. The signature is a compact
 * JWS (typ `usm-link-batch+jws`) whose payload is the manifest: the signing time and the digest of
 * every message, in order. A message and the manifest JWS together prove what its sender signed,
 * without the rest of the batch; the receiver logs that JWS as the message's signature.
 */
export const BATCH_TYPE = 'usm-link-batch+jws';
/** The most messages one batch may carry. */
export const MAX_BATCH = 64;

export interface BatchItem {
  /** The envelope, as the exact JSON text that was queued. */
  readonly message: string;
  readonly traceparent?: string;
}

export interface BatchManifest {
  /** Signing time, Unix seconds. */
  readonly iat: number;
  readonly digests: readonly string[];
}

/** `sha-256=<base64url>` of the exact bytes. */
export function bodyDigest(body: Uint8Array): string {
  return `sha-256=${createHash('sha256').update(body).digest('base64url')}`;
}

/** The batch request: its body, and the manifest JWS that goes in the `usm-signature` header. */
export function signBatch(items: readonly BatchItem[], key: SigningKey, iat: number): { body: Buffer; signature: string; digests: string[] } {
  const digests = items.map((item) => bodyDigest(Buffer.from(item.message)));
  const manifest: BatchManifest = { iat, digests };
  return { body: Buffer.from(JSON.stringify({ messages: items })), signature: signCompact(Buffer.from(JSON.stringify(manifest)), key, BATCH_TYPE), digests };
}

/** Reads a verified manifest's payload and checks it names exactly these messages, in order. */
export function checkManifest(payload: Buffer, messages: readonly Uint8Array[]): BatchManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the batch manifest is not JSON');
  }
  const { iat, digests } = (manifest ?? {}) as Record<string, unknown>;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || !Array.isArray(digests) || !digests.every((d) => typeof d === 'string')) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the batch manifest needs iat (whole seconds) and digests (strings)');
  }
  const actual = messages.map(bodyDigest);
  if (digests.length !== actual.length || actual.some((d, i) => d !== digests[i])) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the batch manifest does not list the digests of these messages in this order');
  }
  return { iat, digests: actual };
}

/** The fields a receipt's JWS payload holds: one message, or every message of a batch. */
export type ReceiptStatement =
  | { readonly messageId: string; readonly digest: string; readonly receivedAt: string; readonly gateway: string; readonly from: string }
  | { readonly messages: readonly { readonly messageId: string; readonly digest: string }[]; readonly receivedAt: string; readonly gateway: string; readonly from: string };

/** Whether a receipt's statement covers this message. */
export function receiptCovers(statement: Record<string, unknown>, messageId: string, digest: string): boolean {
  if (Array.isArray(statement.messages)) {
    return (statement.messages as unknown[]).some((m) => (m as Record<string, unknown>)?.messageId === messageId && (m as Record<string, unknown>)?.digest === digest);
  }
  return statement.messageId === messageId && statement.digest === digest;
}
