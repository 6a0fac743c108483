import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePrivateJwk, publicJwkOf } from '../../src/keys/jwk.js';

/**
 * A network operator's key pair for a test, made in `dir`: the private JWK (mode 0600) that signs
 * directories and the public key set gateways trust. No private key is kept in the repository.
 */
export async function operatorKeyFiles(dir: string, name: string): Promise<{ key: string; keys: string }> {
  const jwk = await generatePrivateJwk('EdDSA');
  const key = join(dir, `${name}.operator.private.jwk`);
  const keys = join(dir, `${name}.operator.jwks.json`);
  await writeFile(key, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  await writeFile(keys, `${JSON.stringify({ keys: [publicJwkOf(jwk)] })}\n`);
  return { key, keys };
}
