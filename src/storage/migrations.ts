import { backfillEventBatchSteps, backfillLogSteps, type Step } from './commit-plan.js';
import { docMember, onlyIn, sql, textIn, type Dialect, type DialectText, type Sql } from './sql.js';

/**
 * Numbered schema migrations for both engines, applied in order and recorded in
 * `schema_migrations`. A change to the schema is one new entry, written once; where the dialects
 * differ, a piece below says how. What a migration renders must never change once released: stores
 * already migrated hold exactly that schema.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: Sql;
  /** Data the migration computes in code, after its SQL, in the same transaction (both engines). */
  readonly steps?: () => readonly Step[];
}

/** A key numbered by the database on insert. */
const SERIAL_KEY: DialectText = { sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT', postgres: 'BIGSERIAL PRIMARY KEY' };
/** A 64-bit integer (SQLite's INTEGER is one already). */
const BIGINT: DialectText = { sqlite: 'INTEGER', postgres: 'BIGINT' };

/** A resolved call's close time, read from its JSON document (SQLite computes it on read, PostgreSQL stores it). */
const CLOSE_DUE_AT: DialectText = {
  sqlite: "TEXT GENERATED ALWAYS AS (json_extract(doc, '$.closeDueAt')) VIRTUAL",
  postgres: "TEXT GENERATED ALWAYS AS ((doc::jsonb) ->> 'closeDueAt') STORED",
};

/** The statements of a migration for one engine. */
export function migrationSql(migration: Migration, engine: Dialect): string {
  return textIn(migration.sql, engine) ?? '';
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'calls, history, notes, inbound messages, events, webhooks',
    sql: sql`
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        customer TEXT NOT NULL,
        type TEXT NOT NULL,
        service TEXT NOT NULL,
        status TEXT NOT NULL,
        process TEXT NOT NULL,
        priority INTEGER NOT NULL,
        external_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX calls_by_update ON calls (updated_at, id);
      CREATE INDEX calls_by_customer_update ON calls (customer, updated_at, id);
      CREATE INDEX calls_by_status_update ON calls (status, updated_at, id);

      CREATE TABLE call_history (
        seq ${SERIAL_KEY},
        call_id TEXT NOT NULL REFERENCES calls (id),
        at TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        change TEXT NOT NULL,
        comment TEXT
      );
      CREATE INDEX call_history_by_call ON call_history (call_id, seq);

      CREATE TABLE call_notes (
        id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls (id),
        visibility TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        author_kind TEXT NOT NULL,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX call_notes_by_call ON call_notes (call_id, created_at);

      CREATE TABLE inbound_messages (
        sender TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        digest TEXT NOT NULL,
        signature TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        call_id TEXT,
        response_status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        PRIMARY KEY (sender, id)
      );

      CREATE TABLE events (
        seq ${SERIAL_KEY},
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        call_id TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL
      );

      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        events TEXT NOT NULL,
        created_at TEXT NOT NULL,
        delivered_through ${BIGINT} NOT NULL,
        failures INTEGER NOT NULL,
        last_error TEXT,
        next_attempt_at TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'supplier links, outbox to partner gateways, hash-chained message log',
    sql: sql`
      CREATE TABLE supplier_links (
        id TEXT PRIMARY KEY,
        parent_call_id TEXT NOT NULL REFERENCES calls (id),
        supplier TEXT NOT NULL,
        remote_call_id TEXT,
        version INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX supplier_links_by_parent ON supplier_links (parent_call_id);

      CREATE TABLE outbox (
        seq ${SERIAL_KEY},
        id TEXT NOT NULL UNIQUE,
        partner TEXT NOT NULL,
        type TEXT NOT NULL,
        path TEXT NOT NULL,
        link_id TEXT,
        call_id TEXT,
        body TEXT NOT NULL,
        trace TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT,
        receipt TEXT
      );
      CREATE INDEX outbox_by_partner ON outbox (partner, status, seq);
      CREATE INDEX outbox_by_status ON outbox (status, seq);

      CREATE TABLE message_log (
        seq ${BIGINT} PRIMARY KEY,
        direction TEXT NOT NULL,
        message_id TEXT NOT NULL,
        partner TEXT NOT NULL,
        type TEXT NOT NULL,
        digest TEXT NOT NULL,
        signature TEXT NOT NULL,
        receipt TEXT,
        at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'agreements negotiated across the link, service-level clock due times, delivery leases',
    sql: sql`
      CREATE TABLE agreement_versions (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        provider TEXT NOT NULL,
        customer TEXT NOT NULL,
        status TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (id, version)
      );
      CREATE INDEX agreement_versions_by_status ON agreement_versions (status);
      ALTER TABLE calls ADD COLUMN sla_next_due TEXT;
      CREATE INDEX calls_by_sla_next_due ON calls (sla_next_due) WHERE sla_next_due IS NOT NULL;
      CREATE INDEX outbox_by_call ON outbox (partner, status, call_id, seq);
      ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
      ALTER TABLE outbox ADD COLUMN lease_until TEXT;
      ALTER TABLE webhooks ADD COLUMN lease_owner TEXT;
      ALTER TABLE webhooks ADD COLUMN lease_until TEXT;
    `,
  },
  {
    version: 4,
    name: 'index for a customer\'s calls by status (filtered list pages)',
    sql: sql`CREATE INDEX calls_by_customer_status_update ON calls (customer, status, updated_at, id);`,
  },
  {
    version: 5,
    name: 'the call snapshot stored once per commit, not once per event',
    sql: sql`
      CREATE TABLE event_snapshots (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      ALTER TABLE events ADD COLUMN snapshot_id TEXT;
    `,
  },
  {
    version: 6,
    name: 'notes and sub-calls keep the order they were written in (PostgreSQL; SQLite has it in rowid)',
    sql: onlyIn(
      'postgres',
      sql`
      ALTER TABLE call_notes ADD COLUMN seq BIGSERIAL;
      ALTER TABLE supplier_links ADD COLUMN seq BIGSERIAL;
    `,
    ),
  },
  {
    version: 7,
    name: 'webhook dead letters: events given up after the last attempt, kept with their error until replayed',
    sql: sql`
      CREATE TABLE webhook_dead_letters (
        seq ${SERIAL_KEY},
        id TEXT NOT NULL UNIQUE,
        webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_seq ${BIGINT} NOT NULL,
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        call_id TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (webhook_id, event_seq)
      );
    `,
  },
  {
    version: 8,
    name: 'desk writes remembered by their Idempotency-Key, with their answers',
    sql: sql`
      CREATE TABLE idempotency_keys (
        owner TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        response_status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        PRIMARY KEY (owner, key)
      );
      CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
    `,
  },
  {
    version: 9,
    name: 'when a resolved call closes itself (the confirmation window), derived from the call document',
    // A generated column: the writes of a call stay as they are, the close watcher finds due calls by the index.
    sql: sql`
      ALTER TABLE calls ADD COLUMN close_due_at ${CLOSE_DUE_AT};
      CREATE INDEX calls_by_close_due_at ON calls (close_due_at) WHERE close_due_at IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: 'webhook formats (usm-link or CloudEvents) and rotatable secrets',
    sql: sql`
      ALTER TABLE webhooks ADD COLUMN format TEXT NOT NULL DEFAULT 'usm-link';
      ALTER TABLE webhooks ADD COLUMN secrets TEXT;
    `,
  },
  {
    version: 11,
    name: 'the network directory this gateway follows (the last good document) and the lease to fetch it',
    sql: sql`
      CREATE TABLE network_directory (
        id INTEGER PRIMARY KEY,
        jws TEXT,
        sequence ${BIGINT} NOT NULL,
        accepted_at TEXT,
        lease_owner TEXT,
        lease_until TEXT
      );
      INSERT INTO network_directory (id, sequence) VALUES (1, 0);
    `,
  },
  {
    version: 12,
    name: 'calls waiting on triggered calls (a process raised as a call of its own), by either call',
    sql: sql`
      CREATE TABLE call_triggers (
        waiting_call_id TEXT NOT NULL REFERENCES calls (id),
        triggered_call_id TEXT NOT NULL REFERENCES calls (id),
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (waiting_call_id, triggered_call_id)
      );
      CREATE INDEX call_triggers_by_triggered ON call_triggers (triggered_call_id);
    `,
  },
  {
    version: 13,
    name: 'outages of a service under an agreement (flagged incidents, declared windows), for its availability',
    sql: sql`
      CREATE TABLE service_outages (
        id TEXT PRIMARY KEY,
        agreement TEXT NOT NULL,
        service TEXT NOT NULL,
        call_id TEXT,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX service_outages_by_agreement ON service_outages (agreement, created_at, id);
    `,
  },
  {
    version: 14,
    name: 'TMF621 hub subscriptions: the partner that owns a subscription and its query',
    sql: sql`
      ALTER TABLE webhooks ADD COLUMN partner TEXT;
      ALTER TABLE webhooks ADD COLUMN query TEXT;
    `,
  },
  {
    version: 15,
    name: 'the TMF621 desk connector: each call\'s ticket at the desk tool',
    sql: sql`
      CREATE TABLE desk_tickets (
        call_id TEXT PRIMARY KEY REFERENCES calls (id),
        remote_id TEXT NOT NULL,
        open INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX desk_tickets_open ON desk_tickets (open, updated_at);
    `,
  },
  {
    version: 16,
    name: 'paused delivery to partners; finding calls by a reference or a supplier and listing by supplier',
    sql: sql`
      CREATE TABLE delivery_pauses (
        partner TEXT PRIMARY KEY,
        paused_at TEXT NOT NULL
      );
      CREATE INDEX calls_by_external_ref ON calls (external_ref) WHERE external_ref IS NOT NULL;
      CREATE INDEX supplier_links_by_remote_call ON supplier_links (remote_call_id) WHERE remote_call_id IS NOT NULL;
      CREATE INDEX supplier_links_by_supplier ON supplier_links (supplier, parent_call_id);
    `,
  },
  {
    version: 17,
    name: 'the message log as a Merkle tree (RFC 9162): leaf hashes, completed subtrees, the compact range, signed checkpoints; the hash chain goes',
    // The leaf hashes of existing records are computed in code (`backfillLogSteps`); the chain's hashes are not part of a leaf.
    sql: sql`
      ALTER TABLE message_log ADD COLUMN leaf_hash TEXT;
      ALTER TABLE message_log DROP COLUMN prev_hash;
      ALTER TABLE message_log DROP COLUMN hash;
      CREATE INDEX message_log_by_message ON message_log (message_id);
      CREATE TABLE log_nodes (
        level INTEGER NOT NULL,
        idx ${BIGINT} NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (level, idx)
      );
      CREATE TABLE log_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        size ${BIGINT} NOT NULL,
        hashes TEXT NOT NULL
      );
      INSERT INTO log_head (id, size, hashes) VALUES (1, 0, '[]');
      CREATE TABLE log_checkpoints (
        tree_size ${BIGINT} PRIMARY KEY,
        root_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        jws TEXT NOT NULL,
        origin TEXT NOT NULL
      );
    `,
    steps: () => backfillLogSteps(),
  },
  {
    version: 18,
    name: "partners' log checkpoints this gateway witnessed, and the forks and shrinks it refused",
    sql: sql`
      CREATE TABLE partner_checkpoints (
        partner TEXT NOT NULL,
        tree_size ${BIGINT} NOT NULL,
        root_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        jws TEXT NOT NULL,
        kept_at TEXT NOT NULL,
        PRIMARY KEY (partner, tree_size)
      );
      CREATE TABLE witness_evidence (
        id TEXT PRIMARY KEY,
        partner TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        at TEXT NOT NULL,
        kept TEXT NOT NULL,
        offered TEXT NOT NULL,
        proof TEXT
      );
    `,
  },
  {
    version: 19,
    name: "internal teams' sub-calls watched by the SLA watcher: each one's next due time, indexed",
    sql: sql`
      ALTER TABLE supplier_links ADD COLUMN sla_next_due TEXT;
      CREATE INDEX supplier_links_sla_next_due ON supplier_links (sla_next_due);
    `,
  },
  {
    version: 20,
    name: 'retention: message bodies and notes marked purged, erasure requests recorded (without the data they removed)',
    sql: sql`
      ALTER TABLE inbound_messages ADD COLUMN purged_at TEXT;
      ALTER TABLE outbox ADD COLUMN purged_at TEXT;
      ALTER TABLE call_notes ADD COLUMN purged_at TEXT;
      CREATE INDEX inbound_messages_by_call ON inbound_messages (call_id) WHERE call_id IS NOT NULL;
      CREATE INDEX events_by_call ON events (call_id, seq);
      CREATE TABLE erasures (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        matched_by TEXT NOT NULL,
        calls TEXT NOT NULL,
        messages INTEGER NOT NULL,
        notes INTEGER NOT NULL
      );
    `,
  },
  {
    version: 21,
    name: "RFC 3161 timestamp tokens of the gateway's own checkpoints",
    sql: sql`
      ALTER TABLE log_checkpoints ADD COLUMN timestamp_token TEXT;
    `,
  },
  {
    version: 22,
    name: "cosignatures: those this gateway made of its partners' checkpoints, its partners' of its own log, and those it refused",
    sql: sql`
      ALTER TABLE partner_checkpoints ADD COLUMN cosignature TEXT;
      CREATE TABLE log_cosignatures (
        witness TEXT NOT NULL,
        tree_size ${BIGINT} NOT NULL,
        root_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        jws TEXT NOT NULL,
        kept_at TEXT NOT NULL,
        PRIMARY KEY (witness, tree_size)
      );
      CREATE TABLE refused_cosignatures (
        id TEXT PRIMARY KEY,
        witness TEXT NOT NULL,
        detail TEXT NOT NULL,
        at TEXT NOT NULL,
        jws TEXT NOT NULL
      );
    `,
  },
  {
    version: 23,
    name: 'the message log sequenced off the commit path: entries to be integrated, the sequencer lease, events numbered by position',
    // Existing events keep their numbers (position = seq): webhook cursors and dead letters stay valid.
    sql: sql`
      CREATE TABLE log_pending (
        seq ${SERIAL_KEY},
        direction TEXT NOT NULL,
        message_id TEXT NOT NULL,
        partner TEXT NOT NULL,
        type TEXT NOT NULL,
        digest TEXT NOT NULL,
        signature TEXT NOT NULL,
        receipt TEXT,
        at TEXT NOT NULL,
        leaf_hash TEXT NOT NULL
      );
      CREATE TABLE log_sequencer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        lease_owner TEXT,
        lease_until TEXT
      );
      INSERT INTO log_sequencer (id) VALUES (1);
      ALTER TABLE events ADD COLUMN position ${BIGINT};
      UPDATE events SET position = seq;
      CREATE UNIQUE INDEX events_by_position ON events (position);
      CREATE INDEX events_unpositioned ON events (seq) WHERE position IS NULL;
    `,
  },
  {
    version: 24,
    name: 'negotiated agreements looked up by customer and by wish: a call reads only its own, however many there are',
    sql: sql`
      CREATE INDEX agreement_versions_by_customer ON agreement_versions (customer, status, id, version);
      CREATE INDEX agreement_versions_by_wish ON agreement_versions (${docMember('forCall')}) WHERE ${docMember('forCall')} IS NOT NULL;
    `,
  },
  {
    version: 25,
    name: "a commit's events in one row, with the call as the commit left it: one insert per commit rather than one per event, and the numbered batches only ever inserted into",
    sql: sql`
      CREATE TABLE event_batches (
        last_position ${BIGINT} PRIMARY KEY,
        first_position ${BIGINT} NOT NULL,
        call_id TEXT NOT NULL,
        event_count INTEGER NOT NULL CHECK (event_count > 0),
        events TEXT NOT NULL,
        call_doc TEXT
      );
      CREATE TABLE event_pending (
        seq ${SERIAL_KEY},
        call_id TEXT NOT NULL,
        event_count INTEGER NOT NULL CHECK (event_count > 0),
        events TEXT NOT NULL,
        call_doc TEXT
      );
    `,
    steps: () => backfillEventBatchSteps(),
  },
  {
    version: 26,
    name: 'the events of before, batched by migration 25, dropped',
    sql: sql`
      DROP TABLE events;
      DROP TABLE event_snapshots;
      CREATE INDEX event_batches_by_call ON event_batches (call_id, last_position);
      CREATE INDEX event_pending_by_call ON event_pending (call_id);
    `,
  },
  {
    version: 27,
    name: "the outbox's indexes hold only the messages still waiting: marking one delivered writes no entry to them",
    sql: sql`
      DROP INDEX outbox_by_partner;
      DROP INDEX outbox_by_status;
      DROP INDEX outbox_by_call;
      CREATE INDEX outbox_waiting_by_partner ON outbox (partner, status, seq) WHERE status IN ('pending', 'dead');
      CREATE INDEX outbox_waiting_by_status ON outbox (status, seq) WHERE status IN ('pending', 'dead');
      CREATE INDEX outbox_waiting_by_call ON outbox (partner, status, call_id, seq) WHERE status IN ('pending', 'dead');
    `,
  },
];
