import { closeSync, fsync, mkdirSync, openSync } from 'node:fs';
import type { Tracing } from '../kernel/tracing.js';
import { commitSpans } from './commit-span.js';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isVersionConflict, VersionConflictError } from '../ports/call-store.js';
import { DuplicateRequestError } from '../ports/idempotency.js';
import { DuplicateMessageError } from '../ports/inbound-message.js';
import { StoreUnavailableError, type Store, type StoreObserver } from '../ports/store.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import { appendLogSteps, checkpointSteps, integrateLogSteps, type PendingLogRow, type Step } from './commit-plan.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import { oneRowText, textIn, type Params, type RowInsert, type Sql } from './sql.js';
import { createSqlStore } from './sql-store.js';
import { STATEMENTS as S } from './statements.js';

/** SQLite error codes that mean the store cannot take writes now (disk full, read-only, I/O, locked). */
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOMEM)/;

export interface SqliteOptions {
  /** The clock for leases, requeue and migration times. */
  readonly now?: () => number;
  /** Told how each group commit and each fsync went (for the metrics). */
  readonly observe?: StoreObserver;
  /** Each write inside a trace gets a `usm.commit` span. */
  readonly tracing?: Tracing;
  /** The page cache, in MiB (default 4; the driver's own default, 16, was most of a loaded gateway's growth in memory). */
  readonly cacheMb?: number;
  /** Signs the checkpoint of each group commit that appended to the message log (none kept without it). */
  readonly checkpoint?: CheckpointSigner;
}

/** The page cache a store keeps unless told otherwise, in MiB (`sqlite.cacheMb`). */
const DEFAULT_CACHE_MB = 4;

/**
 * The embedded store, in WAL mode. Writes are grouped (see `createDurableWriter`) and a write's
 * promise resolves only once the WAL holding it is fsynced, so every 2xx answer survives a power
 * loss. SQLite itself runs with `synchronous = NORMAL` (no fsync at commit) because the store fsyncs
 * the WAL on the thread pool, where the wait does not hold up the event loop.
 */
export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  const now = options.now ?? Date.now;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Pages the cache misses are read from the operating system's cache: a read call, not a disk read.
  db.pragma(`cache_size = -${Math.round((options.cacheMb ?? DEFAULT_CACHE_MB) * 1024)}`);
  // Removed rows and old versions of changed ones are overwritten with zeros, not left in free pages (retention, erasure).
  db.pragma('secure_delete = ON');

  /** Prepared once: the catalog's statements by object, the list query's few forms by text. */
  const byText = new Map<string, Database.Statement<[Params]>>();
  const byStatement = new WeakMap<Sql | RowInsert, Database.Statement<[Params]> | null>();
  const prepare = (text: string): Database.Statement<[Params]> => {
    let statement = byText.get(text);
    if (statement === undefined) {
      statement = db.prepare<[Params]>(text);
      byText.set(text, statement);
    }
    return statement;
  };
  const compiled = (statement: Sql | RowInsert): Database.Statement<[Params]> | undefined => {
    let found = byStatement.get(statement);
    if (found === undefined) {
      const text = 'pieces' in statement ? textIn(statement, 'sqlite') : oneRowText(statement);
      found = text === undefined ? null : prepare(text);
      byStatement.set(statement, found);
    }
    return found ?? undefined;
  };
  /** One statement: the rows it returns (a SELECT or a RETURNING) and the rows it changed. */
  const execute = (statement: Sql, params: Params): { rows: unknown[]; changes: number } => {
    const prepared = compiled(statement);
    if (prepared === undefined) return { rows: [], changes: 0 };
    if (prepared.reader) {
      const rows = prepared.all(params);
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: prepared.run(params).changes };
  };
  /**
   * The one writer is its own sequencer, as it writes: a batch's events are numbered after the last
   * position as they are inserted, and its log entries are held until the batch's end, where they
   * are appended to the tree in the order written (`appendLogSteps`). So every answer already has its
   * leaf index, and no entry or event is written twice (PostgreSQL's replicas leave both to their
   * sequencer). A write rolled back to its savepoint, or a batch rolled back, gives its numbers back.
   */
  const batch = { position: undefined as number | undefined, entries: [] as PendingLogRow[] };
  const sequencing: BatchSequencing<{ position: number | undefined; entries: number }> = {
    begin: () => {
      batch.position = undefined;
      batch.entries = [];
    },
    mark: () => ({ position: batch.position, entries: batch.entries.length }),
    undo: (mark) => {
      batch.position = mark.position;
      batch.entries.length = mark.entries;
    },
    finish: () => {
      if (batch.entries.length > 0) runSteps(appendLogSteps(batch.entries, options.checkpoint, () => undefined));
    },
  };
  /** The last event's position, read once a batch (inside its transaction, so another process's batch cannot take it too). */
  const lastPosition = (): number => Number((execute(S.lastEventSeq, {}).rows[0] as { seq: number | null } | undefined)?.seq ?? 0);
  /** A transaction's steps, synchronously, inside the writer's transaction. */
  const runSteps = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'rows' && step.insert === S.insertLogPending) {
        batch.entries.push(...(step.rows as readonly object[] as readonly PendingLogRow[]));
        continue;
      }
      if (step.kind === 'rows' && step.insert === S.insertEventBatch) {
        const one = compiled(S.insertPositionedEventBatch as RowInsert)!;
        let position = batch.position ?? lastPosition();
        for (const row of step.rows) {
          const first = position + 1;
          position += Number(row.event_count);
          one.run({ ...row, first_position: first, last_position: position });
        }
        batch.position = position;
        continue;
      }
      if (step.kind === 'rows') {
        const one = compiled(step.insert)!;
        for (const row of step.rows) one.run(row);
        continue;
      }
      if (step.kind === 'reads') {
        runSteps(step.then(step.reads.map((each) => execute(each.statement, each.params).rows)));
        continue;
      }
      const { rows, changes } = execute(step.statement, step.params);
      if (step.kind === 'read') runSteps(step.then(rows));
      else if (step.conflict !== undefined && changes !== 1) throw new VersionConflictError(step.conflict);
    }
  };

  migrate(db, now, runSteps);
  // Entries or events a version that sequenced after commit left (and a log a migration filled) are
  // integrated, and the head checkpointed, once at open.
  db.transaction(() =>
    runSteps([
      ...integrateLogSteps(Number.MAX_SAFE_INTEGER, undefined, () => undefined),
      ...(options.checkpoint === undefined ? [] : checkpointSteps(options.checkpoint)),
    ]),
  )();
  const writer = createDurableWriter(db, file === ':memory:' ? undefined : `${file}-wal`, translate, options.observe, sequencing);
  const traced = commitSpans(options.tracing, 'sqlite');
  /** A read answers only with what is durable: if writes it may have seen are still being fsynced, it waits for them. */
  const guard = <T>(work: () => T): Promise<T> => {
    try {
      return writer.durable(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  };

  return createSqlStore(
    {
      dialect: 'sqlite',
      read: <R>(statement: Sql, params: Params = {}) => guard(() => execute(statement, params).rows as R[]),
      write: <R>(statement: Sql, params: Params) =>
        traced === undefined
          ? writer.write(() => execute(statement, params) as { rows: R[]; changes: number })
          : traced(() => writer.write(() => execute(statement, params) as { rows: R[]; changes: number })),
      transact: (steps) => (traced === undefined ? writer.write(() => runSteps(steps)) : traced(() => writer.write(() => runSteps(steps)))),
      // Old page versions still in the WAL go: everything committed so far is copied into the file and the WAL emptied.
      scrub: async () => {
        await writer.durable(undefined);
        db.pragma('wal_checkpoint(TRUNCATE)');
      },
      close: async () => {
        await writer.close();
        if (db.open) db.close();
      },
    },
    { now },
  );
}

/** What the store numbers within a batch: reset when it begins, marked and given back with each write's savepoint, finished last. */
interface BatchSequencing<M> {
  begin(): void;
  mark(): M;
  undo(mark: M): void;
  finish(): void;
}

/**
 * Group commit with the fsync off the event loop. Writes asked for in one event-loop turn run in one
 * transaction, each in its own savepoint (each succeeds or fails on its own). Their promises resolve
 * when an fsync of the WAL that started after their commit has finished: one fsync runs at a time on
 * the thread pool and covers every batch committed before it began, while the event loop goes on
 * taking requests. `durable(value)` holds a read's answer back the same way while writes it may
 * have seen are not yet on disk.
 */
function createDurableWriter(
  db: Database.Database,
  walFile: string | undefined,
  translateError: (error: unknown) => unknown,
  observe?: StoreObserver,
  sequencing?: BatchSequencing<unknown>,
) {
  type Waiter = { resolve: () => void; reject: (error: unknown) => void };
  // The batch's transaction and each write's savepoint, prepared once (not a transaction function made per write).
  const tx = {
    begin: db.prepare('BEGIN'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT write'),
    release: db.prepare('RELEASE write'),
    rollbackTo: db.prepare('ROLLBACK TO write'),
    changes: db.prepare<[], number>('SELECT total_changes()').pluck(),
  };
  let queue: { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  let unsynced: Waiter[] = [];
  let syncing: Promise<void> | undefined;
  let walFd: number | undefined;

  const syncWal = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (walFile === undefined) return resolve();
      try {
        walFd ??= openSync(walFile, 'r');
      } catch (error) {
        return reject(error);
      }
      fsync(walFd, (error) => (error === null ? resolve() : reject(error)));
    });

  /** Starts an fsync for everything committed so far, unless one is running (it starts another when done). */
  const startSync = (): void => {
    if (syncing !== undefined || unsynced.length === 0) return;
    const waiting = unsynced;
    unsynced = [];
    const began = performance.now();
    syncing = syncWal().then(
      () => {
        observe?.fsync?.((performance.now() - began) / 1000);
        waiting.forEach((w) => w.resolve());
      },
      (error: unknown) => {
        const failed = new StoreUnavailableError(`the store could not fsync its log (${(error as Error).message})`, { cause: error });
        waiting.forEach((w) => w.reject(failed));
      },
    );
    void syncing.finally(() => {
      syncing = undefined;
      startSync();
    });
  };

  /** `value` once every commit made so far is durable: commits not yet syncing need the next fsync, else the running one covers all there is. */
  const durable = <T>(value: T): Promise<T> => {
    if (unsynced.length > 0) {
      return new Promise<T>((resolve, reject) => {
        unsynced.push({ resolve: () => resolve(value), reject });
        startSync();
      });
    }
    return syncing === undefined ? Promise.resolve(value) : syncing.then(() => value);
  };

  const flush = (): void => {
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const began = performance.now();
    let changed = true;
    try {
      const before = tx.changes.get();
      tx.begin.run();
      sequencing?.begin();
      try {
        for (const item of batch) {
          tx.savepoint.run();
          const mark = sequencing?.mark();
          try {
            const value = item.work();
            tx.release.run();
            outcomes.push({ ok: true, value });
          } catch (error) {
            // SQLite ends the whole transaction on some errors (a full disk): the batch is then refused as a whole.
            if (!db.inTransaction) throw error;
            tx.rollbackTo.run();
            tx.release.run();
            sequencing?.undo(mark);
            outcomes.push({ ok: false, error });
          }
        }
        sequencing?.finish();
        tx.commit.run();
        changed = tx.changes.get() !== before;
      } catch (error) {
        if (db.inTransaction) tx.rollback.run();
        throw error;
      }
    } catch (error) {
      for (const item of batch) item.reject(translateError(error));
      return;
    }
    observe?.commit?.((performance.now() - began) / 1000, batch.length);
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) item.reject(translateError(outcome.error));
      else if (changed) unsynced.push({ resolve: () => item.resolve(outcome.value), reject: item.reject });
      // A batch that changed nothing wrote nothing to the log: its writes answer like reads, once what they saw is durable.
      else durable(outcome.value).then(item.resolve, item.reject);
    });
    startSync();
  };

  return {
    write<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    durable,
    async close(): Promise<void> {
      while (queue.length > 0 || syncing !== undefined || unsynced.length > 0) {
        if (queue.length > 0) flush();
        startSync();
        await syncing;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (walFd !== undefined) closeSync(walFd);
      walFd = undefined;
    },
  };
}

function migrate(db: Database.Database, now: () => number, runSteps: (steps: readonly Step[]) => void): void {
  const text = (statement: Sql): string => textIn(statement, 'sqlite')!;
  db.exec(text(S.createMigrations));
  const applied = new Set(db.prepare<[], { version: number }>(text(S.appliedMigrations)).all().map((r) => r.version));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migrationSql(migration, 'sqlite'));
      if (migration.steps !== undefined) runSteps(migration.steps());
      db.prepare<[Params]>(text(S.recordMigration)).run({ version: migration.version, name: migration.name, applied_at: new Date(now()).toISOString() });
    })();
  }
}

function translate(error: unknown): unknown {
  if (isVersionConflict(error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /inbound_messages/.test((error as Error).message)) {
      return new DuplicateMessageError('the message id was accepted before');
    }
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /idempotency_keys/.test((error as Error).message)) {
      return new DuplicateRequestError('a request with this key was remembered first');
    }
    if (UNAVAILABLE.test(code)) return new StoreUnavailableError(`the store is unavailable (${code})`, { cause: error });
  }
  if ((error as Error).message === 'The database connection is not open') {
    return new StoreUnavailableError('the store is closed', { cause: error });
  }
  return error;
}

