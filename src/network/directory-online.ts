import type { JWK } from 'jose';
import type { Directory } from '../directory/directory-document.js';

/** What a member's running gateway says of itself: its discovery document and its published keys (or why they could not be read). */
export interface GatewaySeen {
  readonly discovery: { readonly partyId?: string; readonly apiBase?: string } | Error;
  readonly keys: readonly JWK[] | Error;
}

export type OnlineDifferenceKind = 'unreachable' | 'party-mismatch' | 'url-mismatch' | 'signing-key-not-listed' | 'key-not-listed' | 'key-not-published';

/** One way a running gateway differs from the published directory. */
export interface OnlineDifference {
  readonly member: string;
  readonly kind: OnlineDifferenceKind;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * Compares each member's running gateway with what the directory says of it: the party it answers as
 * and its URL (discovery), and its keys. The first key of a gateway's JWKS is the one it signs with: not
 * in the directory, every partner that follows the directory refuses its messages. A key the directory
 * lists that the gateway does not publish is a rotation left half done (a warning).
 */
export function compareWithDirectory(directory: Directory, seen: ReadonlyMap<string, GatewaySeen>, now: number): OnlineDifference[] {
  const differences: OnlineDifference[] = [];
  const add = (member: string, kind: OnlineDifferenceKind, severity: 'error' | 'warning', message: string): void => void differences.push({ member, kind, severity, message });
  for (const member of directory.members) {
    const gateway = seen.get(member.id);
    if (gateway === undefined) continue;
    if (gateway.discovery instanceof Error || gateway.keys instanceof Error) {
      const error = gateway.discovery instanceof Error ? gateway.discovery : (gateway.keys as Error);
      add(member.id, 'unreachable', 'error', `${member.id}'s gateway at ${member.url} cannot be read: ${error.message}`);
      continue;
    }
    if (gateway.discovery.partyId !== member.id) add(member.id, 'party-mismatch', 'error', `the gateway at ${member.url} answers as ${gateway.discovery.partyId ?? '(no party id)'}, not ${member.id}`);
    const apiBase = gateway.discovery.apiBase?.replace(/\/$/, '');
    if (apiBase !== undefined && apiBase !== member.url.replace(/\/$/, '')) {
      add(member.id, 'url-mismatch', 'warning', `${member.id}'s gateway says its public URL is ${apiBase}; the directory says ${member.url}`);
    }
    const listed = new Set(member.keys.filter((k) => (k.nbf === undefined || k.nbf <= now) && (k.exp === undefined || now < k.exp)).map((k) => k.jwk.kid));
    const published = gateway.keys.map((k) => k.kid);
    gateway.keys.forEach((key, i) => {
      if (listed.has(key.kid)) return;
      if (i === 0) add(member.id, 'signing-key-not-listed', 'error', `${member.id} signs with key ${key.kid}, which the directory does not list (valid now): its partners refuse its messages`);
      else add(member.id, 'key-not-listed', 'warning', `${member.id} publishes key ${key.kid}, which the directory does not list`);
    });
    for (const kid of listed) {
      if (!published.includes(kid)) add(member.id, 'key-not-published', 'warning', `the directory lists ${member.id}'s key ${kid}, which its gateway no longer publishes`);
    }
  }
  return differences;
}
