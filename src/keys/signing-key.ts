import type { components } from '../generated/config.js';
import type { JWK } from 'jose';
import { KeyError, publicJwkOf, signingKeyOf, verificationKeyOf, type SigningKey, type VerificationKey } from './jwk.js';
import { parseJwkJson, readJsonFile, readOrCreatePrivateJwk } from './key-files.js';

type SigningConfig = components['schemas']['SigningConfig'];

/** The gateway's own private key: from an environment variable, else from a file (created in development). */
export async function loadSigningKey(config: Pick<SigningConfig, 'keyFile' | 'keyEnv' | 'createIfMissing'>, env: Readonly<Record<string, string | undefined>>): Promise<{ key: SigningKey; created: boolean }> {
  const fromEnv = config.keyEnv === undefined ? undefined : env[config.keyEnv];
  if (fromEnv !== undefined && fromEnv !== '') {
    const where = `$${config.keyEnv}`;
    const jwk = parseJwkJson(fromEnv, where);
    return { key: naming(where, () => signingKeyOf(jwk)), created: false };
  }
  if (config.keyFile === undefined) throw new KeyError(`set ${config.keyEnv} to the gateway's private JWK`);
  const { jwk, created } = await readOrCreatePrivateJwk(config.keyFile, config.createIfMissing === true);
  return { key: naming(config.keyFile, () => signingKeyOf(jwk)), created };
}

/** The public keys published beside the signing key during a rotation. */
export async function loadPublishedKeys(files: readonly string[]): Promise<VerificationKey[]> {
  return Promise.all(
    files.map(async (file) => {
      const jwk = (await readJsonFile(file)) as JWK;
      return naming(file, () => verificationKeyOf(publicJwkOf(jwk)));
    }),
  );
}

/** A refused key, with where it came from (a file, or the variable) in front of the reason. */
function naming<T>(where: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new KeyError(`${where}: ${(error as Error).message}`, { cause: error });
  }
}

/** What the key ring holds: the key signing now, the next one with its switch time, and more keys to publish. */
export interface KeyRingKeys {
  readonly current: SigningKey;
  readonly next?: { readonly key: SigningKey; readonly activateAt: number } | undefined;
  /** After the switch, how long the previous key stays published (ms). */
  readonly retireAfterMs: number;
  /** Keys published beside them (`signing.publishKeyFiles`). */
  readonly extra: readonly VerificationKey[];
}

/**
 * The gateway's own keys over time. `signingKey` is one live object that every signer holds: until
 * `next.activateAt` its fields are the current key's, from then on the next key's. The switch is made
 * by a timer, between two turns of the event loop, so a signature (header and private key read in one
 * synchronous step) never mixes two keys. `replace` takes new keys (a config reload) the same way.
 */
export interface KeyRing {
  readonly signingKey: SigningKey;
  /** The keys of /.well-known/jwks.json now: the signing key first, the next one before its switch, the previous one until retired, the extra ones. */
  published(): VerificationKey[];
  replace(keys: KeyRingKeys): void;
  close(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function createKeyRing(initial: KeyRingKeys, options: { now: () => number; onSwitch?: (from: string, to: string) => void }): KeyRing {
  let keys = initial;
  let active: SigningKey = initial.current;
  let previous: { key: SigningKey; until: number }[] = [];
  let timer: NodeJS.Timeout | undefined;

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    const next = keys.next;
    if (next === undefined || active === next.key) return;
    const wait = next.activateAt - options.now();
    if (wait <= 0) {
      previous.push({ key: keys.current, until: next.activateAt + keys.retireAfterMs });
      active = next.key;
      options.onSwitch?.(keys.current.kid, next.key.kid);
      return;
    }
    timer = setTimeout(schedule, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
  }

  const live: SigningKey = {
    get kid() {
      return active.kid;
    },
    get alg() {
      return active.alg;
    },
    get key() {
      return active.key;
    },
    get jwk() {
      return active.jwk;
    },
    get privateKey() {
      return active.privateKey;
    },
  };
  schedule();

  return {
    signingKey: live,
    published() {
      const list: VerificationKey[] = [active];
      if (keys.next !== undefined && active !== keys.next.key) list.push(keys.next.key);
      const now = options.now();
      list.push(...previous.filter((p) => now < p.until).map((p) => p.key));
      list.push(...keys.extra);
      const seen = new Set<string>();
      return list.filter((k) => !seen.has(k.kid) && seen.add(k.kid)).map(({ kid, alg, key, jwk }) => ({ kid, alg, key, jwk }));
    },
    replace(next) {
      const was = active;
      keys = next;
      previous = [];
      active = next.current;
      schedule();
      // The key that signed until now, if the new keys drop it, stays published for the grace period.
      if (![active, next.current, next.next?.key].some((k) => k?.kid === was.kid)) previous.push({ key: was, until: options.now() + next.retireAfterMs });
    },
    close() {
      clearTimeout(timer);
    },
  };
}

/** The signing config's keys as a key ring's: the key, the next one (`signing.next`) and the published ones. */
export async function loadKeyRingKeys(
  config: SigningConfig,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ keys: KeyRingKeys; created: boolean }> {
  const { key, created } = await loadSigningKey(config, env);
  const next =
    config.next === undefined
      ? undefined
      : await (async (file: string, activateAt: string) => {
          const { jwk } = await readOrCreatePrivateJwk(file, false);
          return { key: naming(file, () => signingKeyOf(jwk)), activateAt: Date.parse(activateAt) };
        })(config.next.keyFile, config.next.activateAt);
  return { keys: { current: key, next, retireAfterMs: (config.retireAfterSeconds ?? 604_800) * 1000, extra: await loadPublishedKeys(config.publishKeyFiles ?? []) }, created };
}
