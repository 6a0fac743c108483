import type { components } from '../generated/api.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { WebhookDeadLetter, WebhookStore, WebhookSubscription } from '../ports/webhook-store.js';
import type { WebhookReplay } from './webhook-dispatcher.js';

type Webhook = components['schemas']['Webhook'];
type WebhookDeadLetterView = components['schemas']['WebhookDeadLetter'];

export interface WebhookService {
  create(request: components['schemas']['WebhookRequest']): Promise<Webhook>;
  list(): Promise<Webhook[]>;
  get(id: string): Promise<Webhook | undefined>;
  remove(id: string): Promise<boolean>;
  /** Events given up after their last attempt, oldest first. */
  listDeadLetters(filter: { webhookId?: string; limit: number }): Promise<WebhookDeadLetterView[]>;
  /** Delivers a dead letter's event once more; undefined when there is no such dead letter. */
  replayDeadLetter(id: string): Promise<components['schemas']['WebhookReplay'] | undefined>;
}

/** Subscriptions start at the newest event: a new subscriber gets what happens from now on. */
export function createWebhookService(deps: {
  store: WebhookStore;
  now: () => number;
  replay: (deadLetterId: string) => Promise<WebhookReplay | undefined>;
}): WebhookService {
  return {
    async create(request) {
      const subscription: WebhookSubscription = {
        id: uuidv7(deps.now()),
        url: request.url,
        secret: request.secret,
        events: request.events ?? [],
        createdAt: new Date(deps.now()).toISOString(),
        deliveredThrough: await deps.store.lastEventSeq(),
        failures: 0,
        lastError: null,
        nextAttemptAt: null,
      };
      await deps.store.createWebhook(subscription);
      return viewOf(subscription);
    },
    list: async () => (await deps.store.listWebhooks()).map(viewOf),
    async get(id) {
      const found = await deps.store.getWebhook(id);
      return found === undefined ? undefined : viewOf(found);
    },
    remove: (id) => deps.store.deleteWebhook(id),
    listDeadLetters: async (filter) => (await deps.store.listWebhookDeadLetters(filter)).map(deadLetterView),
    async replayDeadLetter(id) {
      const replay = await deps.replay(id);
      if (replay === undefined || replay.delivered) return replay;
      return { delivered: false, deadLetter: deadLetterView(replay.deadLetter) };
    },
  };
}

function deadLetterView(deadLetter: WebhookDeadLetter): WebhookDeadLetterView {
  return { ...deadLetter };
}

function viewOf(subscription: WebhookSubscription): Webhook {
  const { secret: _secret, ...visible } = subscription;
  return { ...visible, events: [...visible.events] };
}
