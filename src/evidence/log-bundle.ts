import type { JWK } from 'jose';
import type { StoredCheckpoint } from '../messages/log-proofs.js';
import type { LogRecord } from '../messages/message-log.js';

/**
 * The log bundle: a gateway's message log as one self-contained JSON Lines file, enough to check it
 * offline (`usm-link log export`, `usm-link verify-log BUNDLE`). Line 1 is the header; then, in this
 * order, the keys, the TSA's certificates, the checkpoints (oldest first), the cosignatures, and the
 * records in index order, each followed by its body line when the store still holds the body. One
 * object per line, so a log of millions of records is written and checked as a stream. The format is
 * documented in docs/protocol.md ("Log bundles").
 */

export const BUNDLE_FORMAT = 'usm-link-log-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleCounts {
  readonly records: number;
  readonly bodies: number;
  readonly checkpoints: number;
  readonly keys: number;
  readonly tsaCertificates: number;
  readonly cosignatures: number;
}

export interface BundleHeader {
  readonly type: 'header';
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: number;
  readonly origin: string;
  readonly createdAt: string;
  readonly counts: BundleCounts;
}

/** A public key and whose it is (`owner`: the origin or a partner's party id), with the times it may sign in when known. */
export interface BundleKey {
  readonly owner: string;
  readonly jwk: JWK;
  /** RFC 3339: it signs nothing before (a next key's switch time). */
  readonly notBefore?: string;
  /** RFC 3339: it is retired, it signs nothing after. */
  readonly notAfter?: string;
}

export type BundleLine =
  | BundleHeader
  | ({ readonly type: 'key' } & BundleKey)
  | { readonly type: 'tsa-certificate'; readonly pem: string }
  | ({ readonly type: 'checkpoint' } & StoredCheckpoint)
  | { readonly type: 'cosignature'; readonly jws: string }
  /** A record as the log holds it (its own `type` is the message type, so it is a member of its own). */
  | { readonly type: 'record'; readonly record: LogRecord }
  | { readonly type: 'body'; readonly index: number; readonly body: string };

/** The sections of a bundle in the order they come (a body follows its record). */
export const SECTION_ORDER = ['header', 'key', 'tsa-certificate', 'checkpoint', 'cosignature', 'record'] as const;

/** What a bundle is made from: a store's log, read page by page. */
export interface BundleSource {
  /** The checkpoints the store keeps, oldest first. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  /** How many records the log has, and how many of their bodies the store still holds. */
  counts(): Promise<{ readonly records: number; readonly bodies: number }>;
  /** Up to `limit` records from index `from`, each with its exact signed body (UTF-8) when still held. */
  recordPage(from: number, limit: number): Promise<readonly { readonly record: LogRecord; readonly body?: string | undefined }[]>;
}

export interface BundleContents {
  readonly origin: string;
  readonly createdAt: string;
  readonly keys: readonly BundleKey[];
  /** PEM certificates, one each. */
  readonly tsaCertificates: readonly string[];
  /** Cosignature JWSs (usm-link-cosignature+jws). */
  readonly cosignatures: readonly string[];
}

const PAGE = 1000;

/**
 * Writes a bundle line by line through `write` (which should wait for the sink to drain). The records
 * stop at the count taken after the checkpoints, so a log growing meanwhile still gives a bundle whose
 * checkpoints it covers. Answers the header's counts.
 */
export async function writeBundle(source: BundleSource, contents: BundleContents, write: (line: string) => Promise<void>): Promise<BundleCounts> {
  const checkpoints = await source.checkpoints();
  const { records, bodies: heldBodies } = await source.counts();
  const kept = checkpoints.filter((c) => c.treeSize <= records);
  // The body count is taken before the records are read; the header states what the file holds, so count while writing and check.
  const counts: BundleCounts = {
    records,
    bodies: heldBodies,
    checkpoints: kept.length,
    keys: contents.keys.length,
    tsaCertificates: contents.tsaCertificates.length,
    cosignatures: contents.cosignatures.length,
  };
  const line = (value: BundleLine): Promise<void> => write(`${JSON.stringify(value)}\n`);
  await line({ type: 'header', format: BUNDLE_FORMAT, version: BUNDLE_VERSION, origin: contents.origin, createdAt: contents.createdAt, counts });
  for (const key of contents.keys) await line({ type: 'key', ...key });
  for (const pem of contents.tsaCertificates) await line({ type: 'tsa-certificate', pem });
  for (const c of kept) {
    const { origin, treeSize, rootHash, at, jws, timestampToken } = c;
    await line({ type: 'checkpoint', origin, treeSize, rootHash, at, jws, ...(timestampToken !== undefined ? { timestampToken } : {}) });
  }
  for (const jws of contents.cosignatures) await line({ type: 'cosignature', jws });
  let bodies = 0;
  for (let from = 0; from < records; from += PAGE) {
    const page = await source.recordPage(from, Math.min(PAGE, records - from));
    for (const { record, body } of page) {
      const { index, direction, messageId, partner, type, digest, signature, receipt, at, leafHash } = record;
      await line({ type: 'record', record: { index, direction, messageId, partner, type, digest, signature, receipt, at, leafHash } });
      if (body !== undefined) {
        await line({ type: 'body', index, body });
        bodies++;
      }
    }
  }
  if (bodies !== heldBodies) throw new Error(`the store changed while it was exported (${bodies} bodies written, ${heldBodies} counted): export again`);
  return counts;
}
