import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationSql } from '../../src/storage/migrations.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { removeDir } from '../support/gateway-fixture.js';

describe('schema migrations', () => {
  let dir: string;
  afterEach(async () => removeDir(dir));

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

    const store = openSqliteStore(file);
    try {
      expect(await store.eventsAfter(0, 10)).toEqual([{ seq: 1, id: 'e1', type: 'call.created', callId: 'c1', at: '2026-01-01T00:00:00.000Z', payload: { call: { id: 'c1' } } }]);
      const applied = new Database(file, { readonly: true });
      expect(applied.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.at(-1)!.version });
      applied.close();
    } finally {
      await store.close();
    }
  });
});
