import type { Dispatcher } from 'undici';
import type { SigningKey } from '../keys/jwk.js';
import { bodyDigest, receiptCovers, signBatch } from '../messages/batch.js';
import { signDetachedAt, verifyCompact } from '../messages/jws.js';
import { RECEIPT_TYPE, type Receipt } from '../messages/receipt.js';
import type { Partner } from '../partners/partner-directory.js';
import { describeConnectError, tlsConnectOf } from '../partners/partner-tls.js';
import type { LinkStore, SubmitAnswer } from '../ports/supplier-link.js';
import { PUBLIC_STATUSES, type PublicStatus } from '../usm/usm-model.js';
import { retryAfterMs } from './backoff.js';
import type { OutboxMessage, OutboxStore } from '../ports/outbox-store.js';
import { ATTR, MESSAGING_SYSTEM, noTracing, type TraceSpan, type Tracing } from '../kernel/tracing.js';
import { undici } from '../kernel/undici.js';

/** The partner refused a message's time: its clock and ours differ by more than its window. */
export interface ClockSkew {
  /** The partner's own words (its window and its time). */
  readonly detail: string;
  /** How far the partner's clock is ahead of ours (negative: behind), from its `Date` header, to about a second. */
  readonly skewSeconds?: number;
}

/** How one attempt at one message ended. */
export type Outcome =
  /** `followed`: another message of its call waits behind it. */
  | { readonly kind: 'delivered'; readonly receipt: Receipt; readonly followed: boolean }
  | { readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number; readonly clockSkew?: ClockSkew }
  | { readonly kind: 'dead'; readonly error: string };

/** What a partner's gateway answered one message (or a whole batch). */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter?: string;
  /** Its `Date` header, and our clock when the answer came. */
  readonly date?: { readonly header: string; readonly receivedAt: number };
}

/** The endpoint for batches. */
const BATCH_PATH = '/v1/messages/batch';

/** Whether a message may go in a batch: submissions and updates (each has a fixed path of its own). */
export function isBatchable(message: OutboxMessage): boolean {
  return (message.type === 'call.submit' && message.path === '/v1/calls') || (message.type === 'call.update' && message.path === '/v1/messages');
}

export interface PartnerSender {
  /** Signs and sends one message; a delivered one is marked so, with its receipt, before this resolves. */
  send(partner: Partner, message: OutboxMessage): Promise<Outcome>;
  /**
   * Sends messages as one batch under one manifest signature: 'unsupported' when the partner's
   * gateway has no batch endpoint, 'singly' when it refused this batch as a whole for its form or
   * size (each message may still pass alone).
   */
  sendBatch(partner: Partner, messages: readonly OutboxMessage[]): Promise<Outcome[] | 'unsupported' | 'singly'>;
  close(): Promise<void>;
}

/**
 * The wire side of delivery: a keep-alive pool per partner with its own timeouts, the signature
 * made at each attempt, and the judgement of each answer. A 2xx counts only with a receipt that
 * verifies with the partner's keys and covers the message; 408, 429 and 5xx are retried (with
 * Retry-After), and so is a refusal of the message's time (the two clocks differ: the message is
 * fine, and goes through once they agree); other refusals are final.
 */
export function createPartnerSender(options: {
  readonly store: OutboxStore & LinkStore;
  readonly signingKey: SigningKey;
  /** The signature algorithms accepted on partners' receipts. */
  readonly algorithms: readonly string[];
  readonly now: () => number;
  readonly delivery: { readonly connections: number; readonly timeoutMs: number };
  /** For tests: a dispatcher to use instead of a pool per partner. */
  readonly dispatcher?: Dispatcher;
  /** A `usm.deliver` span per message sent; the traceparent sent names it. */
  readonly tracing?: Tracing;
}): PartnerSender {
  const { store, delivery } = options;
  const tracing = options.tracing ?? noTracing;
  const receiptAlgorithms = new Set(options.algorithms);
  const pools = new Map<string, Dispatcher>();

  /** The pool toward a partner's gateway: made on the first message to it (undici loaded then), kept. */
  const poolOf = async (partner: Partner): Promise<Dispatcher> => {
    if (options.dispatcher !== undefined) return options.dispatcher;
    // By origin too: a partner that moves (a new URL in the network directory) is sent to at its new address.
    const origin = new URL(partner.url!).origin;
    let pool = pools.get(`${partner.id} ${origin}`);
    if (pool === undefined) {
      const { Pool } = await undici();
      // Another message to the partner may have made it meanwhile.
      pool = pools.get(`${partner.id} ${origin}`);
      if (pool !== undefined) return pool;
      pool = new Pool(origin, {
        connections: delivery.connections,
        // The partner's TLS: our client certificate toward it, its CAs, and the pin its server certificate must match.
        connect: { timeout: delivery.timeoutMs, ...tlsConnectOf(partner) },
        headersTimeout: delivery.timeoutMs,
        bodyTimeout: delivery.timeoutMs,
        keepAliveTimeout: 30_000,
      });
      pools.set(`${partner.id} ${origin}`, pool);
    }
    return pool;
  };

  /** The span of one message's delivery attempt: a child of the traceparent queued with it. */
  function deliverySpan(partner: Partner, message: OutboxMessage, batch?: number): TraceSpan {
    return tracing.start('usm.deliver', {
      kind: 'producer',
      parent: message.trace,
      attributes: {
        [ATTR.messagingSystem]: MESSAGING_SYSTEM,
        [ATTR.operationType]: 'send',
        [ATTR.operationName]: message.type,
        [ATTR.messageId]: message.id,
        [ATTR.destination]: message.path,
        [ATTR.partner]: partner.id,
        [ATTR.messageType]: message.type,
        [ATTR.callId]: message.callId ?? undefined,
        [ATTR.batchCount]: batch,
        [ATTR.serverAddress]: partner.url === undefined ? undefined : new URL(partner.url).host,
        'usm.delivery.attempt': message.attempts + 1,
      },
    });
  }

  function ended(span: TraceSpan, outcome: Outcome | 'unsupported' | 'singly'): void {
    if (typeof outcome === 'string') {
      span.set({ [ATTR.outcome]: outcome });
      return span.end();
    }
    span.set({ [ATTR.outcome]: outcome.kind });
    span.end(outcome.kind === 'delivered' ? undefined : new Error(outcome.error));
  }

  async function send(partner: Partner, message: OutboxMessage): Promise<Outcome> {
    if (!tracing.on) return sendOne(partner, message, message.trace);
    const span = deliverySpan(partner, message);
    try {
      const outcome = await span.within(() => sendOne(partner, message, span.traceparent() ?? message.trace));
      ended(span, outcome);
      return outcome;
    } catch (error) {
      span.end(error);
      throw error;
    }
  }

  async function sendOne(partner: Partner, message: OutboxMessage, trace: string | null): Promise<Outcome> {
    let path = message.path;
    if (path.includes('{remoteCallId}')) {
      const link = message.linkId === null ? undefined : await store.getLink(message.linkId);
      if (link?.remoteCallId == null) return { kind: 'retry', error: 'the supplier has not answered the sub-call yet' };
      path = path.replace('{remoteCallId}', encodeURIComponent(link.remoteCallId));
    }
    const body = Buffer.from(message.body);
    const signature = signDetachedAt(body, options.signingKey, Math.floor(options.now() / 1000));
    const answer = await post(partner, path, body, signature, trace);
    if ('error' in answer) return { kind: 'retry', error: answer.error };
    return settle(partner, message, answer, signature, bodyDigest(body), new Map());
  }

  /**
   * Sends messages as one batch: 'unsupported' when the partner's gateway has no batch endpoint,
   * 'singly' when it refused this batch as a whole for its form or size (each message may still pass alone).
   */
  async function sendBatch(partner: Partner, messages: readonly OutboxMessage[]): Promise<Outcome[] | 'unsupported' | 'singly'> {
    if (!tracing.on) return sendBatchOf(partner, messages, messages.map((m) => m.trace));
    const spans = messages.map((m) => deliverySpan(partner, m, messages.length));
    try {
      const outcomes = await sendBatchOf(partner, messages, spans.map((span, i) => span.traceparent() ?? messages[i]!.trace));
      spans.forEach((span, i) => ended(span, typeof outcomes === 'string' ? outcomes : outcomes[i]!));
      return outcomes;
    } catch (error) {
      spans.forEach((span) => span.end(error));
      throw error;
    }
  }

  async function sendBatchOf(partner: Partner, messages: readonly OutboxMessage[], traces: readonly (string | null)[]): Promise<Outcome[] | 'unsupported' | 'singly'> {
    const items = messages.map((m, i) => ({ message: m.body, ...(traces[i] !== null ? { traceparent: traces[i]! } : {}) }));
    const { body, signature, digests } = signBatch(items, options.signingKey, Math.floor(options.now() / 1000));
    const answer = await post(partner, BATCH_PATH, body, signature, null);
    if ('error' in answer) return messages.map(() => ({ kind: 'retry', error: answer.error }));
    if (answer.status === 404 || answer.status === 405) return 'unsupported';
    if (answer.status === 400 || answer.status === 413 || answer.status === 415) return 'singly';
    const results = (answer.body as { results?: unknown } | undefined)?.results;
    if (answer.status !== 200 || !Array.isArray(results) || results.length !== messages.length) {
      // The batch as a whole was refused (or the answer makes no sense): each message shares that outcome.
      const whole = answer.status === 200 ? { ...answer, status: 502 } : answer;
      return Promise.all(messages.map((m, i) => settle(partner, m, whole, signature, digests[i]!, new Map())));
    }
    const statements = new Map<string, Record<string, unknown> | string>();
    return Promise.all(
      messages.map((m, i) => {
        const result = results[i] as { status?: unknown; body?: unknown };
        return settle(partner, m, { status: typeof result?.status === 'number' ? result.status : 502, body: result?.body, ...(answer.date !== undefined ? { date: answer.date } : {}) }, signature, digests[i]!, statements);
      }),
    );
  }

  async function post(partner: Partner, path: string, body: Buffer, signature: string, trace: string | null): Promise<Answer | { error: string }> {
    const base = new URL(partner.url!);
    try {
      const response = await (await poolOf(partner)).request({
        origin: base.origin,
        path: `${base.pathname.replace(/\/$/, '')}${path}`,
        method: 'POST',
        headersTimeout: delivery.timeoutMs,
        bodyTimeout: delivery.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'usm-signature': signature,
          ...(trace !== null ? { traceparent: trace } : {}),
        },
        body,
      });
      const text = await response.body.text();
      const retryAfter = response.headers['retry-after'];
      const date = response.headers.date;
      return {
        status: response.statusCode,
        body: parseJson(text),
        ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
        ...(typeof date === 'string' ? { date: { header: date, receivedAt: options.now() } } : {}),
      };
    } catch (error) {
      return { error: describeConnectError(error) };
    }
  }

  /**
   * Judges one message's answer: delivered (its receipt checked, then recorded with the answer),
   * to be retried, or refused for good. `statements` caches receipt JWSs already checked in this batch.
   */
  async function settle(partner: Partner, message: OutboxMessage, answer: Answer, signature: string, digest: string, statements: Map<string, Record<string, unknown> | string>): Promise<Outcome> {
    if (answer.status >= 200 && answer.status < 300) {
      const receipt = (answer.body as { receipt?: Receipt } | undefined)?.receipt;
      const problem = receiptProblem(receipt, partner, message, digest, statements);
      if (problem !== undefined) return { kind: 'retry', error: `receipt: ${problem}` };
      const submitted = message.type === 'call.submit' && message.linkId !== null ? submitAnswerOf(answer.body) : undefined;
      const { followed } = await store.markDelivered(message.seq, {
        receipt: receipt!,
        deliveredAt: new Date(options.now()).toISOString(),
        signature,
        digest,
        ...(submitted !== undefined ? { answer: submitted } : {}),
      });
      return { kind: 'delivered', receipt: receipt!, followed };
    }
    const code = (answer.body as { code?: string } | undefined)?.code;
    const error = `HTTP ${answer.status}${code ? ` ${code}` : ''}`;
    if (answer.status === 408 || answer.status === 429 || answer.status >= 500) {
      const after = retryAfterMs(answer.retryAfter, options.now());
      return { kind: 'retry', error, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
    // The call may not exist there yet if an earlier message is still a dead letter: keep trying that one.
    if (code === 'USM_ERR_LINK_NOT_FOUND' || code === 'USM_ERR_CALL_NOT_FOUND') return { kind: 'retry', error };
    // Our clock or theirs is off: the same message (signed afresh at each attempt) passes once they agree.
    if (code === 'USM_ERR_MESSAGE_TIME') return { kind: 'retry', error, clockSkew: clockSkewOf(answer) };
    // The partner refused the TLS connection's client certificate, not the message: it passes once the certificates are right.
    if (code === 'USM_ERR_CLIENT_CERTIFICATE') return { kind: 'retry', error };
    return { kind: 'dead', error };
  }

  function receiptProblem(receipt: Receipt | undefined, partner: Partner, message: OutboxMessage, digest: string, statements: Map<string, Record<string, unknown> | string>): string | undefined {
    if (receipt === undefined || typeof receipt.jws !== 'string') return 'missing';
    let statement = statements.get(receipt.jws);
    if (statement === undefined) {
      try {
        const { payload } = verifyCompact(receipt.jws, { algorithms: receiptAlgorithms, keyFor: (kid) => partner.keys.find((k) => k.kid === kid) }, RECEIPT_TYPE);
        statement = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      } catch (error) {
        statement = `does not verify with ${partner.id}'s keys (${(error as Error).message})`;
      }
      statements.set(receipt.jws, statement);
    }
    if (typeof statement === 'string') return statement;
    if (!receiptCovers(statement, message.id, digest)) return 'it is for another message';
    if (statement.gateway !== partner.id) return `it is signed for ${String(statement.gateway)}`;
    return undefined;
  }

  return {
    send,
    sendBatch,
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}

/** The supplier's call id and starting status from its answer to a submission, when the answer has them. */
function submitAnswerOf(body: unknown): SubmitAnswer | undefined {
  const call = (body as { call?: { id?: unknown; status?: unknown } } | undefined)?.call;
  if (typeof call?.id !== 'string' || !(PUBLIC_STATUSES as readonly unknown[]).includes(call.status)) return undefined;
  return { callId: call.id, status: call.status as PublicStatus };
}

/** What a refusal of the message time tells about the partner's clock: its detail, and the skew its Date header shows. */
function clockSkewOf(answer: Answer): ClockSkew {
  const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
  const theirs = answer.date === undefined ? NaN : Date.parse(answer.date.header);
  return {
    detail: typeof detail === 'string' ? detail : 'the partner refused the message time',
    ...(Number.isFinite(theirs) ? { skewSeconds: Math.round((theirs - answer.date!.receivedAt) / 1000) } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

