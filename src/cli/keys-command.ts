import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePrivateJwk, publicJwkOf, type SigningAlgorithm } from '../keys/jwk.js';
import { UsageError } from './usage-error.js';

/** `usm-link keys generate`: writes a private JWK (mode 0600, never over an existing file) and prints its public JWKS. */
export async function keysCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, alg: { type: 'string', default: 'EdDSA' } },
  });
  if (positionals[0] !== 'generate' || values.out === undefined) throw new UsageError('usage: usm-link keys generate --out FILE [--alg EdDSA|ES256]');
  if (values.alg !== 'EdDSA' && values.alg !== 'ES256') throw new UsageError('--alg must be EdDSA or ES256');
  const jwk = await generatePrivateJwk(values.alg as SigningAlgorithm);
  await mkdir(dirname(resolve(values.out)), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  process.stderr.write(`wrote the private key to ${values.out}; send partners this public key set:\n`);
  process.stdout.write(`${JSON.stringify({ keys: [publicJwkOf(jwk)] }, null, 2)}\n`);
  return 0;
}
