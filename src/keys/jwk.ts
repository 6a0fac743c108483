import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { jose } from '../kernel/jose.js';
import { BootError } from '../kernel/boot-error.js';

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

/** A key cannot be read or is not usable; code USM_BOOT_KEY. The message never holds key material. */
export class KeyError extends BootError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('USM_BOOT_KEY', message, options);
    this.name = 'KeyError';
  }
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
  const key = importKey(() => createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }), `key ${jwk.kid}`);
  return { kid: jwk.kid, alg, key, jwk: publicJwkOf(jwk) };
}

export function signingKeyOf(jwk: JWK): SigningKey {
  if (typeof jwk.d !== 'string') throw new KeyError('the signing key must be a private JWK (with "d")');
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new KeyError('the signing key needs a kid');
  const alg = algorithmOf(jwk);
  const privateKey = importKey(() => createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }), `the signing key ${jwk.kid}`);
  const publicJwk = publicJwkOf(jwk);
  return { kid: jwk.kid, alg, privateKey, key: createPublicKey(privateKey), jwk: publicJwk };
}

/** Node's refusal of a JWK (ERR_CRYPTO_INVALID_JWK, ...) as a KeyError naming the key, not its material. */
function importKey(load: () => KeyObject, what: string): KeyObject {
  try {
    return load();
  } catch (error) {
    throw new KeyError(`${what} is not a usable key (${(error as { code?: string }).code ?? 'invalid'})`, { cause: error });
  }
}

/** A new private JWK with its RFC 7638 thumbprint as kid. */
export async function generatePrivateJwk(alg: SigningAlgorithm = 'EdDSA'): Promise<JWK> {
  const { privateKey } =
    alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await (await jose()).calculateJwkThumbprint(publicJwkOf(jwk));
  return { ...jwk, kid, alg, use: 'sig' };
}

/** The same public key: kid, type, curve and coordinates. */
export function sameKey(a: JWK, b: JWK): boolean {
  return a.kid === b.kid && a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;
}
