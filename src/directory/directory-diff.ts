import type { Directory, DirectoryLink, DirectoryMember } from './directory-document.js';

export type ChangeKind = 'member-added' | 'member-removed' | 'member-revoked' | 'url-moved' | 'key-added' | 'key-removed' | 'key-revoked' | 'key-validity' | 'services-changed' | 'roles-changed' | 'link-added' | 'link-removed' | 'link-services-changed' | 'network-renamed';

/** One change from one directory to the next, and the members it concerns (whose gateways must act on it). */
export interface DirectoryChange {
  readonly kind: ChangeKind;
  readonly message: string;
  readonly concerns: readonly string[];
}

/** What changes from `before` to `after`, member by member and link by link. */
export function diffDirectories(before: Directory, after: Directory): DirectoryChange[] {
  const changes: DirectoryChange[] = [];
  const add = (kind: ChangeKind, message: string, concerns: readonly string[]): void => void changes.push({ kind, message, concerns });
  if (before.network.id !== after.network.id || before.network.name !== after.network.name) {
    add('network-renamed', `the network ${before.network.id} (${before.network.name}) is now ${after.network.id} (${after.network.name})`, []);
  }
  const old = new Map(before.members.map((m) => [m.id, m]));
  const now = new Map(after.members.map((m) => [m.id, m]));
  const partnersOf = (id: string, links: readonly DirectoryLink[]): string[] => [
    ...new Set(links.flatMap((l) => (l.customer === id ? [l.supplier] : l.supplier === id ? [l.customer] : []))),
  ];
  const revokedMembers = new Set(after.revocations.members.filter((r) => !before.revocations.members.some((b) => b.id === r.id)).map((r) => r.id));
  for (const [id, member] of now) if (!old.has(id)) add('member-added', `${id} (${member.name}) joins at ${member.url}`, [id]);
  for (const [id, member] of old) {
    if (now.has(id)) continue;
    if (revokedMembers.has(id)) add('member-revoked', `${id} (${member.name}) is revoked${reasonOf(after.revocations.members.find((r) => r.id === id)?.reason)}`, partnersOf(id, before.links));
    else add('member-removed', `${id} (${member.name}) leaves the network`, partnersOf(id, before.links));
  }
  for (const id of revokedMembers) if (!old.has(id)) add('member-revoked', `${id} is revoked${reasonOf(after.revocations.members.find((r) => r.id === id)?.reason)}`, []);
  for (const [id, was] of old) {
    const is = now.get(id);
    if (is === undefined) continue;
    const partners = partnersOf(id, after.links);
    if (was.url !== is.url) add('url-moved', `${id} moves from ${was.url} to ${is.url}`, partners);
    keyChanges(was, is, after, partners, add);
    const services = (m: DirectoryMember): string => m.services.map((s) => s.id).sort().join(', ');
    if (services(was) !== services(is)) add('services-changed', `${id} offers ${services(is) || 'no services'} (was ${services(was) || 'none'})`, partners);
    if ([...was.roles].sort().join() !== [...is.roles].sort().join()) add('roles-changed', `${id} is ${is.roles.join(' and ') || 'in no link'} (was ${was.roles.join(' and ') || 'in no link'})`, [id]);
  }
  const key = (l: DirectoryLink): string => `${l.customer} -> ${l.supplier} (${l.agreement})`;
  const oldLinks = new Map(before.links.map((l) => [key(l), l]));
  const newLinks = new Map(after.links.map((l) => [key(l), l]));
  for (const [k, link] of newLinks) {
    const was = oldLinks.get(k);
    if (was === undefined) add('link-added', `${link.customer} may be ${link.supplier}'s customer for ${link.services.join(', ')} under ${link.agreement}`, [link.customer, link.supplier]);
    else if ([...was.services].sort().join() !== [...link.services].sort().join()) {
      add('link-services-changed', `${k} covers ${link.services.join(', ')} (was ${was.services.join(', ')})`, [link.customer, link.supplier]);
    }
  }
  for (const [k, link] of oldLinks) if (!newLinks.has(k)) add('link-removed', `${k} is no longer allowed`, [link.customer, link.supplier]);
  return changes;
}

function keyChanges(was: DirectoryMember, is: DirectoryMember, after: Directory, partners: readonly string[], add: (kind: ChangeKind, message: string, concerns: readonly string[]) => void): void {
  const oldKeys = new Map(was.keys.map((k) => [k.jwk.kid!, k]));
  const newKeys = new Map(is.keys.map((k) => [k.jwk.kid!, k]));
  for (const [kid, k] of newKeys) {
    const before = oldKeys.get(kid);
    if (before === undefined) add('key-added', `${is.id} adds key ${kid}${periodOf(k.nbf, k.exp)}`, partners);
    else if (before.nbf !== k.nbf || before.exp !== k.exp) add('key-validity', `${is.id}'s key ${kid} is valid${periodOf(k.nbf, k.exp) || ' without limit'} (was${periodOf(before.nbf, before.exp) || ' without limit'})`, partners);
  }
  for (const kid of oldKeys.keys()) {
    if (newKeys.has(kid)) continue;
    const revoked = after.revocations.keys.find((r) => r.member === is.id && r.kid === kid);
    if (revoked !== undefined) add('key-revoked', `${is.id}'s key ${kid} is revoked${reasonOf(revoked.reason)}`, partners);
    else add('key-removed', `${is.id} retires key ${kid}`, partners);
  }
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
const periodOf = (nbf: number | undefined, exp: number | undefined): string => `${nbf === undefined ? '' : ` from ${iso(nbf)}`}${exp === undefined ? '' : ` until ${iso(exp)}`}`;
const reasonOf = (reason: string | undefined): string => (reason === undefined ? '' : ` (${reason})`);
