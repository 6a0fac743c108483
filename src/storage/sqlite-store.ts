import { closeSync, fsync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { currentPosition } from '../usm/call-lifecycle.js';
import type { CallRecord } from '../ports/call.js';
import { isVersionConflict, VersionConflictError, type CallCommit, type CallFilter } from '../ports/call-store.js';
import { DuplicateMessageError, type InboundMessage } from '../ports/inbound-message.js';
import type { DeliveryRecord } from '../ports/outbox-store.js';
import { answeredLink, type SupplierLink } from '../ports/supplier-link.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import { chainRecord, type LogEntry } from '../messages/message-log.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import { EVENTS_WITH_CALL, eventOf, eventSnapshotOf, historyOf, inboundOf, logOf, noteOf, outboxOf, webhookOf, type EventRow, type HistoryRow, type InboundRow, type LogRow, type NoteRow, type OutboxRow, type WebhookRow } from './rows.js';
import { StoreUnavailableError, type Store, type StoreObserver } from '../ports/store.js';
import { OUTBOX_COUNTS_SQL, OUTBOX_OLDEST_SQL, outboxSummaryOf, type OutboxCountRow, type OutboxOldestRow } from './outbox-summary.js';

/** SQLite error codes that mean the store cannot take writes now (disk full, read-only, I/O, locked). */
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOMEM)/;

/**
 * The embedded store, in WAL mode. Writes are grouped (see `createDurableWriter`) and a write's
 * promise resolves only once the WAL holding it is fsynced, so every 2xx answer survives a power
 * loss. SQLite itself runs with `synchronous = NORMAL` (no fsync at commit) because the store fsyncs
 * the WAL on the thread pool, where the wait does not hold up the event loop.
 */
export function openSqliteStore(file: string, observe?: StoreObserver): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const stmt = {
    getCall: db.prepare<[string], { doc: string }>('SELECT doc FROM calls WHERE id = ?'),
    insertCall: db.prepare(
      `INSERT INTO calls (id, customer, type, service, status, process, priority, external_ref, created_at, updated_at, version, sla_next_due, doc)
       VALUES (@id, @customer, @type, @service, @status, @process, @priority, @externalRef, @createdAt, @updatedAt, @version, @slaNextDue, @doc)`,
    ),
    updateCall: db.prepare(
      `UPDATE calls SET status = @status, process = @process, priority = @priority, updated_at = @updatedAt, version = @version,
       sla_next_due = @slaNextDue, doc = @doc
       WHERE id = @id AND version = @expectedVersion`,
    ),
    insertHistory: db.prepare(
      'INSERT INTO call_history (call_id, at, actor_kind, actor_id, change, comment) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listHistory: db.prepare<[string], HistoryRow>('SELECT * FROM call_history WHERE call_id = ? ORDER BY seq'),
    insertNote: db.prepare(
      `INSERT INTO call_notes (id, call_id, visibility, kind, text, author_kind, author_id, created_at)
       VALUES (@id, @callId, @visibility, @kind, @text, @authorKind, @authorId, @createdAt)`,
    ),
    listNotes: db.prepare<[string], NoteRow>('SELECT * FROM call_notes WHERE call_id = ? ORDER BY created_at, rowid'),
    listPublicNotes: db.prepare<[string], NoteRow>(
      "SELECT * FROM call_notes WHERE call_id = ? AND visibility = 'public' ORDER BY created_at, rowid",
    ),
    insertInbound: db.prepare(
      `INSERT INTO inbound_messages (sender, id, type, digest, signature, body, received_at, call_id, response_status, response_body)
       VALUES (@from, @id, @type, @digest, @signature, @body, @receivedAt, @callId, @responseStatus, @responseBody)`,
    ),
    findInbound: db.prepare<[string, string], InboundRow>('SELECT * FROM inbound_messages WHERE sender = ? AND id = ?'),
    insertEvent: db.prepare('INSERT INTO events (id, type, call_id, at, payload, snapshot_id) VALUES (?, ?, ?, ?, ?, ?)'),
    insertEventSnapshot: db.prepare('INSERT INTO event_snapshots (id, doc) VALUES (?, ?)'),
    eventsAfter: db.prepare<[number, number], EventRow>(`${EVENTS_WITH_CALL} WHERE e.seq > ? ORDER BY e.seq LIMIT ?`),
    lastEventSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events'),
    insertWebhook: db.prepare(
      `INSERT INTO webhooks (id, url, secret, events, created_at, delivered_through, failures, last_error, next_attempt_at)
       VALUES (@id, @url, @secret, @events, @createdAt, @deliveredThrough, @failures, @lastError, @nextAttemptAt)`,
    ),
    listWebhooks: db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id'),
    getWebhook: db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?'),
    deleteWebhook: db.prepare('DELETE FROM webhooks WHERE id = ?'),
    updateWebhook: db.prepare(
      `UPDATE webhooks SET delivered_through = @deliveredThrough, failures = @failures, last_error = @lastError,
       next_attempt_at = @nextAttemptAt WHERE id = @id`,
    ),
    ping: db.prepare('SELECT 1'),
    getLink: db.prepare<[string], { doc: string }>('SELECT doc FROM supplier_links WHERE id = ?'),
    linksOf: db.prepare<[string], { doc: string }>('SELECT doc FROM supplier_links WHERE parent_call_id = ? ORDER BY rowid'),
    insertLink: db.prepare('INSERT INTO supplier_links (id, parent_call_id, supplier, remote_call_id, version, doc) VALUES (?, ?, ?, ?, ?, ?)'),
    updateLink: db.prepare('UPDATE supplier_links SET remote_call_id = ?, version = ?, doc = ? WHERE id = ? AND version = ?'),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (id, partner, type, path, link_id, call_id, body, trace, status, attempts, created_at)
       VALUES (@id, @partner, @type, @path, @linkId, @callId, @body, @trace, 'pending', 0, @createdAt)`,
    ),
    pendingHeads: db.prepare<{ partner: string; now: string; limit: number }, OutboxRow>(
      `SELECT * FROM outbox o WHERE o.partner = @partner AND o.status = 'pending' AND (o.lease_until IS NULL OR o.lease_until < @now)
       AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.partner = o.partner AND p.status = 'pending' AND p.call_id IS o.call_id)
       ORDER BY o.seq LIMIT @limit`,
    ),
    lease: db.prepare('UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE seq = ?'),
    claimWebhook: db.prepare('UPDATE webhooks SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)'),
    releaseWebhook: db.prepare('UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?'),
    partnersWithPending: db.prepare<[], { partner: string }>("SELECT DISTINCT partner FROM outbox WHERE status = 'pending'"),
    markDelivered: db.prepare("UPDATE outbox SET status = 'delivered', delivered_at = ?, receipt = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE seq = ?"),
    markAttempt: db.prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE seq = ?'),
    markDead: db.prepare("UPDATE outbox SET status = 'dead', last_error = ?, lease_owner = NULL, lease_until = NULL WHERE seq = ?"),
    getOutbox: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE seq = ?'),
    listOutbox: db.prepare<[string, string | null, string | null, number], OutboxRow>(
      'SELECT * FROM outbox WHERE status = ? AND (? IS NULL OR partner = ?) ORDER BY seq LIMIT ?',
    ),
    requeue: db.prepare("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, created_at = ? WHERE id = ? AND status = 'dead'"),
    outboxById: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    lastLog: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM message_log ORDER BY seq DESC LIMIT 1'),
    insertLog: db.prepare(
      `INSERT INTO message_log (seq, direction, message_id, partner, type, digest, signature, receipt, at, prev_hash, hash)
       VALUES (@seq, @direction, @messageId, @partner, @type, @digest, @signature, @receipt, @at, @prevHash, @hash)`,
    ),
    readLog: db.prepare<[number, number], LogRow>('SELECT * FROM message_log WHERE seq > ? ORDER BY seq LIMIT ?'),
    agreementVersions: db.prepare<[string], { doc: string }>('SELECT doc FROM agreement_versions WHERE id = ? ORDER BY version'),
    allAgreementVersions: db.prepare<[], { doc: string }>('SELECT doc FROM agreement_versions ORDER BY id, version'),
    upsertAgreement: db.prepare(
      `INSERT INTO agreement_versions (id, version, provider, customer, status, doc) VALUES (@id, @version, @provider, @customer, @status, @doc)
       ON CONFLICT (id, version) DO UPDATE SET status = excluded.status, doc = excluded.doc`,
    ),
    inboundForCall: db.prepare<[string], InboundRow>('SELECT * FROM inbound_messages WHERE call_id = ? ORDER BY received_at'),
    outboxForCall: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE call_id = ? ORDER BY seq'),
    lastMessages: db.prepare<[], { partner: string; last_in: string | null; last_out: string | null }>(
      "SELECT partner, MAX(CASE WHEN direction = 'in' THEN at END) AS last_in, MAX(CASE WHEN direction = 'out' THEN at END) AS last_out FROM message_log GROUP BY partner",
    ),
    outboxCounts: db.prepare<[], OutboxCountRow>(OUTBOX_COUNTS_SQL),
    outboxOldest: db.prepare<[], OutboxOldestRow>(OUTBOX_OLDEST_SQL),
    callsDue: db.prepare<[string, number], { id: string }>('SELECT id FROM calls WHERE sla_next_due IS NOT NULL AND sla_next_due <= ? ORDER BY sla_next_due LIMIT ?'),
  };
  const appendLog = (entry: LogEntry): void => {
    stmt.insertLog.run(chainRecord(entry, stmt.lastLog.get()));
  };
  const recordInbound = (m: InboundMessage): void => {
    stmt.insertInbound.run({ ...m, responseStatus: m.response.status, responseBody: JSON.stringify(m.response.body) });
    const receipt = (m.response.body as { receipt?: { jws?: string } } | null)?.receipt?.jws ?? null;
    appendLog({ direction: 'in', messageId: m.id, partner: m.from, type: m.type, digest: m.digest, signature: m.signature, receipt, at: m.receivedAt });
  };
  const commitAgreement = (change: Parameters<Store['commitAgreement']>[0]): void => {
    if (change.inbound !== undefined) recordInbound(change.inbound);
    for (const v of change.versions) stmt.upsertAgreement.run({ id: v.id, version: v.version, provider: v.provider, customer: v.customer, status: v.status, doc: JSON.stringify(v) });
    for (const message of change.outbox) stmt.insertOutbox.run(message);
  };

  const commit = (change: CallCommit): void => {
    const { call } = change;
    if (change.inbound !== undefined) recordInbound(change.inbound);
    const row = {
      id: call.id,
      customer: call.customer,
      type: call.type,
      service: call.service,
      status: call.lifecycle.status,
      process: currentPosition(call.lifecycle).process,
      priority: call.priority,
      externalRef: call.externalRef ?? null,
      createdAt: call.createdAt,
      updatedAt: call.updatedAt,
      version: call.version,
      slaNextDue: call.slaNextDue ?? null,
      doc: JSON.stringify(call),
    };
    if (change.expectedVersion === null) {
      stmt.insertCall.run(row);
    } else if (stmt.updateCall.run({ ...row, expectedVersion: change.expectedVersion }).changes !== 1) {
      throw new VersionConflictError(`call ${call.id} is no longer at version ${change.expectedVersion}`);
    }
    for (const h of change.history) {
      stmt.insertHistory.run(h.callId, h.at, h.actor.kind, h.actor.id, JSON.stringify(h.change), h.comment ?? null);
    }
    for (const n of change.notes) {
      stmt.insertNote.run({ ...n, authorKind: n.author.kind, authorId: n.author.id });
    }
    const snapshot = eventSnapshotOf(change);
    if (snapshot !== undefined) stmt.insertEventSnapshot.run(snapshot.id, snapshot.doc);
    for (const e of change.events) stmt.insertEvent.run(e.id, e.type, e.callId, e.at, JSON.stringify(e.payload), snapshot?.id ?? null);
    for (const { link, expectedVersion } of change.links ?? []) {
      if (expectedVersion === null) {
        stmt.insertLink.run(link.id, link.parentCallId, link.supplier, link.remoteCallId, link.version, JSON.stringify(link));
      } else if (stmt.updateLink.run(link.remoteCallId, link.version, JSON.stringify(link), link.id, expectedVersion).changes !== 1) {
        throw new VersionConflictError(`sub-call ${link.id} is no longer at version ${expectedVersion}`);
      }
    }
    for (const message of change.outbox ?? []) stmt.insertOutbox.run(message);
  };
  const deliver = (seq: number, delivery: DeliveryRecord): void => {
    const row = stmt.getOutbox.get(seq);
    if (row === undefined || row.status !== 'pending') return;
    stmt.markDelivered.run(delivery.deliveredAt, JSON.stringify(delivery.receipt), seq);
    appendLog({
      direction: 'out',
      messageId: row.id,
      partner: row.partner,
      type: row.type,
      digest: delivery.digest,
      signature: delivery.signature,
      receipt: delivery.receipt.jws,
      at: delivery.deliveredAt,
    });
    if (delivery.answer === undefined || row.link_id === null) return;
    const link = parseJson<SupplierLink>(stmt.getLink.get(row.link_id)?.doc);
    const answered = link === undefined ? undefined : answeredLink(link, delivery.answer, delivery.deliveredAt);
    if (answered !== undefined) stmt.updateLink.run(answered.remoteCallId, answered.version, JSON.stringify(answered), answered.id, link!.version);
  };

  const writer = createDurableWriter(db, file === ':memory:' ? undefined : `${file}-wal`, translate, observe);
  const write = writer.write;
  /** A read answers only with what is durable: if writes it may have seen are still being fsynced, it waits for them. */
  const guard = <T>(work: () => T): Promise<T> => {
    try {
      return writer.durable(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  };

  return {
    engine: 'sqlite',
    getCall: (id) => guard(() => parseDoc(stmt.getCall.get(id)?.doc)),
    listCalls: (filter) => guard(() => listCalls(db, filter)),
    listHistory: (callId) => guard(() => stmt.listHistory.all(callId).map(historyOf)),
    listNotes: (callId, visibility) =>
      guard(() => (visibility === 'public' ? stmt.listPublicNotes : stmt.listNotes).all(callId).map(noteOf)),
    commitCall: (change) => write(() => commit(change)),
    findInbound: (from, id) => guard(() => optional(stmt.findInbound.get(from, id), inboundOf)),
    createWebhook: (w) =>
      write(() => {
        stmt.insertWebhook.run({ ...w, events: JSON.stringify(w.events) });
      }),
    listWebhooks: () => guard(() => stmt.listWebhooks.all().map(webhookOf)),
    getWebhook: (id) =>
      guard(() => {
        const row = stmt.getWebhook.get(id);
        return row === undefined ? undefined : webhookOf(row);
      }),
    deleteWebhook: (id) => write(() => stmt.deleteWebhook.run(id).changes === 1),
    updateWebhookDelivery: (id, state) =>
      write(() => {
        stmt.updateWebhook.run({ id, ...state });
      }),
    eventsAfter: (seq, limit) => guard(() => stmt.eventsAfter.all(seq, limit).map(eventOf)),
    lastEventSeq: () => guard(() => stmt.lastEventSeq.get()?.seq ?? 0),
    getLink: (id) => guard(() => parseJson<SupplierLink>(stmt.getLink.get(id)?.doc)),
    linksOf: (parentCallId) => guard(() => stmt.linksOf.all(parentCallId).map((row) => JSON.parse(row.doc) as SupplierLink)),
    claimHeads: (partner, owner, limit, leaseMs) =>
      write(() => {
        const now = Date.now();
        const rows = stmt.pendingHeads.all({ partner, now: new Date(now).toISOString(), limit });
        const until = new Date(now + leaseMs).toISOString();
        for (const row of rows) stmt.lease.run(owner, until, row.seq);
        return rows.map((row) => outboxOf(row));
      }),
    claimWebhook: (id, owner, leaseMs) =>
      write(() => {
        const now = Date.now();
        return stmt.claimWebhook.run(owner, new Date(now + leaseMs).toISOString(), id, new Date(now).toISOString(), owner).changes === 1;
      }),
    releaseWebhook: (id, owner) =>
      write(() => {
        stmt.releaseWebhook.run(id, owner);
      }),
    partnersWithPending: () => guard(() => stmt.partnersWithPending.all().map((r) => r.partner)),
    markDelivered: (seq, delivery) => write(() => deliver(seq, delivery)),
    markAttempt: (seq, state) =>
      write(() => {
        stmt.markAttempt.run(state.attempts, state.nextAttemptAt, state.lastError, seq);
      }),
    markDead: (seq, lastError) =>
      write(() => {
        stmt.markDead.run(lastError, seq);
      }),
    listOutbox: ({ status, partner, limit }) =>
      guard(() => stmt.listOutbox.all(status, partner ?? null, partner ?? null, limit).map((row) => outboxOf(row))),
    outboxSummary: () => guard(() => outboxSummaryOf(stmt.outboxCounts.all(), stmt.outboxOldest.all())),
    requeue: (id) => write(() => (stmt.requeue.run(new Date().toISOString(), id).changes === 1 ? optional(stmt.outboxById.get(id), outboxOf) : undefined)),
    agreementVersions: (id) => guard(() => stmt.agreementVersions.all(id).map((r) => JSON.parse(r.doc) as AgreementVersion)),
    listAgreementVersions: () => guard(() => stmt.allAgreementVersions.all().map((r) => JSON.parse(r.doc) as AgreementVersion)),
    commitAgreement: (change) => write(() => commitAgreement(change)),
    inboundForCall: (callId) => guard(() => stmt.inboundForCall.all(callId).map((row) => inboundOf(row))),
    outboxForCall: (callId) => guard(() => stmt.outboxForCall.all(callId).map((row) => outboxOf(row))),
    callsDueForSla: (now, limit) => guard(() => stmt.callsDue.all(now, limit).map((r) => r.id)),
    lastMessages: () => guard(() => stmt.lastMessages.all().map((r) => ({ partner: r.partner, lastReceivedAt: r.last_in, lastSentAt: r.last_out }))),
    async *readLog() {
      let after = 0;
      for (;;) {
        const rows = await guard(() => stmt.readLog.all(after, 500));
        if (rows.length === 0) return;
        for (const row of rows) yield logOf(row);
        after = Number(rows.at(-1)!.seq);
      }
    },
    ping: () =>
      guard(() => {
        stmt.ping.get();
      }),
    close: async () => {
      await writer.close();
      if (db.open) db.close();
    },
  };
}

/**
 * Group commit with the fsync off the event loop. Writes asked for in one event-loop turn run in one
 * transaction, each in its own savepoint (each succeeds or fails on its own). Their promises resolve
 * when an fsync of the WAL that started after their commit has finished: one fsync runs at a time on
 * the thread pool and covers every batch committed before it began, while the event loop goes on
 * taking requests. `durable(value)` holds a read's answer back the same way while writes it may
 * have seen are not yet on disk.
 */
function createDurableWriter(db: Database.Database, walFile: string | undefined, translateError: (error: unknown) => unknown, observe?: StoreObserver) {
  type Waiter = { resolve: () => void; reject: (error: unknown) => void };
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

  const flush = (): void => {
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const began = performance.now();
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(translateError(error));
      return;
    }
    observe?.commit?.((performance.now() - began) / 1000, batch.length);
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) item.reject(translateError(outcome.error));
      else unsynced.push({ resolve: () => item.resolve(outcome.value), reject: item.reject });
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
    durable<T>(value: T): Promise<T> {
      // Commits not yet syncing need the next fsync; otherwise the running one covers all there is.
      if (unsynced.length > 0) {
        return new Promise<T>((resolve, reject) => {
          unsynced.push({ resolve: () => resolve(value), reject });
          startSync();
        });
      }
      return syncing === undefined ? Promise.resolve(value) : syncing.then(() => value);
    },
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

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migrationSql(migration, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

function listCalls(db: Database.Database, filter: CallFilter): CallRecord[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  const add = (sql: string, name: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(sql);
    params[name] = value;
  };
  add('customer = @customer', 'customer', filter.customer);
  add('status = @status', 'status', filter.status);
  add('type = @type', 'type', filter.type);
  add('service = @service', 'service', filter.service);
  add('process = @process', 'process', filter.process);
  add('priority = @priority', 'priority', filter.priority);
  add('updated_at >= @updatedSince', 'updatedSince', filter.updatedSince);
  if (filter.after !== undefined) {
    where.push('(updated_at, id) > (@afterUpdatedAt, @afterId)');
    params.afterUpdatedAt = filter.after.updatedAt;
    params.afterId = filter.after.id;
  }
  const sql = `SELECT doc FROM calls ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, id LIMIT @limit`;
  return db
    .prepare<Record<string, string | number>, { doc: string }>(sql)
    .all(params)
    .map((row) => JSON.parse(row.doc) as CallRecord);
}

function parseDoc(doc: string | undefined): CallRecord | undefined {
  return parseJson<CallRecord>(doc);
}

function optional<R, T>(row: R | undefined, map: (row: R) => T): T | undefined {
  return row === undefined ? undefined : map(row);
}

function parseJson<T>(doc: string | undefined): T | undefined {
  return doc === undefined ? undefined : (JSON.parse(doc) as T);
}


function translate(error: unknown): unknown {
  if (isVersionConflict(error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /inbound_messages/.test((error as Error).message)) {
      return new DuplicateMessageError('the message id was accepted before');
    }
    if (UNAVAILABLE.test(code)) return new StoreUnavailableError(`the store is unavailable (${code})`, { cause: error });
  }
  if ((error as Error).message === 'The database connection is not open') {
    return new StoreUnavailableError('the store is closed', { cause: error });
  }
  return error;
}

