import { fromBase64url, toBase64url } from '../kernel/base64url.js';
import { codeOf } from '../kernel/gateway-error.js';
import { bodyDigest, receiptCovers } from './batch.js';
import { verifyCompact, verifyDetached, type VerifyOptions } from './jws.js';
import { RECEIPT_TYPE } from './receipt.js';
import type { Checkpoint } from './checkpoint.js';
import { appendLeaf, EMPTY_RANGE, leafHash, rootOf, type CompactRange, type NodeId } from './merkle-tree.js';

/**
 * One record of the message log: every message sent and received, with its signature and receipt,
 * a leaf of the log's Merkle tree (`merkle-tree.ts`). `index` is its leaf index, from 0.
 */
export interface LogRecord {
  readonly index: number;
  readonly direction: 'in' | 'out';
  readonly messageId: string;
  readonly partner: string;
  readonly type: string;
  readonly digest: string;
  readonly signature: string;
  /** The receipt JWS: ours for a message received, the partner's for one sent. */
  readonly receipt: string | null;
  readonly at: string;
  /** base64url of SHA-256(0x00 || leaf), the leaf being `leafBytes` of the record. */
  readonly leafHash: string;
}

export type LogEntry = Omit<LogRecord, 'index' | 'leafHash'>;

/**
 * The leaf of a record: the UTF-8 bytes of the JSON array
 * `[direction, messageId, partner, type, digest, signature, receipt, at]` (JSON.stringify, no spaces).
 */
export function leafBytes(entry: LogEntry): Buffer {
  return Buffer.from(JSON.stringify([entry.direction, entry.messageId, entry.partner, entry.type, entry.digest, entry.signature, entry.receipt, entry.at]));
}

export function recordLeafHash(entry: LogEntry): string {
  return toBase64url(leafHash(leafBytes(entry)));
}

/** The record of an entry appended to a tree of `range.size` leaves, the tree after it and the subtrees it completed. */
export function appendRecord(range: CompactRange, entry: LogEntry): { record: LogRecord; range: CompactRange; completed: (NodeId & { hash: Buffer })[] } {
  const leaf = leafHash(leafBytes(entry));
  const appended = appendLeaf(range, leaf);
  return { record: { ...entry, index: range.size, leafHash: toBase64url(leaf) }, range: appended.range, completed: appended.completed };
}

export type LogVerdict =
  | { readonly ok: true; readonly records: number; readonly rootHash: string; readonly checkpoints: number }
  | { readonly ok: false; readonly records: number; readonly brokenAt: number; readonly reason: string };

export interface VerifyLogOptions {
  /** Checkpoints the log must still agree with (signatures checked by the caller). */
  readonly checkpoints?: readonly Checkpoint[];
  /** The subtree hashes the store keeps (base64url), to check against the tree the records make. */
  readonly node?: (node: NodeId) => string | undefined;
}

/**
 * Checks a whole log: the records in order from index 0, each one's leaf hash from its contents,
 * the stored subtrees, and every checkpoint given against the tree of its size. A log cut back
 * below a checkpoint, or rewritten under one, fails. Names the first thing that fails.
 */
export function verifyLog(records: Iterable<LogRecord>, options: VerifyLogOptions = {}): LogVerdict {
  const pending = [...(options.checkpoints ?? [])].sort((a, b) => a.treeSize - b.treeSize);
  let range = EMPTY_RANGE;
  let next = 0;
  const checkRoot = (): LogVerdict | undefined => {
    while (pending.length > 0 && pending[0]!.treeSize === range.size) {
      const checkpoint = pending.shift()!;
      if (toBase64url(rootOf(range)) !== checkpoint.rootHash) {
        return { ok: false, records: range.size, brokenAt: range.size - 1, reason: `the first ${range.size} records do not make the root of the checkpoint of ${checkpoint.at} (rewritten)` };
      }
    }
    return undefined;
  };
  const early = checkRoot();
  if (early !== undefined) return early;
  for (const record of records) {
    if (record.index !== next) return { ok: false, records: next, brokenAt: record.index, reason: `expected record ${next} here (a record is missing or moved)` };
    const { index: _index, leafHash: stored, ...entry } = record;
    if (recordLeafHash(entry) !== stored) return { ok: false, records: next, brokenAt: record.index, reason: 'its contents do not match its leaf hash (changed after it was written)' };
    const appended = appendLeaf(range, fromBase64url(stored)!);
    for (const node of appended.completed) {
      const kept = options.node?.(node);
      if (options.node !== undefined && kept !== toBase64url(node.hash)) {
        return { ok: false, records: next, brokenAt: record.index, reason: `the stored subtree ${node.level}/${node.index} does not match the records under it` };
      }
    }
    range = appended.range;
    next++;
    const broken = checkRoot();
    if (broken !== undefined) return broken;
  }
  const beyond = pending.at(-1);
  if (beyond !== undefined) {
    return { ok: false, records: next, brokenAt: next, reason: `the checkpoint of ${beyond.at} has ${beyond.treeSize} records, the log only ${next} (cut back)` };
  }
  return { ok: true, records: next, rootHash: toBase64url(rootOf(range)), checkpoints: options.checkpoints?.length ?? 0 };
}

/** When the log last recorded a message from and to each partner. */
export interface LastMessages {
  readonly partner: string;
  readonly lastReceivedAt: string | null;
  readonly lastSentAt: string | null;
}

/**
 * Checks the signatures inside one record: the message's detached JWS over its body, the body's
 * digest, and the receipt's compact JWS naming the message and digest. `keyFor` knows the keys
 * of both ends (the gateway's and its partners'); a signature whose key it does not know is
 * `unchecked`, not failed, and so is the message's signature without its body (purged under
 * retention: the receipt is still checked). The reason when one does not hold.
 */
export function checkRecordSignatures(
  record: LogEntry,
  body: Uint8Array | undefined,
  options: VerifyOptions,
): { readonly ok: true; readonly unchecked: number } | { readonly ok: false; readonly reason: string } {
  if (body !== undefined && bodyDigest(body) !== record.digest) return { ok: false, reason: 'its body does not match its digest' };
  let unchecked = 0;
  const attempt = (what: string, check: () => void): string | undefined => {
    try {
      check();
      return undefined;
    } catch (error) {
      if (codeOf(error) === 'USM_ERR_UNKNOWN_KEY') {
        unchecked++;
        return undefined;
      }
      return `${what}: ${(error as Error).message}`;
    }
  };
  if (body === undefined) unchecked++;
  else {
    const signature = attempt('its signature', () => verifyDetached(body, record.signature, options));
    if (signature !== undefined) return { ok: false, reason: signature };
  }
  if (record.receipt !== null) {
    const receipt = attempt('its receipt', () => {
      const { payload } = verifyCompact(record.receipt!, options, RECEIPT_TYPE);
      if (!receiptCovers(JSON.parse(payload.toString('utf8')) as Record<string, unknown>, record.messageId, record.digest)) throw new Error('it does not name this message and digest');
    });
    if (receipt !== undefined) return { ok: false, reason: receipt };
  }
  return { ok: true, unchecked };
}
