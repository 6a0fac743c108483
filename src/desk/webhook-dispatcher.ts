import { randomUUID } from 'node:crypto';
import { ATTR, MESSAGING_SYSTEM, type Tracing } from '../kernel/tracing.js';
import { hostname } from 'node:os';
import type { Dispatcher } from 'undici';
import { lazyDispatcher, undici } from '../kernel/undici.js';
import type { Logger } from 'pino';
import type { StoredEvent } from '../ports/call.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { WebhookDeadLetter, WebhookFormat, WebhookStore, WebhookSubscription } from '../ports/webhook-store.js';
import { webhookDelivery, type WebhookDelivery } from './webhook-delivery.js';

/** One event's delivery written by a format's renderer, and the HTTP dispatcher it must go through (its own guard). */
export interface RenderedDelivery extends WebhookDelivery {
  readonly dispatcher?: Dispatcher;
}

/**
 * A format written outside this folder (TMF621's `/hub` events, by `tmf/`): the delivery of one
 * event to one subscription, or undefined when the event is not for that subscription (it is
 * passed over). A throw is a failed attempt, retried like a refused delivery.
 */
export type WebhookRenderer = (subscription: WebhookSubscription, event: StoredEvent, nowMs: number) => Promise<RenderedDelivery | undefined>;

export interface WebhookDispatcherOptions {
  readonly store: WebhookStore;
  readonly logger: Logger;
  readonly now: () => number;
  /** The CloudEvent `source` of this gateway (`cloudEventSource`). */
  readonly source: string;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** How often to look for due retries when nothing wakes the dispatcher. */
  readonly pollMs?: number;
  readonly dispatcher?: Dispatcher;
  readonly random?: () => number;
  /** Told the end of every attempt (for the metrics): delivered, failed (retried later), or given up. */
  readonly observe?: (outcome: 'delivered' | 'failed' | 'given_up') => void;
  /** A `usm.webhook` span per delivery attempt. */
  readonly tracing?: Tracing;
  /** Renderers of the formats not written here, by format. */
  readonly formats?: Partial<Record<WebhookFormat, WebhookRenderer>>;
}

/** An event a subscription does not take (a renderer's undefined). */
const PASSED_OVER = Symbol('passed over');

/** What a replay of a dead letter came to: received (the dead letter is gone), or not (kept, with the new error). */
export type WebhookReplay = { readonly delivered: true } | { readonly delivered: false; readonly deadLetter: WebhookDeadLetter };

export interface WebhookDispatcher {
  /** Deliver what is due now (called after every commit). */
  wake(): void;
  /** A subscription was made on this gateway: deliver to it from the next commit on, without waiting for the next look. */
  subscribed(): void;
  /** Delivers a dead letter's event to its subscription once more; undefined when there is no such dead letter. */
  replayDeadLetter(id: string): Promise<WebhookReplay | undefined>;
  /** Resolves when the current delivery round, if any, is done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const BATCH = 100;
/** How long one worker holds a subscription's delivery (replicas share the store). */
const LEASE_MS = 30_000;

/**
 * Delivers call events to each subscription in event order. A failing subscription is retried with
 * exponential backoff and jitter; after `maxAttempts` the event is given up and kept as a webhook
 * dead letter with its last error (an operator can replay it), so one broken receiver never blocks
 * the others or itself for ever.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const agent = lazyDispatcher(
    ({ Agent }) =>
      new Agent({
        connect: { timeout: options.timeoutMs },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        keepAliveTimeout: 10_000,
      }),
  );
  const random = options.random ?? Math.random;
  const tracing = options.tracing?.on === true ? options.tracing : undefined;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let round: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const pollMs = options.pollMs ?? 1000;
  // Until then, a commit's wake does not look for subscriptions: the last look found none (one made
  // on another replica is found by the next poll; one made here says so, `subscribed`).
  let quietUntil = 0;
  let polled = false;
  const timer = setInterval(() => {
    polled = true;
    run();
  }, pollMs);
  timer.unref();

  function run(): void {
    if (closed) return;
    if (round !== undefined) {
      again = true;
      return;
    }
    round = deliverDue()
      .catch((error: unknown) => options.logger.warn({ err: error }, 'webhook delivery round failed'))
      .finally(() => {
        round = undefined;
        if (again && !closed) {
          again = false;
          run();
        }
      });
  }

  async function deliverDue(): Promise<void> {
    const looking = polled;
    polled = false;
    // Without a subscription the dispatcher, woken after every commit, reads nothing until its next poll.
    if (!looking && options.now() < quietUntil) return;
    const subscriptions = await options.store.listWebhooks();
    if (subscriptions.length === 0) {
      quietUntil = options.now() + pollMs;
      return;
    }
    quietUntil = 0;
    const last = await options.store.lastEventSeq();
    for (const subscription of subscriptions) {
      if (closed) return;
      if (subscription.deliveredThrough >= last) continue;
      if (subscription.nextAttemptAt !== null && Date.parse(subscription.nextAttemptAt) > options.now()) continue;
      if (!(await options.store.claimWebhook(subscription.id, owner, LEASE_MS))) continue;
      try {
        const current = await options.store.getWebhook(subscription.id);
        if (current !== undefined) await deliverTo(current);
      } finally {
        await options.store.releaseWebhook(subscription.id, owner);
      }
    }
  }

  async function deliverTo(subscription: WebhookSubscription): Promise<void> {
    let { deliveredThrough, failures } = subscription;
    for (;;) {
      const events = await options.store.eventsAfter(deliveredThrough, BATCH);
      if (events.length === 0) return;
      for (const event of events) {
        if (closed) return;
        if (subscription.events.length > 0 && !subscription.events.includes(event.type)) {
          deliveredThrough = event.seq;
          continue;
        }
        const error = tracing === undefined ? await post(subscription, event) : await tracedPost(subscription, event);
        if (error === PASSED_OVER) {
          deliveredThrough = event.seq;
          continue;
        }
        options.observe?.(error === undefined ? 'delivered' : failures + 1 >= options.maxAttempts ? 'given_up' : 'failed');
        if (error === undefined) {
          deliveredThrough = event.seq;
          failures = 0;
          await options.store.updateWebhookDelivery(subscription.id, { deliveredThrough, failures, lastError: null, nextAttemptAt: null });
          continue;
        }
        failures++;
        if (failures >= options.maxAttempts) {
          options.logger.warn({ webhook: subscription.id, event: event.id, error }, 'webhook event given up after the last attempt: kept as a dead letter');
          const at = new Date(options.now()).toISOString();
          const deadLetter: WebhookDeadLetter = {
            id: uuidv7(options.now()),
            webhookId: subscription.id,
            eventSeq: event.seq,
            eventId: event.id,
            eventType: event.type,
            callId: event.callId,
            attempts: failures,
            lastError: error,
            createdAt: at,
            updatedAt: at,
          };
          deliveredThrough = event.seq;
          failures = 0;
          await options.store.giveUpWebhookEvent(subscription.id, { deliveredThrough, failures, lastError: `event ${event.seq} given up: ${error}`, nextAttemptAt: null }, deadLetter);
          continue;
        }
        const delay = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (failures - 1)) * (0.5 + random() / 2);
        await options.store.updateWebhookDelivery(subscription.id, {
          deliveredThrough,
          failures,
          lastError: error,
          nextAttemptAt: new Date(options.now() + delay).toISOString(),
        });
        return;
      }
      await options.store.updateWebhookDelivery(subscription.id, { deliveredThrough, failures, lastError: null, nextAttemptAt: null });
    }
  }

  /** One attempt in a `usm.webhook` span of its own (an event is delivered long after the request that made it). */
  async function tracedPost(subscription: WebhookSubscription, event: StoredEvent): Promise<string | undefined | typeof PASSED_OVER> {
    const span = tracing!.start('usm.webhook', {
      kind: 'producer',
      parent: null,
      attributes: {
        [ATTR.messagingSystem]: MESSAGING_SYSTEM,
        [ATTR.operationType]: 'send',
        [ATTR.operationName]: event.type,
        [ATTR.messageId]: event.id,
        [ATTR.destination]: subscription.id,
        [ATTR.webhookId]: subscription.id,
        [ATTR.eventType]: event.type,
        [ATTR.callId]: event.callId ?? undefined,
        'usm.webhook.format': subscription.format,
      },
    });
    const error = await span.within(() => post(subscription, event));
    span.set({ [ATTR.outcome]: error === undefined ? 'delivered' : error === PASSED_OVER ? 'passed_over' : 'failed' });
    span.end(typeof error === 'string' ? new Error(error) : undefined);
    return error;
  }

  async function post(subscription: WebhookSubscription, event: StoredEvent): Promise<string | undefined | typeof PASSED_OVER> {
    try {
      const renderer = options.formats?.[subscription.format];
      const delivery: RenderedDelivery | undefined = renderer === undefined ? await webhookDelivery(subscription, event, { source: options.source, nowMs: options.now() }) : await renderer(subscription, event, options.now());
      if (delivery === undefined) return PASSED_OVER;
      const { headers, body } = delivery;
      const { request } = await undici();
      const response = await request(subscription.url, { method: 'POST', dispatcher: delivery.dispatcher ?? options.dispatcher ?? (await agent.get()), headers, body });
      await response.body.dump();
      return response.statusCode >= 200 && response.statusCode < 300 ? undefined : `HTTP ${response.statusCode}`;
    } catch (error) {
      return (error as { code?: string }).code ?? (error as Error).message;
    }
  }

  async function replayDeadLetter(id: string): Promise<WebhookReplay | undefined> {
    const deadLetter = await options.store.getWebhookDeadLetter(id);
    if (deadLetter === undefined) return undefined;
    const [subscription, event] = await Promise.all([options.store.getWebhook(deadLetter.webhookId), options.store.eventAt(deadLetter.eventSeq)]);
    if (subscription === undefined || event === undefined) return undefined;
    const error = await post(subscription, event);
    if (error === undefined || error === PASSED_OVER) {
      await options.store.deleteWebhookDeadLetter(id);
      return { delivered: true };
    }
    const kept = { ...deadLetter, attempts: deadLetter.attempts + 1, lastError: error, updatedAt: new Date(options.now()).toISOString() };
    await options.store.updateWebhookDeadLetter(id, kept);
    return { delivered: false, deadLetter: kept };
  }

  return {
    wake: run,
    subscribed() {
      // Nothing is due to it yet (it starts after the newest event): the next commit's wake delivers.
      quietUntil = 0;
    },
    replayDeadLetter,
    idle: async () => {
      while (round !== undefined) await round;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await round;
      await agent.close();
    },
  };
}
