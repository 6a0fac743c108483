import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { lazyDispatcher, undici } from '../kernel/undici.js';
import type { components, operations } from '../generated/api.js';
import type { SigningKey } from '../keys/jwk.js';
import { bodyDigest, type ReceiptStatement } from '../messages/batch.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import { GatewayClientError, type Problem } from './client-error.js';
import { createGatewayKeys, type GatewayKeys } from './gateway-keys.js';
import { createPartnerClient } from './partner-client.js';
import { checkReceipt } from './receipt-check.js';
import { verifyInclusion } from './inclusion-check.js';
import type { Checkpoint } from '../messages/checkpoint.js';

type Schemas = components['schemas'];
/** The JSON body an operation answers with `status`, as the contract types it. */
type AnswerOf<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = operations[Op]['responses'][Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;

/** How a send or read is retried: `attempts` in all, waiting `baseMs` doubled each time (with jitter) up to `maxMs`, or the gateway's `Retry-After`. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 250, maxMs: 5000 };

export interface GatewayClientOptions {
  /** The gateway's base URL, e.g. `https://gateway.provider.example`. */
  readonly baseUrl: string;
  /** Our party id: the envelope's `from`, the read token's `iss`. */
  readonly from: string;
  /** The gateway's party id: the envelope's `to`, the read token's `aud`, the receipts' `gateway`. */
  readonly to: string;
  /** Our private signing key (`signingKeyOf(privateJwk)`). */
  readonly key: SigningKey;
  readonly retry?: Partial<RetryPolicy>;
  /** Connect, headers and body timeout of each attempt (default 10 s). */
  readonly timeoutMs?: number;
  /** An undici dispatcher to send with; by default the client makes an Agent of its own (closed by `close()`). */
  readonly dispatcher?: Dispatcher;
  /** The algorithms accepted on the gateway's receipts (default EdDSA and ES256). */
  readonly receiptAlgorithms?: readonly string[];
  readonly now?: () => number;
}

/** The fields of a message's envelope the sender may choose; the rest are the client's. */
export interface MessageOptions {
  /** The message id, a UUIDv7 (default: a new one). Send the same id only with the same body. */
  readonly id?: string;
  /** The chain the message belongs to (default: a new one for a submission). */
  readonly chainId?: string;
  readonly correlationId?: string;
  readonly time?: string;
}

/** A call a follow-up is about: its id and its chain (a `Call` will do). */
export interface CallRef {
  readonly id: string;
  readonly chainId: string;
}

/** A message the gateway accepted, with the receipt that proves it and the statement it signed. */
export interface Sent<Body> {
  readonly status: number;
  readonly body: Body;
  readonly envelope: Envelope;
  /** The gateway's signed statement, checked against its published keys. */
  readonly receipt: ReceiptStatement;
  /** The gateway answered an identical resend with its first answer (`usm-replay: true`). */
  readonly replayed: boolean;
  /** How many times the message was sent. */
  readonly attempts: number;
}

type CallAccepted = Schemas['CallAccepted'];
/** A note as sent: `kind` may be left out (the contract's default, `comment`). */
export type NoteToSend = Omit<Schemas['NoteSubmission'], 'kind'> & Partial<Pick<Schemas['NoteSubmission'], 'kind'>>;

/**
 * A partner's typed client of a usm-link gateway. Writes are signed messages: each is built and
 * signed once and, when no answer comes or the gateway asks for a retry (408, 429, 5xx, 409
 * `USM_ERR_CONFLICT`), sent again byte for byte under the same id, which the gateway answers with
 * its first answer; every accepted message's receipt is checked against the gateway's JWKS.
 * Reads carry a short-lived JWT signed with our key.
 */
export interface GatewayClient {
  submitCall(call: Schemas['CallSubmission'], options?: MessageOptions): Promise<Sent<CallAccepted>>;
  addNote(call: CallRef, note: NoteToSend, options?: MessageOptions): Promise<Sent<CallAccepted>>;
  confirm(call: CallRef, confirmation?: Schemas['ConfirmSubmission'], options?: MessageOptions): Promise<Sent<CallAccepted>>;
  reopen(call: CallRef, reopening: Schemas['ReopenSubmission'], options?: MessageOptions): Promise<Sent<CallAccepted>>;
  cancel(call: CallRef, cancellation?: Schemas['CancelSubmission'], options?: MessageOptions): Promise<Sent<CallAccepted>>;

  listServices(): Promise<AnswerOf<'listServices', 200>>;
  listAgreements(): Promise<AnswerOf<'listAgreements', 200>>;
  getAgreement(agreementId: string): Promise<Schemas['Agreement']>;
  /** Measured availability per service of one of our agreements in a month (`YYYY-MM`, UTC), against its targets. */
  getAvailabilityReport(agreementId: string, period: string): Promise<Schemas['AvailabilityReport']>;
  listCalls(query?: operations['listCalls']['parameters']['query']): Promise<Schemas['CallPage']>;
  getCall(callId: string): Promise<Schemas['Call']>;
  getCallHistory(callId: string): Promise<AnswerOf<'getCallHistory', 200>>;
  listCallNotes(callId: string): Promise<Schemas['NoteList']>;
  getCallTrace(callId: string): Promise<Schemas['TraceHop']>;
  /** The gateway's published keys (`/.well-known/jwks.json`). */
  gatewayKeys(): Promise<Schemas['Jwks']>;
  /** The gateway's newest signed checkpoint of its message log, or the one of `treeSize` records. */
  getLogCheckpoint(treeSize?: number): Promise<Schemas['LogCheckpoint']>;
  /** The gateway's newest cosignature of our log's checkpoints, as our witness (404 `USM_ERR_COSIGNATURE_NOT_FOUND` before the first). */
  getLogCosignature(): Promise<Schemas['LogCosignature']>;
  /** The proof of record `index`, or of the record of our message `{ messageId }` (sent by us or to us). */
  getInclusionProof(record: number | { readonly messageId: string }, treeSize?: number): Promise<Schemas['InclusionProof']>;
  getConsistencyProof(from: number, to: number): Promise<Schemas['ConsistencyProof']>;
  /**
   * Fetches the inclusion proof of a message we sent (by its receipt's `logIndex`, or by its id when
   * the receipt came without one), against the
   * newest checkpoint or the one of `treeSize` records, and checks it (`verifyInclusion`): the
   * signed checkpoint whose log holds our message.
   */
  verifyInclusion(receipt: Schemas['Receipt'], treeSize?: number): Promise<Checkpoint>;

  /** An envelope from us to the gateway, ready to send. */
  envelope(type: MessageType, data: object, options?: MessageOptions): Envelope;
  /** Signs and sends one envelope to `path`, retried byte for byte, its receipt checked. */
  send<Body extends { receipt: Schemas['Receipt'] }>(path: string, envelope: Envelope): Promise<Sent<Body>>;
  /** A read token (a JWT, `iss` us, `aud` the gateway), for reads made some other way. */
  readToken(lifetimeSeconds?: number): Promise<string>;
  /** Releases the client's connections (only those of an Agent it made itself). */
  close(): Promise<void>;
}

interface Exchange {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** Statuses after which the same request may simply be sent again. */
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** How long a read token lives, and how long before its end a new one is made. */
const READ_TOKEN_SECONDS = 120;
const READ_TOKEN_RENEW_MS = 30_000;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/$/, '');
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new TypeError('retry.attempts must be a whole number, 1 or more');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = lazyDispatcher(({ Agent }) => new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 10_000 }));
  // Signs, and makes read tokens: it never calls out itself.
  const partner = createPartnerClient({ baseUrl: base, from: options.from, to: options.to, key: options.key, now });
  const keys: GatewayKeys = createGatewayKeys({ fetchJwks: () => read<Schemas['Jwks']>('/.well-known/jwks.json', false), now });
  let token: { value: string; renewAt: number } | undefined;

  async function once(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<Exchange> {
    const { request } = await undici();
    const response = await request(`${base}${path}`, { method, headers, dispatcher: options.dispatcher ?? (await agent.get()), ...(body !== undefined ? { body } : {}) });
    const text = await response.body.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: kept as text, judged below
    }
    return { status: response.statusCode, headers: response.headers, body: parsed };
  }

  /** One request, sent again (the same bytes) while the answer says so, up to `retry.attempts` times. */
  async function exchange(method: 'GET' | 'POST', path: string, headers: () => Promise<Record<string, string>>, body?: string): Promise<Exchange & { attempts: number }> {
    for (let attempt = 1; ; attempt++) {
      let answer: Exchange | undefined;
      let failure: unknown;
      try {
        answer = await once(method, path, await headers(), body);
      } catch (error) {
        failure = error;
      }
      if (answer !== undefined && !retried(answer)) return { ...answer, attempts: attempt };
      if (attempt >= retry.attempts) {
        if (answer !== undefined) return { ...answer, attempts: attempt };
        const code = (failure as { code?: unknown } | undefined)?.code;
        throw new GatewayClientError('USM_CLIENT_UNREACHABLE', `${method} ${path}: no answer after ${attempt} attempt(s) (${typeof code === 'string' ? code : (failure as Error).message})`, {
          attempts: attempt,
          cause: failure,
        });
      }
      await sleep(delay(attempt, answer));
    }
  }

  function retried(answer: Exchange): boolean {
    return RETRIED_STATUSES.has(answer.status) || (answer.status === 409 && problemOf(answer)?.code === 'USM_ERR_CONFLICT');
  }

  function delay(attempt: number, answer: Exchange | undefined): number {
    const retryAfter = Number(answer?.headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retry.maxMs, retryAfter * 1000);
    return Math.min(retry.maxMs, retry.baseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  }

  /** The answer's body when it is a success; else the gateway's refusal (or an answer outside the contract) as a GatewayClientError. */
  function judged<Body>(answer: Exchange & { attempts: number }, what: string): Body {
    if (answer.status >= 200 && answer.status < 300 && answer.body !== null && typeof answer.body === 'object') return answer.body as Body;
    const problem = problemOf(answer);
    if (problem !== undefined) {
      throw new GatewayClientError(problem.code, `${what}: ${answer.status} ${problem.code}${problem.detail !== undefined ? `: ${problem.detail}` : ''}`, {
        status: answer.status,
        problem,
        attempts: answer.attempts,
      });
    }
    throw new GatewayClientError('USM_CLIENT_BAD_ANSWER', `${what}: an answer the contract does not give (HTTP ${answer.status})`, { status: answer.status, attempts: answer.attempts });
  }

  async function bearer(): Promise<Record<string, string>> {
    if (token === undefined || now() >= token.renewAt) {
      token = { value: await partner.readToken(READ_TOKEN_SECONDS), renewAt: now() + READ_TOKEN_SECONDS * 1000 - READ_TOKEN_RENEW_MS };
    }
    return { authorization: `Bearer ${token.value}` };
  }

  async function read<Body>(path: string, authenticated = true): Promise<Body> {
    return judged<Body>(await exchange('GET', path, authenticated ? bearer : async () => ({})), `GET ${path}`);
  }

  async function send<Body extends { receipt: Schemas['Receipt'] }>(path: string, envelope: Envelope): Promise<Sent<Body>> {
    // Built and signed once: every attempt sends these bytes, so a resend is the identical message.
    const body = JSON.stringify(envelope);
    const headers = { 'content-type': 'application/json', 'usm-signature': partner.sign(body) };
    const answer = await exchange('POST', path, async () => headers, body);
    const accepted = judged<Body>(answer, `POST ${path} (${envelope.type} ${envelope.id})`);
    const receipt = await checkReceipt(accepted.receipt, { messageId: envelope.id, digest: bodyDigest(Buffer.from(body)), from: options.from, gateway: options.to }, keys, options.receiptAlgorithms);
    return { status: answer.status, body: accepted, envelope, receipt, replayed: answer.headers['usm-replay'] === 'true', attempts: answer.attempts };
  }

  const envelope = (type: MessageType, data: object, message: MessageOptions = {}): Envelope => partner.envelope(type, data, message);
  const followUp = (call: CallRef, type: MessageType, action: string, data: object, message: MessageOptions = {}) =>
    send<CallAccepted>(`/v1/calls/${encodeURIComponent(call.id)}/${action}`, envelope(type, data, { ...message, chainId: message.chainId ?? call.chainId }));
  const callPath = (callId: string, tail = '') => `/v1/calls/${encodeURIComponent(callId)}${tail}`;

  return {
    submitCall: (call, message) => send<CallAccepted>('/v1/calls', envelope('call.submit', call, message)),
    addNote: (call, note, message) => followUp(call, 'call.note', 'notes', note, message),
    confirm: (call, confirmation = {}, message) => followUp(call, 'call.confirm', 'confirm', confirmation, message),
    reopen: (call, reopening, message) => followUp(call, 'call.reopen', 'reopen', reopening, message),
    cancel: (call, cancellation = {}, message) => followUp(call, 'call.cancel', 'cancel', cancellation, message),

    listServices: () => read('/v1/services'),
    listAgreements: () => read('/v1/agreements'),
    getAgreement: (agreementId) => read(`/v1/agreements/${encodeURIComponent(agreementId)}`),
    getAvailabilityReport: (agreementId, period) => read(`/v1/agreements/${encodeURIComponent(agreementId)}/availability?${new URLSearchParams({ period })}`),
    listCalls(query = {}) {
      const search = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));
      return read(`/v1/calls${search.size > 0 ? `?${search}` : ''}`);
    },
    getCall: (callId) => read(callPath(callId)),
    getCallHistory: (callId) => read(callPath(callId, '/history')),
    listCallNotes: (callId) => read(callPath(callId, '/notes')),
    getCallTrace: (callId) => read(callPath(callId, '/trace')),
    gatewayKeys: () => read('/.well-known/jwks.json', false),
    getLogCheckpoint: (treeSize) => read(`/v1/log/checkpoint${treeSize === undefined ? '' : `?treeSize=${treeSize}`}`),
    getLogCosignature: () => read('/v1/log/cosignature'),
    getInclusionProof: (record, treeSize) => read(`/v1/log/proofs/inclusion?${recordQuery(record)}${treeSize === undefined ? '' : `&treeSize=${treeSize}`}`),
    getConsistencyProof: (from, to) => read(`/v1/log/proofs/consistency?from=${from}&to=${to}`),
    async verifyInclusion(receipt, treeSize) {
      const record = receipt.logIndex ?? { messageId: receipt.messageId };
      const proof = await read<Schemas['InclusionProof']>(`/v1/log/proofs/inclusion?${recordQuery(record)}${treeSize === undefined ? '' : `&treeSize=${treeSize}`}`);
      return verifyInclusion(proof, { receipt, from: options.from, gateway: options.to }, keys, options.receiptAlgorithms);
    },

    envelope,
    send,
    readToken: (lifetimeSeconds = READ_TOKEN_SECONDS) => partner.readToken(lifetimeSeconds),
    async close() {
      await agent.close();
    },
  };
}

function problemOf(answer: Exchange): Problem | undefined {
  const body = answer.body as Partial<Problem> | undefined;
  return body !== null && typeof body === 'object' && typeof body.code === 'string' && typeof body.status === 'number' ? (body as Problem) : undefined;
}

/** A log record named by its index or by the id of its message. */
function recordQuery(record: number | { readonly messageId: string }): string {
  return typeof record === 'number' ? `index=${record}` : `messageId=${encodeURIComponent(record.messageId)}`;
}
