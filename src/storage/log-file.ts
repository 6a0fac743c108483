import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { LogRecord } from '../messages/message-log.js';
import { logOf, type LogRow } from './rows.js';

/**
 * Reads a message log for offline checking: a gateway's SQLite file (opened read-only) or a JSON
 * Lines export (one record per line).
 */
export async function readLogFile(file: string): Promise<LogRecord[]> {
  if (file.endsWith('.jsonl')) {
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogRecord);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], Record<string, unknown>>('SELECT * FROM message_log ORDER BY seq')
      .all()
      .map((row) => logOf(row as unknown as LogRow));
  } finally {
    db.close();
  }
}
