import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { SIGNING_ALGORITHMS, verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { checkpointStatement, readCheckpoint, type Checkpoint } from '../messages/checkpoint.js';
import { checkRecordSignatures, verifyLog } from '../messages/message-log.js';
import type { VerifyOptions } from '../messages/jws.js';
import { readCertificates, verifyTimestampToken } from '../evidence/timestamp-token.js';
import { createBundleVerifier, type BundleVerdict } from '../evidence/bundle-verifier.js';
import { BUNDLE_FORMAT } from '../evidence/log-bundle.js';
import { readLogFile } from '../storage/log-file.js';
import { UsageError } from './usage-error.js';

const USAGE = 'usage: usm-link verify-log FILE|BUNDLE [--checkpoint FILE]... [--keys JWKS_FILE]... [--tsa-cert PEM_FILE] [--require-cosignatures N] [--json]';

type Verdict =
  | { ok: true; records: number; rootHash: string; checkpoints: number; signatures: { checked: number; unchecked: number }; timestamps?: number }
  | { ok: false; records: number; brokenAt?: number; reason: string };

/**
 * `usm-link verify-log FILE`: checks a message log offline. Every record's leaf hash from its
 * contents, the stored subtrees, the tree against every checkpoint the file keeps and every one
 * given with `--checkpoint` (a log cut back below one, or rewritten under one, fails), the
 * checkpoints' signatures and every record's signatures where `--keys` (JWKS files: the gateway's
 * and its partners') has the key; with `--tsa-cert` (the TSA's CA, PEM) every checkpoint's RFC 3161
 * token against its checkpoint, and the newest checkpoint must have one. Exit 1 at the first thing
 * that fails, named.
 */
export async function verifyLogCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      checkpoint: { type: 'string', multiple: true, default: [] },
      keys: { type: 'string', multiple: true, default: [] },
      'tsa-cert': { type: 'string' },
      'require-cosignatures': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined) throw new UsageError(USAGE);
  const keyFiles = values.keys;
  const required = values['require-cosignatures'] === undefined ? undefined : Number(values['require-cosignatures']);
  if (required !== undefined && (!Number.isSafeInteger(required) || required < 0)) throw new UsageError('--require-cosignatures: a number of witnesses');
  if (await isBundle(file)) {
    const verdict = await verifyBundle(file, { checkpointFiles: values.checkpoint, keyFiles, tsaCert: values['tsa-cert'], required, progress: !values.json && process.stderr.isTTY === true });
    process.stdout.write(values.json ? `${JSON.stringify(verdict)}\n` : describeBundleVerdict(verdict));
    return verdict.ok ? 0 : 1;
  }
  if (required !== undefined) throw new UsageError('--require-cosignatures needs a log bundle (usm-link log export)');
  const verdict = await verify(file, values.checkpoint, keyFiles, values['tsa-cert']);
  if (values.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  else if (verdict.ok) {
    const { checked, unchecked } = verdict.signatures;
    process.stdout.write(
      `ok: ${verdict.records} records, root ${verdict.rootHash}, agrees with ${verdict.checkpoints} checkpoints; ${checked} records' signatures checked` +
        (unchecked > 0 ? `, ${unchecked} not (no body or no key)` : '') +
        (keyFiles.length === 0 ? ' (no --keys: checkpoint signatures not checked)' : '') +
        (verdict.timestamps === undefined ? '' : `; ${verdict.timestamps} timestamp tokens checked`) +
        '\n',
    );
  } else process.stdout.write(`${verdict.brokenAt === undefined ? 'refused' : `broken at record ${verdict.brokenAt}`}: ${verdict.reason}\n`);
  return verdict.ok ? 0 : 1;
}

async function verify(file: string, checkpointFiles: readonly string[], keyFiles: readonly string[], tsaCert: string | undefined): Promise<Verdict> {
  let anchors: ReturnType<typeof readCertificates> | undefined;
  if (tsaCert !== undefined) {
    try {
      anchors = readCertificates(await readFile(tsaCert, 'utf8'));
    } catch (error) {
      throw new UsageError(`--tsa-cert ${tsaCert}: ${(error as Error).message}`);
    }
  }
  const keys = await readKeys(keyFiles);
  const options: VerifyOptions = { algorithms: new Set(SIGNING_ALGORITHMS), keyFor: (kid) => keys.get(kid) };
  const log = await readLogFile(file);
  const checkpoints: Checkpoint[] = [];
  for (const [source, jws] of [
    ...log.checkpoints.map((c) => [`the checkpoint kept for ${c.treeSize} records`, c.jws] as const),
    ...(await Promise.all(checkpointFiles.map(async (f) => [f, await readCheckpointFile(f)] as const))),
  ]) {
    try {
      checkpoints.push(keys.size === 0 ? checkpointStatement(jws) : readCheckpoint(jws, options));
    } catch (error) {
      return { ok: false, records: 0, reason: `${source}: ${(error as Error).message}` };
    }
  }
  const tree = verifyLog(log.records, { checkpoints, ...(log.node !== undefined ? { node: log.node } : {}) });
  if (!tree.ok) return tree;
  let checked = 0;
  let unchecked = 0;
  for (const record of log.records) {
    const body = log.bodyOf?.(record);
    if (body === undefined || keys.size === 0) {
      unchecked++;
      continue;
    }
    const result = checkRecordSignatures(record, body, options);
    if (!result.ok) return { ok: false, records: tree.records, brokenAt: record.index, reason: result.reason };
    if (result.unchecked > 0) unchecked++;
    else checked++;
  }
  if (anchors === undefined) return { ...tree, signatures: { checked, unchecked } };
  // The timestamps: each token against its checkpoint's JWS; a stamped newest checkpoint vouches for the earlier ones.
  const newest = log.checkpoints.at(-1);
  if (newest !== undefined && newest.timestampToken === undefined) {
    return { ok: false, records: tree.records, reason: `the newest checkpoint (${newest.treeSize} records) has no timestamp token` };
  }
  let timestamps = 0;
  for (const checkpoint of log.checkpoints) {
    if (checkpoint.timestampToken === undefined) continue;
    try {
      await verifyTimestampToken(Buffer.from(checkpoint.timestampToken, 'base64'), checkpoint.jws, anchors);
    } catch (error) {
      return { ok: false, records: tree.records, reason: `the timestamp token of the checkpoint kept for ${checkpoint.treeSize} records is invalid: ${(error as Error).message}` };
    }
    timestamps++;
  }
  return { ...tree, signatures: { checked, unchecked }, timestamps };
}

/** A log bundle starts with its header line (`usm-link log export`); anything else is a SQLite file or a JSON Lines export of records. */
async function isBundle(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]!;
    return first.startsWith('{') && first.includes('"type":"header"') && first.includes(`"format":"${BUNDLE_FORMAT}"`);
  } finally {
    await handle.close();
  }
}

/** Streams a bundle's lines through the verifier; progress (records done / total) on stderr at most every 250 ms when asked. */
async function verifyBundle(
  file: string,
  options: { checkpointFiles: readonly string[]; keyFiles: readonly string[]; tsaCert: string | undefined; required: number | undefined; progress: boolean },
): Promise<BundleVerdict> {
  const pinned: JWK[] = [];
  for (const keyFile of options.keyFiles) {
    const document = JSON.parse(await readFile(keyFile, 'utf8')) as { keys?: JWK[] } & JWK;
    pinned.push(...(document.keys ?? [document]));
  }
  const checkpoints = await Promise.all(options.checkpointFiles.map(async (f) => ({ source: f, jws: await readCheckpointFile(f) })));
  const tsaCertificates = options.tsaCert === undefined ? undefined : await readFile(options.tsaCert, 'utf8');
  if (tsaCertificates !== undefined) {
    try {
      readCertificates(tsaCertificates);
    } catch (error) {
      throw new UsageError(`--tsa-cert ${options.tsaCert}: ${(error as Error).message}`);
    }
  }
  let shown = 0;
  const verifier = createBundleVerifier({
    pinnedKeys: pinned,
    checkpoints,
    ...(tsaCertificates !== undefined ? { tsaCertificates } : {}),
    ...(options.required !== undefined ? { requireCosignatures: options.required } : {}),
    ...(options.progress
      ? {
          onProgress: (done: number, total: number) => {
            const now = Date.now();
            if (now - shown < 250 && done < total) return;
            shown = now;
            process.stderr.write(`\r${done} / ${total} records`);
          },
        }
      : {}),
  });
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!(await verifier.line(line))) break;
  }
  lines.close();
  const verdict = await verifier.finish();
  if (options.progress) process.stderr.write('\n');
  return verdict;
}

function describeBundleVerdict(verdict: BundleVerdict): string {
  if (!verdict.ok) return `${verdict.brokenAt === undefined ? 'refused' : `broken at record ${verdict.brokenAt}`} (${verdict.code}): ${verdict.reason}\n`;
  const { checked, unchecked } = verdict.signatures;
  return (
    `ok: bundle of ${verdict.origin}, ${verdict.records} records, root ${verdict.rootHash}, agrees with ${verdict.checkpoints} checkpoints` +
    ` and ${verdict.cosignatures.count} cosignatures (${verdict.cosignatures.witnesses.length} witnesses); ${checked} records' signatures checked` +
    (unchecked > 0 ? `, ${unchecked} not (no body or no key)` : '') +
    (verdict.timestamps === null ? '; timestamps not checked' : `; ${verdict.timestamps} timestamp tokens checked`) +
    `; keys: ${verdict.trust.keys}, TSA: ${verdict.trust.tsa}` +
    (verdict.trust.keys !== 'pinned' ? ' (the bundle\'s own keys prove consistency only: pin keys with --keys)' : '') +
    '\n'
  );
}

/** A checkpoint file: the JWS itself, or the JSON of `GET /v1/log/checkpoint` (`{ "checkpoint": JWS, ... }`). */
async function readCheckpointFile(file: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).trim();
  if (!text.startsWith('{')) return text;
  const jws = (JSON.parse(text) as { checkpoint?: unknown }).checkpoint;
  if (typeof jws !== 'string') throw new UsageError(`${file}: no "checkpoint" member`);
  return jws;
}

async function readKeys(files: readonly string[]): Promise<Map<string, VerificationKey>> {
  const keys = new Map<string, VerificationKey>();
  for (const file of files) {
    const document = JSON.parse(await readFile(file, 'utf8')) as { keys?: JWK[] } & JWK;
    for (const jwk of document.keys ?? [document]) {
      const key = verificationKeyOf(jwk);
      keys.set(key.kid, key);
    }
  }
  return keys;
}
