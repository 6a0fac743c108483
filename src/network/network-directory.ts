import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DirectoryError, type Directory, type DirectoryKey, type DirectoryLink, type DirectoryMember, type DirectoryRevocations } from '../directory/directory-document.js';
import { publicJwkOf } from '../keys/jwk.js';
import type { Network } from './network-model.js';

/** The operator's own source file beside the gateway configs: `operator/network.yaml`. */
export const OPERATOR_SOURCE = join('operator', 'network.yaml');

/** What only the operator knows: the network's name, who runs it, key periods and revocations. */
export interface OperatorSource {
  readonly network: { readonly id: string; readonly name: string };
  readonly operator: { readonly id: string; readonly name: string };
  readonly keys?: readonly { readonly member: string; readonly kid: string; readonly nbf?: string; readonly exp?: string }[];
  readonly revocations?: { readonly keys?: DirectoryRevocations['keys']; readonly members?: DirectoryRevocations['members'] };
}

/** The operator source of a network directory, found in it or (through `extends`) in the network it varies. */
export async function readOperatorSource(dir: string): Promise<OperatorSource> {
  for (let at = dir, hops = 0; hops < 10; hops++) {
    const file = join(at, OPERATOR_SOURCE);
    if (await exists(file)) return checkSource(parseYaml(await readFile(file, 'utf8')), file);
    const base = join(at, 'extends');
    if (!(await exists(base))) break;
    at = join(at, (await readFile(base, 'utf8')).trim());
  }
  throw new DirectoryError('DIR_SOURCE', `${dir} has no ${OPERATOR_SOURCE} (the network's id and name and its operator)`);
}

export interface BuildOptions {
  readonly sequence: number;
  /** Unix seconds. */
  readonly issuedAt: number;
  readonly validSeconds: number;
}

/**
 * The directory document of a network: each gateway a member (its public URL, published keys and
 * services), each agreement between two members a link, less what the operator revoked.
 */
export function directoryOf(network: Network, source: OperatorSource, options: BuildOptions): Directory {
  const revokedMembers = new Set((source.revocations?.members ?? []).map((r) => r.id));
  const revokedKeys = new Set((source.revocations?.keys ?? []).map((r) => `${r.member} ${r.kid}`));
  const parties = [...network.parties.values()].filter((p) => !revokedMembers.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(parties.map((p) => p.id));
  const links = new Map<string, DirectoryLink>();
  for (const party of parties) {
    for (const a of party.config.agreements) {
      if (ids.has(a.customer) && (a.status ?? 'active') === 'active') links.set(`${a.customer} ${party.id} ${a.id}`, { customer: a.customer, supplier: party.id, agreement: a.id, services: [...a.services] });
    }
    for (const u of party.config.underpinning) {
      const k = `${party.id} ${u.supplier} ${u.id}`;
      if (ids.has(u.supplier) && !links.has(k) && (u.status ?? 'active') === 'active') links.set(k, { customer: party.id, supplier: u.supplier, agreement: u.id, services: [...u.services] });
    }
  }
  const linkList = [...links.values()].sort((a, b) => `${a.customer} ${a.supplier} ${a.agreement}`.localeCompare(`${b.customer} ${b.supplier} ${b.agreement}`));
  const members = parties.map((party): DirectoryMember => {
    const roles = [
      ...(linkList.some((l) => l.customer === party.id) ? (['customer'] as const) : []),
      ...(linkList.some((l) => l.supplier === party.id) ? (['supplier'] as const) : []),
    ];
    const keys = (party.publishedKeys ?? [])
      .filter((jwk) => !revokedKeys.has(`${party.id} ${jwk.kid}`))
      .map((jwk): DirectoryKey => {
        const period = source.keys?.find((k) => k.member === party.id && k.kid === jwk.kid);
        return { jwk: publicJwkOf(jwk), ...(period?.nbf === undefined ? {} : { nbf: seconds(period.nbf) }), ...(period?.exp === undefined ? {} : { exp: seconds(period.exp) }) };
      });
    if (party.config.publicUrl === undefined) throw new DirectoryError('DIR_SOURCE', `${party.file}: member ${party.id} has no publicUrl, so no gateway could reach it`);
    return {
      id: party.id,
      name: party.config.party.name,
      url: party.config.publicUrl,
      roles,
      keys,
      services: party.config.services.map((s) => ({ id: s.id, name: s.name })),
    };
  });
  return {
    version: 1,
    network: { id: source.network.id, name: source.network.name },
    operator: { id: source.operator.id, name: source.operator.name },
    sequence: options.sequence,
    iat: options.issuedAt,
    exp: options.issuedAt + options.validSeconds,
    members,
    links: linkList,
    revocations: { keys: [...(source.revocations?.keys ?? [])], members: [...(source.revocations?.members ?? [])] },
  };
}

function checkSource(value: unknown, file: string): OperatorSource {
  const source = value as Partial<OperatorSource> | null;
  for (const key of ['network', 'operator'] as const) {
    const named = source?.[key];
    if (typeof named?.id !== 'string' || typeof named.name !== 'string') throw new DirectoryError('DIR_SOURCE', `${file}: ${key} needs an id and a name`);
  }
  return source as OperatorSource;
}

function seconds(text: string | Date): number {
  const ms = text instanceof Date ? text.getTime() : Date.parse(text);
  if (Number.isNaN(ms)) throw new DirectoryError('DIR_SOURCE', `${OPERATOR_SOURCE}: ${String(text)} is not a date`);
  return Math.floor(ms / 1000);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
