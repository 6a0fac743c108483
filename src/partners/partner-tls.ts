import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import type { PartnerTlsConfig } from '../config/load-config.js';
import { certificateSha256, readCertificatesPem, readPrivateKeyPem, spkiSha256 } from '../keys/tls-files.js';
import { lazyDispatcher, undici } from '../kernel/undici.js';
import type { Partner } from './partner-directory.js';

/** TLS toward and from one partner's gateway, its files read (`partners[].tls`). */
export interface PartnerTls {
  /** Inbound: the client certificates it may come over, as SHA-256 fingerprints (lowercase hex) or SPKI pins (base64). */
  readonly clientCertSha256?: readonly string[];
  /** Inbound: the subject CN its client certificate must have. */
  readonly clientCertSubject?: string;
  /** Outbound: our client certificate and key, the CAs its server certificate must chain to, and the SPKI pins it must match. */
  readonly outbound?: { readonly cert?: string; readonly key?: string; readonly ca?: string; readonly pinSha256?: readonly string[] };
}

/** Reads a partner's TLS files (and key variable); undefined when it has no `tls`. */
export async function loadPartnerTls(id: string, config: PartnerTlsConfig | undefined, env: Readonly<Record<string, string | undefined>>): Promise<PartnerTls | undefined> {
  if (config === undefined) return undefined;
  const what = (thing: string): string => `partner ${id}'s ${thing}`;
  const cert = config.clientCert === undefined ? undefined : await readCertificatesPem(config.clientCert, what('tls.clientCert'));
  const key = cert === undefined ? undefined : await readPrivateKeyPem({ keyFile: config.clientKey, keyEnv: config.clientKeyEnv }, env, what('tls.clientKey'));
  const ca = config.ca === undefined ? undefined : await readCertificatesPem(config.ca, what('tls.ca'));
  const outbound = cert !== undefined || ca !== undefined || config.pinSha256 !== undefined;
  return {
    ...(config.clientCertSha256 !== undefined ? { clientCertSha256: config.clientCertSha256.map(normalFingerprint) } : {}),
    ...(config.clientCertSubject !== undefined ? { clientCertSubject: config.clientCertSubject } : {}),
    ...(outbound
      ? { outbound: { ...(cert !== undefined ? { cert, key: key! } : {}), ...(ca !== undefined ? { ca } : {}), ...(config.pinSha256 !== undefined ? { pinSha256: [...config.pinSha256] } : {}) } }
      : {}),
  };
}

/** A hex fingerprint in lowercase without colons; an SPKI pin (base64) as it is. */
function normalFingerprint(value: string): string {
  return value.endsWith('=') ? value : value.replaceAll(':', '').toLowerCase();
}

/** Whether a partner's messages and read tokens are bound to a client certificate of its own. */
export function bindsClientCertificate(partner: Partner): boolean {
  return partner.tls?.clientCertSha256 !== undefined || partner.tls?.clientCertSubject !== undefined;
}

/** The client certificate a TLS connection came with: whether it chains to the configured CAs, and its DER. */
export interface PresentedCertificate {
  readonly authorized: boolean;
  readonly der?: Buffer;
  readonly subjectCN?: string;
}

/**
 * Why a request from `partner` over a connection with this client certificate is refused, or
 * undefined when the certificate is the partner's own (or the partner binds none). A certificate that
 * does not chain to `listen.tls.ca` is refused whatever its fingerprint.
 */
export function clientCertificateProblem(partner: Partner, presented: PresentedCertificate): string | undefined {
  if (!bindsClientCertificate(partner)) return undefined;
  const { clientCertSha256, clientCertSubject } = partner.tls!;
  if (presented.der === undefined || presented.der.length === 0) return `${partner.id}'s messages must come over TLS with its client certificate; this connection has none`;
  if (!presented.authorized) return `the client certificate does not chain to the CAs this gateway trusts (listen.tls.ca)`;
  if (clientCertSubject !== undefined && presented.subjectCN !== clientCertSubject) return `the client certificate (subject CN ${JSON.stringify(presented.subjectCN ?? '')}) is not ${partner.id}'s`;
  if (clientCertSha256 !== undefined) {
    const fingerprint = certificateSha256(presented.der);
    const pin = spkiSha256(presented.der);
    if (!clientCertSha256.some((allowed) => allowed === fingerprint || allowed === pin)) return `the client certificate (SHA-256 ${fingerprint}) is not ${partner.id}'s`;
  }
  return undefined;
}

/** A server certificate whose SPKI matches none of the partner's `tls.pinSha256`. */
export class CertificatePinError extends Error {
  readonly code = 'ERR_TLS_CERT_PIN_MISMATCH';
  constructor(message: string) {
    super(message);
    this.name = 'CertificatePinError';
  }
}

/** The undici `connect` options toward a partner's gateway: our client certificate, its CAs, and the pin check after the usual host name check. */
export function tlsConnectOf(partner: Partner): { cert?: string; key?: string; ca?: string; checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined } {
  const outbound = partner.tls?.outbound;
  if (outbound === undefined) return {};
  const pins = outbound.pinSha256;
  return {
    ...(outbound.cert !== undefined ? { cert: outbound.cert, key: outbound.key! } : {}),
    ...(outbound.ca !== undefined ? { ca: outbound.ca } : {}),
    ...(pins === undefined
      ? {}
      : {
          checkServerIdentity: (host: string, cert: PeerCertificate): Error | undefined => {
            const wrongHost = checkServerIdentity(host, cert);
            if (wrongHost !== undefined) return wrongHost;
            const pin = spkiSha256(cert.raw);
            if (pins.includes(pin)) return undefined;
            return new CertificatePinError(`the server certificate of ${partner.id} at ${host} (SPKI sha256 ${pin}, subject ${subjectOf(cert.raw)}) matches none of its tls.pinSha256`);
          },
        }),
  };
}

function subjectOf(der: Buffer): string {
  return new X509Certificate(der).subject.replaceAll('\n', ', ');
}

/** An outbound failure in a few words for the log and a dead letter: TLS and certificate errors with their reason, others by their code. */
export function describeConnectError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === undefined) return message ?? String(error);
  return isTlsRefusal(code) && message !== undefined && message !== code ? `${code}: ${message}` : code;
}

/**
 * Whether an outbound failure (its code, or `describeConnectError`'s words) is TLS refusing the
 * server or us: a certificate, a pin, the handshake, or the partner refusing our client certificate.
 */
export function isTlsRefusal(description: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|[A-Z_]*(CERT|SELF_SIGNED|UNABLE_TO_))/.test(description) || description.includes('USM_ERR_CLIENT_CERTIFICATE');
}

/**
 * One undici Agent per partner with TLS of its own (and one shared for the rest), for requests to partner
 * gateways; each made on first use (undici is loaded on the first outbound call, kernel/undici.ts).
 */
export interface PartnerAgents {
  of(partner: Partner): Promise<Dispatcher>;
  close(): Promise<void>;
}

export function createPartnerAgents(options: { readonly timeoutMs: number }): PartnerAgents {
  const make = ({ Agent }: typeof Undici, connect: object): Dispatcher =>
    new Agent({ connect: { timeout: options.timeoutMs, ...connect }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const shared = lazyDispatcher((loaded) => make(loaded, {}));
  const own = new Map<string, { tls: PartnerTls; agent: Promise<Dispatcher> }>();
  return {
    of(partner) {
      if (partner.tls?.outbound === undefined) return shared.get();
      const held = own.get(partner.id);
      if (held?.tls === partner.tls) return held.agent;
      if (held !== undefined) void held.agent.then((agent) => agent.close());
      const agent = undici().then((loaded) => make(loaded, tlsConnectOf(partner)));
      own.set(partner.id, { tls: partner.tls, agent });
      return agent;
    },
    async close() {
      await Promise.all([shared.close(), ...[...own.values()].map(async (o) => (await o.agent).close())]);
    },
  };
}
