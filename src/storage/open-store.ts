import { BootError } from '../kernel/boot-error.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import type { Store, StoreObserver } from '../ports/store.js';
import type { Tracing } from '../kernel/tracing.js';
import type { SequencerOptions } from './log-sequencer.js';

export interface StoreOptions {
  /** SQLite: the page cache, in MiB. */
  readonly cacheMb?: number;
  /** PostgreSQL: connections per replica. */
  readonly poolSize?: number;
  /** PostgreSQL: how long a query may wait for a connection, and run, before the store counts as unavailable. */
  readonly timeoutMs?: number;
  /** The clock for leases, requeue times and migration records; the system clock when not given. */
  readonly now?: () => number;
  /** Told how each commit (SQLite: each group commit) and each fsync (PostgreSQL: each round trip that carries a COMMIT) went, for the metrics. */
  readonly observe?: StoreObserver;
  /** Each write inside a trace gets a `usm.commit` span. */
  readonly tracing?: Tracing;
  /** Signs the checkpoint of each commit batch (PostgreSQL: each sequencer batch) that appended to the message log. */
  readonly checkpoint?: CheckpointSigner;
  /** PostgreSQL: how this replica's log sequencer runs; false: it never integrates the log (another replica must). */
  readonly sequencer?: SequencerOptions | false;
}

/**
 * Opens the store a `storage` setting names: `sqlite:<file>` (embedded) or `postgres://...` (shared
 * by replicas). Each engine's driver is loaded only when it is used. A store that cannot be opened is
 * a BootError USM_BOOT_STORE, whose message never holds the URL's password.
 */
export async function openStore(storage: string, options: StoreOptions = {}): Promise<Store> {
  try {
    if (storage.startsWith('sqlite:')) return (await import('./sqlite-store.js')).openSqliteStore(storage.slice('sqlite:'.length), options);
    if (storage.startsWith('postgres://') || storage.startsWith('postgresql://')) return await (await import('./postgres-store.js')).openPostgresStore(storage, options);
  } catch (error) {
    throw cannotOpen(storage, error);
  }
  throw new BootError('USM_BOOT_STORE', `storage ${storage.split(':')[0]}: use sqlite:<file> or postgres://...`);
}

/** A store that cannot be opened, as USM_BOOT_STORE without the URL's password. */
export function cannotOpen(storage: string, error: unknown): BootError {
  const engine = storage.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const { message = String(error), code } = error as { message?: string; code?: unknown };
  let reason = message.split('\n')[0]!;
  if (typeof code === 'string' && !reason.includes(code)) reason += ` (${code})`;
  const password = engine === 'postgres' ? passwordOf(storage) : '';
  if (password !== '') reason = reason.replaceAll(password, '***').replaceAll(encodeURIComponent(password), '***');
  return new BootError('USM_BOOT_STORE', `cannot open the ${engine} store: ${reason}`, { cause: error });
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
