import type { EventType, StoredEvent } from './call.js';

/**
 * How a delivery is written: usm-link's own JSON and signature, a CloudEvent signed per Standard
 * Webhooks, or (for a partner's TMF621 `/hub` subscription) a TMF621 event signed with the gateway's key.
 */
export type WebhookFormat = 'usm-link' | 'cloudevents' | 'tmf621';

/** One of a subscription's secrets; it signs deliveries until `expiresAt` (null: until retired). */
export interface WebhookSecret {
  readonly id: string;
  readonly secret: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly format: WebhookFormat;
  /** Oldest first; during a rotation the older ones carry an `expiresAt`. */
  readonly secrets: readonly WebhookSecret[];
  /** Empty means every event type. */
  readonly events: readonly EventType[];
  readonly createdAt: string;
  /** Sequence number of the last event delivered or given up on. */
  readonly deliveredThrough: number;
  readonly failures: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  /** The partner owning a TMF621 `/hub` subscription (it gets only its own tickets' events); absent for the desk's. */
  readonly partner?: string;
  /** A TMF621 subscription's `query`, as the partner gave it. */
  readonly query?: string;
}

/** An event given up for one subscription after its last attempt, kept with the error until it is replayed and received. */
export interface WebhookDeadLetter {
  readonly id: string;
  readonly webhookId: string;
  readonly eventSeq: number;
  readonly eventId: string;
  readonly eventType: EventType;
  readonly callId: string;
  /** Attempts made: the dispatcher's, then one a replay. */
  readonly attempts: number;
  readonly lastError: string;
  /** When it was given up. */
  readonly createdAt: string;
  /** When it was last attempted. */
  readonly updatedAt: string;
}

export type WebhookDeliveryState = Pick<WebhookSubscription, 'deliveredThrough' | 'failures' | 'lastError' | 'nextAttemptAt'>;

export interface WebhookStore {
  createWebhook(subscription: WebhookSubscription): Promise<void>;
  listWebhooks(): Promise<WebhookSubscription[]>;
  getWebhook(id: string): Promise<WebhookSubscription | undefined>;
  deleteWebhook(id: string): Promise<boolean>;
  /**
   * Replaces a subscription's secrets with what `change` makes of the subscription as stored, in one
   * transaction with the subscription locked (undefined from `change`: nothing changes). Gives the
   * subscription as it is afterwards; undefined when there is no such subscription.
   */
  changeWebhookSecrets(id: string, change: (current: WebhookSubscription) => readonly WebhookSecret[] | undefined): Promise<WebhookSubscription | undefined>;
  /** Records the delivery state after an attempt. */
  updateWebhookDelivery(id: string, state: WebhookDeliveryState): Promise<void>;
  /**
   * Records the delivery state past an event given up and keeps that event as a dead letter, in one
   * transaction (giving the same event up again only updates its dead letter).
   */
  giveUpWebhookEvent(id: string, state: WebhookDeliveryState, deadLetter: WebhookDeadLetter): Promise<void>;
  /** Dead letters, oldest first; of one subscription when `webhookId` is given. */
  listWebhookDeadLetters(filter: { webhookId?: string; limit: number }): Promise<WebhookDeadLetter[]>;
  getWebhookDeadLetter(id: string): Promise<WebhookDeadLetter | undefined>;
  /** Records a replay that failed. */
  updateWebhookDeadLetter(id: string, state: Pick<WebhookDeadLetter, 'attempts' | 'lastError' | 'updatedAt'>): Promise<void>;
  deleteWebhookDeadLetter(id: string): Promise<boolean>;
  /** Takes a subscription's delivery for `leaseMs`, unless another worker holds it. */
  claimWebhook(id: string, owner: string, leaseMs: number): Promise<boolean>;
  releaseWebhook(id: string, owner: string): Promise<void>;
  /** The event with this sequence number. */
  eventAt(seq: number): Promise<StoredEvent | undefined>;
  /** Events after `seq`, oldest first. */
  eventsAfter(seq: number, limit: number): Promise<StoredEvent[]>;
  /** The sequence number of the newest event, 0 when none. */
  lastEventSeq(): Promise<number>;
}
