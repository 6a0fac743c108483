import type { components } from '../generated/api.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { WebhookStore, WebhookSubscription } from '../ports/webhook-store.js';

type Webhook = components['schemas']['Webhook'];

export interface WebhookService {
  create(request: components['schemas']['WebhookRequest']): Promise<Webhook>;
  list(): Promise<Webhook[]>;
  get(id: string): Promise<Webhook | undefined>;
  remove(id: string): Promise<boolean>;
}

/** Subscriptions start at the newest event: a new subscriber gets what happens from now on. */
export function createWebhookService(deps: { store: WebhookStore; now: () => number }): WebhookService {
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
  };
}

function viewOf(subscription: WebhookSubscription): Webhook {
  const { secret: _secret, ...visible } = subscription;
  return { ...visible, events: [...visible.events] };
}
