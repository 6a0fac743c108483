import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JWK } from 'jose';
import type { Logger } from 'pino';
import type { components } from '../generated/api.js';
import type { Partner, SwitchablePartners } from '../partners/partner-directory.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { undici } from '../kernel/undici.js';
import { DirectoryError, type Directory } from './directory-document.js';
import { partnersFromDirectory } from './directory-partners.js';
import { verifyDirectory } from './directory-signing.js';

/** What one refresh came to: a new directory taken, the same one again, or a document refused (or not fetched). */
export type RefreshOutcome = 'accepted' | 'unchanged' | 'read' | 'refused' | 'unreachable';

/** The directory a follower holds, how its last refresh went and each partner's source (the admin API's answer). */
export type DirectoryStatus = components['schemas']['DirectoryStatus'];

export interface DirectoryFollower {
  /** Starts from the document kept in the store, refreshes once and then every `refreshSeconds`. */
  start(): Promise<void>;
  /** One refresh now (fetching even when another replica holds the lease); resolves with the status after it. */
  refresh(): Promise<DirectoryStatus>;
  status(): DirectoryStatus;
  /** Throws (with a `detail` for /readyz) when no directory is held or the held one has expired. */
  readiness(): Promise<void>;
  close(): Promise<void>;
}

export interface DirectoryFollowerOptions {
  readonly self: string;
  readonly url: string;
  readonly operatorKeys: readonly JWK[];
  readonly refreshSeconds: number;
  readonly timeoutMs: number;
  readonly store: DirectoryStore;
  /** The partners of the config (of now: a config reload changes them); the directory's partners replace them in `partners`. */
  readonly local: () => readonly Partner[];
  readonly partners: SwitchablePartners;
  readonly now: () => number;
  readonly logger: Logger;
  /** Told of every refresh's outcome and of the directory held (sequence, exp in Unix seconds). */
  readonly observe?: (outcome: RefreshOutcome, code: string | undefined, held: { sequence: number; exp: number } | undefined) => void;
  /** Told of the partners of each directory taken. */
  readonly onPartners?: (ids: readonly string[]) => void;
}

/** The most a directory document may weigh. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Follows the operator's directory: fetches it, checks it (signature by an operator key, sequence
 * above the one held, not expired), keeps it in the store and swaps the partner directory for one built
 * from it, at once. A document that fails is refused, loudly, and the last good one kept. With
 * replicas, the one holding the fetch lease fetches; the others take what it kept.
 */
export function createDirectoryFollower(options: DirectoryFollowerOptions): DirectoryFollower {
  const { store, logger } = options;
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const refreshMs = options.refreshSeconds * 1000;
  const log = logger.child({ component: 'network-directory', url: options.url });
  let held: { jws: string; directory: Directory; acceptedAt: string } | undefined;
  let lastRefresh: DirectoryStatus['lastRefresh'] = null;
  let partnerSources: DirectoryStatus['partners'] = options.local().filter((p) => p.keys.length > 0).map((p) => ({ id: p.id, source: 'local' as const }));
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const seconds = (): number => Math.floor(options.now() / 1000);
  const iso = (s: number): string => new Date(s * 1000).toISOString();

  /** Builds the partners of `directory` (before anything is kept, so one that cannot be built is refused) and swaps them in. */
  function adopt(jws: string, directory: Directory, acceptedAt: string, why: 'accepted' | 'read' | 'restart'): void {
    const built = partnersFromDirectory(directory, options.self, options.local(), seconds());
    options.partners.swap(built.directory);
    const before = held?.directory.sequence;
    held = { jws, directory, acceptedAt };
    partnerSources = built.partners.map((p) => ({ id: p.id, source: p.source ?? 'local' }));
    if (before !== directory.sequence) {
      options.onPartners?.(built.partners.map((p) => p.id));
      log.info(
        { sequence: directory.sequence, previous: before ?? null, how: why, partners: partnerSources.map((p) => `${p.id} (${p.source})`) },
        `network directory ${directory.network.id} sequence ${directory.sequence} taken: ${built.partners.length} partner(s)`,
      );
      for (const note of built.notes) log.warn({ sequence: directory.sequence }, `network directory: ${note}`);
    }
  }

  function refused(outcome: 'refused' | 'unreachable', code: string, message: string): void {
    lastRefresh = { at: new Date(options.now()).toISOString(), outcome, code, message };
    log.error(
      { code, outcome, keeping: held?.directory.sequence ?? null },
      `network directory ${outcome === 'refused' ? 'refused' : 'not fetched'}: ${message}; ${held === undefined ? 'no directory held yet' : `keeping sequence ${held.directory.sequence}`}`,
    );
    options.observe?.(outcome, code, heldFigures());
  }

  const heldFigures = (): { sequence: number; exp: number } | undefined => (held === undefined ? undefined : { sequence: held.directory.sequence, exp: held.directory.exp });

  async function fetchDocument(): Promise<string> {
    const { request } = await undici();
    const response = await request(options.url, {
      headers: { accept: 'application/jose, text/plain' },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new DirectoryError('DIR_SOURCE', `${options.url} answered HTTP ${response.statusCode}`);
    if (body.length > MAX_BYTES) throw new DirectoryError('DIR_SCHEMA', `the document is larger than ${MAX_BYTES} bytes`);
    return body.trim();
  }

  /** Fetches and checks the operator's document; keeps and adopts it when it is new and good. */
  async function fetchAndTake(): Promise<void> {
    let jws: string;
    try {
      jws = await fetchDocument();
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      return refused('unreachable', error instanceof DirectoryError ? error.code : 'DIR_FETCH', `${options.url}: ${code !== undefined && !(error instanceof DirectoryError) ? `${code} ` : ''}${message}`);
    }
    if (held !== undefined && jws === held.jws) {
      lastRefresh = { at: new Date(options.now()).toISOString(), outcome: 'unchanged' };
      options.observe?.('unchanged', undefined, heldFigures());
      return;
    }
    let directory: Directory;
    try {
      directory = verifyDirectory(jws, { operatorKeys: options.operatorKeys, now: seconds(), after: held?.directory });
      // Built before it is kept: a document whose partners cannot be built (a kid twice) is refused too.
      partnersFromDirectory(directory, options.self, options.local(), seconds());
    } catch (error) {
      const code = error instanceof DirectoryError ? error.code : 'DIR_SCHEMA';
      return refused('refused', code, (error as Error).message);
    }
    const acceptedAt = new Date(options.now()).toISOString();
    // Another replica may have kept a newer one meanwhile: then that one is read below instead.
    if (await store.keepDirectory({ jws, sequence: directory.sequence, acceptedAt })) {
      adopt(jws, directory, acceptedAt, 'accepted');
      lastRefresh = { at: acceptedAt, outcome: 'accepted' };
      options.observe?.('accepted', undefined, heldFigures());
    }
  }

  /** Takes a newer document a replica kept (checked again: the store is not the operator). */
  async function readKept(): Promise<boolean> {
    const kept = await store.heldDirectory();
    if (kept === undefined || (held !== undefined && kept.sequence <= held.directory.sequence)) return false;
    try {
      const directory = verifyDirectory(kept.jws, { operatorKeys: options.operatorKeys, now: seconds(), after: held?.directory, allowExpired: true });
      adopt(kept.jws, directory, kept.acceptedAt, held === undefined ? 'restart' : 'read');
      return true;
    } catch (error) {
      refused('refused', error instanceof DirectoryError ? error.code : 'DIR_SCHEMA', `the directory kept in the store (sequence ${kept.sequence}): ${(error as Error).message}`);
      return false;
    }
  }

  async function refreshOnce(force: boolean): Promise<void> {
    try {
      // On a start, the kept document first: a fetched one must then be above its sequence (no rollback across a restart).
      const restarted = held === undefined && (await readKept());
      const fetching = force || (await store.claimDirectoryFetch(owner, 2 * refreshMs + options.timeoutMs));
      if (fetching) await fetchAndTake();
      if (((await readKept()) || restarted) && !fetching) {
        lastRefresh = { at: new Date(options.now()).toISOString(), outcome: 'read' };
        options.observe?.('read', undefined, heldFigures());
      }
      // Keys come into and out of their validity periods between documents: the partners are rebuilt every time.
      if (held !== undefined) adopt(held.jws, held.directory, held.acceptedAt, 'read');
      if (held !== undefined && held.directory.exp <= seconds()) {
        log.error({ sequence: held.directory.sequence, expiredAt: iso(held.directory.exp) }, `network directory: the last good one (sequence ${held.directory.sequence}) expired at ${iso(held.directory.exp)}; still used, and the gateway is not ready`);
      }
    } catch (error) {
      refused('unreachable', 'DIR_STORE', `the store: ${(error as Error).message}`);
    }
  }

  function refresh(force: boolean): Promise<void> {
    running ??= refreshOnce(force).finally(() => {
      running = undefined;
    });
    return running;
  }

  function status(): DirectoryStatus {
    const d = held?.directory;
    return {
      url: options.url,
      network: d === undefined ? null : { ...d.network },
      sequence: d?.sequence ?? null,
      issuedAt: d === undefined ? null : iso(d.iat),
      expiresAt: d === undefined ? null : iso(d.exp),
      acceptedAt: held?.acceptedAt ?? null,
      expired: d !== undefined && d.exp <= seconds(),
      lastRefresh,
      partners: partnerSources,
    };
  }

  return {
    async start() {
      await refresh(false);
      const tick = (): void => {
        if (closed) return;
        timer = setTimeout(() => void refresh(false).finally(tick), refreshMs);
        timer.unref();
      };
      tick();
    },
    async refresh() {
      // A refresh already under way may not have fetched (another replica's lease): wait for it, then fetch.
      await running;
      await refresh(true);
      return status();
    },
    status,
    async readiness() {
      const d = held?.directory;
      const problem =
        d === undefined
          ? `no network directory accepted yet from ${options.url}${lastRefresh?.message === undefined ? '' : ` (${lastRefresh.message})`}`
          : d.exp <= seconds()
            ? `the last good network directory (sequence ${d.sequence}) expired at ${iso(d.exp)}${lastRefresh?.message === undefined ? '' : `; the last refresh: ${lastRefresh.message}`}`
            : undefined;
      if (problem !== undefined) throw Object.assign(new Error(problem), { detail: problem });
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
      await store.releaseDirectoryFetch(owner).catch((error: unknown) => log.warn({ err: error }, 'network directory: cannot give up the fetch lease'));
    },
  };
}
