import type { HistoryEntry, Note, StoredEvent } from '../ports/call.js';
import type { CallCommit } from '../ports/call-store.js';
import type { OutboxMessage } from '../ports/outbox-store.js';
import type { WebhookSubscription } from '../ports/webhook-store.js';
import type { InboundMessage } from '../ports/inbound-message.js';
import type { LogRecord } from '../messages/message-log.js';

/** Table rows as both engines return them (PostgreSQL gives BIGINT as text), and the records they hold. */
export interface OutboxRow {
  seq: number | string;
  id: string;
  partner: string;
  type: string;
  path: string;
  link_id: string | null;
  call_id: string | null;
  body: string;
  trace: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  receipt: string | null;
}
export function outboxOf(row: OutboxRow): OutboxMessage {
  return {
    seq: Number(row.seq),
    id: row.id,
    partner: row.partner,
    type: row.type as OutboxMessage['type'],
    path: row.path,
    linkId: row.link_id,
    callId: row.call_id,
    body: row.body,
    trace: row.trace,
    status: row.status as OutboxMessage['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    receipt: row.receipt === null ? null : (JSON.parse(row.receipt) as OutboxMessage['receipt']),
  };
}

export interface LogRow {
  seq: number | string;
  direction: string;
  message_id: string;
  partner: string;
  type: string;
  digest: string;
  signature: string;
  receipt: string | null;
  at: string;
  prev_hash: string;
  hash: string;
}
export function logOf(row: LogRow): LogRecord {
  return {
    seq: Number(row.seq),
    direction: row.direction as LogRecord['direction'],
    messageId: row.message_id,
    partner: row.partner,
    type: row.type,
    digest: row.digest,
    signature: row.signature,
    receipt: row.receipt,
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface HistoryRow {
  seq: number | string;
  call_id: string;
  at: string;
  actor_kind: string;
  actor_id: string;
  change: string;
  comment: string | null;
}
export function historyOf(row: HistoryRow): HistoryEntry {
  return {
    seq: Number(row.seq),
    callId: row.call_id,
    at: row.at,
    actor: { kind: row.actor_kind as HistoryEntry['actor']['kind'], id: row.actor_id },
    change: JSON.parse(row.change) as HistoryEntry['change'],
    ...(row.comment === null ? {} : { comment: row.comment }),
  };
}

export interface NoteRow {
  id: string;
  call_id: string;
  visibility: string;
  kind: string;
  text: string;
  author_kind: string;
  author_id: string;
  created_at: string;
}
export function noteOf(row: NoteRow): Note {
  return {
    id: row.id,
    callId: row.call_id,
    visibility: row.visibility as Note['visibility'],
    kind: row.kind as Note['kind'],
    text: row.text,
    author: { kind: row.author_kind as Note['author']['kind'], id: row.author_id },
    createdAt: row.created_at,
  };
}

export interface InboundRow {
  sender: string;
  id: string;
  type: string;
  digest: string;
  signature: string;
  body: string;
  received_at: string;
  call_id: string | null;
  response_status: number;
  response_body: string;
}
export function inboundOf(row: InboundRow): InboundMessage {
  return {
    id: row.id,
    from: row.sender,
    type: row.type,
    digest: row.digest,
    signature: row.signature,
    body: row.body,
    receivedAt: row.received_at,
    callId: row.call_id,
    response: { status: row.response_status, body: JSON.parse(row.response_body) as unknown },
  };
}

export interface EventRow {
  seq: number | string;
  id: string;
  type: string;
  call_id: string;
  at: string;
  payload: string;
  /** The commit's call snapshot, from event_snapshots (events stored before it have it in their payload). */
  call: string | null;
}
export function eventOf(row: EventRow): StoredEvent {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as StoredEvent['type'],
    callId: row.call_id,
    at: row.at,
    payload: row.call === null ? payload : { ...payload, call: JSON.parse(row.call) as unknown },
  };
}

/** The one call snapshot a commit stores for its events (keyed by its first event's id), if it has events. */
export function eventSnapshotOf(change: Pick<CallCommit, 'events' | 'eventCall'>): { id: string; doc: string } | undefined {
  const first = change.events[0];
  return first === undefined || change.eventCall === undefined ? undefined : { id: first.id, doc: JSON.stringify(change.eventCall) };
}

/** The SELECT that reads events with their commit's call snapshot. */
export const EVENTS_WITH_CALL = 'SELECT e.seq, e.id, e.type, e.call_id, e.at, e.payload, s.doc AS call FROM events e LEFT JOIN event_snapshots s ON s.id = e.snapshot_id';

export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  events: string;
  created_at: string;
  delivered_through: number | string;
  failures: number;
  last_error: string | null;
  next_attempt_at: string | null;
}
export function webhookOf(row: WebhookRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    events: JSON.parse(row.events) as WebhookSubscription['events'],
    createdAt: row.created_at,
    deliveredThrough: Number(row.delivered_through),
    failures: row.failures,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
  };
}
