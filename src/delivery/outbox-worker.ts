import { randomUUID } from 'node:crypto';
import type { Tracing } from '../kernel/tracing.js';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { SigningKey } from '../keys/jwk.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import type { LinkStore } from '../ports/supplier-link.js';
import { isTlsRefusal } from '../partners/partner-tls.js';
import { backoffDelay } from './backoff.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import type { OutboxMessage, OutboxStore } from '../ports/outbox-store.js';
import { createPartnerSender, isBatchable, type ClockSkew, type Outcome } from './partner-sender.js';

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
  /** The circuit of every partner with a gateway url, from memory (for the metrics). */
  circuits(): { partner: string; circuit: CircuitState; failures: number }[];
  /** Queue depth, circuit state and any clock skew seen (until the next delivery) per partner. */
  status(): Promise<{ partner: string; pending: number; circuit: CircuitState; failures: number; clockSkew: DetectedClockSkew | null }[]>;
  close(): Promise<void>;
}

/** A partner refused a message's time, when it last did so. */
export interface DetectedClockSkew extends ClockSkew {
  readonly detectedAt: string;
}

/**
 * What an attempt at a message came to: 'progressed' when it was delivered and nothing of its call
 * waits behind it, 'followed' when it was delivered or given up and the call's next message may now
 * be sent (given up, it is not known whether there is one), else when to try it again.
 */
type Attempted = 'progressed' | 'followed' | number;

/** Messages of a batch add up to at most this many characters: half a gateway's default body limit. */
const BATCH_BYTES = 128 * 1024;

/**
 * Delivers queued messages to partner gateways (through a `PartnerSender`), each call's messages in
 * the order they were made, several calls at once, submissions and updates in batches. Failures
 * back off exponentially with jitter and honour Retry-After; a partner that keeps failing trips its
 * circuit. Messages past `maxAttempts` or `maxAgeSeconds`, and messages the partner refuses
 * outright (4xx other than 408 and 429), become dead letters. A refusal of the message time is
 * retried instead: the clocks differ, which is logged as a warning and shown per partner in `status`.
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
  /** Told the end of every attempt (for the metrics): delivered, retried later, or kept as a dead letter. */
  readonly observe?: (partner: string, message: OutboxMessage, outcome: 'delivered' | 'retried' | 'dead') => void;
  /** A `usm.deliver` span per message sent (see the partner sender). */
  readonly tracing?: Tracing;
}): OutboxWorker {
  const { store, partners, delivery, logger } = options;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const sender = createPartnerSender(options);
  const circuits = new Map<string, CircuitBreaker>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  /** The running drains that still claim: `wanted` while messages may be waiting that the last claim did not take. */
  const rounds = new Map<string, { wanted: boolean }>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Partners whose gateways answered the batch endpoint with 404: they get messages one by one. */
  const unbatched = new Set<string>();
  /** Partners that last refused a message's time, until a message to them is delivered. */
  const skews = new Map<string, DetectedClockSkew>();
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
      // A running drain claims again for it; one that has finished its last round is run again.
      const round = rounds.get(partner);
      if (round !== undefined) round.wanted = true;
      else again.add(partner);
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
   * the oldest undelivered message of its call. A claim is made only while messages may be waiting
   * that the last one did not take: at the start, when it filled the room it was given, when a
   * commit queued messages for the partner meanwhile (`drain` while running), and when a delivered
   * or given-up message had another of its call behind it. A call's next message waits for the one
   * before it, so every call's messages arrive in order while a slow or failing call holds up only itself.
   */
  async function drainPartner(partnerId: string): Promise<void> {
    const window = delivery.connections * 2;
    const inFlight = new Set<Promise<void>>();
    const round = { wanted: true };
    rounds.set(partnerId, round);
    let sendingCount = 0;
    let retryAt = Infinity;
    try {
      for (;;) {
        const circuit = circuitOf(partnerId).nextAttemptAt(options.now());
        const open = closed || circuit > options.now();
        const room = window - sendingCount;
        let heads: OutboxMessage[] = [];
        if (!open && room > 0 && round.wanted) {
          round.wanted = false;
          heads = await store.claimHeads(partnerId, owner, room, delivery.leaseMs);
          if (heads.length === room) round.wanted = true;
        }
        for (const group of groupsOf(partnerId, heads)) {
          // Looked up for each request: a drain under load runs on, while the partner's keys and URL may be swapped meanwhile.
          const partner = partners.get(partnerId);
          const sending: Promise<void> = (group.length === 1 ? deliverOne(partnerId, partner, group[0]!).then((r) => [r]) : deliverBatch(partnerId, partner, group))
            .then(
              (results) => {
                for (const r of results) {
                  if (typeof r === 'number') retryAt = Math.min(retryAt, r);
                  else if (r === 'followed') round.wanted = true;
                }
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
        if (inFlight.size === 0 && (open || !round.wanted)) {
          if (open && !closed) retryAt = Math.min(retryAt, circuit);
          return;
        }
        // Claim again once one is done (or at once when it is wanted and there is room).
        if (inFlight.size > 0 && (!round.wanted || sendingCount >= window || open)) await Promise.race(inFlight);
      }
    } finally {
      rounds.delete(partnerId);
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

  /** One attempt at one message. */
  async function deliverOne(partnerId: string, partner: Partner | undefined, message: OutboxMessage): Promise<Attempted> {
    const reason = undeliverable(partnerId, partner, message);
    if (reason !== undefined) {
      await store.markDead(message.seq, reason);
      options.observe?.(partnerId, message, 'dead');
      return 'followed';
    }
    return sendOne(partnerId, partner!, message);
  }

  async function sendOne(partnerId: string, partner: Partner, message: OutboxMessage): Promise<Attempted> {
    return conclude(partnerId, message, await sender.send(partner, message));
  }

  /**
   * One attempt at several messages in one batch request (one signature, one receipt). A partner
   * gateway without the batch endpoint (404) is sent messages one by one from then on.
   */
  async function deliverBatch(partnerId: string, partner: Partner | undefined, messages: readonly OutboxMessage[]): Promise<Attempted[]> {
    const due: OutboxMessage[] = [];
    const done: Promise<Attempted>[] = [];
    for (const message of messages) {
      const reason = undeliverable(partnerId, partner, message);
      if (reason === undefined) due.push(message);
      else done.push(store.markDead(message.seq, reason).then(() => {
        options.observe?.(partnerId, message, 'dead');
        return 'followed' as const;
      }));
    }
    // Every message left passed `undeliverable`, so `partner` has a url.
    if (due.length === 1) done.push(sendOne(partnerId, partner!, due[0]!));
    if (due.length > 1) {
      const outcomes = await sender.sendBatch(partner!, due);
      if (outcomes === 'unsupported' || outcomes === 'singly') {
        if (outcomes === 'unsupported') unbatched.add(partnerId);
        done.push(...due.map((message) => sendOne(partnerId, partner!, message)));
      } else {
        done.push(...due.map((message, i) => conclude(partnerId, message, outcomes[i]!)));
      }
    }
    return Promise.all(done);
  }

  /** Records an attempt's outcome (see `Attempted`). */
  async function conclude(partnerId: string, message: OutboxMessage, outcome: Outcome): Promise<Attempted> {
    const circuit = circuitOf(partnerId);
    if (outcome.kind === 'delivered') {
      circuit.success();
      options.observe?.(partnerId, message, 'delivered');
      skews.delete(partnerId);
      return outcome.followed ? 'followed' : 'progressed';
    }
    if (outcome.kind === 'dead') {
      logger.warn({ partner: partnerId, message: message.id, error: outcome.error }, 'outbox: message refused, kept as a dead letter');
      await store.markDead(message.seq, outcome.error);
      options.observe?.(partnerId, message, 'dead');
      return 'followed';
    }
    circuit.failure(options.now());
    if (outcome.clockSkew !== undefined) {
      const { skewSeconds, detail } = outcome.clockSkew;
      skews.set(partnerId, { detectedAt: new Date(options.now()).toISOString(), ...outcome.clockSkew });
      logger.warn(
        { partner: partnerId, message: message.id, ...(skewSeconds !== undefined ? { skewSeconds } : {}), detail },
        `outbox: ${partnerId} refused the message time: its clock and this gateway's differ${skewSeconds !== undefined ? ` by about ${skewSeconds} s` : ''}; retrying until they agree (check NTP on both)`,
      );
    }
    const attempts = message.attempts + 1;
    if (isTlsRefusal(outcome.error)) logger.warn({ partner: partnerId, message: message.id, error: outcome.error }, `outbox: TLS with ${partnerId}'s gateway failed (${outcome.error}); the message stays in the outbox and is retried`);
    if (attempts >= delivery.maxAttempts) {
      await store.markDead(message.seq, `gave up after ${attempts} attempts: ${outcome.error}`);
      options.observe?.(partnerId, message, 'dead');
      return 'followed';
    }
    const wait = Math.max(backoffDelay(attempts, delivery.backoffBaseMs, delivery.backoffMaxMs, options.random), outcome.retryAfterMs ?? 0);
    const next = options.now() + wait;
    await store.markAttempt(message.seq, { attempts, nextAttemptAt: new Date(next).toISOString(), lastError: outcome.error });
    options.observe?.(partnerId, message, 'retried');
    return Math.max(next, circuit.nextAttemptAt(options.now()));
  }

  return {
    wake,
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
    circuits() {
      const now = options.now();
      return partners.all().filter((p) => p.url !== undefined).map((p) => ({ partner: p.id, circuit: circuitOf(p.id).state(now), failures: circuitOf(p.id).failures }));
    },
    async status() {
      const pending = await store.listOutbox({ status: 'pending', limit: 100_000 });
      const counts = new Map<string, number>();
      for (const m of pending) counts.set(m.partner, (counts.get(m.partner) ?? 0) + 1);
      const now = options.now();
      return partners
        .all()
        .filter((p) => p.url !== undefined)
        .map((p) => ({ partner: p.id, pending: counts.get(p.id) ?? 0, circuit: circuitOf(p.id).state(now), failures: circuitOf(p.id).failures, clockSkew: skews.get(p.id) ?? null }));
    },
    async close() {
      closed = true;
      clearInterval(poll);
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
      await sender.close();
    },
  };
}
