import type { JWK } from 'jose';
import type { PartnerConfig } from '../config/load-config.js';
import { createSwitch } from '../kernel/switch.js';
import { KeyError, publicJwkOf, verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { readJsonFile, readOrCreatePrivateJwk } from '../keys/key-files.js';
import { loadPartnerTls, type PartnerTls } from './partner-tls.js';

export type PartnerRole = 'customer' | 'supplier';

export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly PartnerRole[];
  readonly keys: readonly VerificationKey[];
  /** The partner's own usm-link gateway, when it runs one. */
  readonly url?: string;
  /** For a supplier: the services it provides to us. */
  readonly services?: readonly { readonly id: string; readonly name: string }[];
  /** Where its URL, keys and roles come from: the network directory this gateway follows, or its own config. */
  readonly source?: 'directory' | 'local';
  /** Where the partner's TMF621 `/hub` callbacks may go (`partners[].tmf`). */
  readonly callbacks?: CallbackPolicy;
  /**
   * From a network directory: the links it allows between this partner and this gateway (who is whose
   * customer, under which agreement id, for which services). Absent for a partner of the config, whose
   * agreements alone say what it may do.
   */
  readonly links?: readonly { readonly customer: string; readonly supplier: string; readonly agreement: string; readonly services: readonly string[] }[];
  /** TLS toward its gateway and the client certificate it must come over (`partners[].tls`, always from the config). */
  readonly tls?: PartnerTls;
}

/** The hosts a partner's TMF621 listener callbacks may name, and whether they may reach non-public addresses. */
export interface CallbackPolicy {
  readonly hosts: readonly string[];
  readonly allowPrivateAddresses: boolean;
}

export interface PartnerDirectory {
  get(id: string): Partner | undefined;
  all(): readonly Partner[];
  /** The key with this kid and the partner it belongs to. */
  keyOwner(kid: string): { partner: Partner; key: VerificationKey } | undefined;
}

export function createPartnerDirectory(partners: readonly Partner[]): PartnerDirectory {
  const byId = new Map(partners.map((p) => [p.id, p]));
  const byKid = new Map<string, { partner: Partner; key: VerificationKey }>();
  for (const partner of partners) {
    for (const key of partner.keys) {
      const other = byKid.get(key.kid);
      if (other !== undefined) throw new KeyError(`kid ${key.kid} is used by both ${other.partner.id} and ${partner.id}`);
      byKid.set(key.kid, { partner, key });
    }
  }
  return {
    get: (id) => byId.get(id),
    all: () => partners,
    keyOwner: (kid) => byKid.get(kid),
  };
}

/** A partner directory that a followed network directory replaces as a whole, at once. */
export interface SwitchablePartners extends PartnerDirectory {
  /** From now on, lookups see `next`; what runs pinned to the one before goes on with it. */
  swap(next: PartnerDirectory): void;
  /** The directory of now, pinned for `run` and everything it awaits (a request finishes on the directory it started with). */
  pinned<T>(run: () => T): T;
}

export function createSwitchablePartners(initial: PartnerDirectory): SwitchablePartners {
  const directory = createSwitch(initial);
  return {
    get: (id) => directory.now().get(id),
    all: () => directory.now().all(),
    keyOwner: (kid) => directory.now().keyOwner(kid),
    swap: (next) => directory.swap(next),
    pinned: (run) => directory.pinned(run),
  };
}

export interface LoadedPartners {
  readonly directory: PartnerDirectory;
  /** The partners as configured (one without keys waits for a network directory to give them). */
  readonly partners: readonly Partner[];
  /** Development keys created on this start (their paths), to warn about. */
  readonly createdDevKeys: readonly string[];
}

/**
 * Reads every partner's public keys from config (inline, file, or a development key file); for a
 * partner with `jwksUrl` they are the pins its fetched keys must be among (see partner-jwks.ts). A partner
 * with none (allowed when the gateway follows a network directory) has its keys from the directory.
 */
export async function loadPartners(configs: readonly PartnerConfig[], env: Readonly<Record<string, string | undefined>> = {}): Promise<LoadedPartners> {
  const createdDevKeys: string[] = [];
  const partners: Partner[] = [];
  for (const config of configs) {
    let jwks: JWK[];
    if (config.jwks !== undefined) {
      jwks = config.jwks.keys as JWK[];
    } else if (config.jwksFile !== undefined) {
      const set = (await readJsonFile(config.jwksFile)) as { keys?: unknown };
      if (!Array.isArray(set?.keys)) throw new KeyError(`${config.jwksFile} is not a JWKS ({"keys": [...]})`);
      jwks = set.keys as JWK[];
    } else if (config.devKeyFile === undefined) {
      jwks = [];
    } else {
      const { jwk, created } = await readOrCreatePrivateJwk(config.devKeyFile!, true);
      if (created) createdDevKeys.push(config.devKeyFile!);
      jwks = [publicJwkOf(jwk)];
    }
    const keys = jwks.map((jwk) => {
      try {
        return verificationKeyOf(jwk);
      } catch (error) {
        throw new KeyError(`partner ${config.id}: ${(error as Error).message}`);
      }
    });
    if (keys.length === 0 && (config.jwks !== undefined || config.jwksFile !== undefined)) throw new KeyError(`partner ${config.id} has no keys`);
    const tls = await loadPartnerTls(config.id, config.tls, env);
    partners.push({
      id: config.id,
      name: config.name,
      roles: config.roles,
      keys,
      ...(config.url !== undefined ? { url: config.url } : {}),
      ...(config.services !== undefined ? { services: config.services } : {}),
      source: 'local',
      ...(tls !== undefined ? { tls } : {}),
      ...(config.tmf?.callbackHosts !== undefined ? { callbacks: { hosts: config.tmf.callbackHosts.map((h) => h.toLowerCase()), allowPrivateAddresses: config.tmf.allowPrivateAddresses ?? false } } : {}),
    });
  }
  // A partner whose keys are fetched (`jwksUrl`) has none until the first fetch: its configured keys only pin.
  return { directory: createPartnerDirectory(partners.filter((p, i) => p.keys.length > 0 && configs[i]!.jwksUrl === undefined)), partners, createdDevKeys };
}
