import { createHash } from 'node:crypto';

/** One record of the hash-chained log of every message sent and received, with its signature and receipt. */
export interface LogRecord {
  readonly seq: number;
  readonly direction: 'in' | 'out';
  readonly messageId: string;
  readonly partner: string;
  readonly type: string;
  readonly digest: string;
  readonly signature: string;
  /** The receipt JWS: ours for a message received, the partner's for one sent. */
  readonly receipt: string | null;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type LogEntry = Omit<LogRecord, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a record: SHA-256 over the previous hash and the record's fields in a fixed order. */
export function hashRecord(record: Omit<LogRecord, 'hash'>): string {
  const fields = [record.seq, record.direction, record.messageId, record.partner, record.type, record.digest, record.signature, record.receipt, record.at];
  return createHash('sha256').update(`${record.prevHash}\n${JSON.stringify(fields)}`).digest('hex');
}

export function chainRecord(entry: LogEntry, previous: Pick<LogRecord, 'seq' | 'hash'> | undefined): LogRecord {
  const unhashed = { ...entry, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: hashRecord(unhashed) };
}

export type LogVerdict = { readonly ok: true; readonly records: number } | { readonly ok: false; readonly records: number; readonly brokenAt: number; readonly reason: string };

/** Checks the whole chain; names the first record that does not follow from the one before it. */
export function verifyLog(records: Iterable<LogRecord>): LogVerdict {
  let previous: LogRecord | undefined;
  let count = 0;
  for (const record of records) {
    count++;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (record.seq !== expectedSeq) return { ok: false, records: count, brokenAt: record.seq, reason: `expected record ${expectedSeq} here (a record is missing or moved)` };
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) return { ok: false, records: count, brokenAt: record.seq, reason: 'its previous hash does not match the record before it' };
    if (hashRecord(record) !== record.hash) return { ok: false, records: count, brokenAt: record.seq, reason: 'its contents do not match its hash (changed after it was written)' };
    previous = record;
  }
  return { ok: true, records: count };
}

/** When the log last recorded a message from and to each partner. */
export interface LastMessages {
  readonly partner: string;
  readonly lastReceivedAt: string | null;
  readonly lastSentAt: string | null;
}
