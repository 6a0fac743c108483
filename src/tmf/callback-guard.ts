import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import type { Dispatcher } from 'undici';
import { undici } from '../kernel/undici.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { hostMatches, isPublicAddress, publicOnlyLookup } from '../kernel/public-address.js';
import type { CallbackPolicy } from '../partners/partner-directory.js';

/**
 * Where a partner's TMF621 listener callbacks may go: an `http(s)` URL on a host its config entry
 * names (`partners[].tmf.callbackHosts`), whose addresses are all public unless the entry allows
 * otherwise (`allowPrivateAddresses`). Checked when the partner subscribes and again at every
 * delivery, and the connection itself goes only to an address checked as it is resolved, so that
 * a name that resolves to a public address at subscription and to a private one later (DNS
 * rebinding) is refused then.
 */

/** The host of a URL as a name or a bare IP address (no brackets), lower case. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** True when the policy names this host: exactly, or under a `*.` entry's domain. */
export function hostAllowed(policy: CallbackPolicy, host: string): boolean {
  return hostMatches(host, policy.hosts);
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

/**
 * An HTTP dispatcher whose connections go only to addresses the policy allows: the name is
 * resolved when the connection is made and refused when any address it has is not public.
 */
export async function guardedDispatcher(policy: CallbackPolicy, timeoutMs: number): Promise<Dispatcher> {
  const refusal = (host: string, address: string | undefined) =>
    Object.assign(new Error(`callback host ${host} resolves to ${address ?? 'nothing'}, which is not a public address`), { code: 'USM_CALLBACK_ADDRESS_REFUSED' });
  const connect = policy.allowPrivateAddresses ? { timeout: timeoutMs } : { timeout: timeoutMs, lookup: publicOnlyLookup(refusal) };
  const { Agent } = await undici();
  return new Agent({ connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 10_000 });
}
