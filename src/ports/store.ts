import type { CallStore } from './call-store.js';
import type { WebhookStore } from './webhook-store.js';
import type { IdempotencyStore } from './idempotency.js';
import type { InboundMessageStore } from './inbound-message.js';
import type { OutboxStore } from './outbox-store.js';
import type { LinkStore } from './supplier-link.js';
import type { LastMessages, LogRecord } from '../messages/message-log.js';
import type { LogReader } from '../messages/log-proofs.js';
import type { CheckpointTimestampStore, WitnessStore } from './witness-store.js';
import type { AgreementStore } from './agreement-store.js';
import type { DirectoryStore } from './directory-store.js';
import type { OutageStore } from './outage-store.js';
import type { DeskTicketStore } from './desk-ticket-store.js';
import type { RetentionStore } from './retention.js';

export interface LogSearch {
  readonly messageId?: string;
  readonly callId?: string;
  readonly before?: number;
  readonly limit: number;
}

/** The gateway's durable state: one store, every domain's interface. */
export interface Store extends CallStore, InboundMessageStore, IdempotencyStore, WebhookStore, LinkStore, OutboxStore, AgreementStore, DirectoryStore, OutageStore, DeskTicketStore, LogReader, WitnessStore, RetentionStore, CheckpointTimestampStore {
  /** The message log, oldest first. */
  readLog(): AsyncIterable<LogRecord>;
  /** Records of the log with an index below `before` (all when absent), newest first: all, or those of one message id or one call. */
  searchLog(query: LogSearch): Promise<LogRecord[]>;
  /** The newest message logged from and to each partner. */
  lastMessages(): Promise<LastMessages[]>;
  /**
   * Resolves once every log entry and event committed before the call has its leaf index and
   * position (at once where commits integrate them themselves, SQLite); refused as unavailable past
   * `timeoutMs` (no sequencer running).
   */
  sequenced(timeoutMs?: number): Promise<void>;
  /**
   * A message's leaf index, waiting up to `waitMs` for the log to integrate it (on PostgreSQL the
   * sequencer does so after the commit, a batch later); undefined if it is not in the log by then.
   */
  settledLogIndexOf(direction: 'in' | 'out', partner: string, messageId: string, waitMs: number): Promise<number | undefined>;
  readonly engine: 'sqlite' | 'postgres';
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Told how the embedded store's durable writer does (SQLite only): each group commit (how long the
 * transaction took, how many writes it held) and each fsync of the WAL. For the metrics.
 */
export interface StoreObserver {
  commit?(seconds: number, writes: number): void;
  fsync?(seconds: number): void;
}

/** The store cannot take reads or writes now (disk full, I/O error, database unreachable): answered 503, retry later. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly code = 'USM_ERR_STORE_UNAVAILABLE';
}
