import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { parse as parseYaml } from 'yaml';
import { buildConfig, type GatewayConfig } from '../config/load-config.js';

/** One provider in a network: its gateway's config and the public keys it publishes. */
export interface NetworkParty {
  readonly id: string;
  readonly file: string;
  readonly config: GatewayConfig;
  /** The gateway's own public keys (`<party>.jwks.json` beside its config, or fetched online). */
  readonly publishedKeys: readonly JWK[] | undefined;
}

export interface Network {
  readonly dir: string;
  readonly parties: ReadonlyMap<string, NetworkParty>;
  /** Problems found while reading (a file that is not a valid config). */
  readonly loadErrors: readonly { file: string; message: string }[];
}

/**
 * Reads a network from a directory: one gateway config (`*.yaml`) per provider, each with its
 * public JWKS in `<party id>.jwks.json`. A file `extends` naming another directory takes every file
 * from there first and lets this directory's files replace them by name (for variants of a network).
 */
export async function loadNetwork(dir: string): Promise<Network> {
  const files = await collectFiles(dir);
  const parties = new Map<string, NetworkParty>();
  const loadErrors: { file: string; message: string }[] = [];
  const jwks = new Map<string, JWK[]>();
  for (const [name, path] of files) {
    if (!name.endsWith('.jwks.json')) continue;
    try {
      jwks.set(name.slice(0, -'.jwks.json'.length), (JSON.parse(await readFile(path, 'utf8')) as { keys: JWK[] }).keys);
    } catch (error) {
      loadErrors.push({ file: name, message: `not a JWKS: ${(error as Error).message}` });
    }
  }
  for (const [name, path] of files) {
    if (!/\.ya?ml$/.test(name)) continue;
    try {
      const raw = parseYaml(await readFile(path, 'utf8')) as unknown;
      const built = buildConfig(raw, dir);
      const partners = await Promise.all(
        built.partners.map(async (p) => (p.jwks === undefined && p.jwksFile !== undefined ? { ...p, jwks: JSON.parse(await readFile(p.jwksFile, 'utf8')) as { keys: Record<string, unknown>[] } } : p)),
      );
      const config = { ...built, partners };
      parties.set(config.party.id, { id: config.party.id, file: name, config, publishedKeys: jwks.get(config.party.id) });
    } catch (error) {
      loadErrors.push({ file: name, message: (error as Error).message });
    }
  }
  return { dir, parties, loadErrors };
}

async function collectFiles(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir);
  const files = new Map<string, string>();
  if (names.includes('extends')) {
    const base = (await readFile(join(dir, 'extends'), 'utf8')).trim();
    for (const [name, path] of await collectFiles(join(dir, base))) files.set(name, path);
  }
  for (const name of names) if (name !== 'extends') files.set(name, join(dir, name));
  return files;
}
