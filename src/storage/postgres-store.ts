import pg from 'pg';
import { codeOf } from '../kernel/gateway-error.js';
import { isVersionConflict, VersionConflictError } from '../ports/call-store.js';
import { DuplicateRequestError } from '../ports/idempotency.js';
import { DuplicateMessageError } from '../ports/inbound-message.js';
import { StoreUnavailableError, type Store, type StoreObserver } from '../ports/store.js';
import type { Tracing } from '../kernel/tracing.js';
import { commitSpans } from './commit-span.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import { integrateLogSteps, type Integrated, type Step } from './commit-plan.js';
import { startSequencer, type Sequencer, type SequencerOptions } from './log-sequencer.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import { multiRowQuery, positional, textIn, valuesOf, type Params, type PositionalQuery, type RowInsert, type Sql } from './sql.js';
import { createSqlStore } from './sql-store.js';
import { STATEMENTS as S } from './statements.js';

export interface PostgresOptions {
  /** Connections per replica. */
  readonly poolSize?: number;
  /** How long a query may wait for a connection, and run, before the store counts as unavailable. */
  readonly timeoutMs?: number;
  /** The clock for leases, requeue and migration times. */
  readonly now?: () => number;
  /** Signs the checkpoint of each sequencer batch that grew the message log (none kept without it). */
  readonly checkpoint?: CheckpointSigner;
  /** How this replica's log sequencer runs; false: this replica never integrates (another one must). */
  readonly sequencer?: SequencerOptions | false;
  /** Told how each commit went (one transaction: the time from BEGIN to COMMIT done; writes 1) and each round trip that ends with COMMIT, which holds the server's WAL flush (as `fsync`), for the metrics. */
  readonly observe?: StoreObserver;
  /** Each write inside a trace gets a `usm.commit` span. */
  readonly tracing?: Tracing;
}

/**
 * The store for several replicas sharing one PostgreSQL database. Every change commits in one
 * transaction, its statements pipelined; replay protection and idempotency live in unique
 * constraints; a commit writes its log entry and events unsequenced and takes no lock for them: the
 * replica holding the sequencer lease integrates them in batches (`log-sequencer.ts`), each batch
 * told to every replica by `NOTIFY`; outbox and webhook deliveries are claimed with leases
 * (`FOR UPDATE SKIP LOCKED`).
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
      // A connection lost mid-transaction reports on the client too: heard here, and the client dropped, not pooled again.
      let lost: unknown;
      const onError = (error: unknown): void => void (lost = error);
      client.on('error', onError);
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
        await client.query('ROLLBACK').catch((failed: unknown) => void (lost ??= failed));
        // A prepared statement a migration made stale: this connection goes, the next attempt prepares it afresh.
        if (isStalePlan(error)) lost ??= error;
        throw error;
      } finally {
        client.off('error', onError);
        client.release(lost === undefined ? undefined : (lost as Error));
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
  let sequencer: Sequencer | undefined;
  await run(async () => {
    if (schema !== null) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool, now);
  });

  // Every batch's commit is told to every replica on this channel (one per schema), so that an
  // answer waiting for its message's leaf index learns of it at once; a poll covers a lost listener.
  const channel = `usm_log_${schema ?? 'public'}`;
  const integration = integrationNews(POLL_UNHEARD_MS);
  const listener = await keepListening(parsed.toString(), channel, {
    told: (payload) => (payload === RELEASED ? sequencer?.vacant() : payload === PENDING ? sequencer?.heard() : integration.told(payload ?? '')),
    listening: integration.listening,
  });
  const transact = async (steps: readonly Step[]): Promise<void> => {
    const unsequenced = await transaction((pipe) => runSteps(pipe, steps));
    if (!unsequenced) return;
    // This replica's own commits wake its sequencer at once; a replica that does not sequence tells
    // the one that does, so that it integrates now, not at its next look.
    if (sequencer?.holding === true) sequencer.wake();
    else listener.pending();
  };
  if (options.sequencer !== false) {
    sequencer = startSequencer(
      {
        now,
        read: <R>(statement: Sql, params: Params = {}) => run(async () => (await execute(pool, statement, params)).rows as R[]),
        write: (statement, params) => write(statement, params),
        integrate: async (limit) => {
          const integrated = await transaction(async (pipe) => {
            let done: Integrated = { entries: 0, logged: [] };
            await runSteps(pipe, integrateLogSteps(limit, options.checkpoint, (batch) => (done = batch)));
            return done;
          });
          void listener.tell(batchNews(integrated));
          return integrated;
        },
        integrated: integration.learned,
        hearing: integration.hearing,
        // Without truncating the tables' empty ends: that takes a lock the replicas' inserts would wait
        // on. (PostgreSQL 11 has no such option: the VACUUM fails there, and autovacuum alone clears them.)
        tidy: async () => void (await pool.query('VACUUM (TRUNCATE false) log_pending, event_pending')),
      },
      options.sequencer,
    );
  }

  return createSqlStore(
    {
      dialect: 'postgres',
      read: <R>(statement: Sql, params: Params = {}) => run(async () => (await execute(pool, statement, params)).rows as R[]),
      write: <R>(statement: Sql, params: Params) => (traced === undefined ? write<R>(statement, params) : traced(() => write<R>(statement, params))),
      transact: (steps) => (traced === undefined ? transact(steps) : traced(() => transact(steps))),
      integration: { ...integration, ownBatch: (ms) => sequencer?.ownBatch(ms) ?? Promise.resolve() },
      close: async () => {
        // The lease given up is told, so that another replica takes over now, not when it would have lapsed.
        if (await sequencer?.stop()) await listener.tell(RELEASED);
        await listener.close();
        await pool.end();
      },
    },
    { now },
  );
}

/** How a message is named in a batch's notification: the end of its id (UUIDv7's random bits), a hint only. */
const tailOf = (messageId: string): string => messageId.slice(-10);

/**
 * A batch's notification: the tree size, then the messages it logged (their ids' ends), or `*` when
 * they would not fit in a notification (8000 bytes): then every waiting answer looks again.
 */
function batchNews(integrated: Integrated): string {
  const tails = integrated.logged.map((l) => tailOf(l.messageId)).join(',');
  return `${integrated.range?.size ?? ''} ${tails.length > 7000 ? '*' : tails}`;
}

/**
 * What this replica knows of the batches integrated so far: its own (each message's index) and other
 * replicas' (by `NOTIFY`, the messages named by the ends of their ids). `after(n, ms)` resolves once
 * a batch after the n-th is known, or after `ms`, or after `pollMs` while the listener is down.
 * `worthLooking` says whether a lookup of a message's index may find it now (a notification named it,
 * one since `since` named none, or notifications are not heard), so that a waiting answer looks
 * its index up once rather than at every batch.
 */
function integrationNews(pollMs: number) {
  const KEEP = 8192;
  let count = 0;
  let listening = true;
  let overflowAt = 0;
  let waiters = new Set<() => void>();
  const known = new Map<string, number>();
  const mentioned = new Set<string>();
  const keyOf = (direction: string, partner: string, messageId: string): string => `${direction}\n${partner}\n${messageId}`;
  const mention = (tail: string): void => {
    if (mentioned.size >= KEEP) mentioned.delete(mentioned.values().next().value!);
    mentioned.add(tail);
  };
  const bump = (): void => {
    count++;
    const woken = waiters;
    waiters = new Set();
    woken.forEach((wake) => wake());
  };
  return {
    /** Another replica's batch (or this one's, heard back). */
    told(payload: string): void {
      const tails = payload.split(' ')[1] ?? '*';
      if (tails === '*') overflowAt = count + 1;
      else for (const tail of tails.split(',')) if (tail !== '') mention(tail);
      bump();
    },
    /** This replica's own batch, committed. */
    learned(integrated: Integrated): void {
      for (const l of integrated.logged) {
        if (known.size >= KEEP) known.delete(known.keys().next().value!);
        known.set(keyOf(l.direction, l.partner, l.messageId), l.index);
        mention(tailOf(l.messageId));
      }
      bump();
    },
    count: (): number => count,
    indexKnown: (direction: string, partner: string, messageId: string): number | undefined => known.get(keyOf(direction, partner, messageId)),
    worthLooking: (messageId: string, since: number): boolean => !listening || overflowAt > since || mentioned.has(tailOf(messageId)),
    after(seen: number, ms: number): Promise<void> {
      if (count > seen || ms <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, listening ? ms : Math.min(ms, pollMs));
        waiters.add(done);
      });
    },
    listening(up: boolean): void {
      listening = up;
    },
    /** Whether notifications are heard now. */
    hearing: (): boolean => listening,
  };
}

/** The notification of a sequencer that gave its lease up (a batch's notification carries the tree size). */
const RELEASED = 'released';
/** The notification of a commit that left entries or events for the sequencer. */
const PENDING = 'pending';
/** How often answers waiting for a leaf index, and the sequencer, look for batches while notifications are not heard. */
const POLL_UNHEARD_MS = 20;

interface Listener {
  /** Tells every replica (this one too) a payload, now; lost when the connection is down (the pollers cover that). */
  tell(payload: string): Promise<void>;
  /** Tells every replica that a commit left entries for the sequencer: one notification in flight at a time, the commits meanwhile told by the next. */
  pending(): void;
  close(): Promise<void>;
}

/**
 * A connection of its own that `LISTEN`s on the channel (pg needs a dedicated client for
 * notifications), connected again a second after it is lost; `listening` says whether it is up.
 *
 * It also sends the notifications, each in a transaction of its own with `synchronous_commit` off,
 * never with a data transaction's COMMIT: PostgreSQL serialises every notifying commit of the
 * database on one lock (held until the commit is done, WAL flush included), so a notification sent
 * with each replica's COMMIT made the replicas' commits wait on one another. A notification is a
 * hint (every waiter also looks again after a timeout), so one lost in a crash costs nothing.
 */
async function keepListening(
  url: string,
  channel: string,
  signal: { told: (payload: string | undefined) => void; listening: (up: boolean) => void },
): Promise<Listener> {
  let current: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let pendingSent = false;
  let pendingAgain = false;
  // One query at a time on the connection (pg queues them, but frowns on it): each send after the last.
  let sent: Promise<void> = Promise.resolve();
  const send = (payload: string): Promise<void> =>
    (sent = sent.then(async () => {
      await current?.query('SELECT pg_notify($1, $2)', [channel, payload]).catch(() => undefined);
    }));
  const pending = (): void => {
    if (pendingSent) return void (pendingAgain = true);
    pendingSent = true;
    void send(PENDING).finally(() => {
      pendingSent = false;
      if (pendingAgain) {
        pendingAgain = false;
        pending();
      }
    });
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    let gone = false;
    const lost = (): void => {
      if (gone) return;
      gone = true;
      signal.listening(false);
      if (current === client) current = undefined;
      if (closed) return;
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => signal.told(message.payload));
    try {
      await client.connect();
      await client.query(`SET synchronous_commit = off; LISTEN ${channel}`);
    } catch {
      lost();
      return;
    }
    if (closed) return void (await client.end().catch(() => undefined));
    current = client;
    signal.listening(true);
  };
  await connect();
  return {
    tell: send,
    pending,
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * The catalog's statements go to the server as named prepared statements: each connection parses
 * and plans one once, not at every execution, which had been most of the server's CPU for the short
 * statements of the hot path. Statements built at run time (the list filters, proofs, purges) stay
 * unnamed, so a connection holds the catalog's statements and no more; so do multi-row inserts of
 * more than `NAMED_ROWS` rows (one name per number of rows).
 */
const NAMES = new Map<object, string>(Object.entries(S).map(([key, statement]) => [statement, `usm_${key}`]));
const NAMED_ROWS = 16;

/** A statement as pg takes it: its text with `$n` parameters, their names in order, and its prepared statement's name if it has one. */
interface Query extends PositionalQuery {
  readonly name?: string;
}

/** A statement's numbered text and values as pg's query config (named when it is one of the catalog's). */
function configOf(query: { readonly text: string; readonly name?: string | undefined }, values: unknown[]): pg.QueryConfig {
  return query.name === undefined ? { text: query.text, values } : { name: query.name, text: query.text, values };
}

/** The catalog's statements numbered for pg once; the list query's forms are numbered as they come. */
const numbered = new WeakMap<Sql, Query | null>();

function queryOf(statement: Sql): Query | undefined {
  let query = numbered.get(statement);
  if (query === undefined) {
    const text = textIn(statement, 'postgres');
    const name = NAMES.get(statement);
    query = text === undefined ? null : { ...positional(text), ...(name !== undefined ? { name } : {}) };
    numbered.set(statement, query);
  }
  return query ?? undefined;
}

/** A multi-row insert as one statement, named per number of rows up to `NAMED_ROWS`. */
function rowsQueryOf(insert: RowInsert, rows: readonly Params[]): pg.QueryConfig {
  const { text, values } = multiRowQuery(insert, rows);
  const name = NAMES.get(insert);
  return configOf({ text, ...(name !== undefined && rows.length <= NAMED_ROWS ? { name: `${name}_${rows.length}` } : {}) }, values);
}

/**
 * PostgreSQL refuses to run a prepared statement whose result columns changed since it was planned
 * (`cached plan must not change result type`): a `SELECT *` after a newer replica's migration added
 * a column. The connection holding it is dropped, so the next attempt prepares it afresh.
 */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown }).code === '0A000' && /cached plan/.test((error as Error).message);
}

/** One statement on a connection of its own: the rows it returns and the rows it changed. */
async function execute(client: pg.Pool | pg.ClientBase, statement: Sql, params: Params): Promise<{ rows: unknown[]; changes: number }> {
  const query = queryOf(statement);
  if (query === undefined) return { rows: [], changes: 0 };
  const config = configOf(query, valuesOf(query, params));
  const result = client instanceof pg.Pool ? await onPool(client, config) : await client.query(config);
  return { rows: result.rows, changes: result.rowCount ?? 0 };
}

/**
 * A statement on a pooled connection (pg's pool drops a connection whose statement failed). Met with
 * a stale prepared statement, it runs once more, on another connection.
 */
async function onPool(pool: pg.Pool, config: pg.QueryConfig): Promise<pg.QueryResult> {
  try {
    return await pool.query(config);
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    return pool.query(config);
  }
}

/**
 * Statements sent on one connection without waiting for each other's answers (pg's pipeline mode):
 * they share one round trip. The server runs them in order; once one fails, the transaction is
 * aborted and the rest fail with it (a `COMMIT` behind them rolls back).
 */
class Pipeline {
  private sent: { readonly answer: Promise<pg.QueryResult>; readonly conflict?: string }[] = [];
  private readonly socket: Corkable | undefined;
  private corked = false;
  private readonly flush = (): void => {
    if (!this.corked) return;
    this.corked = false;
    this.socket!.uncork();
  };

  constructor(private readonly client: pg.ClientBase) {
    this.socket = socketOf(client);
  }

  /** Whether a statement sent and not yet answered must change exactly one row. */
  get checking(): boolean {
    return this.sent.some((s) => s.conflict !== undefined);
  }

  send(query: string | pg.QueryConfig, conflict?: string): void {
    // The statements sent in one turn go out in one write: pg writes each query's messages on their
    // own (a syscall, and a packet for the server to read, each); corked, they leave together once
    // the turn ends or an answer is awaited.
    if (this.socket !== undefined && !this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.flush);
    }
    const answer = this.client.query(query);
    answer.catch(() => undefined); // reported by settle, in the order sent
    this.sent.push({ answer, ...(conflict !== undefined ? { conflict } : {}) });
  }

  /** Waits for every answer; the first failure in the order sent (a stale change included) is thrown. */
  async settle(): Promise<pg.QueryResult[]> {
    this.flush();
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

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The socket under a pg client (`connection.stream`, not in pg's types), when it can be corked. */
function socketOf(client: pg.ClientBase): Corkable | undefined {
  const stream = (client as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
  return typeof stream?.cork === 'function' && typeof stream.uncork === 'function' ? (stream as Corkable) : undefined;
}

/**
 * A transaction's steps, in order, pipelined: a read waits for the answers of everything sent before
 * it and itself (its rows decide what follows); a multi-row insert is one statement, whatever the
 * number of rows. The statements after the last read are left in the pipe for the caller to settle
 * (with its `COMMIT`). Answers whether the steps wrote log entries or events for the sequencer.
 */
async function runSteps(pipe: Pipeline, steps: readonly Step[]): Promise<boolean> {
  let unsequenced = false;
  for (const step of steps) {
    if (step.kind === 'rows') {
      if (step.rows.length > 0) {
        pipe.send(rowsQueryOf(step.insert, step.rows));
        unsequenced ||= step.insert === S.insertLogPending || step.insert === S.insertEventBatch;
      }
      continue;
    }
    if (step.kind === 'reads') {
      // Sent together, answered together: one round trip for all of them.
      const queries = step.reads.map((each) => ({ query: queryOf(each.statement), params: each.params }));
      for (const { query, params } of queries) if (query !== undefined) pipe.send(configOf(query, valuesOf(query, params)));
      const answers = await pipe.settle();
      let next = answers.length - queries.filter((q) => q.query !== undefined).length;
      const rows = queries.map(({ query }) => (query === undefined ? [] : answers[next++]!.rows));
      if (await runSteps(pipe, step.then(rows))) unsequenced = true;
      continue;
    }
    const query = queryOf(step.statement);
    if (query !== undefined) pipe.send(configOf(query, valuesOf(query, step.params)), step.kind === 'run' ? step.conflict : undefined);
    if (step.kind === 'read') {
      const rows = query === undefined ? [] : (await pipe.settle()).at(-1)!.rows;
      if (await runSteps(pipe, step.then(rows))) unsequenced = true;
    }
  }
  return unsequenced;
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
  // Its connection was dropped: the next attempt runs on another, with the statement prepared afresh.
  if (isStalePlan(error)) return new StoreUnavailableError('a migration changed a table under a prepared statement; try again', { cause: error });
  if (
    (typeof code === 'string' && (/^(08|53|57P|58)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'].includes(code))) ||
    /timeout|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)
  ) {
    return new StoreUnavailableError(`the store is unavailable (${typeof code === 'string' ? code : message})`, { cause: error });
  }
  return error;
}
