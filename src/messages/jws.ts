import { sign, verify } from 'node:crypto';
import { GatewayError } from '../kernel/gateway-error.js';
import type { SigningAlgorithm, SigningKey, VerificationKey } from '../keys/jwk.js';
import { fromBase64url, toBase64url } from '../kernel/base64url.js';

/**
 * JWS (RFC 7515) with the two algorithms usm-link speaks, on node:crypto.
 * Detached form: `<protected>..<signature>` over the exact body bytes (RFC 7515 appendix F).
 */

export interface ProtectedHeader {
  readonly alg: SigningAlgorithm;
  readonly kid: string;
  readonly typ?: string;
}

function signBytes(key: SigningKey, input: Buffer): Buffer {
  return key.alg === 'EdDSA'
    ? sign(null, input, key.privateKey)
    : sign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
}

function verifyBytes(key: VerificationKey, input: Buffer, signature: Buffer): boolean {
  return key.alg === 'EdDSA'
    ? verify(null, input, key.key, signature)
    : verify('sha256', input, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
}

function signingInput(protectedB64: string, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${protectedB64}.`), Buffer.from(toBase64url(payload))]);
}

function encodeHeader(key: SigningKey, extra: { typ?: string; iat?: number } = {}): string {
  return toBase64url(JSON.stringify({ alg: key.alg, kid: key.kid, ...extra }));
}

export function signDetached(payload: Uint8Array, key: SigningKey): string {
  const header = encodeHeader(key);
  return `${header}..${toBase64url(signBytes(key, signingInput(header, payload)))}`;
}

/**
 * A detached JWS whose protected header also carries `iat`, the signing time in Unix seconds: a
 * queued message keeps its exact body (and so its id and digest) across retries, and the receiver
 * checks the freshness of the signature instead of the age of the message.
 */
export function signDetachedAt(payload: Uint8Array, key: SigningKey, iat: number): string {
  const header = encodeHeader(key, { iat });
  return `${header}..${toBase64url(signBytes(key, signingInput(header, payload)))}`;
}

export function signCompact(payload: Uint8Array, key: SigningKey, typ?: string): string {
  const header = encodeHeader(key, typ === undefined ? {} : { typ });
  return `${header}.${toBase64url(payload)}.${toBase64url(signBytes(key, signingInput(header, payload)))}`;
}

export interface VerifyOptions {
  readonly algorithms: ReadonlySet<string>;
  readonly keyFor: (kid: string) => VerificationKey | undefined;
}

/** Checks a detached JWS over `payload`; returns the key that verified it and the signing time, if the header has one. */
export function verifyDetached(payload: Uint8Array, jws: string, options: VerifyOptions): { key: VerificationKey; iat: number | undefined } {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '') throw invalid('not a detached JWS (expected <protected>..<signature>)');
  const key = verifyParts(parts[0]!, payload, parts[2]!, options);
  const { iat } = JSON.parse(fromBase64url(parts[0]!)!.toString('utf8')) as { iat?: unknown };
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isInteger(iat))) throw invalid('iat must be whole seconds');
  return { key, iat: iat as number | undefined };
}

/**
 * Checks a compact JWS; returns the key and the payload bytes. With `typ`, the protected header must
 * name that type, so that one kind of signed statement cannot pass for another.
 */
export function verifyCompact(jws: string, options: VerifyOptions, typ?: string): { key: VerificationKey; payload: Buffer } {
  const parts = jws.split('.');
  const payload = parts.length === 3 ? fromBase64url(parts[1]!) : undefined;
  if (payload === undefined || parts[1] === '') throw invalid('not a compact JWS');
  const key = verifyParts(parts[0]!, payload, parts[2]!, options);
  if (typ !== undefined && decodeHeader(parts[0]!).typ !== typ) throw invalid(`the protected header's typ must be ${typ}`);
  return { key, payload };
}

function verifyParts(protectedB64: string, payload: Uint8Array, signatureB64: string, options: VerifyOptions): VerificationKey {
  const header = decodeHeader(protectedB64);
  if (!options.algorithms.has(header.alg)) {
    throw new GatewayError('USM_ERR_ALGORITHM_NOT_ALLOWED', `algorithm ${JSON.stringify(header.alg)} is not allowed`);
  }
  const key = options.keyFor(header.kid);
  if (key === undefined) throw new GatewayError('USM_ERR_UNKNOWN_KEY', `no partner key has kid ${JSON.stringify(header.kid)}`);
  if (key.alg !== header.alg) throw invalid(`key ${key.kid} is a ${key.alg} key, the header says ${header.alg}`);
  const signature = fromBase64url(signatureB64);
  if (signature === undefined || signature.length === 0) throw invalid('the signature is not base64url');
  if (!verifyBytes(key, signingInput(protectedB64, payload), signature)) throw invalid('the signature does not match the body');
  return key;
}

function decodeHeader(protectedB64: string): { alg: string; kid: string; typ?: unknown } {
  const bytes = fromBase64url(protectedB64);
  if (bytes === undefined || bytes.length === 0 || bytes.length > 2048) throw invalid('the protected header is not base64url');
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('the protected header is not JSON');
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw invalid('the protected header is not an object');
  const { alg, kid, b64, crit, typ } = header as Record<string, unknown>;
  if (typeof alg !== 'string') throw invalid('the protected header has no alg');
  if (crit !== undefined || (b64 !== undefined && b64 !== true)) throw invalid('crit and b64 are not supported');
  if (typeof kid !== 'string' || kid.length === 0) {
    // Refuse the algorithm before the missing kid, so `alg: none` is named as such.
    return { alg, kid: '' };
  }
  return { alg, kid, typ };
}

function invalid(detail: string): GatewayError {
  return new GatewayError('USM_ERR_SIGNATURE_INVALID', detail);
}

/**
 * The `kid` a compact or detached JWS (or a JWT) names in its protected header, read without any
 * check (to tell whose it claims to be before the body is read), or undefined when it names none.
 */
export function claimedKid(jws: string): string | undefined {
  const dot = jws.indexOf('.');
  if (dot <= 0 || dot > 2800) return undefined;
  try {
    const { kid } = decodeHeader(jws.slice(0, dot));
    return kid === '' ? undefined : kid;
  } catch {
    return undefined;
  }
}
