import { Pool, request } from 'undici';
import type { Answer, PartnerClient } from '../client/partner-client.js';
import type { Envelope } from '../messages/envelope.js';

/** One request the kit made and the answer it got. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body, parsed when it is JSON, else its text (undefined when empty). */
  readonly body: unknown;
}

export interface TargetSessionOptions {
  /** The target's base URL: the only place the kit sends anything. */
  readonly target: string;
  /** Connect, headers and body timeout of every request, ms. */
  readonly timeoutMs: number;
  /** How many times a 429 is waited out (its Retry-After, at most `maxRetryAfterMs`) before it counts as the answer. */
  readonly rateLimitRetries?: number;
  readonly maxRetryAfterMs?: number;
}

/**
 * The kit's only way out: one connection pool to the target's origin, so that no request can go
 * anywhere else, with connect, headers and body timeouts on every request. Every answer is kept, so
 * that the cases about answers in general (problem documents, WWW-Authenticate) judge them all.
 */
export interface TargetSession {
  readonly base: string;
  /** The pool, for the partner client (it then reaches the target only). */
  readonly dispatcher: Pool;
  /** Sets the client signed messages and read tokens are made by. */
  useClient(client: PartnerClient): void;
  /** Signs and posts an envelope with the partner client. */
  send(path: string, envelope: Envelope): Promise<Exchange>;
  /** Posts these exact bytes with these headers, through the partner client. */
  sendRaw(path: string, body: string, headers: Record<string, string>): Promise<Exchange>;
  /** Reads with a fresh read token of the partner client. */
  read(path: string): Promise<Exchange>;
  /** Any request, with the headers given and nothing else. */
  request(method: 'GET' | 'POST' | 'DELETE' | 'PUT', path: string, headers?: Record<string, string>, body?: string): Promise<Exchange>;
  readonly exchanges: readonly Exchange[];
  close(): Promise<void>;
}

export function createTargetSession(options: TargetSessionOptions): TargetSession {
  const url = new URL(options.target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`the target must be an http(s) URL, not ${options.target}`);
  const base = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  const dispatcher = new Pool(url.origin, {
    connections: 4,
    connectTimeout: options.timeoutMs,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 1000,
  });
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterMs ?? 5000;
  const exchanges: Exchange[] = [];
  let client: PartnerClient | undefined;

  /** Waits out a 429 (the request was not taken, so it may be sent again as it was) a bounded number of times. */
  async function bounded(method: string, path: string, attempt: () => Promise<Answer>): Promise<Exchange> {
    for (let i = 0; ; i++) {
      const answer = await attempt();
      if (answer.status !== 429 || i >= retries) {
        const exchange: Exchange = { method, path, status: answer.status, headers: answer.headers, body: answer.body };
        exchanges.push(exchange);
        return exchange;
      }
      const after = Number(answer.headers['retry-after']);
      await new Promise((resolve) => setTimeout(resolve, Math.min(maxWait, Number.isFinite(after) && after > 0 ? after * 1000 : 1000)));
    }
  }
  const partner = (): PartnerClient => {
    if (client === undefined) throw new TypeError('no partner client yet');
    return client;
  };

  return {
    base,
    dispatcher,
    exchanges,
    useClient(given) {
      client = given;
    },
    send: (path, envelope) => bounded('POST', path, () => partner().send(path, envelope)),
    sendRaw: (path, body, headers) => bounded('POST', path, () => partner().sendRaw(path, body, headers)),
    read: (path) => bounded('GET', path, () => partner().get(path)),
    request: (method, path, headers = {}, body) =>
      bounded(method, path, async () => {
        const response = await request(`${base}${path}`, { method, headers, dispatcher, ...(body !== undefined ? { body } : {}) });
        const text = await response.body.text();
        return { status: response.statusCode, headers: response.headers, body: parseBody(text) };
      }),
    close: () => dispatcher.close(),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
