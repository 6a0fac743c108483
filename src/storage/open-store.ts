import type { Store } from '../ports/store.js';

export interface StoreOptions {
  /** PostgreSQL: connections per replica. */
  readonly poolSize?: number;
  /** PostgreSQL: how long a query may wait for a connection, and run, before the store counts as unavailable. */
  readonly timeoutMs?: number;
  /** The clock for leases, requeue times and migration records; the system clock when not given. */
  readonly now?: () => number;
}

/**
 * Opens the store a `storage` setting names: `sqlite:<file>` (embedded) or `postgres://...` (shared
 * by replicas). Each engine's driver is loaded only when it is used.
 */
export async function openStore(storage: string, options: StoreOptions = {}): Promise<Store> {
  if (storage.startsWith('sqlite:')) return (await import('./sqlite-store.js')).openSqliteStore(storage.slice('sqlite:'.length), options);
  if (storage.startsWith('postgres://') || storage.startsWith('postgresql://')) return (await import('./postgres-store.js')).openPostgresStore(storage, options);
  throw new TypeError(`storage ${storage.split(':')[0]}: use sqlite:<file> or postgres://...`);
}
