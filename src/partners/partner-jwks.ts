import type { JWK } from 'jose';
import type { Logger } from 'pino';
import type { PartnerConfig } from '../config/load-config.js';
import { undici } from '../kernel/undici.js';
import { sameKey, verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { createPartnerDirectory, type Partner, type PartnerDirectory, type SwitchablePartners } from './partner-directory.js';

/** The most a partner's JWKS may weigh. */
const MAX_BYTES = 256 * 1024;

/** One partner's fetched keys: when they were last fetched well, and how the last fetch went. */
export interface PartnerKeysStatus {
  readonly partner: string;
  readonly url: string;
  readonly kids: readonly string[];
  readonly fetchedAt: string | null;
  readonly lastError: string | null;
}

export interface PartnerJwks {
  /** Fetches every partner's JWKS once (a failure is logged, not thrown), then each every `jwksRefreshSeconds`. */
  start(): Promise<void>;
  /** Fetches every partner's JWKS now; resolves when the partners are swapped. */
  refresh(): Promise<void>;
  status(): readonly PartnerKeysStatus[];
  /** A config reload: fetches every partner's JWKS (without swapping) and builds the partners; throws when they cannot be built. */
  prepare(): Promise<PartnerDirectory>;
  /** Swaps in what `prepare` built and refreshes from then on. */
  activate(directory: PartnerDirectory): void;
  /** The keys held for a partner fetched from `url` (a reload keeps them when the URL stays). */
  held(partner: string, url: string): { keys: VerificationKey[]; fetchedAt: string | null } | undefined;
  close(): void;
}

export interface PartnerJwksOptions {
  /** The partners of the config (`jwksUrl` ones carry their pins as keys, see loadPartners), and their config entries. */
  readonly partners: readonly Partner[];
  readonly configs: readonly PartnerConfig[];
  /** Swapped as a whole each time a partner's keys change (the mechanism the network directory follower uses). */
  readonly target: SwitchablePartners;
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly logger: Logger;
  /** The fetcher this one replaces (a reload): the last good keys of partners whose URL stays are kept. */
  readonly carry?: PartnerJwks;
}

/**
 * Keeps the keys of partners that publish them (`partners[].jwksUrl`): fetched from that URL only (no
 * redirect is followed), every `jwksRefreshSeconds`. A fetch that fails keeps the last good keys; a
 * successful one replaces them, so a key the partner no longer publishes is refused from then on. The
 * config's pins narrow what is taken: `kids`, and `jwks`/`jwksFile` (only keys equal to one of them).
 */
export function createPartnerJwks(options: PartnerJwksOptions): PartnerJwks {
  const log = options.logger.child({ component: 'partner-jwks' });
  const fetched = options.configs.filter((c) => c.jwksUrl !== undefined);
  const state = new Map<string, { keys: VerificationKey[]; fetchedAt: string | null; lastError: string | null }>(fetched.map((c) => [c.id, { keys: [], fetchedAt: null, lastError: null, ...options.carry?.held(c.id, c.jwksUrl!) }]));
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  /** The partners with the keys held now, swapped in at once; throws (nothing swapped) when two partners would share a kid. */
  function build(): PartnerDirectory {
    const list = options.partners
      .map((p) => (state.has(p.id) ? { ...p, keys: state.get(p.id)!.keys } : p))
      .filter((p) => p.keys.length > 0);
    return createPartnerDirectory(list);
  }
  const swap = (): void => options.target.swap(build());

  async function fetchKeys(config: PartnerConfig): Promise<VerificationKey[]> {
    const { request } = await undici();
    const response = await request(config.jwksUrl!, {
      headers: { accept: 'application/jwk-set+json, application/json' },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`answered HTTP ${response.statusCode}`);
    if (body.length > MAX_BYTES) throw new Error(`the JWKS is larger than ${MAX_BYTES} bytes`);
    let set: { keys?: unknown };
    try {
      set = JSON.parse(body) as { keys?: unknown };
    } catch {
      throw new Error('the answer is not JSON');
    }
    if (!Array.isArray(set?.keys)) throw new Error('the answer is not a JWKS ({"keys": [...]})');
    const pinned = options.partners.find((p) => p.id === config.id)?.keys ?? [];
    const keys: VerificationKey[] = [];
    for (const jwk of set.keys as JWK[]) {
      let key: VerificationKey;
      try {
        key = verificationKeyOf(jwk);
      } catch (error) {
        log.warn({ partner: config.id, kid: jwk?.kid ?? null }, `partner ${config.id}: a key of its JWKS is left out: ${(error as Error).message}`);
        continue;
      }
      if (config.kids !== undefined && !config.kids.includes(key.kid)) continue;
      if (pinned.length > 0 && !pinned.some((p) => sameKey(p.jwk, key.jwk))) continue;
      keys.push(key);
    }
    return keys;
  }

  async function refreshOne(config: PartnerConfig, swapping = true): Promise<void> {
    const held = state.get(config.id)!;
    let keys: VerificationKey[];
    try {
      keys = await fetchKeys(config);
    } catch (error) {
      if (closed) return;
      const message = `${config.jwksUrl}: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`.replace(/: +/, ': ');
      state.set(config.id, { ...held, lastError: message });
      log.error({ partner: config.id, keeping: held.keys.map((k) => k.kid) }, `partner ${config.id}: JWKS not fetched (${message}); keeping ${held.keys.length} key(s) of the last good fetch`);
      return;
    }
    // Closed meanwhile (replaced by a reload): what it fetched is not swapped in over its successor's.
    if (closed) return;
    const before = held.keys.map((k) => k.kid).sort().join(' ');
    const fetchedAt = new Date(options.now()).toISOString();
    state.set(config.id, { keys, fetchedAt, lastError: null });
    try {
      if (swapping) swap();
    } catch (error) {
      state.set(config.id, { ...held, lastError: (error as Error).message });
      swap();
      log.error({ partner: config.id }, `partner ${config.id}: JWKS refused (${(error as Error).message}); keeping the last good keys`);
      return;
    }
    const after = keys.map((k) => k.kid).sort().join(' ');
    if (before !== after) log.info({ partner: config.id, kids: keys.map((k) => k.kid), previous: held.keys.map((k) => k.kid) }, `partner ${config.id}: keys from its JWKS now ${after === '' ? '(none accepted)' : after}`);
  }

  function schedule(config: PartnerConfig): void {
    if (closed) return;
    const timer = setTimeout(() => void refreshOne(config).finally(() => schedule(config)), (config.jwksRefreshSeconds ?? 300) * 1000);
    timer.unref();
    timers.set(config.id, timer);
  }

  return {
    async start() {
      swap();
      await Promise.all(fetched.map((c) => refreshOne(c)));
      for (const config of fetched) schedule(config);
    },
    async refresh() {
      await Promise.all(fetched.map((c) => refreshOne(c)));
    },
    async prepare() {
      await Promise.all(fetched.map((c) => refreshOne(c, false)));
      return build();
    },
    activate(directory) {
      options.target.swap(directory);
      for (const config of fetched) schedule(config);
    },
    held(partner, url) {
      const config = fetched.find((c) => c.id === partner);
      const held = state.get(partner);
      return config?.jwksUrl === url && held !== undefined ? { keys: held.keys, fetchedAt: held.fetchedAt } : undefined;
    },
    status: () => fetched.map((c) => ({ partner: c.id, url: c.jwksUrl!, kids: state.get(c.id)!.keys.map((k) => k.kid), fetchedAt: state.get(c.id)!.fetchedAt, lastError: state.get(c.id)!.lastError })),
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
