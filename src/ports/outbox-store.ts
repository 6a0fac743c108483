import type { MessageType } from '../messages/envelope.js';
import type { Receipt } from '../messages/receipt.js';
import type { SubmitAnswer } from './supplier-link.js';

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** A message to a partner gateway, queued in the same transaction as the change that caused it. */
export interface NewOutboxMessage {
  readonly id: string;
  readonly partner: string;
  readonly type: MessageType;
  /** Path on the partner's gateway; `{remoteCallId}` is filled in from the link at send time. */
  readonly path: string;
  readonly linkId: string | null;
  readonly callId: string | null;
  /** The exact envelope bytes; the signature is made at each attempt (its `iat` is the send time). */
  readonly body: string;
  /** W3C traceparent to send along. */
  readonly trace: string | null;
  /** When it was queued (again, after a replay); its age for `delivery.maxAgeSeconds` counts from here. */
  readonly createdAt: string;
}

export interface OutboxMessage extends NewOutboxMessage {
  readonly seq: number;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly receipt: Receipt | null;
  /** Retention removed its body (empty); the message log keeps its digest. */
  readonly purgedAt?: string;
}

export interface DeliveryRecord {
  readonly receipt: Receipt;
  readonly deliveredAt: string;
  readonly signature: string;
  readonly digest: string;
  /** For a sub-call's submission: the supplier's answer, taken into the message's link. */
  readonly answer?: SubmitAnswer;
}

/** One partner's queue at a glance, for the metrics: counted by the store, never by reading the messages. */
export interface OutboxSummary {
  readonly partner: string;
  readonly pending: number;
  readonly dead: number;
  /** The `createdAt` of the oldest pending message, or null when none is pending. */
  readonly oldestPendingAt: string | null;
}

export interface OutboxStore {
  /**
   * Claims, for `leaseMs`, the oldest undelivered message of each call queued for this partner that is
   * due and that no other worker holds: oldest first, at most `limit`. Replicas sharing a store never send the same
   * message at once; a dead replica's claims lapse when their lease runs out.
   */
  claimHeads(partner: string, owner: string, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  partnersWithPending(): Promise<string[]>;
  /**
   * Marks it delivered and appends it, with the partner's receipt, to the message log; takes a
   * submission's answer into its link (see `answeredLink`), all in one transaction. `followed`: another
   * message of the same call waits behind it (its sender claims again), or it was no longer pending.
   */
  markDelivered(seq: number, delivery: DeliveryRecord): Promise<{ readonly followed: boolean }>;
  markAttempt(seq: number, state: { attempts: number; nextAttemptAt: string | null; lastError: string }): Promise<void>;
  markDead(seq: number, lastError: string): Promise<void>;
  /** The messages still waiting, pending or dead, oldest first (delivered ones are read by call, `outboxForCall`). */
  listOutbox(filter: { status: Exclude<OutboxStatus, 'delivered'>; partner?: string; limit: number }): Promise<OutboxMessage[]>;
  /** Every message queued about one call, in order, whatever its state. */
  outboxForCall(callId: string): Promise<OutboxMessage[]>;
  /** Pending and dead messages per partner that has any: two aggregate queries over the outbox's indexes. */
  outboxSummary(): Promise<OutboxSummary[]>;
  /** Queues a dead letter again (its age counts from now); undefined when there is no dead letter with that id. */
  requeue(id: string): Promise<OutboxMessage | undefined>;
  /** Queues dead letters again (of one partner, when named), oldest first, at most `limit`. */
  requeueAll(filter: { partner?: string; limit: number }): Promise<OutboxMessage[]>;
  /** Stops delivery to a partner until `resumeDelivery`: `claimHeads` claims none of its messages. Stored; pausing twice keeps the first time. */
  pauseDelivery(partner: string, at: string): Promise<void>;
  resumeDelivery(partner: string): Promise<void>;
  pausedPartners(): Promise<{ readonly partner: string; readonly pausedAt: string }[]>;
}
