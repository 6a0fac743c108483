import Database from 'better-sqlite3';
import type pg from 'pg';
import { MIGRATIONS, migrationSql } from '../../src/storage/migrations.js';

const CREATE_MIGRATIONS = 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** A SQLite store as the migrations up to `version` left it (their SQL, none after), open, for a test of an upgrade to fill. */
export function sqliteAtVersion(file: string, version: number, appliedAt = new Date().toISOString()): Database.Database {
  const db = new Database(file);
  db.exec(CREATE_MIGRATIONS);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(migrationSql(migration, 'sqlite'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, appliedAt);
  }
  return db;
}

/** The same on PostgreSQL, in the schema the connection's search_path names. */
export async function postgresAtVersion(client: pg.ClientBase, version: number, appliedAt = new Date().toISOString()): Promise<void> {
  await client.query(CREATE_MIGRATIONS);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
    await client.query(migrationSql(migration, 'postgres'));
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [migration.version, migration.name, appliedAt]);
  }
}
