import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { StoredCheckpoint } from '../messages/log-proofs.js';
import type { NodeId } from '../messages/merkle-tree.js';
import type { LogRecord } from '../messages/message-log.js';
import { checkpointOf, logOf, type CheckpointRow, type LogNodeRow, type LogRow } from './rows.js';

/** A message log read for offline checking, with what the file keeps beside it. */
export interface LogFile {
  readonly records: LogRecord[];
  /** The checkpoints the gateway signed and kept (none in a JSON Lines export). */
  readonly checkpoints: StoredCheckpoint[];
  /** The stored subtree hashes (level 1 and up), when the file has them. */
  readonly node?: (node: NodeId) => string | undefined;
  /** The exact signed body of a record's message, when the file still has it (not purged under retention). */
  readonly bodyOf?: (record: LogRecord) => Buffer | undefined;
}

/**
 * Reads a message log for offline checking: a gateway's SQLite file (opened read-only) or a JSON
 * Lines export (one record per line).
 */
export async function readLogFile(file: string): Promise<LogFile> {
  if (file.endsWith('.jsonl')) {
    const text = await readFile(file, 'utf8');
    const records = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogRecord);
    return { records, checkpoints: [] };
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const records = db.prepare<[], LogRow>('SELECT * FROM message_log ORDER BY seq').all().map(logOf);
    const checkpoints = db.prepare<[], CheckpointRow>('SELECT * FROM log_checkpoints ORDER BY tree_size').all().map(checkpointOf);
    const nodes = new Map(db.prepare<[], LogNodeRow>('SELECT level, idx, hash FROM log_nodes').all().map((row) => [`${row.level}/${row.idx}`, row.hash]));
    const inbound = new Map(db.prepare<[], { sender: string; id: string; body: string }>('SELECT sender, id, body FROM inbound_messages').all().map((r) => [`${r.sender}/${r.id}`, r.body]));
    const outbound = new Map(db.prepare<[], { id: string; body: string }>('SELECT id, body FROM outbox').all().map((r) => [r.id, r.body]));
    return {
      records,
      checkpoints,
      node: (node) => nodes.get(`${node.level}/${node.index}`),
      bodyOf: (record) => {
        const body = record.direction === 'in' ? inbound.get(`${record.partner}/${record.messageId}`) : outbound.get(record.messageId);
        // A body purged under retention is empty: its signatures cannot be checked, its leaf still is.
        return body === undefined || body === '' ? undefined : Buffer.from(body);
      },
    };
  } finally {
    db.close();
  }
}
