import { readFileSync } from 'node:fs';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState } from '../delivery/circuit-breaker.js';
import type { OutboxSummary } from '../ports/outbox-store.js';
import type { StoreObserver } from '../ports/store.js';
import { labelSets, OTHER, refusalCheckOf } from './metric-labels.js';
import { processMetrics } from './process-metrics.js';

export type ReceivedOutcome = 'accepted' | 'replayed' | 'refused';
export type SentOutcome = 'delivered' | 'retried' | 'dead';
export type WebhookOutcome = 'delivered' | 'failed' | 'given_up';
export type DirectoryRefreshOutcome = 'accepted' | 'unchanged' | 'read' | 'refused' | 'unreachable';
/** The codes a directory refresh fails with: the only values of its `code` label. */
const DIRECTORY_CODES = new Set(['DIR_SOURCE', 'DIR_SIGNATURE', 'DIR_SCHEMA', 'DIR_EXPIRED', 'DIR_NOT_YET', 'DIR_ROLLBACK', 'DIR_NETWORK', 'DIR_FETCH', 'DIR_STORE']);

/** What the queue gauges are read from, at scrape time. */
export interface QueueSources {
  /** Pending and dead messages per partner (two aggregate queries). */
  readonly outbox: () => Promise<readonly OutboxSummary[]>;
  /** Each partner's circuit, from memory. */
  readonly circuits: () => readonly { partner: string; circuit: CircuitState; failures: number }[];
}

/** One message taken in (alone or in a batch), as the metrics count it. */
export interface ReceivedMessage {
  /** The partner whose signature verified; undefined when none did. */
  readonly partner: string | undefined;
  /** The envelope's `type` as sent (any value; bounded here). */
  readonly type: unknown;
  readonly outcome: ReceivedOutcome;
  /** The refusal's code. */
  readonly code?: string;
  /** This gateway's clock minus the message's signing time, for an accepted message. */
  readonly skewSeconds?: number;
}

/**
 * One gateway's metrics, in a registry of its own (several gateways may run in one process). Domain
 * code never sees prom-client: the composition root hands it these functions as callbacks.
 */
export interface GatewayMetrics {
  /** The exposition format's media type. */
  readonly contentType: string;
  /** The Prometheus text exposition: this gateway's metrics, then the process's. Reads the queue gauges first. */
  exposition(): Promise<string>;
  /** Where the queue and circuit gauges are read from at scrape time. */
  readQueuesFrom(sources: QueueSources): void;
  /** One HTTP request answered: its contract operation (or `unmatched`), status and duration. */
  request(operation: string, status: number, seconds: number): void;
  received(message: ReceivedMessage): void;
  /** The end of one delivery attempt to a partner gateway. */
  sent(partner: string, type: string, outcome: SentOutcome): void;
  webhook(outcome: WebhookOutcome): void;
  slaBreach(customer: string, target: string): void;
  /** The partners a followed network directory gives: their ids become values of the `partner` label. */
  directoryPartners(ids: readonly string[]): void;
  /** One refresh of the followed network directory, and the directory held after it. */
  directory(outcome: DirectoryRefreshOutcome, code: string | undefined, held: { sequence: number; exp: number } | undefined): void;
  /** The store's commits and fsyncs (SQLite: group commits and WAL fsyncs; PostgreSQL: transactions and the round trips that carry their COMMIT). */
  readonly store: StoreObserver;
}

export interface GatewayMetricsOptions {
  /** This gateway's party id (in `usm_link_build_info`). */
  readonly party: string;
  /** The partner ids of the config: the only values of a `partner` label. */
  readonly partners: readonly string[];
  /** The message types of the contract: the only values of a `type` label. */
  readonly messageTypes: readonly string[];
  readonly now: () => number;
  /** Queue gauges read less than this long ago are served again (default 1000 ms), so scrapes cost at most two queries a second. */
  readonly queueCacheMs?: number;
  /** Whether to add the process metrics (CPU, memory, event loop, GC); default true. */
  readonly processMetrics?: boolean;
}

const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const GROUP_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half-open'];

/** The package's version, for `usm_link_build_info`; `unknown` in a build without its package.json beside it. */
const VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

export function createGatewayMetrics(options: GatewayMetricsOptions): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  const labels = labelSets(options.partners, options.messageTypes);
  const cacheMs = options.queueCacheMs ?? 1000;

  new Gauge({ name: 'usm_link_build_info', help: 'Always 1: the version of usm-link and the party id this gateway runs as.', labelNames: ['version', 'party'], registers }).set(
    { version: VERSION, party: options.party },
    1,
  );
  const httpRequests = new Counter({ name: 'usm_link_http_requests_total', help: 'HTTP requests answered, by contract operation and status.', labelNames: ['operation', 'status'], registers });
  const httpDuration = new Histogram({
    name: 'usm_link_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to sending its answer, by contract operation.',
    labelNames: ['operation'],
    buckets: HTTP_BUCKETS,
    registers,
  });
  const received = new Counter({
    name: 'usm_link_messages_received_total',
    help: 'Signed messages taken in from partners (alone or in batches), by partner, type and outcome (accepted, replayed, refused with its code).',
    labelNames: ['partner', 'type', 'outcome', 'code'],
    registers,
  });
  const refusals = new Counter({
    name: 'usm_link_message_refusals_total',
    help: 'Signed messages refused by the signature or envelope checks, by check and code.',
    labelNames: ['check', 'code'],
    registers,
  });
  const skew = new Gauge({
    name: 'usm_link_partner_clock_skew_seconds',
    help: "This gateway's clock minus the signing time of the partner's last accepted message (clock difference plus transit).",
    labelNames: ['partner'],
    registers,
  });
  const sent = new Counter({
    name: 'usm_link_messages_sent_total',
    help: 'Delivery attempts to partner gateways, by partner, type and outcome (delivered, retried later, dead letter).',
    labelNames: ['partner', 'type', 'outcome'],
    registers,
  });
  const pending = new Gauge({ name: 'usm_link_outbox_pending_messages', help: 'Messages waiting for delivery, per partner (read at scrape time).', labelNames: ['partner'], registers });
  const oldest = new Gauge({
    name: 'usm_link_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message waiting for delivery, per partner; 0 when none waits (read at scrape time).',
    labelNames: ['partner'],
    registers,
  });
  const dead = new Gauge({ name: 'usm_link_outbox_dead_letters', help: 'Dead letters kept for an operator, per partner (read at scrape time).', labelNames: ['partner'], registers });
  const circuit = new Gauge({
    name: 'usm_link_partner_circuit_state',
    help: "1 for the state each partner's circuit is in (closed, open, half-open), 0 for the others.",
    labelNames: ['partner', 'state'],
    registers,
  });
  const failures = new Gauge({ name: 'usm_link_partner_circuit_failures', help: 'Failed deliveries in a row, per partner.', labelNames: ['partner'], registers });
  const storeUp = new Gauge({ name: 'usm_link_store_up', help: '1 when the store answered the queue gauges at the last scrape, 0 when it did not.', registers });
  const webhooks = new Counter({
    name: 'usm_link_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (delivered, failed and retried later, given up after the last attempt).',
    labelNames: ['outcome'],
    registers,
  });
  const breaches = new Counter({ name: 'usm_link_sla_breaches_total', help: 'Service-level targets missed, by customer and target (response, resolution).', labelNames: ['customer', 'target'], registers });
  const commit = new Histogram({ name: 'usm_link_store_commit_duration_seconds', help: 'Time one commit of the store took: a SQLite group commit (the transaction, before its fsync), or a PostgreSQL write from BEGIN to its COMMIT answered.', buckets: STORE_BUCKETS, registers });
  const fsync = new Histogram({ name: 'usm_link_store_fsync_duration_seconds', help: "Time one fsync of the SQLite store's WAL took, or the PostgreSQL round trip that carries a COMMIT (which holds the server's WAL flush).", buckets: STORE_BUCKETS, registers });
  const group = new Histogram({ name: 'usm_link_store_group_commit_writes', help: 'Writes committed together in one transaction (a SQLite group commit; 1 on PostgreSQL).', buckets: GROUP_BUCKETS, registers });

  const directoryRefreshes = new Counter({
    name: 'usm_link_directory_refreshes_total',
    help: 'Refreshes of the followed network directory, by outcome (accepted, unchanged, read from a replica, refused with its code, unreachable).',
    labelNames: ['outcome', 'code'],
    registers,
  });
  const directorySequence = new Gauge({ name: 'usm_link_directory_sequence', help: 'The sequence of the network directory this gateway follows now (the last good one).', registers });
  const directoryExpiry = new Gauge({ name: 'usm_link_directory_expiry_timestamp_seconds', help: 'When the network directory held expires (Unix seconds).', registers });

  for (const outcome of ['delivered', 'failed', 'given_up'] as const) webhooks.inc({ outcome }, 0);
  for (const customer of options.partners) for (const target of ['response', 'resolution']) breaches.inc({ customer, target }, 0);

  // Counted on every request and message: each label set's child is looked up once, then kept.
  const children = new Map<string, { inc(): void } | { observe(value: number): void }>();
  const childOf = <C>(key: string, make: () => C): C => {
    let child = children.get(key) as C | undefined;
    if (child === undefined) children.set(key, (child = make()) as never);
    return child;
  };

  let sources: QueueSources | undefined;
  let readAt = -Infinity;
  let reading: Promise<void> | undefined;

  async function readQueues(): Promise<void> {
    if (sources === undefined || options.now() - readAt < cacheMs) return;
    const from = sources;
    reading ??= (async () => {
      const circuits = from.circuits();
      let summary: readonly OutboxSummary[] | undefined;
      try {
        summary = await from.outbox();
      } catch {
        summary = undefined;
      }
      const now = options.now();
      pending.reset();
      oldest.reset();
      dead.reset();
      circuit.reset();
      failures.reset();
      storeUp.set(summary === undefined ? 0 : 1);
      const queues = new Map<string, { pending: number; dead: number; oldestSeconds: number }>();
      const queueOf = (partner: string) => queues.get(partner) ?? queues.set(partner, { pending: 0, dead: 0, oldestSeconds: 0 }).get(partner)!;
      for (const c of circuits) {
        const partner = labels.partner(c.partner);
        queueOf(partner);
        for (const state of CIRCUIT_STATES) circuit.set({ partner, state }, c.circuit === state ? 1 : 0);
        failures.set({ partner }, c.failures);
      }
      for (const s of summary ?? []) {
        const queue = queueOf(labels.partner(s.partner));
        queue.pending += s.pending;
        queue.dead += s.dead;
        if (s.oldestPendingAt !== null) queue.oldestSeconds = Math.max(queue.oldestSeconds, Math.max(0, (now - Date.parse(s.oldestPendingAt)) / 1000));
      }
      if (summary !== undefined) {
        for (const [partner, queue] of queues) {
          pending.set({ partner }, queue.pending);
          dead.set({ partner }, queue.dead);
          oldest.set({ partner }, queue.oldestSeconds);
        }
      }
      readAt = now;
    })().finally(() => {
      reading = undefined;
    });
    await reading;
  }

  const ownProcess = options.processMetrics === false ? undefined : processMetrics();

  return {
    contentType: registry.contentType,
    async exposition() {
      await readQueues();
      const own = await registry.metrics();
      return ownProcess === undefined ? own : `${own}\n${await ownProcess.metrics()}`;
    },
    readQueuesFrom(given) {
      sources = given;
      readAt = -Infinity;
    },
    request(operation, status, seconds) {
      childOf(`request ${operation} ${status}`, () => httpRequests.labels(operation, String(status))).inc();
      childOf(`duration ${operation}`, () => httpDuration.labels(operation)).observe(seconds);
    },
    received(message) {
      const partner = labels.partner(message.partner);
      const code = message.outcome === 'refused' ? labels.code(message.code) : '';
      const type = labels.messageType(message.type);
      childOf(`received ${partner} ${type} ${message.outcome} ${code}`, () => received.labels(partner, type, message.outcome, code)).inc();
      const check = code === '' || code === OTHER ? undefined : refusalCheckOf(code);
      if (check !== undefined) refusals.inc({ check, code });
      if (message.skewSeconds !== undefined && message.partner !== undefined) skew.set({ partner }, message.skewSeconds);
    },
    sent(partner, type, outcome) {
      const [p, t] = [labels.partner(partner), labels.messageType(type)];
      childOf(`sent ${p} ${t} ${outcome}`, () => sent.labels(p, t, outcome)).inc();
    },
    webhook(outcome) {
      webhooks.inc({ outcome });
    },
    slaBreach(customer, target) {
      breaches.inc({ customer: labels.partner(customer), target });
    },
    directoryPartners(ids) {
      labels.addPartners(ids);
    },
    directory(outcome, code, held) {
      directoryRefreshes.inc({ outcome, code: code === undefined ? '' : DIRECTORY_CODES.has(code) ? code : OTHER });
      if (held !== undefined) {
        directorySequence.set(held.sequence);
        directoryExpiry.set(held.exp);
      }
    },
    store: {
      commit(seconds, writes) {
        commit.observe(seconds);
        group.observe(writes);
      },
      fsync(seconds) {
        fsync.observe(seconds);
      },
    },
  };
}
