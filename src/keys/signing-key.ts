import type { components } from '../generated/config.js';
import type { JWK } from 'jose';
import { KeyError, publicJwkOf, signingKeyOf, verificationKeyOf, type SigningKey, type VerificationKey } from './jwk.js';
import { parseJwkJson, readJsonFile, readOrCreatePrivateJwk } from './key-files.js';

type SigningConfig = components['schemas']['SigningConfig'];

/** The gateway's own private key: from an environment variable, else from a file (created in development). */
export async function loadSigningKey(config: SigningConfig, env: Readonly<Record<string, string | undefined>>): Promise<{ key: SigningKey; created: boolean }> {
  const fromEnv = config.keyEnv === undefined ? undefined : env[config.keyEnv];
  if (fromEnv !== undefined && fromEnv !== '') return { key: signingKeyOf(parseJwkJson(fromEnv, `$${config.keyEnv}`)), created: false };
  if (config.keyFile === undefined) throw new KeyError(`set ${config.keyEnv} to the gateway's private JWK`);
  const { jwk, created } = await readOrCreatePrivateJwk(config.keyFile, config.createIfMissing === true);
  return { key: signingKeyOf(jwk), created };
}

/** The public keys published beside the signing key during a rotation. */
export async function loadPublishedKeys(files: readonly string[]): Promise<VerificationKey[]> {
  return Promise.all(files.map(async (file) => verificationKeyOf(publicJwkOf((await readJsonFile(file)) as JWK))));
}
