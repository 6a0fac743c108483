import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A public key a signature can be checked with. */
export interface VerificationKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly key: KeyObject;
  readonly jwk: JWK;
}

/** A private key this side signs with. */
export interface SigningKey extends VerificationKey {
  readonly privateKey: KeyObject;
}

export class KeyError extends Error {
  override name = 'KeyError';
}

/** The algorithm a JWK is for: Ed25519 keys sign EdDSA, P-256 keys ES256; anything else is refused. */
export function algorithmOf(jwk: JWK): SigningAlgorithm {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  throw new KeyError(`unsupported key type ${String(jwk.kty)}/${String(jwk.crv)}: use OKP Ed25519 or EC P-256`);
}

export function publicJwkOf(jwk: JWK): JWK {
  const { kty, crv, x, y, kid } = jwk;
  return Object.fromEntries(
    Object.entries({ kty, crv, x, y, kid, alg: algorithmOf(jwk), use: 'sig' }).filter(([, v]) => v !== undefined),
  ) as JWK;
}

export function verificationKeyOf(jwk: JWK): VerificationKey {
  if (jwk.d !== undefined) throw new KeyError(`key ${jwk.kid ?? '(no kid)'} is a private key; publish only public keys`);
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new KeyError('every public key needs a kid');
  const alg = algorithmOf(jwk);
  if (jwk.alg !== undefined && jwk.alg !== alg) throw new KeyError(`key ${jwk.kid} says alg ${jwk.alg} but is a ${alg} key`);
  const key = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  return { kid: jwk.kid, alg, key, jwk: publicJwkOf(jwk) };
}

export function signingKeyOf(jwk: JWK): SigningKey {
  if (typeof jwk.d !== 'string') throw new KeyError('the signing key must be a private JWK (with "d")');
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new KeyError('the signing key needs a kid');
  const alg = algorithmOf(jwk);
  const privateKey = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  const publicJwk = publicJwkOf(jwk);
  return { kid: jwk.kid, alg, privateKey, key: createPublicKey(privateKey), jwk: publicJwk };
}

/** A new private JWK with its RFC 7638 thumbprint as kid. */
export async function generatePrivateJwk(alg: SigningAlgorithm = 'EdDSA'): Promise<JWK> {
  const { privateKey } =
    alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwkOf(jwk));
  return { ...jwk, kid, alg, use: 'sig' };
}
