import pg from 'pg';
import { codeOf } from '../kernel/gateway-error.js';
import { isVersionConflict, VersionConflictError } from '../ports/call-store.js';
import { DuplicateRequestError } from '../ports/idempotency.js';
import { DuplicateMessageError } from '../ports/inbound-message.js';
import { StoreUnavailableError, type Store, type StoreObserver } from '../ports/store.js';
import type { Tracing } from '../kernel/tracing.js';
import { commitSpans } from './commit-span.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import { checkpointStep, type Step } from './commit-plan.js';
import { compactRangeOf, type LogHeadRow } from './rows.js';
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
  /** Told how each commit went (one transaction: the time from BEGIN to COMMIT done; writes 1) and each round trip that ends with COMMIT, which holds the server's WAL flush (as `fsync`), for the metrics. */
  readonly observe?: StoreObserver;
  /** Each write inside a trace gets a `usm.commit` span. */
  readonly tracing?: Tracing;
}

/**
 * The store for several replicas sharing one PostgreSQL database. Every change commits in one
 * transaction, its statements pipelined; replay protection and idempotency live in unique
 * constraints; appends to the message log and the event sequence take a transaction-scoped advisory
 * lock, last, so that their order is the commit order; outbox and webhook deliveries are claimed
 * with leases (`FOR UPDATE SKIP LOCKED`).
 * `?schema=name` in the URL keeps the tables in a schema of their own (created when missing).
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const urlOptions = parsed.searchParams.get('options'); // the URL's own server settings, kept with ours
  parsed.searchParams.delete('options');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`schema ${schema}: use lower-case letters, digits and _`);
  const timeoutMs = options.timeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeoutMs * 2,
    query_timeout: timeoutMs * 2,
    // A transaction's statements go out without waiting for each other's answers (see Pipeline).
    pipeline: true,
    // The gateway's statements are short: compiling one (JIT, for a plan costed high on a big table) takes longer than running it.
    options: [...(urlOptions !== null ? [urlOptions] : []), '-c jit=off', ...(schema !== null ? [`-c search_path=${schema}`] : [])].join(' '),
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
  /**
   * A transaction on one connection, its statements pipelined: `BEGIN` goes out with the first
   * statements, `COMMIT` with the last (after the answers of any statement that must change exactly
   * one row, so that a stale change is never committed).
   */
  const transaction = <T>(work: (pipe: Pipeline) => Promise<T>): Promise<T> =>
    run(async () => {
      const client = await pool.connect();
      try {
        const began = performance.now();
        const pipe = new Pipeline(client);
        pipe.send('BEGIN');
        const result = await work(pipe);
        if (pipe.checking) await pipe.settle();
        const committing = performance.now();
        pipe.send('COMMIT');
        await pipe.settle();
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
    transaction(async (pipe) => {
      const head = await runSteps(pipe, steps);
      // Each transaction is its own commit batch here: the checkpoint of the tree it leaves, sent
      // with its COMMIT, still under the append lock (the tree grew by this transaction's records, so
      // no checkpoint is of its size yet).
      if (head !== undefined && options.checkpoint !== undefined) await runSteps(pipe, [checkpointStep(options.checkpoint, compactRangeOf(head))]);
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
 * Statements sent on one connection without waiting for each other's answers (pg's pipeline mode):
 * they share one round trip. The server runs them in order; once one fails, the transaction is
 * aborted and the rest fail with it (a `COMMIT` behind them rolls back).
 */
class Pipeline {
  private sent: { readonly answer: Promise<pg.QueryResult>; readonly conflict?: string }[] = [];

  constructor(private readonly client: pg.ClientBase) {}

  /** Whether a statement sent and not yet answered must change exactly one row. */
  get checking(): boolean {
    return this.sent.some((s) => s.conflict !== undefined);
  }

  send(text: string, values?: unknown[], conflict?: string): void {
    const answer = this.client.query(text, values);
    answer.catch(() => undefined); // reported by settle, in the order sent
    this.sent.push({ answer, ...(conflict !== undefined ? { conflict } : {}) });
  }

  /** Waits for every answer; the first failure in the order sent (a stale change included) is thrown. */
  async settle(): Promise<pg.QueryResult[]> {
    const sent = this.sent;
    this.sent = [];
    const settled = await Promise.allSettled(sent.map((s) => s.answer));
    return settled.map((answer, i) => {
      if (answer.status === 'rejected') throw answer.reason;
      const conflict = sent[i]!.conflict;
      if (conflict !== undefined && answer.value.rowCount !== 1) throw new VersionConflictError(conflict);
      return answer.value;
    });
  }
}

/**
 * A transaction's steps, in order, pipelined: a read waits for the answers of everything sent before
 * it and itself (its rows decide what follows); a multi-row insert is one statement, whatever the
 * number of rows. The statements after the last read are left in the pipe for the caller to settle
 * (with its `COMMIT`). Answers the log head the steps wrote last (the tree they leave), if any.
 */
async function runSteps(pipe: Pipeline, steps: readonly Step[]): Promise<LogHeadRow | undefined> {
  let head: LogHeadRow | undefined;
  for (const step of steps) {
    if (step.kind === 'rows') {
      if (step.rows.length > 0) {
        const { text, values } = multiRowQuery(step.insert, step.rows);
        pipe.send(text, values);
      }
      continue;
    }
    if (step.statement === S.saveLogHead) head = step.params as unknown as LogHeadRow; // logHeadColumns of the range
    const query = queryOf(step.statement);
    if (query !== undefined) pipe.send(query.text, valuesOf(query, step.params), step.kind === 'run' ? step.conflict : undefined);
    if (step.kind === 'read') {
      const rows = query === undefined ? [] : (await pipe.settle()).at(-1)!.rows;
      head = (await runSteps(pipe, step.then(rows))) ?? head;
    }
  }
  return head;
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
      if (migration.steps !== undefined) {
        const pipe = new Pipeline(client);
        await runSteps(pipe, migration.steps());
        await pipe.settle();
      }
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
