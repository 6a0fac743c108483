import type { StoredCheckpoint, LogReader } from '../messages/log-proofs.js';
import type { LogRecord } from '../messages/message-log.js';
import { cannotOpen } from './open-store.js';
import { checkpointOf, logOf, type CheckpointRow, type LogNodeRow, type LogRow } from './rows.js';
import { positional, sql, textIn, valuesOf, type Params, type Sql } from './sql.js';
import { logNodesQuery, STATEMENTS as S } from './statements.js';

/**
 * A gateway's message log read straight from its store, read-only, for the offline tools (`usm-link
 * log export`, `log prove`): no migration, no write. SQLite is opened read-only; PostgreSQL's session
 * is `default_transaction_read_only`. Records come page by page, each with its exact signed body while
 * the store still holds it.
 */
export interface LogStoreReader extends LogReader {
  checkpoints(): Promise<StoredCheckpoint[]>;
  /** The partners' cosignatures of this log the gateway kept (compact JWSs, oldest first; none in a store from before migration 22). */
  cosignatures(): Promise<string[]>;
  counts(): Promise<{ readonly records: number; readonly bodies: number }>;
  recordPage(from: number, limit: number): Promise<{ record: LogRecord; body?: string }[]>;
  /** The indexes of the records of a message id (in or out, any partner). */
  indexesOf(messageId: string): Promise<number[]>;
  close(): Promise<void>;
}

const Q = {
  checkpoints: sql`SELECT * FROM log_checkpoints ORDER BY tree_size`,
  /** Whether the store has migration 22's `log_cosignatures`: the reader migrates nothing. */
  hasCosignatures: sql`SELECT COUNT(*) AS n FROM schema_migrations WHERE version = 22`,
  records: sql`SELECT COUNT(*) AS n FROM message_log`,
  bodies: sql`SELECT
      (SELECT COUNT(*) FROM message_log l JOIN inbound_messages i ON i.sender = l.partner AND i.id = l.message_id WHERE l.direction = 'in' AND COALESCE(i.body, '') <> '')
    + (SELECT COUNT(*) FROM message_log l JOIN outbox o ON o.id = l.message_id WHERE l.direction = 'out' AND COALESCE(o.body, '') <> '') AS n`,
  page: sql`SELECT l.*, CASE WHEN l.direction = 'in'
        THEN (SELECT i.body FROM inbound_messages i WHERE i.sender = l.partner AND i.id = l.message_id)
        ELSE (SELECT o.body FROM outbox o WHERE o.id = l.message_id) END AS body
      FROM message_log l WHERE l.seq > @after AND l.seq <= @last ORDER BY l.seq`,
  byMessage: sql`SELECT seq FROM message_log WHERE message_id = @message_id ORDER BY seq`,
  checkpointOf: sql`SELECT * FROM log_checkpoints WHERE tree_size = @tree_size`,
  newestCheckpoint: sql`SELECT * FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1`,
};

type Read = <T>(statement: Sql, params?: Params) => Promise<T[]>;

/** Opens the store a `--store` names: a SQLite file (`sqlite:<file>` or a path) or a `postgres://` URL (`?schema=` as the gateway takes it). */
export async function openLogStoreReader(store: string): Promise<LogStoreReader> {
  const postgres = store.startsWith('postgres://') || store.startsWith('postgresql://');
  try {
    return postgres ? await postgresReader(store) : await sqliteReader(store.startsWith('sqlite:') ? store.slice('sqlite:'.length) : store);
  } catch (error) {
    throw cannotOpen(postgres ? store : `sqlite:${store}`, error);
  }
}

async function sqliteReader(file: string): Promise<LogStoreReader> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const read: Read = async <T>(statement: Sql, params: Params = {}) => db.prepare<[Params], T>(textIn(statement, 'sqlite')!).all(params);
  return readerOver(read, async () => {
    db.close();
  });
}

async function postgresReader(url: string): Promise<LogStoreReader> {
  const { default: pg } = await import('pg');
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`schema ${schema}: use lower-case letters, digits and _`);
  const client = new pg.Client({ connectionString: parsed.toString(), options: `-c default_transaction_read_only=on${schema !== null ? ` -c search_path=${schema}` : ''}` });
  await client.connect();
  const read: Read = async <T>(statement: Sql, params: Params = {}) => {
    const query = positional(textIn(statement, 'postgres')!);
    return (await client.query(query.text, valuesOf(query, params))).rows as T[];
  };
  return readerOver(read, () => client.end());
}

function readerOver(read: Read, close: () => Promise<void>): LogStoreReader {
  const count = async (statement: Sql): Promise<number> => Number((await read<{ n: number | string }>(statement))[0]?.n ?? 0);
  const checkpoint = async (statement: Sql, params?: Params): Promise<StoredCheckpoint | undefined> => {
    const row = (await read<CheckpointRow>(statement, params))[0];
    return row === undefined ? undefined : checkpointOf(row);
  };
  return {
    checkpoints: async () => (await read<CheckpointRow>(Q.checkpoints)).map(checkpointOf),
    async cosignatures() {
      if ((await count(Q.hasCosignatures)) === 0) return [];
      return (await read<{ jws: string }>(S.listCosignatures)).map((row) => row.jws);
    },
    counts: async () => ({ records: await count(Q.records), bodies: await count(Q.bodies) }),
    async recordPage(from, limit) {
      const rows = await read<LogRow & { body: string | null }>(Q.page, { after: from, last: from + limit });
      return rows.map((row) => {
        const record = logOf(row);
        // A body purged under retention is empty: its leaf stays, its message signature cannot be checked.
        return row.body === null || row.body === '' ? { record } : { record, body: row.body };
      });
    },
    indexesOf: async (messageId) => (await read<{ seq: number | string }>(Q.byMessage, { message_id: messageId })).map((r) => Number(r.seq) - 1),
    logSize: () => count(Q.records),
    async logRecordAt(index) {
      const row = (await read<LogRow>(S.logRecordAt, { seq: index + 1 }))[0];
      return row === undefined ? undefined : logOf(row);
    },
    async logIndexOf(direction, partner, messageId) {
      const row = (await read<{ seq: number | string }>(S.logIndexOf, { direction, partner, message_id: messageId }))[0];
      return row === undefined ? undefined : Number(row.seq) - 1;
    },
    async logNodes(nodes) {
      const { statement, params } = logNodesQuery(nodes);
      const rows = await read<LogNodeRow>(statement, params);
      return new Map(rows.filter((r) => r.hash !== null).map((r) => [`${r.level}/${Number(r.idx)}`, r.hash]));
    },
    logCheckpoint: (treeSize) => (treeSize === undefined ? checkpoint(Q.newestCheckpoint) : checkpoint(Q.checkpointOf, { tree_size: treeSize })),
    close,
  };
}
