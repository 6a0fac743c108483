import { fromBase64url } from '../kernel/base64url.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { SigningKey } from '../keys/jwk.js';
import { signCompact, verifyCompact, type VerifyOptions } from './jws.js';

/**
 * A signed tree head of a gateway's message log: its origin (the gateway's party id), the number of
 * records, the root hash (base64url of RFC 9162's MTH) and the time. Signed as a compact JWS with
 * `typ: usm-link-checkpoint+jws` by the gateway's key, the payload exactly the JSON of these four
 * members in this order.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly at: string;
}

export const CHECKPOINT_TYPE = 'usm-link-checkpoint+jws';

export function signCheckpoint(checkpoint: Checkpoint, key: SigningKey): string {
  const { origin, treeSize, rootHash, at } = checkpoint;
  return signCompact(Buffer.from(JSON.stringify({ origin, treeSize, rootHash, at })), key, CHECKPOINT_TYPE);
}

/** The checkpoint a JWS states, once its signature is checked; refused with USM_ERR_SIGNATURE_INVALID when it is not one. */
export function readCheckpoint(jws: string, options: VerifyOptions): Checkpoint {
  return checkpointOf(verifyCompact(jws, options, CHECKPOINT_TYPE).payload);
}

/** What a checkpoint JWS states, its signature NOT checked (for a verifier without the key: it still names the tree it binds). */
export function checkpointStatement(jws: string): Checkpoint {
  const payload = fromBase64url(jws.split('.')[1] ?? '');
  if (payload === undefined || jws.split('.').length !== 3) throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'not a compact JWS');
  return checkpointOf(payload);
}

function checkpointOf(payload: Buffer): Checkpoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the checkpoint is not JSON');
  }
  const { origin, treeSize, rootHash, at } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof rootHash !== 'string' || typeof at !== 'string' || !Number.isSafeInteger(treeSize) || (treeSize as number) < 0) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the checkpoint needs origin, treeSize, rootHash and at');
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(rootHash) || Number.isNaN(Date.parse(at))) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the checkpoint needs a base64url SHA-256 rootHash and an RFC 3339 time');
  }
  return { origin, treeSize: treeSize as number, rootHash, at };
}
