import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { readEnvironment } from '../config/environment.js';
import { loadConfigFile, type GatewayConfig } from '../config/load-config.js';
import { writeBundle, type BundleKey } from '../evidence/log-bundle.js';
import { pemCertificateBlocks, readCertificates } from '../evidence/timestamp-token.js';
import { publicJwkOf } from '../keys/jwk.js';
import { parseJwkJson, readJsonFile } from '../keys/key-files.js';
import { inclusionProof } from '../messages/log-proofs.js';
import { openLogStoreReader, type LogStoreReader } from '../storage/log-store-reader.js';
import { UsageError } from './usage-error.js';

const USAGE = `usage: usm-link log export --store FILE|URL --out BUNDLE [--config FILE] [--tsa-cert PEM] [--cosignatures FILE] [--json]
       usm-link log prove --store FILE|URL --message ID [--checkpoint-size N] [--config FILE]`;

/** `usm-link log export` and `usm-link log prove`: the message log read from a store, read-only, for anyone to check offline. */
export async function logCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportCommand(rest);
  if (sub === 'prove') return proveCommand(rest);
  throw new UsageError(USAGE);
}

/**
 * Writes a log bundle (docs/protocol.md, "Log bundles"): the records, the bodies still held, the
 * checkpoints with their timestamp tokens, the TSA's certificates, the gateway's and its partners'
 * public keys from `--config`, the partners' cosignatures the store kept and those of `--cosignatures` (a file of JWSs, one a line).
 */
async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      'tsa-cert': { type: 'string' },
      cosignatures: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const config = values.config === undefined ? undefined : await loadConfigFile(values.config);
  const store = values.store ?? config?.storage;
  if (store === undefined || values.out === undefined) throw new UsageError(USAGE);
  const keys = config === undefined ? [] : await keysOf(config);
  const tsaFile = values['tsa-cert'] ?? config?.evidence?.tsa?.certificates;
  const tsaCertificates = tsaFile === undefined ? [] : await pemsOf(tsaFile);
  const given = values.cosignatures === undefined ? [] : (await readFile(values.cosignatures, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const reader = await openLogStoreReader(store);
  try {
    // The partners' cosignatures the gateway kept, and any given besides (kept elsewhere), each once.
    const cosignatures = [...new Set([...(await reader.cosignatures()), ...given])];
    const origin = config?.party.id ?? (await reader.logCheckpoint())?.origin;
    if (origin === undefined) throw new UsageError('the store has no checkpoint to name the log\'s origin: give --config');
    // A new file only: a bundle never overwrites another.
    const out = createWriteStream(values.out, { flags: 'wx' });
    try {
      await once(out, 'open');
    } catch (error) {
      throw new UsageError(`--out ${values.out}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists' : (error as Error).message}`);
    }
    const write = async (line: string): Promise<void> => {
      if (!out.write(line)) await once(out, 'drain');
    };
    let counts: Awaited<ReturnType<typeof writeBundle>>;
    try {
      counts = await writeBundle(reader, { origin, createdAt: new Date().toISOString(), keys, tsaCertificates, cosignatures }, write);
      out.end();
      await once(out, 'finish');
    } catch (error) {
      // No half bundle left behind.
      out.destroy();
      await rm(values.out, { force: true });
      throw error;
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, out: values.out, origin, counts })}\n`);
    else {
      process.stdout.write(
        `wrote ${values.out}: ${counts.records} records (${counts.bodies} bodies), ${counts.checkpoints} checkpoints, ${counts.keys} keys, ${counts.tsaCertificates} TSA certificates, ${counts.cosignatures} cosignatures\n`,
      );
    }
    return 0;
  } finally {
    await reader.close();
  }
}

/** Prints a message's record, leaf hash, index, inclusion proof and the signed checkpoint it proves against (docs/protocol.md, "log prove"). */
async function proveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { store: { type: 'string' }, message: { type: 'string' }, 'checkpoint-size': { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: true } },
  });
  const config = values.config === undefined ? undefined : await loadConfigFile(values.config);
  const store = values.store ?? config?.storage;
  if (store === undefined || values.message === undefined) throw new UsageError(USAGE);
  const size = values['checkpoint-size'] === undefined ? undefined : Number(values['checkpoint-size']);
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) throw new UsageError('--checkpoint-size: a number of records, at least 1');
  const reader = await openLogStoreReader(store);
  try {
    return await prove(reader, values.message, size);
  } finally {
    await reader.close();
  }
}

async function prove(reader: LogStoreReader, messageId: string, size: number | undefined): Promise<number> {
  const indexes = await reader.indexesOf(messageId);
  if (indexes.length === 0) return refuse(`the log has no record of message ${messageId}`);
  const checkpoint = await reader.logCheckpoint(size);
  if (checkpoint === undefined) return refuse(size === undefined ? 'the log has no checkpoint yet' : `no checkpoint was signed at ${size} records`);
  const index = indexes.find((i) => i < checkpoint.treeSize);
  if (index === undefined) return refuse(`message ${messageId} is record ${indexes[0]}, after the checkpoint of ${checkpoint.treeSize} records`);
  const record = (await reader.logRecordAt(index))!;
  const proof = await inclusionProof(reader, index, checkpoint.treeSize);
  const { jws, origin, treeSize, rootHash, at, timestampToken } = checkpoint;
  const answer = {
    origin,
    index,
    treeSize,
    leafHash: record.leafHash,
    record,
    proof,
    checkpoint: { checkpoint: jws, origin, treeSize, rootHash, at, ...(timestampToken !== undefined ? { timestampToken } : {}) },
  };
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  return 0;
}

function refuse(reason: string): number {
  process.stderr.write(`usm-link: ${reason}\n`);
  return 1;
}

/**
 * The public keys a config knows: the gateway's signing key (and `signing.next`, the published
 * extra keys), each partner's configured keys. With `signing.next`, the current key is retired
 * `retireAfterSeconds` after the switch and the next one signs from it. Nothing is written: a key
 * file that is missing is left out.
 */
async function keysOf(config: GatewayConfig): Promise<BundleKey[]> {
  const env = readEnvironment().values as Readonly<Record<string, string | undefined>>;
  const keys: BundleKey[] = [];
  const signing = config.signing;
  const own = signing.keyEnv !== undefined && env[signing.keyEnv] ? parseJwkJson(env[signing.keyEnv]!, `$${signing.keyEnv}`) : signing.keyFile === undefined ? undefined : await optionalJwk(signing.keyFile);
  const next = signing.next;
  const retiredAt = next === undefined ? undefined : new Date(Date.parse(next.activateAt) + (signing.retireAfterSeconds ?? 604_800) * 1000).toISOString();
  if (own !== undefined) keys.push({ owner: config.party.id, jwk: publicJwkOf(own), ...(retiredAt !== undefined ? { notAfter: retiredAt } : {}) });
  if (next !== undefined) {
    const jwk = await optionalJwk(next.keyFile);
    if (jwk !== undefined) keys.push({ owner: config.party.id, jwk: publicJwkOf(jwk), notBefore: new Date(Date.parse(next.activateAt)).toISOString() });
  }
  for (const file of signing.publishKeyFiles ?? []) {
    const jwk = await optionalJwk(file);
    if (jwk !== undefined) keys.push({ owner: config.party.id, jwk: publicJwkOf(jwk) });
  }
  for (const partner of config.partners) {
    let jwks: JWK[] = [];
    if (partner.jwks !== undefined) jwks = partner.jwks.keys as JWK[];
    else if (partner.jwksFile !== undefined) jwks = (((await readJsonFile(partner.jwksFile)) as { keys?: JWK[] }).keys ?? []);
    else if (partner.devKeyFile !== undefined) {
      const jwk = await optionalJwk(partner.devKeyFile);
      if (jwk !== undefined) jwks = [jwk];
    }
    for (const jwk of jwks) keys.push({ owner: partner.id, jwk: publicJwkOf(jwk) });
  }
  // One line per kid: the first one (the signing key before a published copy of it).
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(String(k.jwk.kid)) && seen.add(String(k.jwk.kid)));
}

async function optionalJwk(file: string): Promise<JWK | undefined> {
  try {
    return (await readJsonFile(file)) as JWK;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The certificates of a PEM file, each its own PEM block. */
async function pemsOf(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  try {
    readCertificates(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  return pemCertificateBlocks(text);
}
