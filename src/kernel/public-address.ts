import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * The one guard for every URL a partner names that the gateway then calls (attachments fetched by
 * reference, TMF621 `/hub` listener callbacks): which hosts may be named, and which addresses may
 * be reached, so that a partner cannot make the gateway call into the provider's own network.
 */

/**
 * Loopback, link-local, private, shared (CGNAT), documentation, benchmarking, NAT64, multicast and
 * reserved ranges (the IANA special-purpose address registries), IPv4 and IPv6.
 */
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
  ['64:ff9b::', 96],
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

/** True for an address on the public internet; an IPv4-mapped IPv6 address is judged as its IPv4 address; not an address: false. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether `host` (a URL's hostname; IPv6 with or without brackets) is one of `patterns`: exactly, or under a `*.domain` entry's domain. */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '');
  return patterns.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern;
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for a socket's connect options (undici's `connect.lookup`) that resolves the name when
 * the connection is made and refuses it when any address it has is not public, with the error
 * `refusal` makes: the address connected to is the address checked, so a name that resolved to a
 * public address before and to an internal one now (DNS rebinding) is refused.
 */
export function publicOnlyLookup(refusal: (host: string, address: string | undefined) => Error) {
  return (host: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const inside = addresses.find((a) => !isPublicAddress(a.address));
      if (inside !== undefined || addresses.length === 0) return callback(refusal(host, inside?.address), []);
      if (options.all === true) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
