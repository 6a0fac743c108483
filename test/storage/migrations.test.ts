import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationSql } from '../../src/storage/migrations.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { openPostgresStore } from '../../src/storage/postgres-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';
import { postgresAtVersion, sqliteAtVersion } from '../support/legacy-store.js';

/** What each released migration renders for each engine (SHA-256, first 16 hex digits): stores migrated before hold exactly that. */
const RELEASED: readonly [version: number, sqlite: string, postgres: string][] = [
  [1, 'd2430ac49a33b8da', '1cd6def8bd123cbf'],
  [2, '74b7396480732150', '9ece2d3f4ac76c7c'],
  [3, 'c587c59a33339ddf', 'c587c59a33339ddf'],
  [4, 'be95afef66dec6c1', 'be95afef66dec6c1'],
  [5, '7df5f13a271a7f65', '7df5f13a271a7f65'],
  [6, 'e3b0c44298fc1c14', '2ec751264e100213'],
  [7, 'e447685e67e55773', 'c66d5dc502eb97e0'],
];

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('schema migrations', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await removeDir(dir);
    dir = undefined;
  });

  it('render, for each engine, exactly the SQL they were released with', () => {
    for (const [version, sqlite, postgres] of RELEASED) {
      const migration = MIGRATIONS.find((m) => m.version === version)!;
      expect([version, digest(migrationSql(migration, 'sqlite')), digest(migrationSql(migration, 'postgres'))]).toEqual([version, sqlite, postgres]);
    }
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('upgrade a store written before the call snapshot moved out of the events, keeping those events whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-migrate-'));
    const file = join(dir, 'store.db');
    // A store as version 4 left it, with an event that carries its call snapshot in the payload.
    const old = sqliteAtVersion(file, 4);
    old.prepare('INSERT INTO events (id, type, call_id, at, payload) VALUES (?, ?, ?, ?, ?)').run('e1', 'call.created', 'c1', '2026-01-01T00:00:00.000Z', JSON.stringify({ call: { id: 'c1' } }));
    old.close();

    const upgradedAt = Date.parse('2031-02-03T04:05:06.000Z');
    const store = openSqliteStore(file, { now: () => upgradedAt });
    try {
      expect(await store.eventsAfter(0, 10)).toEqual([{ seq: 1, id: 'e1', type: 'call.created', callId: 'c1', at: '2026-01-01T00:00:00.000Z', payload: { call: { id: 'c1' } } }]);
      const applied = new Database(file, { readonly: true });
      expect(applied.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.at(-1)!.version });
      // The upgrade is recorded at the time of the clock the store was given.
      expect(applied.prepare('SELECT DISTINCT applied_at FROM schema_migrations WHERE version > 4').all()).toEqual([{ applied_at: new Date(upgradedAt).toISOString() }]);
      applied.close();
    } finally {
      await store.close();
    }
  });

  it('upgrade a PostgreSQL store of version 5, whose notes and sub-calls read as before', async () => {
    const schema = postgresSchema();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema.schema}; SET search_path = ${schema.schema}`);
      await postgresAtVersion(client, 5);
      await client.query(
        "INSERT INTO calls (id, customer, type, service, status, process, priority, created_at, updated_at, version, doc) VALUES ('c1', 'hospital', 'incident', 's', 'acknowledged', 'recover', 3, 'x', 'x', 1, '{}')",
      );
      for (const [id, at] of [['n2', '2026-01-01T00:00:02.000Z'], ['n1', '2026-01-01T00:00:01.000Z']]) {
        await client.query("INSERT INTO call_notes VALUES ($1, 'c1', 'public', 'comment', $1, 'desk', 'd', $2)", [id, at]);
      }
      await client.query("INSERT INTO supplier_links (id, parent_call_id, supplier, version, doc) VALUES ('l1', 'c1', 's', 1, '{\"id\":\"l1\"}')");
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(schema.url);
    try {
      expect((await store.listNotes('c1', 'all')).map((n) => n.id)).toEqual(['n1', 'n2']);
      expect((await store.linksOf('c1')).map((l) => l.id)).toEqual(['l1']);
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  /** Events as stores before migration 25 kept them, one row each, and the commits' snapshots. */
  const LEGACY = {
    snapshots: [['e1', '{"id":"c1","version":1}'], ['e4', '{"id":"c2","version":3}'], ['e7', '{"id":"c2","version":4}']],
    // id, call, position, snapshot: e1-e2 one commit, e3 one without a snapshot, e4-e5 one commit, e6 from before migration 5 (its call in its payload).
    events: [
      ['e1', 'c1', 1, 'e1'],
      ['e2', 'c1', 2, 'e1'],
      ['e3', 'c1', 3, null],
      ['e4', 'c2', 4, 'e4'],
      ['e5', 'c2', 5, 'e4'],
      ['e6', 'c3', 6, null],
    ] as [string, string, number | null, string | null][],
  };
  const legacyPayload = (id: string): string => JSON.stringify(id === 'e6' ? { step: id, call: { id: 'c3' } } : { step: id });
  const expectedEvents = (ids: readonly string[], from = 1) =>
    ids.map((id, i) => {
      const event = LEGACY.events.find((e) => e[0] === id) ?? [id, 'c2', null, 'e7'];
      const snapshot = LEGACY.snapshots.find((s) => s[0] === event[3]);
      const payload = JSON.parse(legacyPayload(id)) as Record<string, unknown>;
      return { seq: from + i, id, type: 'call.step_changed', callId: event[1], at: '2026-01-01T00:00:00.000Z', payload: snapshot === undefined ? payload : { ...payload, call: JSON.parse(snapshot[1]) } };
    });

  it("upgrade a store's events into one row per commit, keeping each event's position, payload and snapshot", async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-migrate-'));
    const file = join(dir, 'store.db');
    const old = sqliteAtVersion(file, 24);
    for (const [id, doc] of LEGACY.snapshots) old.prepare('INSERT INTO event_snapshots (id, doc) VALUES (?, ?)').run(id, doc);
    const insert = old.prepare("INSERT INTO events (id, type, call_id, at, payload, snapshot_id, position) VALUES (?, 'call.step_changed', ?, '2026-01-01T00:00:00.000Z', ?, ?, ?)");
    for (const [id, call, position, snapshot] of LEGACY.events) insert.run(id, call, legacyPayload(id), snapshot, position);
    // More than a page of the migration's reads: 1,200 events without snapshots, each a batch of its own.
    for (let i = 0; i < 1200; i++) insert.run(`bulk-${i}`, 'c4', '{}', null, 7 + i);
    old.close();

    const store = openSqliteStore(file);
    try {
      expect(await store.eventsAfter(0, 6)).toEqual(expectedEvents(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']));
      expect(await store.eventAt(5)).toEqual(expectedEvents(['e5'], 5)[0]);
      expect(await store.eventAt(1206)).toMatchObject({ id: 'bulk-1199', seq: 1206 });
      expect(await store.eventAt(1207)).toBeUndefined();
      expect(await store.lastEventSeq()).toBe(1206);
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT first_position AS f, last_position AS l FROM event_batches ORDER BY last_position LIMIT 4').all()).toEqual([
        { f: 1, l: 2 },
        { f: 3, l: 3 },
        { f: 4, l: 5 },
        { f: 6, l: 6 },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM event_batches').get()).toEqual({ n: 1204 });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('events', 'event_snapshots')").all()).toEqual([]);
      db.close();
      // A commit after the upgrade is numbered after the last position.
      const call = newCall();
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [{ id: 'n1', type: 'call.created', callId: call.id, at: call.createdAt, payload: {} }] });
      expect((await store.eventsAfter(1206, 10)).map((e) => [e.seq, e.id])).toEqual([[1207, 'n1']]);
    } finally {
      await store.close();
    }
  });

  it('upgrade a PostgreSQL store whose sequencer had yet to number some events: they are batched without positions and numbered after the rest', async () => {
    const schema = postgresSchema();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema.schema}; SET search_path = ${schema.schema}`);
      await postgresAtVersion(client, 24);
      for (const [id, doc] of LEGACY.snapshots) await client.query('INSERT INTO event_snapshots (id, doc) VALUES ($1, $2)', [id, doc]);
      // e7 and e8: one commit the sequencer had not integrated yet.
      for (const [id, call, position, snapshot] of [...LEGACY.events, ['e7', 'c2', null, 'e7'], ['e8', 'c2', null, 'e7']] as typeof LEGACY.events) {
        await client.query("INSERT INTO events (id, type, call_id, at, payload, snapshot_id, position) VALUES ($1, 'call.step_changed', $2, '2026-01-01T00:00:00.000Z', $3, $4, $5)", [
          id,
          call,
          legacyPayload(id),
          snapshot,
          position,
        ]);
      }
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(schema.url);
    try {
      await store.sequenced();
      expect(await store.eventsAfter(0, 100)).toEqual(expectedEvents(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']));
      expect(await store.lastEventSeq()).toBe(8);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
