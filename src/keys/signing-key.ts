import type { components } from '../generated/config.js';
import type { JWK } from 'jose';
import { KeyError, publicJwkOf, signingKeyOf, verificationKeyOf, type SigningKey, type VerificationKey } from './jwk.js';
import { parseJwkJson, readJsonFile, readOrCreatePrivateJwk } from './key-files.js';

type SigningConfig = components['schemas']['SigningConfig'];

/** The gateway's own private key: from an environment variable, else from a file (created in development). */
export async function loadSigningKey(config: SigningConfig, env: Readonly<Record<string, string | undefined>>): Promise<{ key: SigningKey; created: boolean }> {
  const fromEnv = config.keyEnv === undefined ? undefined : env[config.keyEnv];
  if (fromEnv !== undefined && fromEnv !== '') {
    const where = `$${config.keyEnv}`;
    const jwk = parseJwkJson(fromEnv, where);
    return { key: naming(where, () => signingKeyOf(jwk)), created: false };
  }
  if (config.keyFile === undefined) throw new KeyError(`set ${config.keyEnv} to the gateway's private JWK`);
  const { jwk, created } = await readOrCreatePrivateJwk(config.keyFile, config.createIfMissing === true);
  return { key: naming(config.keyFile, () => signingKeyOf(jwk)), created };
}

/** The public keys published beside the signing key during a rotation. */
export async function loadPublishedKeys(files: readonly string[]): Promise<VerificationKey[]> {
  return Promise.all(
    files.map(async (file) => {
      const jwk = (await readJsonFile(file)) as JWK;
      return naming(file, () => verificationKeyOf(publicJwkOf(jwk)));
    }),
  );
}

/** A refused key, with where it came from (a file, or the variable) in front of the reason. */
function naming<T>(where: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new KeyError(`${where}: ${(error as Error).message}`, { cause: error });
  }
}
