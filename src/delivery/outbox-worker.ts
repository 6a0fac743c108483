import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { Pool, type Dispatcher } from 'undici';
import type { SigningKey } from '../keys/jwk.js';
import { signDetachedAt, verifyCompact } from '../messages/jws.js';
import { bodyDigest, receiptCovers, signBatch } from '../messages/batch.js';
import { RECEIPT_TYPE, type Receipt } from '../messages/receipt.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import type { LinkStore, SubmitAnswer } from '../links/supplier-link.js';
import { PUBLIC_STATUSES, type PublicStatus } from '../calls/usm-model.js';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import type { OutboxMessage, OutboxStore } from './outbox.js';

export interface DeliveryOptions {
  readonly maxAttempts: number;
  readonly maxAgeSeconds: number;
  readonly timeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly circuitFailureThreshold: number;
  readonly circuitCooldownMs: number;
  readonly connections: number;
  readonly leaseMs: number;
  /** The most messages sent in one batch request; 1 sends every message on its own. */
  readonly batchSize: number;
}

export interface OutboxWorker {
  /**
   * Look for work now: for these partners (after a commit that queued messages for them), or for
   * every partner with queued messages (also done every `pollMs`, which finds other replicas' work).
   */
  wake(partners?: readonly string[]): void;
  /** Resolves when no delivery is running. */
  idle(): Promise<void>;
  /** Queue depth and circuit state per partner. */
  status(): Promise<{ partner: string; pending: number; circuit: CircuitState; failures: number }[]>;
  close(): Promise<void>;
}

/** What a partner's gateway answered one message (or a whole batch). */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter?: string;
}

/** The endpoint for batches, and the messages that may go in one (each has a fixed path of its own). */
const BATCH_PATH = '/v1/messages/batch';
/** Messages of a batch add up to at most this many characters: half a gateway's default body limit. */
const BATCH_BYTES = 128 * 1024;
function isBatchable(message: OutboxMessage): boolean {
  return (message.type === 'call.submit' && message.path === '/v1/calls') || (message.type === 'call.update' && message.path === '/v1/messages');
}

type Outcome = { readonly kind: 'delivered'; readonly receipt: Receipt } | { readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number } | { readonly kind: 'dead'; readonly error: string };

/**
 * Delivers queued messages to partner gateways, each call's messages in the order they were made,
 * several calls at once, over a keep-alive pool per partner with its own timeouts. Failures back off exponentially with jitter and honour Retry-After; a partner that
 * keeps failing trips its circuit. Messages past `maxAttempts` or `maxAgeSeconds`, and messages
 * the partner refuses outright (4xx other than 408 and 429), become dead letters.
 */
export function createOutboxWorker(options: {
  readonly store: OutboxStore & LinkStore;
  readonly partners: PartnerDirectory;
  readonly signingKey: SigningKey;
  /** The signature algorithms accepted on partners' receipts. */
  readonly algorithms: readonly string[];
  readonly now: () => number;
  readonly logger: Logger;
  readonly delivery: DeliveryOptions;
  readonly pollMs?: number;
  /** For tests: a dispatcher to use instead of a pool per partner. */
  readonly dispatcher?: Dispatcher;
  readonly random?: () => number;
}): OutboxWorker {
  const { store, partners, delivery, logger } = options;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const receiptAlgorithms = new Set(options.algorithms);
  const pools = new Map<string, Dispatcher>();
  const circuits = new Map<string, CircuitBreaker>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Partners whose gateways answered the batch endpoint with 404: they get messages one by one. */
  const unbatched = new Set<string>();
  let closed = false;
  const poll = setInterval(() => wake(), options.pollMs ?? 1000);
  poll.unref();

  const circuitOf = (partner: string): CircuitBreaker => {
    let circuit = circuits.get(partner);
    if (circuit === undefined) {
      circuit = new CircuitBreaker(delivery.circuitFailureThreshold, delivery.circuitCooldownMs);
      circuits.set(partner, circuit);
    }
    return circuit;
  };

  const poolOf = (partner: Partner): Dispatcher => {
    if (options.dispatcher !== undefined) return options.dispatcher;
    let pool = pools.get(partner.id);
    if (pool === undefined) {
      pool = new Pool(new URL(partner.url!).origin, {
        connections: delivery.connections,
        connect: { timeout: delivery.timeoutMs },
        headersTimeout: delivery.timeoutMs,
        bodyTimeout: delivery.timeoutMs,
        keepAliveTimeout: 30_000,
      });
      pools.set(partner.id, pool);
    }
    return pool;
  };

  function wake(only?: readonly string[]): void {
    if (closed) return;
    if (only !== undefined) {
      only.forEach(drain);
      return;
    }
    store.partnersWithPending().then(
      (list) => list.forEach(drain),
      (error: unknown) => logger.warn({ err: error }, 'outbox: cannot read the queue'),
    );
  }

  function drain(partner: string): void {
    if (closed) return;
    if (running.has(partner)) {
      again.add(partner);
      return;
    }
    const run = drainPartner(partner)
      .catch((error: unknown) => logger.warn({ err: error, partner }, 'outbox: delivery round failed'))
      .finally(() => {
        running.delete(partner);
        if (again.delete(partner)) drain(partner);
      });
    running.set(partner, run);
  }

  function later(partner: string, at: number): void {
    if (closed) return;
    clearTimeout(timers.get(partner));
    const timer = setTimeout(() => {
      timers.delete(partner);
      drain(partner);
    }, Math.max(0, at - options.now()));
    timer.unref();
    timers.set(partner, timer);
  }

  /**
   * Splits claimed messages into requests: submissions and updates go in batches of up to
   * `delivery.batchSize` messages and `BATCH_BYTES` (to gateways that take batches), everything
   * else one by one.
   */
  function groupsOf(partnerId: string, messages: readonly OutboxMessage[]): OutboxMessage[][] {
    if (delivery.batchSize < 2 || unbatched.has(partnerId)) return messages.map((m) => [m]);
    const batchable = messages.filter(isBatchable);
    const groups = messages.filter((m) => !isBatchable(m)).map((m) => [m]);
    let batch: OutboxMessage[] = [];
    let bytes = 0;
    for (const message of batchable) {
      if (batch.length > 0 && (batch.length === delivery.batchSize || bytes + message.body.length > BATCH_BYTES)) {
        groups.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(message);
      bytes += message.body.length;
    }
    if (batch.length > 0) groups.push(batch);
    return groups;
  }

  /**
   * Sends the partner's queue as a pipeline: up to `window` messages are on their way at once, each
   * the oldest undelivered message of its call; whenever one is done, the next heads are claimed. A
   * call's next message waits for the one before it, so every call's messages arrive in order while
   * a slow or failing call holds up only itself.
   */
  async function drainPartner(partnerId: string): Promise<void> {
    const partner = partners.get(partnerId);
    const window = delivery.connections * 2;
    const inFlight = new Set<Promise<void>>();
    let sendingCount = 0;
    let retryAt = Infinity;
    try {
      for (;;) {
        const circuit = circuitOf(partnerId).nextAttemptAt(options.now());
        const open = closed || circuit > options.now();
        const heads = open || sendingCount >= window ? [] : await store.claimHeads(partnerId, owner, window - sendingCount, delivery.leaseMs);
        for (const group of groupsOf(partnerId, heads)) {
          const sending: Promise<void> = (group.length === 1 ? deliverOne(partnerId, partner, group[0]!).then((r) => [r]) : deliverBatch(partnerId, partner, group))
            .then(
              (results) => {
                for (const r of results) if (typeof r === 'number') retryAt = Math.min(retryAt, r);
              },
              // Their leases run out and they are claimed again.
              (error: unknown) => logger.warn({ err: error, partner: partnerId, messages: group.map((m) => m.id) }, 'outbox: delivery failed'),
            )
            .finally(() => {
              inFlight.delete(sending);
              sendingCount -= group.length;
            });
          inFlight.add(sending);
          sendingCount += group.length;
        }
        if (inFlight.size === 0) {
          if (open && !closed) retryAt = Math.min(retryAt, circuit);
          return;
        }
        // Claim again as soon as one is done: it may have been the head that held up its call's next message.
        if (heads.length === 0 || sendingCount >= window) await Promise.race(inFlight);
      }
    } finally {
      if (retryAt !== Infinity) later(partnerId, retryAt);
    }
  }

  /** Why a message cannot be sent now at all, if it cannot: it becomes a dead letter. */
  function undeliverable(partnerId: string, partner: Partner | undefined, message: OutboxMessage): string | undefined {
    if (partner?.url === undefined) return `${partnerId} has no gateway url`;
    if (options.now() - Date.parse(message.createdAt) > delivery.maxAgeSeconds * 1000) {
      return `older than ${delivery.maxAgeSeconds} s${message.lastError ? `; last error: ${message.lastError}` : ''}`;
    }
    return undefined;
  }

  /** One attempt at one message: 'progressed' when it was delivered or given up, else when to try again. */
  async function deliverOne(partnerId: string, partner: Partner | undefined, message: OutboxMessage): Promise<'progressed' | number> {
    const reason = undeliverable(partnerId, partner, message);
    if (reason !== undefined) {
      await store.markDead(message.seq, reason);
      return 'progressed';
    }
    return conclude(partnerId, message, await send(partner!, message));
  }

  /**
   * One attempt at several messages in one batch request (one signature, one receipt). A partner
   * gateway without the batch endpoint (404) is sent messages one by one from then on.
   */
  async function deliverBatch(partnerId: string, partner: Partner | undefined, messages: readonly OutboxMessage[]): Promise<('progressed' | number)[]> {
    const due: OutboxMessage[] = [];
    const done: Promise<'progressed' | number>[] = [];
    for (const message of messages) {
      const reason = undeliverable(partnerId, partner, message);
      if (reason === undefined) due.push(message);
      else done.push(store.markDead(message.seq, reason).then(() => 'progressed' as const));
    }
    if (due.length === 1) done.push(deliverOne(partnerId, partner, due[0]!));
    if (due.length > 1) {
      const outcomes = await sendBatch(partner!, due);
      if (outcomes === 'unsupported' || outcomes === 'singly') {
        if (outcomes === 'unsupported') unbatched.add(partnerId);
        done.push(...due.map((message) => deliverOne(partnerId, partner, message)));
      } else {
        done.push(...due.map((message, i) => conclude(partnerId, message, outcomes[i]!)));
      }
    }
    return Promise.all(done);
  }

  /** Records an attempt's outcome: 'progressed' when the message was delivered or given up, else when to try again. */
  async function conclude(partnerId: string, message: OutboxMessage, outcome: Outcome): Promise<'progressed' | number> {
    const circuit = circuitOf(partnerId);
    if (outcome.kind === 'delivered') {
      circuit.success();
      return 'progressed';
    }
    if (outcome.kind === 'dead') {
      logger.warn({ partner: partnerId, message: message.id, error: outcome.error }, 'outbox: message refused, kept as a dead letter');
      await store.markDead(message.seq, outcome.error);
      return 'progressed';
    }
    circuit.failure(options.now());
    const attempts = message.attempts + 1;
    if (attempts >= delivery.maxAttempts) {
      await store.markDead(message.seq, `gave up after ${attempts} attempts: ${outcome.error}`);
      return 'progressed';
    }
    const wait = Math.max(backoffDelay(attempts, delivery.backoffBaseMs, delivery.backoffMaxMs, options.random), outcome.retryAfterMs ?? 0);
    const next = options.now() + wait;
    await store.markAttempt(message.seq, { attempts, nextAttemptAt: new Date(next).toISOString(), lastError: outcome.error });
    return Math.max(next, circuit.nextAttemptAt(options.now()));
  }

  async function send(partner: Partner, message: OutboxMessage): Promise<Outcome> {
    let path = message.path;
    if (path.includes('{remoteCallId}')) {
      const link = message.linkId === null ? undefined : await store.getLink(message.linkId);
      if (link?.remoteCallId == null) return { kind: 'retry', error: 'the supplier has not answered the sub-call yet' };
      path = path.replace('{remoteCallId}', encodeURIComponent(link.remoteCallId));
    }
    const body = Buffer.from(message.body);
    const signature = signDetachedAt(body, options.signingKey, Math.floor(options.now() / 1000));
    const answer = await post(partner, path, body, signature, message.trace);
    if ('error' in answer) return { kind: 'retry', error: answer.error };
    return settle(partner, message, answer, signature, bodyDigest(body), new Map());
  }

  /**
   * Sends messages as one batch: 'unsupported' when the partner's gateway has no batch endpoint,
   * 'singly' when it refused this batch as a whole for its form or size (each message may still pass alone).
   */
  async function sendBatch(partner: Partner, messages: readonly OutboxMessage[]): Promise<Outcome[] | 'unsupported' | 'singly'> {
    const items = messages.map((m) => ({ message: m.body, ...(m.trace !== null ? { traceparent: m.trace } : {}) }));
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
        return settle(partner, m, { status: typeof result?.status === 'number' ? result.status : 502, body: result?.body }, signature, digests[i]!, statements);
      }),
    );
  }

  async function post(partner: Partner, path: string, body: Buffer, signature: string, trace: string | null): Promise<Answer | { error: string }> {
    const base = new URL(partner.url!);
    try {
      const response = await poolOf(partner).request({
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
      return { status: response.statusCode, body: parseJson(text), ...(typeof retryAfter === 'string' ? { retryAfter } : {}) };
    } catch (error) {
      return { error: (error as { code?: string }).code ?? (error as Error).message };
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
      await store.markDelivered(message.seq, {
        receipt: receipt!,
        deliveredAt: new Date(options.now()).toISOString(),
        signature,
        digest,
        ...(submitted !== undefined ? { answer: submitted } : {}),
      });
      return { kind: 'delivered', receipt: receipt! };
    }
    const code = (answer.body as { code?: string } | undefined)?.code;
    const error = `HTTP ${answer.status}${code ? ` ${code}` : ''}`;
    if (answer.status === 408 || answer.status === 429 || answer.status >= 500) {
      const after = retryAfterMs(answer.retryAfter, options.now());
      return { kind: 'retry', error, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
    // The call may not exist there yet if an earlier message is still a dead letter: keep trying that one.
    if (code === 'USM_ERR_LINK_NOT_FOUND' || code === 'USM_ERR_CALL_NOT_FOUND') return { kind: 'retry', error };
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
    wake,
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
    async status() {
      const pending = await store.listOutbox({ status: 'pending', limit: 100_000 });
      const counts = new Map<string, number>();
      for (const m of pending) counts.set(m.partner, (counts.get(m.partner) ?? 0) + 1);
      const now = options.now();
      return partners
        .all()
        .filter((p) => p.url !== undefined)
        .map((p) => ({ partner: p.id, pending: counts.get(p.id) ?? 0, circuit: circuitOf(p.id).state(now), failures: circuitOf(p.id).failures }));
    },
    async close() {
      closed = true;
      clearInterval(poll);
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
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

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

