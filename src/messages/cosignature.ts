import { fromBase64url } from '../kernel/base64url.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { SigningKey } from '../keys/jwk.js';
import { signCompact, verifyCompact, type VerifyOptions } from './jws.js';

/**
 * A witness's cosignature of a gateway's message log: a partner (`witness`) states that it saw the
 * log of `origin` with `treeSize` records and root `rootHash` (base64url of RFC 9162's MTH) at `at`.
 * Signed as a compact JWS with `typ: usm-link-cosignature+jws` by the witness's key, the payload
 * exactly the JSON of these five members in this order. A log shown later with another root at that
 * size, or with fewer records, contradicts a statement its own partner signed.
 */
export interface Cosignature {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly witness: string;
  readonly at: string;
}

export const COSIGNATURE_TYPE = 'usm-link-cosignature+jws';

export function signCosignature(cosignature: Cosignature, key: SigningKey): string {
  const { origin, treeSize, rootHash, witness, at } = cosignature;
  return signCompact(Buffer.from(JSON.stringify({ origin, treeSize, rootHash, witness, at })), key, COSIGNATURE_TYPE);
}

/** The cosignature a JWS states, once its signature is checked; refused with USM_ERR_SIGNATURE_INVALID when it is not one. */
export function readCosignature(jws: string, options: VerifyOptions): Cosignature {
  return cosignatureOf(verifyCompact(jws, options, COSIGNATURE_TYPE).payload);
}

/** What a cosignature JWS states, its signature NOT checked. */
export function cosignatureStatement(jws: string): Cosignature {
  const payload = fromBase64url(jws.split('.')[1] ?? '');
  if (payload === undefined || jws.split('.').length !== 3) throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'not a compact JWS');
  return cosignatureOf(payload);
}

function cosignatureOf(payload: Buffer): Cosignature {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the cosignature is not JSON');
  }
  const { origin, treeSize, rootHash, witness, at } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof rootHash !== 'string' || typeof witness !== 'string' || typeof at !== 'string' || !Number.isSafeInteger(treeSize) || (treeSize as number) < 0) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the cosignature needs origin, treeSize, rootHash, witness and at');
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(rootHash) || Number.isNaN(Date.parse(at))) {
    throw new GatewayError('USM_ERR_SIGNATURE_INVALID', 'the cosignature needs a base64url SHA-256 rootHash and an RFC 3339 time');
  }
  return { origin, treeSize: treeSize as number, rootHash, witness, at };
}
