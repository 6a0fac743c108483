import type { components } from '../generated/api.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { WebhookDeadLetter, WebhookFormat, WebhookStore, WebhookSubscription } from '../ports/webhook-store.js';
import type { WebhookReplay } from './webhook-dispatcher.js';
import { addSecret, DEFAULT_OVERLAP_MS, liveSecrets, retireSecret, secretProblem, type SecretChange } from './webhook-secrets.js';

type Webhook = components['schemas']['Webhook'];
type WebhookDeadLetterView = components['schemas']['WebhookDeadLetter'];

export interface WebhookService {
  create(request: components['schemas']['WebhookRequest']): Promise<Webhook>;
  list(): Promise<Webhook[]>;
  get(id: string): Promise<Webhook | undefined>;
  remove(id: string): Promise<boolean>;
  /** Adds a secret (a rotation); undefined when there is no such subscription. */
  addSecret(webhookId: string, request: components['schemas']['WebhookSecretRequest']): Promise<Webhook | undefined>;
  /** Retires a live secret now; false when there is no such subscription. */
  retireSecret(webhookId: string, secretId: string): Promise<boolean>;
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
  /** Told once a subscription is stored, so that deliveries to it begin with the next commit. */
  subscribed: () => void;
}): WebhookService {
  const at = (): string => new Date(deps.now()).toISOString();
  const newSecret = (format: WebhookFormat, secret: string) => {
    const problem = secretProblem(format, secret);
    if (problem !== undefined) throw new GatewayError('USM_ERR_VALIDATION', `secret: ${problem} for the ${format} format`, { errors: [{ path: 'body/secret', message: problem }] });
    return { id: uuidv7(deps.now()), secret, createdAt: at(), expiresAt: null };
  };
  /** Applies a change to a subscription's secrets in the store's transaction; a refusal is thrown once it is over. */
  const changeSecrets = async (webhookId: string, change: (current: WebhookSubscription) => SecretChange): Promise<WebhookSubscription | undefined> => {
    let refusal: GatewayError | undefined;
    const changed = await deps.store.changeWebhookSecrets(webhookId, (current) => {
      const outcome = change(current);
      if ('refused' in outcome) {
        refusal = new GatewayError(outcome.refused, outcome.detail);
        return undefined;
      }
      return outcome.secrets;
    });
    if (refusal !== undefined) throw refusal;
    return changed;
  };

  /** The desk's subscription with this id: a partner's TMF621 hub subscription is not the desk's to see. */
  const deskWebhook = async (id: string): Promise<WebhookSubscription | undefined> => {
    const found = await deps.store.getWebhook(id);
    return found !== undefined && isDesks(found) ? found : undefined;
  };

  return {
    async create(request) {
      const format = request.format ?? 'usm-link';
      const subscription: WebhookSubscription = {
        id: uuidv7(deps.now()),
        url: request.url,
        format,
        secrets: [newSecret(format, request.secret)],
        events: request.events ?? [],
        createdAt: at(),
        deliveredThrough: await deps.store.lastEventSeq(),
        failures: 0,
        lastError: null,
        nextAttemptAt: null,
      };
      await deps.store.createWebhook(subscription);
      deps.subscribed();
      return viewOf(subscription, deps.now());
    },
    list: async () => (await deps.store.listWebhooks()).filter(isDesks).map((s) => viewOf(s, deps.now())),
    async get(id) {
      const found = await deskWebhook(id);
      return found === undefined ? undefined : viewOf(found, deps.now());
    },
    remove: async (id) => (await deskWebhook(id)) !== undefined && deps.store.deleteWebhook(id),
    async addSecret(webhookId, request) {
      const subscription = await deskWebhook(webhookId);
      if (subscription === undefined) return undefined;
      const added = newSecret(subscription.format, request.secret);
      const previousExpiresAt = request.previousExpiresAt ?? new Date(deps.now() + DEFAULT_OVERLAP_MS).toISOString();
      const changed = await changeSecrets(webhookId, (current) => addSecret(current.secrets, added, previousExpiresAt, deps.now()));
      return changed === undefined ? undefined : viewOf(changed, deps.now());
    },
    async retireSecret(webhookId, secretId) {
      if ((await deskWebhook(webhookId)) === undefined) return false;
      return (await changeSecrets(webhookId, (current) => retireSecret(current.secrets, secretId, deps.now()))) !== undefined;
    },
    listDeadLetters: async (filter) => (await deps.store.listWebhookDeadLetters(filter)).map(deadLetterView),
    async replayDeadLetter(id) {
      const replay = await deps.replay(id);
      if (replay === undefined || replay.delivered) return replay;
      return { delivered: false, deadLetter: deadLetterView(replay.deadLetter) };
    },
  };
}

function isDesks(subscription: WebhookSubscription): boolean {
  return subscription.partner === undefined;
}

function deadLetterView(deadLetter: WebhookDeadLetter): WebhookDeadLetterView {
  return { ...deadLetter };
}

/** A subscription as the desk sees it: its live secrets by id and times, never their values. */
function viewOf(subscription: WebhookSubscription, nowMs: number): Webhook {
  const { secrets, events, partner: _partner, query: _query, format, ...visible } = subscription;
  return {
    ...visible,
    format: format as Webhook['format'],
    secrets: liveSecrets(secrets, nowMs).map(({ id, createdAt, expiresAt }) => ({ id, createdAt, expiresAt })),
    events: [...events],
  };
}
