import pg from 'pg';
import { codeOf } from '../kernel/gateway-error.js';
import { isVersionConflict, VersionConflictError } from '../ports/call-store.js';
import { DuplicateRequestError } from '../ports/idempotency.js';
import { DuplicateMessageError } from '../ports/inbound-message.js';
import { StoreUnavailableError, type Store, type StoreObserver } from '../ports/store.js';
import type { Tracing } from '../kernel/tracing.js';
import { commitSpans } from './commit-span.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import { checkpointSteps, type Step } from './commit-plan.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import { multiRowQuery, positional, textIn, valuesOf, type Params, type PositionalQuery, type Sql } from './sql.js';
import { createSqlStore } from './sql-store.js';
import { STATEMENTS as S } from './statements.js';

export interface PostgresOptions {
  /** Connections per replica. */
  readonly poolSize?: number;
  /** How long a query may wait for a connection, and run, before the store counts as unavailable. */
  readonly timeoutMs?: number;
  /** The clock for leases, requeue and migration times. */
  readonly now?: () => number;
  /** Signs the checkpoint of each transaction that appended to the message log (none kept without it). */
  readonly checkpoint?: CheckpointSigner;
  /** Told how each commit went (one transaction: the time from BEGIN to COMMIT done; writes 1) and each COMMIT round trip, which holds the server's WAL flush (as `fsync`), for the metrics. */
  readonly observe?: StoreObserver;
  /** Each write inside a trace gets a `usm.commit` span. */
  readonly tracing?: Tracing;
}

/**
 * The store for several replicas sharing one PostgreSQL database. Every change commits in one
 * transaction; replay protection and idempotency live in unique constraints; appends to the message
 * log and the event sequence take a transaction-scoped advisory lock so that their order is the
 * commit order; outbox and webhook deliveries are claimed with leases (`FOR UPDATE SKIP LOCKED`).
 * `?schema=name` in the URL keeps the tables in a schema of their own (created when missing).
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`schema ${schema}: use lower-case letters, digits and _`);
  const timeoutMs = options.timeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeoutMs * 2,
    query_timeout: timeoutMs * 2,
    ...(schema !== null ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client lost its server: the next query reports it

  const observe = options.observe;
  const traced = commitSpans(options.tracing, 'postgresql');
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  };
  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    run(async () => {
      const client = await pool.connect();
      try {
        const began = performance.now();
        await client.query('BEGIN');
        const result = await work(client);
        const committing = performance.now();
        await client.query('COMMIT');
        const done = performance.now();
        observe?.fsync?.((done - committing) / 1000);
        observe?.commit?.((done - began) / 1000, 1);
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });

  /** One statement on its own, committed by the server as it runs. */
  const write = <R>(statement: Sql, params: Params): Promise<{ rows: R[]; changes: number }> =>
    run(async () => {
      const began = performance.now();
      const result = (await execute(pool, statement, params)) as { rows: R[]; changes: number };
      observe?.commit?.((performance.now() - began) / 1000, 1);
      return result;
    });
  const transact = (steps: readonly Step[]): Promise<void> =>
    transaction(async (client) => {
      const appended = await runSteps(client, steps);
      // Each transaction is its own commit batch here: its checkpoint, still under the append lock.
      if (appended && options.checkpoint !== undefined) await runSteps(client, checkpointSteps(options.checkpoint));
    });

  await run(async () => {
    if (schema !== null) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool, now);
  });

  return createSqlStore(
    {
      dialect: 'postgres',
      read: <R>(statement: Sql, params: Params = {}) => run(async () => (await execute(pool, statement, params)).rows as R[]),
      write: <R>(statement: Sql, params: Params) => (traced === undefined ? write<R>(statement, params) : traced(() => write<R>(statement, params))),
      transact: (steps) => (traced === undefined ? transact(steps) : traced(() => transact(steps))),
      close: () => pool.end(),
    },
    { now },
  );
}

/** The catalog's statements numbered for pg once; the list query's forms are numbered as they come. */
const numbered = new WeakMap<Sql, PositionalQuery | null>();

function queryOf(statement: Sql): PositionalQuery | undefined {
  let query = numbered.get(statement);
  if (query === undefined) {
    const text = textIn(statement, 'postgres');
    query = text === undefined ? null : positional(text);
    numbered.set(statement, query);
  }
  return query ?? undefined;
}

/** One statement: the rows it returns and the rows it changed. */
async function execute(client: pg.Pool | pg.ClientBase, statement: Sql, params: Params): Promise<{ rows: unknown[]; changes: number }> {
  const query = queryOf(statement);
  if (query === undefined) return { rows: [], changes: 0 };
  const result = await client.query(query.text, valuesOf(query, params));
  return { rows: result.rows, changes: result.rowCount ?? 0 };
}

/**
 * A transaction's steps, each awaited in turn; a multi-row insert is one statement, whatever the
 * number of rows. True when one of them took the append lock (the transaction appends to the log).
 */
async function runSteps(client: pg.ClientBase, steps: readonly Step[]): Promise<boolean> {
  let appended = false;
  for (const step of steps) {
    if (step.kind === 'rows') {
      if (step.rows.length > 0) {
        const { text, values } = multiRowQuery(step.insert, step.rows);
        await client.query(text, values);
      }
      continue;
    }
    if (step.statement === S.appendLock) appended = true;
    const { rows, changes } = await execute(client, step.statement, step.params);
    if (step.kind === 'read') appended = (await runSteps(client, step.then(rows))) || appended;
    else if (step.conflict !== undefined && changes !== 1) throw new VersionConflictError(step.conflict);
  }
  return appended;
}

async function migrate(pool: pg.Pool, now: () => number): Promise<void> {
  const client = await pool.connect();
  try {
    // One replica migrates at a time; the others wait and then find nothing to do.
    await client.query('BEGIN');
    await execute(client, S.migrationLock, {});
    await execute(client, S.createMigrations, {});
    const { rows } = await execute(client, S.appliedMigrations, {});
    const applied = new Set((rows as { version: number }[]).map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migrationSql(migration, 'postgres'));
      if (migration.steps !== undefined) await runSteps(client, migration.steps());
      await execute(client, S.recordMigration, { version: migration.version, name: migration.name, applied_at: new Date(now()).toISOString() });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Connection failures, timeouts and a server going away mean "unavailable, retry"; a second message with the same id is a duplicate. */
function translate(error: unknown): unknown {
  if (isVersionConflict(error) || codeOf(error) === 'USM_ERR_STORE_UNAVAILABLE' || error instanceof TypeError) return error;
  const code = (error as { code?: unknown }).code;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (code === '23505' && constraint === 'inbound_messages_pkey') return new DuplicateMessageError('the message id was accepted before');
  if (code === '23505' && constraint === 'idempotency_keys_pkey') return new DuplicateRequestError('a request with this key was remembered first');
  const message = (error as Error).message ?? '';
  if (
    (typeof code === 'string' && (/^(08|53|57P|58)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'].includes(code))) ||
    /timeout|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)
  ) {
    return new StoreUnavailableError(`the store is unavailable (${typeof code === 'string' ? code : message})`, { cause: error });
  }
  return error;
}
