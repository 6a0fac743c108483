import type { CallFilter } from '../ports/call-store.js';
import { docMember, insertRows, onlyIn, sql, sqlText, type DialectText, type Params, type Sql } from './sql.js';
import type { NodeId } from '../messages/merkle-tree.js';
import type { PurgeCutoffs, RetentionCategory } from '../ports/retention.js';
import type { CallRow, CheckpointRow, ErasureRow, IdempotentRow, HistoryRow, InboundRow, LinkRow, LogNodeRow, LogRow, NewEventBatchRow, NoteRow, OutboxRow, WebhookRow } from './rows.js';

/**
 * Every SQL statement the stores run, each written once with named parameters (`@name`). Where the
 * dialects differ, the difference is one of the pieces below, said once and put where it is needed.
 */

/** Replicas claim rows without waiting for each other; SQLite has one writer, which needs no row lock. */
const SKIP_LOCKED: DialectText = { sqlite: '', postgres: ' FOR UPDATE SKIP LOCKED' };
const FOR_UPDATE: DialectText = { sqlite: '', postgres: ' FOR UPDATE' };
/**
 * The order in which rows were written: SQLite's rowid, PostgreSQL's `seq` (migration 6). Ids are
 * UUIDv7, whose bits after the millisecond are random: rows of one commit cannot be ordered by them.
 */
const WRITE_ORDER: DialectText = { sqlite: 'rowid', postgres: 'seq' };

/**
 * The outbox's indexes hold only the messages still waiting (pending or dead, migration 27): a
 * delivered message, most of the table, leaves them. A query that reads by them says so in these
 * words, the index's own: SQLite uses a partial index only for a query that repeats its condition,
 * and PostgreSQL's generic plan of a statement that names its status by a parameter could not
 * prove it either.
 */
const WAITING = (alias: string): string => `${alias}status IN ('pending', 'dead')`;

/**
 * The outbox row `o` is the oldest pending message of its call to its partner (the call-less
 * messages of a partner are one queue). SQLite's `IS` is an indexed equality; PostgreSQL's
 * `IS NOT DISTINCT FROM` is not, which made the planner cost the claim as a scan per pending
 * message (and JIT-compile it, a second a claim with a backlog): there, one indexed probe of
 * `outbox_waiting_by_call` for an earlier pending message of the same call, another for call-less ones.
 */
const CALL_QUEUE_HEAD: DialectText = {
  sqlite: `o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.partner = o.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id IS o.call_id)`,
  postgres:
    `NOT EXISTS (SELECT 1 FROM outbox p WHERE p.partner = o.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id = o.call_id AND p.seq < o.seq)` +
    ` AND (o.call_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.partner = o.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id IS NULL AND p.seq < o.seq))`,
};

/**
 * Whether another pending message of the same call (or, for a call-less one, another call-less one)
 * waits for the partner behind the message just marked delivered: one probe of `outbox_waiting_by_call`.
 * PostgreSQL cannot probe an index with `IS NOT DISTINCT FROM`, so it asks apart for the two cases.
 */
const FOLLOWED: DialectText = {
  sqlite: `EXISTS (SELECT 1 FROM outbox p WHERE p.partner = outbox.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id IS outbox.call_id AND p.seq <> outbox.seq)`,
  postgres:
    `(EXISTS (SELECT 1 FROM outbox p WHERE p.partner = outbox.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id = outbox.call_id AND p.seq <> outbox.seq)` +
    ` OR (outbox.call_id IS NULL AND EXISTS (SELECT 1 FROM outbox p WHERE p.partner = outbox.partner AND p.status = 'pending' AND ${WAITING('p.')} AND p.call_id IS NULL AND p.seq <> outbox.seq)))`,
};

/** How many targets a call's service-level clock missed. */
const SLA_BREACHES: DialectText = { sqlite: "json_array_length(json_extract(doc, '$.sla.breaches'))", postgres: "jsonb_array_length(COALESCE(doc::jsonb #> '{sla,breaches}', '[]'::jsonb))" };

/** One replica migrates at a time (PostgreSQL). */
const MIGRATION_LOCK = 7_314_160;

/**
 * An event's public number is its position (migration 23), given when the log is integrated: readers
 * see an event only once it has one, in that order, so a cursor never passes an event that appears
 * later. A commit's events are one row (migration 25), numbered `first_position` to `last_position`.
 */
const BATCH_COLUMNS = ['call_id', 'event_count', 'events', 'call_doc'] as const;

export const STATEMENTS = {
  ping: sql`SELECT 1`,

  /** The one row of the network directory (migration 11): the last good document and the fetch lease. */
  heldDirectory: sql`SELECT jws, sequence, accepted_at FROM network_directory WHERE id = 1 AND jws IS NOT NULL`,
  keepDirectory: sql`UPDATE network_directory SET jws = @jws, sequence = @sequence, accepted_at = @accepted_at WHERE id = 1 AND sequence < @sequence`,
  claimDirectoryFetch: sql`UPDATE network_directory SET lease_owner = @owner, lease_until = @until
       WHERE id = 1 AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @owner)`,
  releaseDirectoryFetch: sql`UPDATE network_directory SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = @owner`,
  /** The log sequencer's lease (migration 23): one replica integrates the log at a time, the others take over when it lapses. */
  claimSequencer: sql`UPDATE log_sequencer SET lease_owner = @owner, lease_until = @until
       WHERE id = 1 AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @owner)`,
  releaseSequencer: sql`UPDATE log_sequencer SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = @owner`,

  getCall: sql`SELECT doc FROM calls WHERE id = @id`,
  insertCall: insertRows<CallRow>('calls', ['id', 'customer', 'type', 'service', 'status', 'process', 'priority', 'external_ref', 'created_at', 'updated_at', 'version', 'sla_next_due', 'doc']),
  updateCall: sql`UPDATE calls SET status = @status, process = @process, priority = @priority, updated_at = @updated_at, version = @version,
       sla_next_due = @sla_next_due, doc = @doc
       WHERE id = @id AND version = @expected_version`,
  callsDueForSla: sql`SELECT id FROM calls WHERE sla_next_due IS NOT NULL AND sla_next_due <= @now ORDER BY sla_next_due LIMIT @limit`,
  callsDueToClose: sql`SELECT id FROM calls WHERE close_due_at IS NOT NULL AND close_due_at <= @now ORDER BY close_due_at LIMIT @limit`,

  insertHistory: insertRows<Omit<HistoryRow, 'seq'>>('call_history', ['call_id', 'at', 'actor_kind', 'actor_id', 'change', 'comment']),
  listHistory: sql`SELECT * FROM call_history WHERE call_id = @call_id ORDER BY seq`,

  insertNotes: insertRows<NoteRow>('call_notes', ['id', 'call_id', 'visibility', 'kind', 'text', 'author_kind', 'author_id', 'created_at']),
  /** `@visibility`: 'public' for the public notes, 'all' for every note. */
  listNotes: sql`SELECT * FROM call_notes WHERE call_id = @call_id AND (CAST(@visibility AS TEXT) = 'all' OR visibility = @visibility)
       ORDER BY created_at, ${WRITE_ORDER}`,

  insertInbound: insertRows<InboundRow>('inbound_messages', ['sender', 'id', 'type', 'digest', 'signature', 'body', 'received_at', 'call_id', 'response_status', 'response_body']),
  findInbound: sql`SELECT * FROM inbound_messages WHERE sender = @sender AND id = @id`,

  insertIdempotent: insertRows<IdempotentRow>('idempotency_keys', ['owner', 'key', 'fingerprint', 'created_at', 'response_status', 'response_body']),
  findIdempotent: sql`SELECT * FROM idempotency_keys WHERE owner = @owner AND key = @key`,
  forgetIdempotent: sql`DELETE FROM idempotency_keys WHERE created_at < @before`,
  inboundForCall: sql`SELECT * FROM inbound_messages WHERE call_id = @call_id ORDER BY received_at`,

  /**
   * A commit's batch, to be numbered: into `event_pending` for the sequencer (PostgreSQL); SQLite's
   * writer numbers it as it writes, into `event_batches` (`insertPositionedEventBatch`).
   */
  insertEventBatch: insertRows<NewEventBatchRow>('event_pending', [...BATCH_COLUMNS]),
  insertPositionedEventBatch: insertRows<NewEventBatchRow & { first_position: number; last_position: number }>('event_batches', [...BATCH_COLUMNS, 'first_position', 'last_position']),
  /** The batch that holds the event at a position, if any: the first ending at or after it (the caller checks where it begins). */
  eventBatchAt: sql`SELECT * FROM event_batches WHERE last_position >= @seq ORDER BY last_position LIMIT 1`,
  /** The batches holding events after a position, oldest first: at least `limit` events unless there are fewer. */
  eventBatchesAfter: sql`SELECT * FROM event_batches WHERE last_position > @after ORDER BY last_position LIMIT @limit`,
  lastEventSeq: sql`SELECT MAX(last_position) AS seq FROM event_batches`,
  /**
   * The oldest committed pending batches (up to `limit`) moved into `event_batches`, numbered after
   * the last position in the order they were written (per call, the order of its changes: a call's
   * later change writes only after its earlier one committed), each taking as many positions as it
   * holds events. Run by the sequencer under the log head's row lock, so positions are given once
   * each. `event_batches` is only ever inserted into: its pages hold no dead rows for readers to pass.
   */
  positionEvents: onlyIn(
    'postgres',
    sql`WITH taken AS (DELETE FROM event_pending WHERE seq IN (SELECT seq FROM event_pending ORDER BY seq LIMIT @limit) RETURNING *),
         numbered AS (SELECT taken.*, (SELECT COALESCE(MAX(last_position), 0) FROM event_batches) + SUM(event_count) OVER (ORDER BY seq) AS last FROM taken)
       INSERT INTO event_batches (call_id, event_count, events, call_doc, first_position, last_position)
       SELECT call_id, event_count, events, call_doc, last - event_count + 1, last FROM numbered ORDER BY seq`,
  ),
  /** Migration 25: the events of before, a page at a time: those with positions in their order, then those without in the order written. */
  legacyEventsPositioned: sql`SELECT e.seq, e.position, e.id, e.type, e.call_id, e.at, e.payload, e.snapshot_id, s.doc AS call_doc FROM events e LEFT JOIN event_snapshots s ON s.id = e.snapshot_id
       WHERE e.position > @after ORDER BY e.position LIMIT @limit`,
  legacyEventsUnpositioned: sql`SELECT e.seq, e.position, e.id, e.type, e.call_id, e.at, e.payload, e.snapshot_id, s.doc AS call_doc FROM events e LEFT JOIN event_snapshots s ON s.id = e.snapshot_id
       WHERE e.position IS NULL AND e.seq > @after ORDER BY e.seq LIMIT @limit`,

  insertWebhook: insertRows<WebhookRow>('webhooks', ['id', 'url', 'secret', 'events', 'created_at', 'delivered_through', 'failures', 'last_error', 'next_attempt_at', 'format', 'secrets', 'partner', 'query']),
  listWebhooks: sql`SELECT * FROM webhooks ORDER BY created_at, id`,
  getWebhook: sql`SELECT * FROM webhooks WHERE id = @id`,
  /** The subscription whose secrets change, locked until the change commits. */
  lockWebhook: sql`SELECT * FROM webhooks WHERE id = @id${FOR_UPDATE}`,
  updateWebhookSecrets: sql`UPDATE webhooks SET secret = @secret, secrets = @secrets WHERE id = @id`,
  deleteWebhook: sql`DELETE FROM webhooks WHERE id = @id`,
  updateWebhookDelivery: sql`UPDATE webhooks SET delivered_through = @delivered_through, failures = @failures, last_error = @last_error,
       next_attempt_at = @next_attempt_at WHERE id = @id`,
  claimWebhook: sql`UPDATE webhooks SET lease_owner = @owner, lease_until = @until
       WHERE id = @id AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @owner)`,
  releaseWebhook: sql`UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner`,

  /** Giving the same event up again only brings its dead letter up to date. */
  keepWebhookDeadLetter: sql`INSERT INTO webhook_dead_letters (id, webhook_id, event_seq, event_id, event_type, call_id, attempts, last_error, created_at, updated_at)
       VALUES (@id, @webhook_id, @event_seq, @event_id, @event_type, @call_id, @attempts, @last_error, @created_at, @updated_at)
       ON CONFLICT (webhook_id, event_seq) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error, updated_at = excluded.updated_at`,
  listWebhookDeadLetters: sql`SELECT * FROM webhook_dead_letters WHERE (CAST(@webhook_id AS TEXT) IS NULL OR webhook_id = @webhook_id) ORDER BY seq LIMIT @limit`,
  getWebhookDeadLetter: sql`SELECT * FROM webhook_dead_letters WHERE id = @id`,
  updateWebhookDeadLetter: sql`UPDATE webhook_dead_letters SET attempts = @attempts, last_error = @last_error, updated_at = @updated_at WHERE id = @id`,
  deleteWebhookDeadLetter: sql`DELETE FROM webhook_dead_letters WHERE id = @id`,

  callsWithoutDeskTicket: sql`SELECT c.id FROM calls c LEFT JOIN desk_tickets d ON d.call_id = c.id
       WHERE d.call_id IS NULL AND c.status NOT IN ('resolved', 'closed', 'cancelled', 'rejected') ORDER BY c.created_at, c.id LIMIT @limit`,
  insertDeskTicket: sql`INSERT INTO desk_tickets (call_id, remote_id, open, updated_at, doc) VALUES (@call_id, @remote_id, @open, @updated_at, @doc)
       ON CONFLICT (call_id) DO NOTHING`,
  updateDeskTicket: sql`UPDATE desk_tickets SET open = @open, updated_at = @updated_at, doc = @doc WHERE call_id = @call_id`,
  getDeskTicket: sql`SELECT doc FROM desk_tickets WHERE call_id = @call_id`,
  openDeskTickets: sql`SELECT doc FROM desk_tickets WHERE open = 1 ORDER BY updated_at, call_id LIMIT @limit`,

  getLink: sql`SELECT doc FROM supplier_links WHERE id = @id`,
  /** The link a delivery takes an answer into, locked until the delivery commits. */
  lockLink: sql`SELECT doc FROM supplier_links WHERE id = @id${FOR_UPDATE}`,
  linksOf: sql`SELECT doc FROM supplier_links WHERE parent_call_id = @parent_call_id ORDER BY ${WRITE_ORDER}`,
  /** A wait, written whole by whichever of its two calls changes it. */
  upsertTrigger: sql`INSERT INTO call_triggers (waiting_call_id, triggered_call_id, status, created_at, updated_at, doc)
    VALUES (@waiting_call_id, @triggered_call_id, @status, @created_at, @updated_at, @doc)
    ON CONFLICT (waiting_call_id, triggered_call_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, doc = excluded.doc`,
  triggersOf: sql`SELECT doc FROM call_triggers WHERE waiting_call_id = @call_id OR triggered_call_id = @call_id ORDER BY created_at, waiting_call_id, triggered_call_id`,
  insertLinks: insertRows<LinkRow>('supplier_links', ['id', 'parent_call_id', 'supplier', 'remote_call_id', 'version', 'sla_next_due', 'doc']),
  updateLink: sql`UPDATE supplier_links SET remote_call_id = @remote_call_id, version = @version, sla_next_due = @sla_next_due, doc = @doc WHERE id = @id AND version = @expected_version`,
  linksDueForSla: sql`SELECT id FROM supplier_links WHERE sla_next_due IS NOT NULL AND sla_next_due <= @now ORDER BY sla_next_due LIMIT @limit`,

  /** Pending and dead messages per partner: counted on the `(partner, status, seq)` index, no message read. */
  outboxCounts: sql`SELECT partner, status, COUNT(*) AS count FROM outbox WHERE ${WAITING('')} GROUP BY partner, status`,
  /** The oldest pending message's age per partner (`created_at` restarts when a dead letter is queued again). */
  outboxOldest: sql`SELECT partner, MIN(created_at) AS oldest FROM outbox WHERE status = 'pending' AND ${WAITING('')} GROUP BY partner`,
  insertOutbox: insertRows<Omit<OutboxRow, 'seq' | 'next_attempt_at' | 'last_error' | 'delivered_at' | 'receipt'>>('outbox', [
    'id', 'partner', 'type', 'path', 'link_id', 'call_id', 'body', 'trace', 'status', 'attempts', 'created_at',
  ]),
  /** Leases the oldest pending message of each call queued for a partner that is due and not leased. */
  claimHeads: sql`UPDATE outbox SET lease_owner = @owner, lease_until = @until
       WHERE seq IN (
         SELECT o.seq FROM outbox o
         WHERE o.partner = @partner AND o.status = 'pending' AND ${WAITING('o.')} AND (o.lease_until IS NULL OR o.lease_until < @now)
           AND NOT EXISTS (SELECT 1 FROM delivery_pauses d WHERE d.partner = @partner)
           AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
           AND ${CALL_QUEUE_HEAD}
         ORDER BY o.seq LIMIT @limit${SKIP_LOCKED})
       RETURNING *`,
  /**
   * Each partner with a pending message, found one index probe a partner (a skip scan of
   * `outbox_waiting_by_partner`): a DISTINCT read every waiting entry, a backlog's worth each poll on
   * PostgreSQL, which has no skip scan of its own before version 18.
   */
  partnersWithPending: sql`WITH RECURSIVE found (partner) AS (
         SELECT MIN(partner) FROM outbox WHERE status = 'pending' AND ${WAITING('')}
         UNION ALL
         SELECT (SELECT MIN(o.partner) FROM outbox o WHERE o.partner > found.partner AND o.status = 'pending' AND ${WAITING('o.')})
         FROM found WHERE found.partner IS NOT NULL
       )
       SELECT partner FROM found WHERE partner IS NOT NULL`,
  pauseDelivery: sql`INSERT INTO delivery_pauses (partner, paused_at) VALUES (@partner, @paused_at) ON CONFLICT (partner) DO NOTHING`,
  resumeDelivery: sql`DELETE FROM delivery_pauses WHERE partner = @partner`,
  pausedPartners: sql`SELECT partner, paused_at FROM delivery_pauses ORDER BY partner`,
  requeueAll: sql`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, created_at = @now
       WHERE seq IN (SELECT seq FROM outbox WHERE status = 'dead' AND ${WAITING('')} AND (CAST(@partner AS TEXT) IS NULL OR partner = @partner) ORDER BY seq LIMIT @limit)
       RETURNING *`,
  /** The calls one id names: ours, the customer's reference, a supplier's call id, the chain id (the last read from the documents). */
  findCalls: sql`SELECT 'id' AS matched_by, doc FROM calls WHERE id = @id
       UNION ALL SELECT 'externalRef', doc FROM calls WHERE external_ref = @id
       UNION ALL SELECT 'supplierCallId', c.doc FROM supplier_links l JOIN calls c ON c.id = l.parent_call_id WHERE l.remote_call_id = @id
       UNION ALL SELECT 'chainId', doc FROM calls WHERE ${docMember('chainId')} = @id
       LIMIT 50`,
  /** `followed`: whether another message of the same call (or, without a call, of the partner's other queue) waits behind it. */
  markDelivered: sql`UPDATE outbox SET status = 'delivered', delivered_at = @delivered_at, receipt = @receipt, last_error = NULL, lease_owner = NULL, lease_until = NULL
       WHERE seq = @seq AND status = 'pending'
       RETURNING *, ${FOLLOWED} AS followed`,
  markAttempt: sql`UPDATE outbox SET attempts = @attempts, next_attempt_at = @next_attempt_at, last_error = @last_error, lease_owner = NULL, lease_until = NULL WHERE seq = @seq`,
  markDead: sql`UPDATE outbox SET status = 'dead', last_error = @last_error, lease_owner = NULL, lease_until = NULL WHERE seq = @seq`,
  listOutbox: sql`SELECT * FROM outbox WHERE status = @status AND ${WAITING('')} AND (CAST(@partner AS TEXT) IS NULL OR partner = @partner) ORDER BY seq LIMIT @limit`,
  outboxForCall: sql`SELECT * FROM outbox WHERE call_id = @call_id ORDER BY seq`,
  requeue: sql`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, created_at = @now WHERE id = @id AND status = 'dead' RETURNING *`,

  logHead: sql`SELECT size, hashes FROM log_head WHERE id = 1`,
  /** The head, locked until the batch that integrates entries commits: batches of two sequencers run one after the other. */
  lockLogHead: sql`SELECT size, hashes FROM log_head WHERE id = 1${FOR_UPDATE}`,
  /** An entry a commit logged, to be given its leaf index by the sequencer (migration 23). */
  insertLogPending: insertRows<Omit<LogRow, 'seq'>>('log_pending', ['direction', 'message_id', 'partner', 'type', 'digest', 'signature', 'receipt', 'at', 'leaf_hash']),
  /** Whether log entries or events wait for the sequencer: two probes of small indexes, before a batch is begun. */
  sequencingDue: sql`SELECT EXISTS (SELECT 1 FROM log_pending) OR EXISTS (SELECT 1 FROM event_pending) AS due`,
  /** The newest entry and event still without their index and position, to wait for (`sequenced`). */
  unsequencedMarks: sql`SELECT (SELECT COALESCE(MAX(seq), 0) FROM log_pending) AS log, (SELECT COALESCE(MAX(seq), 0) FROM event_pending) AS event`,
  unsequencedThrough: sql`SELECT EXISTS (SELECT 1 FROM log_pending WHERE seq <= @log) OR EXISTS (SELECT 1 FROM event_pending WHERE seq <= @event) AS due`,
  /** The oldest committed pending entries, taken: exactly the rows returned are removed (their order is sorted by the caller). */
  takeLogPending: sql`DELETE FROM log_pending WHERE seq IN (SELECT seq FROM log_pending ORDER BY seq LIMIT @limit) RETURNING *`,
  saveLogHead: sql`UPDATE log_head SET size = @size, hashes = @hashes WHERE id = 1`,
  insertLog: insertRows<LogRow>('message_log', ['seq', 'direction', 'message_id', 'partner', 'type', 'digest', 'signature', 'receipt', 'at', 'leaf_hash']),
  insertLogNodes: insertRows<LogNodeRow>('log_nodes', ['level', 'idx', 'hash']),
  readLog: sql`SELECT * FROM message_log WHERE seq > @after ORDER BY seq LIMIT @limit`,
  logRecordAt: sql`SELECT * FROM message_log WHERE seq = @seq`,
  logPage: sql`SELECT * FROM message_log WHERE seq < @before ORDER BY seq DESC LIMIT @limit`,
  logByMessage: sql`SELECT * FROM message_log WHERE message_id = @message_id AND seq < @before ORDER BY seq DESC LIMIT @limit`,
  logByCall: sql`SELECT l.* FROM message_log l WHERE l.seq < @before AND (
       (l.direction = 'in' AND EXISTS (SELECT 1 FROM inbound_messages i WHERE i.sender = l.partner AND i.id = l.message_id AND i.call_id = @call_id))
    OR (l.direction = 'out' AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = l.message_id AND o.call_id = @call_id)))
    ORDER BY l.seq DESC LIMIT @limit`,
  logIndexOf: sql`SELECT seq FROM message_log WHERE message_id = @message_id AND partner = @partner AND direction = @direction ORDER BY seq LIMIT 1`,
  /** A migrated record's leaf hash (migration 17). */
  setLeafHash: sql`UPDATE message_log SET leaf_hash = @leaf_hash WHERE seq = @seq`,
  /** The head as a commit batch leaves it, and the size of the newest checkpoint (none when it is that size already). */
  checkpointDue: sql`SELECT h.size, h.hashes, (SELECT MAX(c.tree_size) FROM log_checkpoints c) AS checkpointed FROM log_head h WHERE h.id = 1`,
  insertCheckpoint: insertRows<CheckpointRow>('log_checkpoints', ['tree_size', 'root_hash', 'at', 'jws', 'origin']),
  lastPartnerCheckpoint: sql`SELECT * FROM partner_checkpoints WHERE partner = @partner ORDER BY tree_size DESC LIMIT 1`,
  /** The same checkpoint seen again keeps its first time. */
  keepPartnerCheckpoint: sql`INSERT INTO partner_checkpoints (partner, tree_size, root_hash, at, jws, kept_at) VALUES (@partner, @tree_size, @root_hash, @at, @jws, @kept_at)
       ON CONFLICT (partner, tree_size) DO NOTHING`,
  recordWitnessEvidence: sql`INSERT INTO witness_evidence (id, partner, kind, detail, at, kept, offered, proof) VALUES (@id, @partner, @kind, @detail, @at, @kept, @offered, @proof)
       ON CONFLICT (id) DO NOTHING`,
  listWitnessEvidence: sql`SELECT * FROM witness_evidence ORDER BY at, id`,
  /** A checkpoint cosigned once: its first cosignature stays. */
  keepCosignatureMade: sql`UPDATE partner_checkpoints SET cosignature = @cosignature WHERE partner = @partner AND tree_size = @tree_size AND cosignature IS NULL`,
  lastCosignatureMade: sql`SELECT cosignature FROM partner_checkpoints WHERE partner = @partner AND cosignature IS NOT NULL ORDER BY tree_size DESC LIMIT 1`,
  keepCosignature: sql`INSERT INTO log_cosignatures (witness, tree_size, root_hash, at, jws, kept_at) VALUES (@witness, @tree_size, @root_hash, @at, @jws, @kept_at)
       ON CONFLICT (witness, tree_size) DO NOTHING`,
  lastCosignature: sql`SELECT * FROM log_cosignatures WHERE witness = @witness ORDER BY tree_size DESC LIMIT 1`,
  listCosignatures: sql`SELECT * FROM log_cosignatures ORDER BY kept_at, witness, tree_size`,
  recordRefusedCosignature: sql`INSERT INTO refused_cosignatures (id, witness, detail, at, jws) VALUES (@id, @witness, @detail, @at, @jws)
       ON CONFLICT (id) DO NOTHING`,
  listRefusedCosignatures: sql`SELECT * FROM refused_cosignatures ORDER BY at, id`,
  latestCheckpoint: sql`SELECT * FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1`,
  checkpointOfSize: sql`SELECT * FROM log_checkpoints WHERE tree_size = @tree_size`,
  /** A token another replica kept first stays. */
  keepCheckpointTimestamp: sql`UPDATE log_checkpoints SET timestamp_token = @timestamp_token WHERE tree_size = @tree_size AND timestamp_token IS NULL`,
  lastMessages: sql`SELECT partner, MAX(CASE WHEN direction = 'in' THEN at END) AS last_in, MAX(CASE WHEN direction = 'out' THEN at END) AS last_out
       FROM message_log GROUP BY partner`,

  /** Retention (migration 20): one call's rows, read and rewritten in the purge's transaction. */
  callForPurge: sql`SELECT doc FROM calls WHERE id = @id${FOR_UPDATE}`,
  purgeInbound: sql`UPDATE inbound_messages SET body = '', response_body = @response_body, purged_at = @at WHERE sender = @sender AND id = @id`,
  purgeOutbox: sql`UPDATE outbox SET body = '', purged_at = @at WHERE seq = @seq`,
  purgeNotes: sql`UPDATE call_notes SET text = '', purged_at = @at WHERE call_id = @call_id AND purged_at IS NULL`,
  setNoteText: sql`UPDATE call_notes SET text = @text WHERE id = @id`,
  dropHistoryComments: sql`UPDATE call_history SET comment = NULL WHERE call_id = @call_id AND comment IS NOT NULL`,
  setHistoryComment: sql`UPDATE call_history SET comment = @comment WHERE seq = @seq`,
  /** A call's batches, numbered (by their last position) and still pending (by `seq`). */
  eventBatchesOfCall: sql`SELECT last_position AS position, NULL AS seq, events, call_doc FROM event_batches WHERE call_id = @call_id
       UNION ALL SELECT NULL AS position, seq, events, call_doc FROM event_pending WHERE call_id = @call_id`,
  setEventBatch: sql`UPDATE event_batches SET events = @events, call_doc = @call_doc WHERE last_position = @position`,
  setPendingEventBatch: sql`UPDATE event_pending SET events = @events, call_doc = @call_doc WHERE seq = @seq`,
  setLinkDoc: sql`UPDATE supplier_links SET doc = @doc WHERE id = @id`,
  setDeskTicketDoc: sql`UPDATE desk_tickets SET doc = @doc WHERE call_id = @call_id`,
  /** The calls of one requester, by e-mail address (lower case) or id; erased calls no longer match. */
  callsOfRequester: sql`SELECT id FROM calls
       WHERE (CAST(@email AS TEXT) IS NOT NULL AND LOWER(${docMember('requester.email')}) = @email) OR (CAST(@rid AS TEXT) IS NOT NULL AND ${docMember('requester.id')} = @rid)
       ORDER BY created_at, id LIMIT @limit`,
  /** A scan of the call documents: run once per attachment of a call being purged. */
  attachmentHeldElsewhere: sql`SELECT 1 AS held FROM calls WHERE id <> @id AND doc LIKE @pattern AND ${docMember('retention.bodiesPurgedAt')} IS NULL LIMIT 1`,
  insertErasure: insertRows<ErasureRow>('erasures', ['id', 'at', 'requested_by', 'matched_by', 'calls', 'messages', 'notes']),

  agreementVersions: sql`SELECT doc FROM agreement_versions WHERE id = @id ORDER BY version`,
  allAgreementVersions: sql`SELECT doc FROM agreement_versions ORDER BY id, version`,
  activeAgreementVersions: sql`SELECT doc FROM agreement_versions WHERE customer = @customer AND status = 'active' ORDER BY id, version`,
  wishAgreementVersions: sql`SELECT doc FROM agreement_versions WHERE ${docMember('forCall')} = @call_id ORDER BY id, version`,
  upsertAgreement: sql`INSERT INTO agreement_versions (id, version, provider, customer, status, doc) VALUES (@id, @version, @provider, @customer, @status, @doc)
       ON CONFLICT (id, version) DO UPDATE SET status = excluded.status, doc = excluded.doc`,

  insertOutage: sql`INSERT INTO service_outages (id, agreement, service, call_id, created_at, doc) VALUES (@id, @agreement, @service, @call_id, @created_at, @doc)`,
  outagesOf: sql`SELECT doc FROM service_outages WHERE agreement = @agreement ORDER BY created_at, id`,

  migrationLock: onlyIn('postgres', sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`),
  createMigrations: sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  appliedMigrations: sql`SELECT version FROM schema_migrations`,
  recordMigration: sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)`,
} as const;

/** The list query for a filter: only the conditions the filter sets, oldest update first, after the cursor. */
export function listCallsQuery(filter: CallFilter): { statement: Sql; params: Params } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  const add = (condition: string, name: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(condition);
    params[name] = value;
  };
  add('customer = @customer', 'customer', filter.customer);
  add('status = @status', 'status', filter.status);
  add('type = @type', 'type', filter.type);
  add('service = @service', 'service', filter.service);
  add('process = @process', 'process', filter.process);
  add('priority = @priority', 'priority', filter.priority);
  add('updated_at >= @updated_since', 'updated_since', filter.updatedSince);
  add('id IN (SELECT parent_call_id FROM supplier_links WHERE supplier = @supplier)', 'supplier', filter.supplier);
  const pieces: (string | DialectText)[] = [];
  if (filter.sla === 'breached') pieces.push(' AND ', SLA_BREACHES, ' > 0');
  if (filter.sla === 'dueSoon') add('sla_next_due IS NOT NULL AND sla_next_due <= @due_before', 'due_before', filter.dueBefore);
  if (filter.after !== undefined) {
    where.push('(updated_at, id) > (@after_updated_at, @after_id)');
    params.after_updated_at = filter.after.updatedAt;
    params.after_id = filter.after.id;
  }
  const head = `SELECT doc FROM calls WHERE ${where.length > 0 ? where.join(' AND ') : 'TRUE'}`;
  return { statement: { pieces: [head, ...pieces, ' ORDER BY updated_at, id LIMIT @limit'] }, params };
}

/**
 * The hashes of some complete subtrees of the log's tree: leaves (level 0) from the records, the
 * others from `log_nodes`, each by its key. One statement whatever the number (a proof names at
 * most two per level).
 */
export function logNodesQuery(nodes: readonly NodeId[]): { statement: Sql; params: Params } {
  const params: Record<string, number> = {};
  const parts: string[] = [];
  nodes.forEach((node, i) => {
    if (node.level === 0) {
      params[`s${i}`] = node.index + 1;
      parts.push(`SELECT 0 AS level, seq - 1 AS idx, leaf_hash AS hash FROM message_log WHERE seq = @s${i}`);
    } else {
      params[`l${i}`] = node.level;
      params[`i${i}`] = node.index;
      parts.push(`SELECT level, idx, hash FROM log_nodes WHERE level = @l${i} AND idx = @i${i}`);
    }
  });
  return { statement: sqlText(parts.length === 0 ? 'SELECT 0 AS level, 0 AS idx, NULL AS hash WHERE 1 = 0' : parts.join(' UNION ALL ')), params };
}

const PURGED_AT: Record<RetentionCategory, DialectText> = {
  bodies: docMember('retention.bodiesPurgedAt'),
  notes: docMember('retention.notesPurgedAt'),
  requester: docMember('retention.requesterPurgedAt'),
};
const AGREEMENT = docMember('agreement');

/**
 * The ended calls whose time is up for one category: per agreement named, those that ended (last
 * changed) before its cutoff; under any other agreement, before `otherwise`. Undefined when no
 * agreement has a cutoff (nothing is due).
 */
export function purgeDueQuery(category: RetentionCategory, cutoffs: PurgeCutoffs, limit: number): { statement: Sql; params: Params } | undefined {
  const params: Record<string, string | number> = { limit };
  const pieces: (string | DialectText)[] = [];
  const named = [...cutoffs.byAgreement.keys()];
  [...cutoffs.byAgreement].forEach(([agreement, cutoff], i) => {
    params[`a${i}`] = agreement;
    if (cutoff === null) return;
    params[`c${i}`] = cutoff;
    pieces.push(pieces.length === 0 ? '(' : ' OR (', AGREEMENT, ` = @a${i} AND updated_at < @c${i})`);
  });
  if (cutoffs.otherwise !== null) {
    params.otherwise = cutoffs.otherwise;
    const notNamed = named.length === 0 ? [] : [' AND ', AGREEMENT, ` NOT IN (${named.map((_, i) => `@a${i}`).join(', ')})`];
    pieces.push(pieces.length === 0 ? '(' : ' OR (', 'updated_at < @otherwise', ...notNamed, ')');
  }
  if (pieces.length === 0) return undefined;
  return {
    statement: { pieces: ["SELECT id FROM calls WHERE status IN ('closed', 'cancelled', 'rejected') AND ", PURGED_AT[category], ' IS NULL AND (', ...pieces, ') ORDER BY updated_at, id LIMIT @limit'] },
    params,
  };
}

