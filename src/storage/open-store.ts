import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Opens the store a `storage` setting names: `sqlite:<file>` (the embedded default). */
export async function openStore(storage: string): Promise<Store> {
  if (storage.startsWith('sqlite:')) return openSqliteStore(storage.slice('sqlite:'.length));
  throw new Error(`storage ${storage.split(':')[0]}: not supported by this build (use sqlite:<file>)`);
}
