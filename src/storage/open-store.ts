import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Opens the store a `storage` setting names: `sqlite:<file>` (embedded) or `postgres://...` (shared by replicas). */
export async function openStore(storage: string, options: { poolSize?: number; timeoutMs?: number } = {}): Promise<Store> {
  if (storage.startsWith('sqlite:')) return openSqliteStore(storage.slice('sqlite:'.length));
  if (storage.startsWith('postgres://') || storage.startsWith('postgresql://')) return openPostgresStore(storage, options);
  throw new TypeError(`storage ${storage.split(':')[0]}: use sqlite:<file> or postgres://...`);
}
