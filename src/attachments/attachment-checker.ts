import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Dispatcher } from 'undici';
import { lazyDispatcher, undici } from '../kernel/undici.js';
import { createPartnerClient } from '../client/partner-client.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { SigningKey } from '../keys/jwk.js';
import type { PartnerDirectory } from '../partners/partner-directory.js';
import { createPartnerAgents } from '../partners/partner-tls.js';
import type { Attachment } from '../ports/call.js';
import { hostMatches, isPublicAddress, publicOnlyLookup } from '../kernel/public-address.js';
import type { ContentStore } from './content-store.js';

export interface AttachmentSettings {
  readonly allowedHosts: readonly string[];
  readonly allowPrivateAddresses: boolean;
  readonly maxBytes: number;
  readonly fetchTimeoutMs: number;
}

/**
 * Checks attachments where they arrive: each reference is fetched once, bounded in size and time,
 * and its content must be the declared `size` and `sha256`, or the whole message is refused
 * (nothing of it stored). What passes is kept in the content store, for the parties entitled to it.
 */
export interface AttachmentChecker {
  /**
   * Fetches and checks every attachment, concurrently; throws the first refusal. `from` is the
   * partner the references came from: a reference under that partner's own gateway URL is its
   * download of content it holds, fetched with a read token of ours instead of by the host rules.
   */
  check(attachments: readonly Attachment[], from?: string): Promise<void>;
  /** Content this gateway checked and keeps, by SHA-256. */
  content(sha256: string): Promise<Buffer | undefined>;
  /** Removes kept content (retention: no call that may still serve it holds it). */
  forget(sha256: string): Promise<void>;
  close(): Promise<void>;
}

const INTERNAL_REFUSED = 'USM_ATTACHMENT_INTERNAL_ADDRESS';

export function createAttachmentChecker(deps: {
  readonly self: string;
  readonly settings: AttachmentSettings;
  readonly content: ContentStore;
  readonly partners: PartnerDirectory;
  readonly signingKey: SigningKey;
}): AttachmentChecker {
  const { settings } = deps;
  const timeouts = { headersTimeout: settings.fetchTimeoutMs, bodyTimeout: settings.fetchTimeoutMs };
  // References: every name is resolved here and each address judged before a socket opens, so the
  // address connected to is the address checked (no second lookup an attacker's DNS could answer).
  const refusal = (host: string, address: string | undefined) => Object.assign(new Error(`${host} resolves to ${address ?? 'nothing'}, an internal address`), { code: INTERNAL_REFUSED });
  const guarded = lazyDispatcher(
    ({ Agent }) =>
      new Agent({
        ...timeouts,
        connections: 8,
        connect: settings.allowPrivateAddresses ? { timeout: settings.fetchTimeoutMs } : { timeout: settings.fetchTimeoutMs, lookup: publicOnlyLookup(refusal) },
      }),
  );
  // Partner gateways: the URL in our own partner directory, with the partner's TLS, like the deliveries we send there.
  const partnerAgents = createPartnerAgents({ timeoutMs: settings.fetchTimeoutMs });

  async function checkOne(attachment: Attachment, from: string | undefined): Promise<void> {
    const where = `attachment ${attachment.name ?? attachment.url}`;
    if (attachment.size > settings.maxBytes) throw new GatewayError('USM_ERR_ATTACHMENT_TOO_LARGE', `${where} is ${attachment.size} bytes; this gateway keeps at most ${settings.maxBytes}`);
    const url = new URL(attachment.url);
    const partner = from === undefined ? undefined : deps.partners.get(from);
    const partnerBase = partner?.url?.replace(/\/$/, '');
    let dispatcher: Dispatcher;
    const headers: Record<string, string> = { accept: '*/*' };
    if (partnerBase !== undefined && isUnder(url, partnerBase)) {
      dispatcher = await partnerAgents.of(partner!);
      const client = createPartnerClient({ baseUrl: partnerBase, from: deps.self, to: partner!.id, key: deps.signingKey });
      headers.authorization = `Bearer ${await client.readToken(60)}`;
    } else {
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (!hostMatches(host, settings.allowedHosts)) throw new GatewayError('USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED', `${where}: ${host} is not among attachments.allowedHosts`);
      if (isIP(host) !== 0 && !settings.allowPrivateAddresses && !isPublicAddress(host)) {
        throw new GatewayError('USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED', `${where}: ${host} is an internal address (attachments.allowPrivateAddresses is off)`);
      }
      dispatcher = await guarded.get();
    }
    const bytes = await fetchBounded(attachment, dispatcher, headers, where);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== attachment.sha256) throw new GatewayError('USM_ERR_ATTACHMENT_MISMATCH', `${where} hashes to ${sha256}, not the declared ${attachment.sha256}`);
    if (!(await deps.content.has(sha256))) await deps.content.put(sha256, bytes);
  }

  async function fetchBounded(attachment: Attachment, dispatcher: Dispatcher, headers: Record<string, string>, where: string): Promise<Buffer> {
    let response: Dispatcher.ResponseData;
    try {
      const { request } = await undici();
      response = await request(attachment.url, { method: 'GET', headers, dispatcher, signal: AbortSignal.timeout(settings.fetchTimeoutMs) });
    } catch (error) {
      throw refusalOf(error, where);
    }
    if (response.statusCode !== 200) {
      await response.body.dump().catch(() => undefined);
      throw new GatewayError('USM_ERR_ATTACHMENT_UNREACHABLE', `${where}: the host answered ${response.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of response.body) {
        length += (chunk as Buffer).length;
        if (length > attachment.size) {
          response.body.destroy();
          throw new GatewayError('USM_ERR_ATTACHMENT_MISMATCH', `${where} is longer than its declared ${attachment.size} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw error instanceof GatewayError ? error : refusalOf(error, where);
    }
    if (length !== attachment.size) throw new GatewayError('USM_ERR_ATTACHMENT_MISMATCH', `${where} is ${length} bytes, not the declared ${attachment.size}`);
    return Buffer.concat(chunks, length);
  }

  return {
    async check(attachments, from) {
      // Each distinct content once; all of them settle before the first refusal is reported.
      const distinct = [...new Map(attachments.map((a) => [`${a.sha256} ${a.url}`, a])).values()];
      const outcomes = await Promise.allSettled(distinct.map((a) => checkOne(a, from)));
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (refused !== undefined) throw refused.reason;
    },
    content: (sha256) => deps.content.get(sha256),
    forget: (sha256) => deps.content.remove(sha256),
    async close() {
      await Promise.all([guarded.close(), partnerAgents.close()]);
    },
  };
}

/** A failed fetch as its refusal: an internal address the lookup refused, else unreachable. */
function refusalOf(error: unknown, where: string): GatewayError {
  for (let cause: unknown = error; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === INTERNAL_REFUSED) {
      return new GatewayError('USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED', `${where}: ${(cause as Error).message} (attachments.allowPrivateAddresses is off)`);
    }
  }
  const code = (error as { code?: unknown }).code;
  return new GatewayError('USM_ERR_ATTACHMENT_UNREACHABLE', `${where}: ${typeof code === 'string' ? code : (error as Error).message}`);
}

/** Whether a URL is at a gateway's base URL (same origin, under its path): our read token goes nowhere else. */
function isUnder(url: URL, base: string): boolean {
  const root = new URL(`${base}/`);
  return url.username === '' && url.password === '' && url.origin === root.origin && url.pathname.startsWith(root.pathname);
}
