import type { components } from '../generated/config.js';
import { KeyError, signingKeyOf, type SigningKey } from './jwk.js';
import { parseJwkJson, readOrCreatePrivateJwk } from './key-files.js';

type SigningConfig = components['schemas']['SigningConfig'];

/** The gateway's own private key: from an environment variable, else from a file (created in development). */
export async function loadSigningKey(config: SigningConfig, env: Readonly<Record<string, string | undefined>>): Promise<{ key: SigningKey; created: boolean }> {
  const fromEnv = config.keyEnv === undefined ? undefined : env[config.keyEnv];
  if (fromEnv !== undefined && fromEnv !== '') return { key: signingKeyOf(parseJwkJson(fromEnv, `$${config.keyEnv}`)), created: false };
  if (config.keyFile === undefined) throw new KeyError(`set ${config.keyEnv} to the gateway's private JWK`);
  const { jwk, created } = await readOrCreatePrivateJwk(config.keyFile, config.createIfMissing === true);
  return { key: signingKeyOf(jwk), created };
}
