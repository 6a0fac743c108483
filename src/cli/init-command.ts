import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePrivateJwk, publicJwkOf } from '../keys/jwk.js';
import { UsageError } from './usage-error.js';

/** `usm-link init`: scaffolds a new provider: a config, a private key (0600) and its public JWKS; never overwrites. */
export async function initCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { party: { type: 'string' }, name: { type: 'string' }, dir: { type: 'string', default: '.' }, url: { type: 'string' }, port: { type: 'string', default: '8080' } },
  });
  if (values.party === undefined || values.name === undefined) throw new UsageError('usage: usm-link init --party ID --name NAME [--dir DIR] [--url PUBLIC_URL] [--port 8080]');
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(values.party)) throw new UsageError('--party: lower-case letters, digits, . _ - (at most 63)');
  const dir = resolve(values.dir);
  const url = values.url ?? `http://127.0.0.1:${values.port}`;
  const configFile = join(dir, `${values.party}.yaml`);
  if (existsSync(configFile)) throw new UsageError(`${configFile} exists already`);
  const jwk = await generatePrivateJwk('EdDSA');
  await mkdir(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'keys', `${values.party}.private.jwk`), `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  const jwks = { keys: [publicJwkOf(jwk)] };
  await writeFile(join(dir, `${values.party}.jwks.json`), `${JSON.stringify(jwks, null, 2)}\n`, { flag: 'wx' });
  await writeFile(
    configFile,
    [
      `# ${values.name}: a usm-link gateway. Add services, partners, agreements and routes (see README, Configuration).`,
      `party: { id: ${values.party}, name: ${JSON.stringify(values.name)} }`,
      `listen: { host: 127.0.0.1, port: ${Number(values.port)} }`,
      `publicUrl: ${url}`,
      `storage: sqlite:./data/${values.party}.db`,
      `signing: { keyFile: ./keys/${values.party}.private.jwk }`,
      'services: []',
      'partners: []',
      'desk:',
      '  tokens: [{ name: desk, env: USM_DESK_TOKEN }]',
      'admin:',
      '  tokens: [{ name: admin, env: USM_ADMIN_TOKEN }]',
      '',
    ].join('\n'),
    { flag: 'wx' },
  );
  process.stderr.write(`wrote ${configFile}, keys/${values.party}.private.jwk (keep it secret) and ${values.party}.jwks.json\n`);
  process.stdout.write(`${JSON.stringify({ partyId: values.party, name: values.name, url, jwks }, null, 2)}\n`);
  process.stderr.write('send your partners the party id, URL and public key set above; start with: usm-link start --config ' + configFile + '\n');
  return 0;
}
