import type { Store } from '../ports/store.js';

/**
 * Opens the store a `storage` setting names: `sqlite:<file>` (embedded) or `postgres://...` (shared
 * by replicas). Each engine's driver is loaded only when it is used.
 */
export async function openStore(storage: string, options: { poolSize?: number; timeoutMs?: number } = {}): Promise<Store> {
  if (storage.startsWith('sqlite:')) return (await import('./sqlite-store.js')).openSqliteStore(storage.slice('sqlite:'.length));
  if (storage.startsWith('postgres://') || storage.startsWith('postgresql://')) return (await import('./postgres-store.js')).openPostgresStore(storage, options);
  throw new TypeError(`storage ${storage.split(':')[0]}: use sqlite:<file> or postgres://...`);
}
