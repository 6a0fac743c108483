import pg from 'pg';
import { codeOf } from '../kernel/gateway-error.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import { currentPosition } from '../usm/call-lifecycle.js';
import type { CallRecord } from '../ports/call.js';
import { isVersionConflict, VersionConflictError, type CallCommit, type CallFilter } from '../ports/call-store.js';
import type { DeliveryRecord, NewOutboxMessage } from '../ports/outbox-store.js';
import { answeredLink, type SupplierLink } from '../ports/supplier-link.js';
import { DuplicateMessageError, type InboundMessage } from '../ports/inbound-message.js';
import { chainRecord, type LogEntry } from '../messages/message-log.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import { EVENTS_WITH_CALL, eventOf, eventSnapshotOf, historyOf, inboundOf, logOf, noteOf, outboxOf, webhookOf, type EventRow, type HistoryRow, type InboundRow, type LogRow, type NoteRow, type OutboxRow, type WebhookRow } from './rows.js';
import { StoreUnavailableError, type Store } from '../ports/store.js';
import { OUTBOX_COUNTS_SQL, OUTBOX_OLDEST_SQL, outboxSummaryOf, type OutboxCountRow, type OutboxOldestRow } from './outbox-summary.js';

/** Serialises the writes that append to the message log and to the event sequence, across replicas. */
const APPEND_LOCK = 7_314_159;

export interface PostgresOptions {
  /** Connections per replica. */
  readonly poolSize?: number;
  /** How long a query may wait for a connection, and run, before the store counts as unavailable. */
  readonly timeoutMs?: number;
}

/**
 * The store for several replicas sharing one PostgreSQL database. Every change commits in one
 * transaction; replay protection and idempotency live in unique constraints; appends to the message
 * log and the event sequence take a transaction-scoped advisory lock so that their order is the
 * commit order; outbox and webhook deliveries are claimed with leases (`FOR UPDATE SKIP LOCKED`).
 * `?schema=name` in the URL keeps the tables in a schema of their own (created when missing).
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
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

  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  };
  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => run(() => pool.query<R>(sql, params));
  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    run(async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });

  await run(async () => {
    if (schema !== null) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool);
  });

  const appendLog = async (client: pg.PoolClient, entry: LogEntry): Promise<void> => {
    const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM message_log ORDER BY seq DESC LIMIT 1');
    const previous = rows[0] === undefined ? undefined : { seq: Number(rows[0].seq), hash: rows[0].hash };
    const r = chainRecord(entry, previous);
    await client.query(
      'INSERT INTO message_log (seq, direction, message_id, partner, type, digest, signature, receipt, at, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
      [r.seq, r.direction, r.messageId, r.partner, r.type, r.digest, r.signature, r.receipt, r.at, r.prevHash, r.hash],
    );
  };
  /** Stores a received message (its unique key is the replay protection); its log record comes later, under the append lock. */
  const insertInbound = async (client: pg.PoolClient, m: InboundMessage): Promise<void> => {
    await client.query(
      `INSERT INTO inbound_messages (sender, id, type, digest, signature, body, received_at, call_id, response_status, response_body)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [m.from, m.id, m.type, m.digest, m.signature, m.body, m.receivedAt, m.callId, m.response.status, JSON.stringify(m.response.body)],
    );
  };
  const logInbound = async (client: pg.PoolClient, m: InboundMessage): Promise<void> => {
    const receipt = (m.response.body as { receipt?: { jws?: string } } | null)?.receipt?.jws ?? null;
    await appendLog(client, { direction: 'in', messageId: m.id, partner: m.from, type: m.type, digest: m.digest, signature: m.signature, receipt, at: m.receivedAt });
  };
  /**
   * The message log and the events need one total order across replicas: a transaction appends to
   * them last, under an advisory lock held until it commits. Everything else it writes comes first,
   * so that replicas' commits overlap up to that point, and a transaction that holds the lock waits
   * for no row lock (no deadlock).
   */
  const lockAppends = (client: pg.PoolClient) => client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
  const insertOutbox = (client: pg.PoolClient, m: NewOutboxMessage) =>
    client.query(
      `INSERT INTO outbox (id, partner, type, path, link_id, call_id, body, trace, status, attempts, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'pending',0,$9)`,
      [m.id, m.partner, m.type, m.path, m.linkId, m.callId, m.body, m.trace, m.createdAt],
    );

  return {
    engine: 'postgres',
    async getCall(id) {
      const { rows } = await query<{ doc: string }>('SELECT doc FROM calls WHERE id = $1', [id]);
      return rows[0] === undefined ? undefined : (JSON.parse(rows[0].doc) as CallRecord);
    },
    async listCalls(filter: CallFilter) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (column: string, value: string | number | undefined, op = '='): void => {
        if (value === undefined) return;
        params.push(value);
        where.push(`${column} ${op} $${params.length}`);
      };
      add('customer', filter.customer);
      add('status', filter.status);
      add('type', filter.type);
      add('service', filter.service);
      add('process', filter.process);
      add('priority', filter.priority);
      add('updated_at', filter.updatedSince, '>=');
      if (filter.after !== undefined) {
        params.push(filter.after.updatedAt, filter.after.id);
        where.push(`(updated_at, id) > ($${params.length - 1}, $${params.length})`);
      }
      params.push(filter.limit);
      const { rows } = await query<{ doc: string }>(
        `SELECT doc FROM calls ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, id LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => JSON.parse(r.doc) as CallRecord);
    },
    async listHistory(callId) {
      const { rows } = await query<HistoryRow>('SELECT * FROM call_history WHERE call_id = $1 ORDER BY seq', [callId]);
      return rows.map(historyOf);
    },
    async listNotes(callId, visibility) {
      const { rows } = await query<NoteRow>(
        `SELECT * FROM call_notes WHERE call_id = $1 ${visibility === 'public' ? "AND visibility = 'public'" : ''} ORDER BY created_at, id`,
        [callId],
      );
      return rows.map(noteOf);
    },
    commitCall: (change: CallCommit) =>
      transaction(async (client) => {
        const { call } = change;
        if (change.inbound !== undefined) await insertInbound(client, change.inbound);
        const values = [
          call.id,
          call.customer,
          call.type,
          call.service,
          call.lifecycle.status,
          currentPosition(call.lifecycle).process,
          call.priority,
          call.externalRef ?? null,
          call.createdAt,
          call.updatedAt,
          call.version,
          call.slaNextDue ?? null,
          JSON.stringify(call),
        ];
        if (change.expectedVersion === null) {
          await client.query(
            `INSERT INTO calls (id, customer, type, service, status, process, priority, external_ref, created_at, updated_at, version, sla_next_due, doc)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
            values,
          );
        } else {
          const updated = await client.query(
            'UPDATE calls SET status = $2, process = $3, priority = $4, updated_at = $5, version = $6, sla_next_due = $7, doc = $8 WHERE id = $1 AND version = $9',
            [call.id, call.lifecycle.status, currentPosition(call.lifecycle).process, call.priority, call.updatedAt, call.version, call.slaNextDue ?? null, JSON.stringify(call), change.expectedVersion],
          );
          if (updated.rowCount !== 1) throw new VersionConflictError(`call ${call.id} is no longer at version ${change.expectedVersion}`);
        }
        // One round trip per table, whatever the number of rows.
        await insertRows(client, 'call_history', ['call_id', 'at', 'actor_kind', 'actor_id', 'change', 'comment'], change.history.map((h) => [h.callId, h.at, h.actor.kind, h.actor.id, JSON.stringify(h.change), h.comment ?? null]));
        await insertRows(client, 'call_notes', ['id', 'call_id', 'visibility', 'kind', 'text', 'author_kind', 'author_id', 'created_at'], change.notes.map((n) => [n.id, n.callId, n.visibility, n.kind, n.text, n.author.kind, n.author.id, n.createdAt]));
        for (const { link, expectedVersion } of change.links ?? []) {
          if (expectedVersion === null) {
            await client.query('INSERT INTO supplier_links (id, parent_call_id, supplier, remote_call_id, version, doc) VALUES ($1,$2,$3,$4,$5,$6)', [
              link.id,
              link.parentCallId,
              link.supplier,
              link.remoteCallId,
              link.version,
              JSON.stringify(link),
            ]);
          } else {
            const updated = await client.query('UPDATE supplier_links SET remote_call_id = $1, version = $2, doc = $3 WHERE id = $4 AND version = $5', [
              link.remoteCallId,
              link.version,
              JSON.stringify(link),
              link.id,
              expectedVersion,
            ]);
            if (updated.rowCount !== 1) throw new VersionConflictError(`sub-call ${link.id} is no longer at version ${expectedVersion}`);
          }
        }
        for (const message of change.outbox ?? []) await insertOutbox(client, message);
        if (change.inbound === undefined && change.events.length === 0) return;
        await lockAppends(client);
        if (change.inbound !== undefined) await logInbound(client, change.inbound);
        const snapshot = eventSnapshotOf(change);
        if (snapshot !== undefined) await client.query('INSERT INTO event_snapshots (id, doc) VALUES ($1, $2)', [snapshot.id, snapshot.doc]);
        await insertRows(client, 'events', ['id', 'type', 'call_id', 'at', 'payload', 'snapshot_id'], change.events.map((e) => [e.id, e.type, e.callId, e.at, JSON.stringify(e.payload), snapshot?.id ?? null]));
      }),
    async callsDueForSla(now, limit) {
      const { rows } = await query<{ id: string }>('SELECT id FROM calls WHERE sla_next_due IS NOT NULL AND sla_next_due <= $1 ORDER BY sla_next_due LIMIT $2', [now, limit]);
      return rows.map((r) => r.id);
    },

    async findInbound(from, id) {
      const { rows } = await query<InboundRow>('SELECT * FROM inbound_messages WHERE sender = $1 AND id = $2', [from, id]);
      return rows[0] === undefined ? undefined : inboundOf(rows[0]);
    },
    async inboundForCall(callId) {
      const { rows } = await query<InboundRow>('SELECT * FROM inbound_messages WHERE call_id = $1 ORDER BY received_at', [callId]);
      return rows.map(inboundOf);
    },

    async createWebhook(w) {
      await query(
        `INSERT INTO webhooks (id, url, secret, events, created_at, delivered_through, failures, last_error, next_attempt_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [w.id, w.url, w.secret, JSON.stringify(w.events), w.createdAt, w.deliveredThrough, w.failures, w.lastError, w.nextAttemptAt],
      );
    },
    async listWebhooks() {
      const { rows } = await query<WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id');
      return rows.map(webhookOf);
    },
    async getWebhook(id) {
      const { rows } = await query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [id]);
      return rows[0] === undefined ? undefined : webhookOf(rows[0]);
    },
    async deleteWebhook(id) {
      return (await query('DELETE FROM webhooks WHERE id = $1', [id])).rowCount === 1;
    },
    async updateWebhookDelivery(id, state) {
      await query('UPDATE webhooks SET delivered_through = $2, failures = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1', [
        id,
        state.deliveredThrough,
        state.failures,
        state.lastError,
        state.nextAttemptAt,
      ]);
    },
    async claimWebhook(id, owner, leaseMs) {
      const now = Date.now();
      const result = await query(
        'UPDATE webhooks SET lease_owner = $2, lease_until = $3 WHERE id = $1 AND (lease_until IS NULL OR lease_until < $4 OR lease_owner = $2)',
        [id, owner, new Date(now + leaseMs).toISOString(), new Date(now).toISOString()],
      );
      return result.rowCount === 1;
    },
    async releaseWebhook(id, owner) {
      await query('UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [id, owner]);
    },
    async eventsAfter(seq, limit) {
      const { rows } = await query<EventRow>(`${EVENTS_WITH_CALL} WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [seq, limit]);
      return rows.map(eventOf);
    },
    async lastEventSeq() {
      const { rows } = await query<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM events');
      return Number(rows[0]?.seq ?? 0);
    },

    async getLink(id) {
      const { rows } = await query<{ doc: string }>('SELECT doc FROM supplier_links WHERE id = $1', [id]);
      return rows[0] === undefined ? undefined : (JSON.parse(rows[0].doc) as SupplierLink);
    },
    async linksOf(parentCallId) {
      const { rows } = await query<{ doc: string }>('SELECT doc FROM supplier_links WHERE parent_call_id = $1 ORDER BY id', [parentCallId]);
      return rows.map((r) => JSON.parse(r.doc) as SupplierLink);
    },
    async claimHeads(partner, owner, limit, leaseMs) {
      const now = Date.now();
      const { rows } = await query<OutboxRow>(
        `UPDATE outbox SET lease_owner = $2, lease_until = $3
         WHERE seq IN (
           SELECT o.seq FROM outbox o
           WHERE o.partner = $1 AND o.status = 'pending' AND (o.lease_until IS NULL OR o.lease_until < $4)
             AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $4)
             AND o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.partner = o.partner AND p.status = 'pending' AND p.call_id IS NOT DISTINCT FROM o.call_id)
           ORDER BY o.seq LIMIT $5
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [partner, owner, new Date(now + leaseMs).toISOString(), new Date(now).toISOString(), limit],
      );
      return rows.map(outboxOf).sort((a, b) => a.seq - b.seq);
    },
    async outboxSummary() {
      const [counts, oldest] = await Promise.all([query<OutboxCountRow>(OUTBOX_COUNTS_SQL), query<OutboxOldestRow>(OUTBOX_OLDEST_SQL)]);
      return outboxSummaryOf(counts.rows, oldest.rows);
    },
    async partnersWithPending() {
      const { rows } = await query<{ partner: string }>("SELECT DISTINCT partner FROM outbox WHERE status = 'pending'");
      return rows.map((r) => r.partner);
    },
    markDelivered: (seq, delivery: DeliveryRecord) =>
      transaction(async (client) => {
        const { rows } = await client.query<OutboxRow>(
          `UPDATE outbox SET status = 'delivered', delivered_at = $2, receipt = $3, last_error = NULL, lease_owner = NULL, lease_until = NULL
           WHERE seq = $1 AND status = 'pending' RETURNING *`,
          [seq, delivery.deliveredAt, JSON.stringify(delivery.receipt)],
        );
        const row = rows[0];
        if (row === undefined) return;
        if (delivery.answer !== undefined && row.link_id !== null) {
          const links = await client.query<{ doc: string }>('SELECT doc FROM supplier_links WHERE id = $1 FOR UPDATE', [row.link_id]);
          const link = links.rows[0] === undefined ? undefined : (JSON.parse(links.rows[0].doc) as SupplierLink);
          const answered = link === undefined ? undefined : answeredLink(link, delivery.answer, delivery.deliveredAt);
          if (answered !== undefined) {
            await client.query('UPDATE supplier_links SET remote_call_id = $1, version = $2, doc = $3 WHERE id = $4', [answered.remoteCallId, answered.version, JSON.stringify(answered), answered.id]);
          }
        }
        await lockAppends(client);
        await appendLog(client, {
          direction: 'out',
          messageId: row.id,
          partner: row.partner,
          type: row.type,
          digest: delivery.digest,
          signature: delivery.signature,
          receipt: delivery.receipt.jws,
          at: delivery.deliveredAt,
        });
      }),
    async markAttempt(seq, state) {
      await query('UPDATE outbox SET attempts = $2, next_attempt_at = $3, last_error = $4, lease_owner = NULL, lease_until = NULL WHERE seq = $1', [
        seq,
        state.attempts,
        state.nextAttemptAt,
        state.lastError,
      ]);
    },
    async markDead(seq, lastError) {
      await query("UPDATE outbox SET status = 'dead', last_error = $2, lease_owner = NULL, lease_until = NULL WHERE seq = $1", [seq, lastError]);
    },
    async listOutbox({ status, partner, limit }) {
      const { rows } = await query<OutboxRow>('SELECT * FROM outbox WHERE status = $1 AND ($2::text IS NULL OR partner = $2) ORDER BY seq LIMIT $3', [status, partner ?? null, limit]);
      return rows.map(outboxOf);
    },
    async outboxForCall(callId) {
      const { rows } = await query<OutboxRow>('SELECT * FROM outbox WHERE call_id = $1 ORDER BY seq', [callId]);
      return rows.map(outboxOf);
    },
    async requeue(id) {
      const { rows } = await query<OutboxRow>(
        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, created_at = $2 WHERE id = $1 AND status = 'dead' RETURNING *",
        [id, new Date().toISOString()],
      );
      return rows[0] === undefined ? undefined : outboxOf(rows[0]);
    },

    async agreementVersions(id) {
      const { rows } = await query<{ doc: string }>('SELECT doc FROM agreement_versions WHERE id = $1 ORDER BY version', [id]);
      return rows.map((r) => JSON.parse(r.doc) as AgreementVersion);
    },
    async listAgreementVersions() {
      const { rows } = await query<{ doc: string }>('SELECT doc FROM agreement_versions ORDER BY id, version');
      return rows.map((r) => JSON.parse(r.doc) as AgreementVersion);
    },
    commitAgreement: (change) =>
      transaction(async (client) => {
        if (change.inbound !== undefined) await insertInbound(client, change.inbound);
        for (const v of change.versions) {
          await client.query(
            `INSERT INTO agreement_versions (id, version, provider, customer, status, doc) VALUES ($1,$2,$3,$4,$5,$6)
             ON CONFLICT (id, version) DO UPDATE SET status = excluded.status, doc = excluded.doc`,
            [v.id, v.version, v.provider, v.customer, v.status, JSON.stringify(v)],
          );
        }
        for (const message of change.outbox) await insertOutbox(client, message);
        if (change.inbound === undefined) return;
        await lockAppends(client);
        await logInbound(client, change.inbound);
      }),

    async lastMessages() {
      const { rows } = await query<{ partner: string; last_in: string | null; last_out: string | null }>(
        "SELECT partner, MAX(CASE WHEN direction = 'in' THEN at END) AS last_in, MAX(CASE WHEN direction = 'out' THEN at END) AS last_out FROM message_log GROUP BY partner",
      );
      return rows.map((r) => ({ partner: r.partner, lastReceivedAt: r.last_in, lastSentAt: r.last_out }));
    },
    async *readLog() {
      let after = 0;
      for (;;) {
        const { rows } = await query<LogRow>('SELECT * FROM message_log WHERE seq > $1 ORDER BY seq LIMIT 500', [after]);
        if (rows.length === 0) return;
        for (const row of rows) yield logOf(row);
        after = Number(rows.at(-1)!.seq);
      }
    },
    async ping() {
      await query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // One replica migrates at a time; the others wait and then find nothing to do.
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK + 1]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migrationSql(migration, 'postgres'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
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
  const message = (error as Error).message ?? '';
  if (
    (typeof code === 'string' && (/^(08|53|57P|58)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'].includes(code))) ||
    /timeout|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)
  ) {
    return new StoreUnavailableError(`the store is unavailable (${typeof code === 'string' ? code : message})`, { cause: error });
  }
  return error;
}

/** A multi-row INSERT: one statement for all the rows (none when there are no rows). */
async function insertRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const tuples = rows.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, rows.flat());
}
