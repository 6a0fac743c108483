import type { JWK } from 'jose';
import { KeyError, sameKey, verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { createPartnerDirectory, type Partner, type PartnerDirectory, type PartnerRole } from '../partners/partner-directory.js';
import type { Directory, DirectoryKey, DirectoryMember } from './directory-document.js';

/** The partners a gateway takes from a directory, and why it left out what it left out. */
export interface DirectoryPartners {
  readonly directory: PartnerDirectory;
  readonly partners: readonly Partner[];
  /** One line per partner of the config the directory does not allow (or allows less of). */
  readonly notes: readonly string[];
}

/**
 * This gateway's partners under `directory` at `now` (Unix seconds). A member with a link to `self`
 * is a partner with the roles its links give it, its URL and the keys the operator vouches for now
 * (not revoked, within `nbf`/`exp`). The config (`local`) only narrows: a configured member keeps only
 * the roles both allow and, when the config lists keys, only the directory's keys among them. A
 * configured partner that is no member (a customer without a gateway) stays as configured, unless
 * the directory revokes it or one of its keys. Throws a KeyError when two partners share a kid.
 */
export function partnersFromDirectory(directory: Directory, self: string, local: readonly Partner[], now: number): DirectoryPartners {
  const notes: string[] = [];
  const revokedMembers = new Set(directory.revocations.members.map((r) => r.id));
  const revokedKeys = new Set(directory.revocations.keys.map((r) => `${r.member} ${r.kid}`));
  const members = new Map(directory.members.map((m) => [m.id, m]));
  const configured = new Map(local.map((p) => [p.id, p]));
  const partners: Partner[] = [];

  for (const member of directory.members) {
    if (member.id === self || revokedMembers.has(member.id)) continue;
    const links = directory.links.filter((l) => (l.customer === member.id && l.supplier === self) || (l.customer === self && l.supplier === member.id));
    const allowed: PartnerRole[] = [
      ...(links.some((l) => l.customer === member.id) ? (['customer'] as const) : []),
      ...(links.some((l) => l.supplier === member.id) ? (['supplier'] as const) : []),
    ];
    const mine = configured.get(member.id);
    if (allowed.length === 0) {
      if (mine !== undefined) notes.push(`${member.id}: the directory allows no link with ${self}; not a partner`);
      continue;
    }
    const roles = mine === undefined ? allowed : allowed.filter((r) => mine.roles.includes(r));
    if (roles.length === 0) {
      notes.push(`${member.id}: the config allows it as ${mine!.roles.join(' and ')}, the directory only as ${allowed.join(' and ')}; not a partner`);
      continue;
    }
    let keys = member.keys.filter((k) => !revokedKeys.has(`${member.id} ${k.jwk.kid}`) && validAt(k, now)).map((k) => keyOf(member, k.jwk));
    if (mine !== undefined && mine.keys.length > 0) keys = keys.filter((k) => mine.keys.some((m) => sameKey(m.jwk, k.jwk)));
    if (keys.length === 0) {
      notes.push(`${member.id}: no key of it is valid now${mine !== undefined && mine.keys.length > 0 ? ' among those the config lists' : ''}; not a partner`);
      continue;
    }
    const linked = new Set(links.filter((l) => l.supplier === member.id).flatMap((l) => l.services));
    const services = member.services.filter((s) => linked.has(s.id) && (mine?.services === undefined || mine.services.some((m) => m.id === s.id)));
    partners.push({
      id: member.id,
      name: mine?.name ?? member.name,
      roles,
      keys,
      url: member.url,
      ...(roles.includes('supplier') ? { services } : {}),
      source: 'directory',
      ...(mine?.tls !== undefined ? { tls: mine.tls } : {}),
      links: links.filter((l) => roles.includes(l.customer === member.id ? 'customer' : 'supplier')).map((l) => ({ ...l, services: [...l.services] })),
    });
  }

  for (const partner of local) {
    if (members.has(partner.id)) continue;
    if (revokedMembers.has(partner.id)) {
      notes.push(`${partner.id}: revoked by the network's operator; not a partner`);
      continue;
    }
    if (partner.keys.length === 0) {
      notes.push(`${partner.id}: configured without keys and not a member of the network; not a partner`);
      continue;
    }
    const keys = partner.keys.filter((k) => !revokedKeys.has(`${partner.id} ${k.kid}`));
    if (keys.length < partner.keys.length) notes.push(`${partner.id}: ${partner.keys.length - keys.length} of its configured keys revoked by the network's operator`);
    if (keys.length > 0) partners.push({ ...partner, keys, source: 'local' });
  }
  return { directory: createPartnerDirectory(partners), partners, notes };
}

function validAt(key: DirectoryKey, now: number): boolean {
  return (key.nbf === undefined || key.nbf <= now) && (key.exp === undefined || now < key.exp);
}

function keyOf(member: DirectoryMember, jwk: JWK): VerificationKey {
  try {
    return verificationKeyOf(jwk);
  } catch (error) {
    throw new KeyError(`member ${member.id}: ${(error as Error).message}`);
  }
}

