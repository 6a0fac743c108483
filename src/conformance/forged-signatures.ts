import { randomBytes, sign } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { toBase64url } from '../kernel/base64url.js';
import type { SigningKey } from '../keys/jwk.js';

/**
 * Signatures the partner client never makes: a detached JWS with any protected header (signed
 * properly with the key, so that only the header is wrong), and read tokens with any claims.
 */
export function detachedWithHeader(body: string | Uint8Array, key: SigningKey, header: Record<string, unknown>): string {
  const protectedB64 = toBase64url(JSON.stringify(header));
  const input = Buffer.from(`${protectedB64}.${toBase64url(body)}`);
  const signature = key.alg === 'EdDSA' ? sign(null, input, key.privateKey) : sign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${protectedB64}..${toBase64url(signature)}`;
}

/** A detached JWS whose signature part is random bytes of the right length (no key made it). */
export function detachedWithRandomSignature(header: Record<string, unknown>): string {
  return `${toBase64url(JSON.stringify(header))}..${toBase64url(randomBytes(64))}`;
}

/** A read token (RFC 7519) with exactly these claims and header, signed with `key`. */
export function readTokenWith(key: SigningKey, claims: JWTPayload, header: { alg?: string; kid?: string } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg ?? key.alg, kid: header.kid ?? key.kid, typ: 'JWT' }).sign(key.privateKey);
}
