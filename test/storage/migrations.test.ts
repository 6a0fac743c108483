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
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
      old.exec(migrationSql(migration, 'sqlite'));
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
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
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const migration of MIGRATIONS.filter((m) => m.version <= 5)) {
        await client.query(migrationSql(migration, 'postgres'));
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
      }
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
});
