import { verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import type { JWK } from 'jose';

/** A gateway's published keys (`/.well-known/jwks.json`), fetched when a key id is new to us. */
export interface GatewayKeys {
  /** The key with this id; the set is fetched again first when the id is not known (the gateway may have rotated). */
  keyFor(kid: string): Promise<VerificationKey | undefined>;
}

export interface GatewayKeysOptions {
  /** Fetches the gateway's JWKS document. */
  readonly fetchJwks: () => Promise<unknown>;
  readonly now?: () => number;
  /** The least time between two fetches for unknown key ids, so that a forged kid cannot make us hammer the gateway. */
  readonly minRefreshMs?: number;
}

export function createGatewayKeys(options: GatewayKeysOptions): GatewayKeys {
  const now = options.now ?? Date.now;
  const minRefreshMs = options.minRefreshMs ?? 10_000;
  let keys = new Map<string, VerificationKey>();
  let fetchedAt: number | undefined;
  let fetching: Promise<void> | undefined;

  const refresh = (): Promise<void> =>
    (fetching ??= (async () => {
      try {
        const document = await options.fetchJwks();
        const listed = (document as { keys?: unknown } | null)?.keys;
        const next = new Map<string, VerificationKey>();
        for (const jwk of Array.isArray(listed) ? (listed as JWK[]) : []) {
          try {
            const key = verificationKeyOf(jwk);
            next.set(key.kid, key);
          } catch {
            // A key we cannot use (another key type, no kid) verifies nothing of ours: leave it out.
          }
        }
        keys = next;
        fetchedAt = now();
      } finally {
        fetching = undefined;
      }
    })());

  return {
    async keyFor(kid) {
      if (!keys.has(kid) && (fetchedAt === undefined || now() - fetchedAt >= minRefreshMs)) await refresh();
      return keys.get(kid);
    },
  };
}
