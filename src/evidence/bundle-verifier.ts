import type * as pkijs from 'pkijs';
import { fromBase64url, toBase64url } from '../kernel/base64url.js';
import { sameKey, SIGNING_ALGORITHMS, verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { readCheckpoint, checkpointStatement, type Checkpoint } from '../messages/checkpoint.js';
import { readCosignature } from '../messages/cosignature.js';
import { claimedKid, type VerifyOptions } from '../messages/jws.js';
import type { StoredCheckpoint } from '../messages/log-proofs.js';
import { appendLeaf, EMPTY_RANGE, rootOf, type CompactRange } from '../messages/merkle-tree.js';
import { checkRecordSignatures, recordLeafHash, type LogRecord } from '../messages/message-log.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, SECTION_ORDER, type BundleCounts, type BundleHeader, type BundleKey } from './log-bundle.js';
import { readCertificates, verifyTimestampToken } from './timestamp-token.js';

/** Why a bundle fails: stable codes (docs/protocol.md, "Log bundles"). */
export type BundleFailureCode =
  | 'not_a_bundle'
  | 'bundle_malformed'
  | 'key_mismatch'
  | 'origin_mismatch'
  | 'leaf_mismatch'
  | 'record_missing'
  | 'body_mismatch'
  | 'cut_back'
  | 'rewritten'
  | 'signature_invalid'
  | 'key_retired'
  | 'timestamp_missing'
  | 'timestamp_invalid'
  | 'cosignature_invalid'
  | 'cosignatures_missing';

export type BundleVerdict =
  | {
      readonly ok: true;
      readonly origin: string;
      readonly records: number;
      readonly rootHash: string;
      readonly checkpoints: number;
      readonly signatures: { readonly checked: number; readonly unchecked: number };
      readonly timestamps: number | null;
      readonly cosignatures: { readonly count: number; readonly witnesses: readonly string[] };
      /** Where the keys and the TSA's certificates came from: pinned by the verifier, only the bundle's (consistency, not trust), or none. */
      readonly trust: { readonly keys: 'pinned' | 'bundle' | 'none'; readonly tsa: 'pinned' | 'bundle' | 'none' };
    }
  | { readonly ok: false; readonly code: BundleFailureCode; readonly reason: string; readonly records: number; readonly brokenAt?: number };

export type BundleFailure = Extract<BundleVerdict, { ok: false }>;

export interface BundleVerifyOptions {
  /** Keys the verifier trusts (JWKs): a kid also in the bundle must be the same key. */
  readonly pinnedKeys?: readonly import('jose').JWK[];
  /** Checkpoints kept elsewhere (a partner's copy of ours), as JWSs with where each came from. */
  readonly checkpoints?: readonly { readonly source: string; readonly jws: string }[];
  /** The TSA certificates the verifier trusts (PEM): they, not the bundle's, anchor the timestamp tokens. */
  readonly tsaCertificates?: string;
  /** At least this many distinct witnesses must have cosigned a checkpoint of the log. */
  readonly requireCosignatures?: number;
  /** Told the records done and the total now and then. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface KeyEntry {
  readonly key: VerificationKey;
  readonly owner?: string;
  readonly notBefore?: number;
  readonly notAfter?: number;
}

/** A tree size the log must have the root of, and what to say when it does not. */
interface Expected {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly what: string;
}

class Failed extends Error {
  constructor(readonly failure: BundleFailure) {
    super(failure.reason);
  }
}

/**
 * Checks a log bundle as a stream of its lines: `line()` each one in order, then `finish()`. Every
 * record's leaf hash from its contents and its index in order; the tree against every checkpoint
 * inside and given, and every cosignature (a smaller log is `cut_back`, another root `rewritten`);
 * the checkpoints' and cosignatures' signatures with the bundle's keys and the pinned ones; every
 * record's message signature over its body and its receipt with the key of its kid, refused when the
 * key was retired before the record; each checkpoint's timestamp token. The first failure is the verdict.
 */
export function createBundleVerifier(options: BundleVerifyOptions = {}) {
  let header: BundleHeader | undefined;
  let section = 0;
  const bundleKeys: BundleKey[] = [];
  const tsaPems: string[] = [];
  const checkpoints: StoredCheckpoint[] = [];
  const cosignatureJws: string[] = [];
  const keys = new Map<string, KeyEntry>();
  const verifyOptions: VerifyOptions = { algorithms: new Set(SIGNING_ALGORITHMS), keyFor: (kid) => keys.get(kid)?.key };
  let expected: Expected[] = [];
  let witnesses = new Set<string>();
  let timestamps: number | null = null;
  let tsaTrust: 'pinned' | 'bundle' | 'none' = 'none';
  let prepared = false;
  let range: CompactRange = EMPTY_RANGE;
  let pending: { record: LogRecord; body?: Buffer } | undefined;
  let checked = 0;
  let unchecked = 0;
  let bodies = 0;
  let failure: BundleFailure | undefined;

  const fail = (code: BundleFailureCode, reason: string, brokenAt?: number): never => {
    throw new Failed({ ok: false, code, reason, records: range.size, ...(brokenAt !== undefined ? { brokenAt } : {}) });
  };

  /** Once every line before the records is read: the keys, the checkpoints, the cosignatures and the timestamps. */
  const prepare = async (): Promise<void> => {
    prepared = true;
    const origin = header!.origin;
    for (const k of bundleKeys) {
      let key: VerificationKey;
      try {
        key = verificationKeyOf(k.jwk);
      } catch (error) {
        fail('bundle_malformed', `the key of ${k.owner}: ${(error as Error).message}`);
      }
      keys.set(key!.kid, { key: key!, owner: k.owner, ...timeOf('notBefore', k.notBefore), ...timeOf('notAfter', k.notAfter) });
    }
    for (const jwk of options.pinnedKeys ?? []) {
      const key = verificationKeyOf(jwk);
      const inside = keys.get(key.kid);
      if (inside !== undefined && !sameKey(inside.key.jwk, key.jwk)) fail('key_mismatch', `the bundle's key ${key.kid} (of ${inside.owner}) is not the pinned key of that kid`);
      keys.set(key.kid, { ...inside, key });
    }
    const signed = keys.size > 0;
    const read = (jws: string, what: string): Checkpoint => {
      if (!signed) return checkpointStatement(jws);
      const kid = claimedKid(jws);
      const entry = kid === undefined ? undefined : keys.get(kid);
      if (entry === undefined) fail('signature_invalid', `${what}: signed with a key that is neither in the bundle nor pinned (${kid ?? 'no kid'})`);
      if (entry!.owner !== undefined && entry!.owner !== origin) fail('signature_invalid', `${what}: signed with a key of ${entry!.owner}, not of ${origin}`);
      return readCheckpoint(jws, verifyOptions);
    };
    const statements: { checkpoint: Checkpoint; what: string }[] = [];
    for (const c of checkpoints) {
      const what = `the checkpoint of ${c.treeSize} records`;
      statements.push({ checkpoint: attempt('signature_invalid', what, () => read(c.jws, what)), what });
    }
    for (const { source, jws } of options.checkpoints ?? []) statements.push({ checkpoint: attempt('signature_invalid', source, () => read(jws, source)), what: source });
    for (const { checkpoint, what } of statements) {
      if (checkpoint.origin !== origin) fail('origin_mismatch', `${what} is of ${checkpoint.origin}, the bundle of ${origin}`);
      expected.push({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, what });
    }
    for (const [i, jws] of cosignatureJws.entries()) {
      const what = `cosignature ${i + 1}`;
      const kid = claimedKid(jws);
      const entry = kid === undefined ? undefined : keys.get(kid);
      if (entry === undefined) fail('cosignature_invalid', `${what}: signed with a key that is neither in the bundle nor pinned (${kid ?? 'no kid'})`);
      const statement = attempt('cosignature_invalid', what, () => readCosignature(jws, verifyOptions));
      if (entry!.owner !== undefined && entry!.owner !== statement.witness) fail('cosignature_invalid', `${what}: names witness ${statement.witness} but is signed with a key of ${entry!.owner}`);
      if (statement.origin !== origin) fail('cosignature_invalid', `${what} (by ${statement.witness}) is of the log of ${statement.origin}, the bundle of ${origin}`);
      expected.push({ treeSize: statement.treeSize, rootHash: statement.rootHash, what: `${what} (by ${statement.witness}, ${statement.at})` });
      witnesses.add(statement.witness);
    }
    const required = options.requireCosignatures ?? 0;
    if (witnesses.size < required) fail('cosignatures_missing', `${witnesses.size} distinct witnesses cosigned the log, ${required} required`);
    expected = expected.sort((a, b) => a.treeSize - b.treeSize);
    // The timestamps: against the pinned TSA certificates, else the bundle's own.
    const pem = options.tsaCertificates ?? (tsaPems.length > 0 ? tsaPems.join('\n') : undefined);
    if (pem !== undefined) {
      tsaTrust = options.tsaCertificates !== undefined ? 'pinned' : 'bundle';
      let anchors: pkijs.Certificate[] = [];
      try {
        anchors = readCertificates(pem);
      } catch (error) {
        fail('bundle_malformed', `the TSA certificates: ${(error as Error).message}`);
      }
      const newest = checkpoints.at(-1);
      if (newest !== undefined && newest.timestampToken === undefined) fail('timestamp_missing', `the newest checkpoint (${newest.treeSize} records) has no timestamp token`);
      timestamps = 0;
      for (const c of checkpoints) {
        if (c.timestampToken === undefined) continue;
        try {
          await verifyTimestampToken(Buffer.from(c.timestampToken, 'base64'), c.jws, anchors);
        } catch (error) {
          fail('timestamp_invalid', `the timestamp token of the checkpoint of ${c.treeSize} records: ${(error as Error).message}`);
        }
        timestamps++;
      }
    }
    checkRoots();
  };

  const checkRoots = (): void => {
    while (expected.length > 0 && expected[0]!.treeSize <= range.size) {
      const next = expected.shift()!;
      if (next.treeSize === range.size && toBase64url(rootOf(range)) !== next.rootHash) {
        fail('rewritten', `the first ${range.size} records do not make the root of ${next.what}`, range.size - 1);
      }
    }
  };

  /** The signatures of the record before, once its body line (if any) has had its chance to come. */
  const settle = (): void => {
    if (pending === undefined) return;
    const { record, body } = pending;
    pending = undefined;
    if (keys.size === 0) {
      unchecked++;
      return;
    }
    const origin = header!.origin;
    const signer = record.direction === 'in' ? record.partner : origin;
    const receiptSigner = record.direction === 'in' ? origin : record.partner;
    for (const [jws, owner, what] of [
      [record.signature, signer, 'its signature'],
      [record.receipt, receiptSigner, 'its receipt'],
    ] as const) {
      if (jws === null) continue;
      const kid = claimedKid(jws);
      const entry = kid === undefined ? undefined : keys.get(kid);
      if (entry === undefined) continue;
      if (entry.owner !== undefined && entry.owner !== owner) fail('signature_invalid', `${what} is made with a key of ${entry.owner}, not of ${owner}`, record.index);
      const at = Date.parse(record.at);
      if (entry.notAfter !== undefined && at > entry.notAfter) fail('key_retired', `${what} is made with key ${kid}, retired on ${new Date(entry.notAfter).toISOString()}, before the record (${record.at})`, record.index);
      if (entry.notBefore !== undefined && at < entry.notBefore) fail('key_retired', `${what} is made with key ${kid}, in use only from ${new Date(entry.notBefore).toISOString()}, after the record (${record.at})`, record.index);
    }
    const result = checkRecordSignatures(record, body, verifyOptions);
    if (!result.ok) fail(result.reason.includes('body does not match') ? 'body_mismatch' : 'signature_invalid', result.reason, record.index);
    else if (result.unchecked > 0) unchecked++;
    else checked++;
  };

  const onRecord = (record: LogRecord): void => {
    settle();
    if (record.index !== range.size) fail('record_missing', `expected record ${range.size} here, found record ${record.index} (a record is missing or moved)`, record.index);
    const { index: _index, leafHash, ...entry } = record;
    if (recordLeafHash(entry) !== leafHash) fail('leaf_mismatch', 'its contents do not match its leaf hash (changed after it was written)', record.index);
    range = appendLeaf(range, fromBase64url(leafHash)!).range;
    pending = { record };
    checkRoots();
    if (options.onProgress !== undefined && range.size % 1000 === 0) options.onProgress(range.size, header!.counts.records);
  };

  const handle = async (text: string): Promise<void> => {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail(header === undefined ? 'not_a_bundle' : 'bundle_malformed', `line ${lineNumber}: not JSON`);
    }
    if (header === undefined) {
      if (value.type !== 'header' || value.format !== BUNDLE_FORMAT) fail('not_a_bundle', `the first line is not a ${BUNDLE_FORMAT} header`);
      if (value.version !== BUNDLE_VERSION) fail('not_a_bundle', `bundle version ${String(value.version)}; this verifier reads version ${BUNDLE_VERSION}`);
      header = value as unknown as BundleHeader;
      return;
    }
    const type = value.type;
    if (type === 'body') {
      if (pending === undefined || value.index !== pending.record.index || pending.body !== undefined || typeof value.body !== 'string') {
        fail('bundle_malformed', `line ${lineNumber}: a body line must follow its record, once`);
      }
      pending!.body = Buffer.from(value.body as string, 'utf8');
      bodies++;
      return;
    }
    const at = SECTION_ORDER.indexOf(type as (typeof SECTION_ORDER)[number]);
    if (at <= 0 || at < section) fail('bundle_malformed', `line ${lineNumber}: ${String(type)} is not a line of a bundle here`);
    section = at;
    if (type === 'record') {
      if (!prepared) await prepare();
      onRecord(recordOf(value.record, lineNumber));
    } else if (type === 'key') bundleKeys.push(value as unknown as BundleKey);
    else if (type === 'tsa-certificate') tsaPems.push(String(value.pem));
    else if (type === 'checkpoint') checkpoints.push(value as unknown as StoredCheckpoint);
    else cosignatureJws.push(String(value.jws));
  };

  let lineNumber = 0;
  return {
    /** Takes the next line; false once the verdict is a failure (the rest need not be read). */
    async line(text: string): Promise<boolean> {
      if (failure !== undefined) return false;
      lineNumber++;
      if (text.trim() === '') return true;
      try {
        await handle(text);
      } catch (error) {
        failure = failureOf(error, range.size);
      }
      return failure === undefined;
    },
    async finish(): Promise<BundleVerdict> {
      if (failure !== undefined) return failure;
      try {
        if (header === undefined) fail('not_a_bundle', 'the file is empty');
        if (!prepared) await prepare();
        settle();
        const counts: BundleCounts = header!.counts;
        if (range.size < counts.records) fail('record_missing', `the header counts ${counts.records} records, the bundle holds ${range.size}`, range.size);
        const held: [keyof BundleCounts, number][] = [
          ['records', range.size],
          ['bodies', bodies],
          ['checkpoints', checkpoints.length],
          ['keys', bundleKeys.length],
          ['tsaCertificates', tsaPems.length],
          ['cosignatures', cosignatureJws.length],
        ];
        for (const [what, count] of held) if (counts[what] !== count) fail('bundle_malformed', `the header counts ${counts[what]} ${what}, the bundle holds ${count}`);
        const beyond = expected.at(-1);
        if (beyond !== undefined) fail('cut_back', `${beyond.what} has ${beyond.treeSize} records, the log only ${range.size}`, range.size);
      } catch (error) {
        return failureOf(error, range.size);
      }
      options.onProgress?.(range.size, header!.counts.records);
      return {
        ok: true,
        origin: header!.origin,
        records: range.size,
        rootHash: toBase64url(rootOf(range)),
        checkpoints: checkpoints.length + (options.checkpoints?.length ?? 0),
        signatures: { checked, unchecked },
        timestamps,
        cosignatures: { count: cosignatureJws.length, witnesses: [...witnesses].sort() },
        trust: { keys: (options.pinnedKeys?.length ?? 0) > 0 ? 'pinned' : keys.size > 0 ? 'bundle' : 'none', tsa: tsaTrust },
      };
    },
  };

  function attempt<T>(code: BundleFailureCode, what: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof Failed) throw error;
      return fail(code, `${what}: ${(error as Error).message}`);
    }
  }
}

function recordOf(value: unknown, line: number): LogRecord {
  const r = (value ?? {}) as Record<string, unknown>;
  const strings = ['direction', 'messageId', 'partner', 'type', 'digest', 'signature', 'at', 'leafHash'];
  if (!Number.isSafeInteger(r.index) || strings.some((k) => typeof r[k] !== 'string') || (r.receipt !== null && typeof r.receipt !== 'string') || fromBase64url(r.leafHash as string)?.length !== 32) {
    throw new Failed({ ok: false, code: 'bundle_malformed', reason: `line ${line}: not a record of the log`, records: 0 });
  }
  const { index, direction, messageId, partner, type, digest, signature, receipt, at, leafHash } = r as unknown as LogRecord;
  return { index, direction, messageId, partner, type, digest, signature, receipt, at, leafHash };
}

function timeOf(name: 'notBefore' | 'notAfter', value: string | undefined): { notBefore?: number } | { notAfter?: number } {
  if (value === undefined) return {};
  const time = Date.parse(value);
  return Number.isNaN(time) ? {} : { [name]: time };
}

function failureOf(error: unknown, records: number): BundleFailure {
  if (error instanceof Failed) return error.failure;
  return { ok: false, code: 'bundle_malformed', reason: (error as Error).message, records };
}
