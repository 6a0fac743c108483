import { randomUUID } from 'node:crypto';
import { jose } from '../kernel/jose.js';
import type { Dispatcher } from 'undici';
import { undici } from '../kernel/undici.js';
import type { SigningKey } from '../keys/jwk.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import { signDetached } from '../messages/jws.js';
import { uuidv7 } from '../kernel/uuid-v7.js';

export interface PartnerClientOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:8080 */
  readonly baseUrl: string;
  /** Our party id (the envelope's `from`, the token's `iss`). */
  readonly from: string;
  /** The gateway's party id (the envelope's `to`, the token's `aud`). */
  readonly to: string;
  readonly key: SigningKey;
  readonly now?: () => number;
  readonly dispatcher?: Dispatcher;
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: T;
}

export interface SendOptions {
  readonly chainId?: string;
  readonly correlationId?: string;
  readonly id?: string;
  readonly time?: string;
}

/** A partner's side of the protocol: signed messages for writes, short-lived JWTs for reads. */
export interface PartnerClient {
  envelope(type: MessageType, data: object, options?: SendOptions): Envelope;
  /** Signs the exact bytes and posts them. */
  send(path: string, envelope: Envelope): Promise<Answer>;
  sendRaw(path: string, body: string, headers: Record<string, string>): Promise<Answer>;
  sign(body: string): string;
  readToken(lifetimeSeconds?: number): Promise<string>;
  get(path: string): Promise<Answer>;
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/$/, '');
  const call = async (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<Answer> => {
    const { request } = await undici();
    const response = await request(`${base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.dispatcher !== undefined ? { dispatcher: options.dispatcher } : {}),
    });
    const text = await response.body.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.statusCode, headers: response.headers, body: parsed };
  };
  const sign = (body: string): string => signDetached(Buffer.from(body), options.key);
  return {
    envelope: (type, data, send = {}) => ({
      id: send.id ?? uuidv7(now()),
      type,
      from: options.from,
      to: options.to,
      time: send.time ?? new Date(now()).toISOString(),
      chainId: send.chainId ?? randomUUID(),
      ...(send.correlationId !== undefined ? { correlationId: send.correlationId } : {}),
      data: data as Record<string, never>,
    }),
    sign,
    send(path, envelope) {
      const body = JSON.stringify(envelope);
      return call('POST', path, { 'content-type': 'application/json', 'usm-signature': sign(body) }, body);
    },
    sendRaw: (path, body, headers) => call('POST', path, headers, body),
    readToken: async (lifetimeSeconds = 120) => {
      const { SignJWT } = await jose();
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: options.key.alg, kid: options.key.kid, typ: 'JWT' })
        .setIssuer(options.from)
        .setAudience(options.to)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + lifetimeSeconds)
        .setJti(randomUUID())
        .sign(options.key.privateKey);
    },
    async get(path) {
      return call('GET', path, { authorization: `Bearer ${await this.readToken()}` });
    },
  };
}
