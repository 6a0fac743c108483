import type { EventType, StoredEvent } from './call.js';

export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  /** Empty means every event type. */
  readonly events: readonly EventType[];
  readonly createdAt: string;
  /** Sequence number of the last event delivered or given up on. */
  readonly deliveredThrough: number;
  readonly failures: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

export interface WebhookStore {
  createWebhook(subscription: WebhookSubscription): Promise<void>;
  listWebhooks(): Promise<WebhookSubscription[]>;
  getWebhook(id: string): Promise<WebhookSubscription | undefined>;
  deleteWebhook(id: string): Promise<boolean>;
  /** Records the delivery state after an attempt. */
  updateWebhookDelivery(
    id: string,
    state: Pick<WebhookSubscription, 'deliveredThrough' | 'failures' | 'lastError' | 'nextAttemptAt'>,
  ): Promise<void>;
  /** Takes a subscription's delivery for `leaseMs`, unless another worker holds it. */
  claimWebhook(id: string, owner: string, leaseMs: number): Promise<boolean>;
  releaseWebhook(id: string, owner: string): Promise<void>;
  /** Events after `seq`, oldest first. */
  eventsAfter(seq: number, limit: number): Promise<StoredEvent[]>;
  /** The sequence number of the newest event, 0 when none. */
  lastEventSeq(): Promise<number>;
}
