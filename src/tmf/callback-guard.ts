import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';
import { GatewayError } from '../kernel/gateway-error.js';
import type { CallbackPolicy } from '../partners/partner-directory.js';

/**
 * Where a partner's TMF621 listener callbacks may go: an `http(s)` URL on a host its config entry
 * names (`partners[].tmf.callbackHosts`), whose addresses are all public unless the entry allows
 * otherwise (`allowPrivateAddresses`). Checked when the partner subscribes and again at every
 * delivery, and the connection itself goes only to an address checked as it is resolved, so that
 * a name that resolves to a public address at subscription and to a private one later (DNS
 * rebinding) is refused then.
 */

/** Loopback, link-local, private, shared, documentation, benchmarking, multicast and reserved ranges (IANA special-purpose registries). */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an address on the public internet; an IPv4-mapped IPv6 address is judged as its IPv4 address. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as a name or a bare IP address (no brackets), lower case. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** True when the policy names this host: exactly, or under a `*.` entry's domain. */
export function hostAllowed(policy: CallbackPolicy, host: string): boolean {
  return policy.hosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : entry === host));
}

function refused(detail: string): GatewayError {
  return new GatewayError('USM_ERR_CALLBACK_REFUSED', detail, { errors: [{ path: 'body/callback', message: detail }] });
}

export type Resolve = (host: string) => Promise<readonly string[]>;

/** Every address a name resolves to, as the system resolver gives them. */
export const resolveAll: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));

/** Throws 422 USM_ERR_CALLBACK_REFUSED unless `callback` may be called under `policy` now. */
export async function checkCallback(callback: string, policy: CallbackPolicy | undefined, resolve: Resolve = resolveAll): Promise<URL> {
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    throw refused('callback is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('callback must be an http or https URL');
  if (url.username !== '' || url.password !== '') throw refused('callback must not carry credentials');
  if (policy === undefined || policy.hosts.length === 0) throw refused('the partner has no callback hosts configured (partners[].tmf.callbackHosts)');
  const host = hostOf(url);
  if (!hostAllowed(policy, host)) throw refused(`callback host ${host} is not one of the partner's callback hosts`);
  if (policy.allowPrivateAddresses) return url;
  let addresses: readonly string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch (error) {
    throw refused(`callback host ${host} cannot be resolved (${(error as { code?: string }).code ?? 'no address'})`);
  }
  if (addresses.length === 0) throw refused(`callback host ${host} has no address`);
  const inside = addresses.find((a) => !isPublicAddress(a));
  if (inside !== undefined) throw refused(`callback host ${host} resolves to ${inside}, which is not a public address`);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An HTTP dispatcher whose connections go only to addresses the policy allows: the name is
 * resolved when the connection is made and refused when any address it has is not public.
 */
export function guardedDispatcher(policy: CallbackPolicy, timeoutMs: number): Agent {
  const lookup = (host: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const inside = policy.allowPrivateAddresses ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (inside !== undefined || addresses.length === 0) {
        const refusal = Object.assign(new Error(`callback host ${host} resolves to ${inside?.address ?? 'nothing'}, which is not a public address`), { code: 'USM_CALLBACK_ADDRESS_REFUSED' });
        return callback(refusal, []);
      }
      if (options.all === true) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  return new Agent({ connect: { timeout: timeoutMs, lookup }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 10_000 });
}
