import { currentPosition } from '../usm/call-lifecycle.js';
import type { CallEvent, CallRecord, HistoryEntry, Note, StoredEvent } from '../ports/call.js';
import type { CallCommit } from '../ports/call-store.js';
import type { NewOutboxMessage, OutboxMessage } from '../ports/outbox-store.js';
import type { WebhookDeadLetter, WebhookSecret, WebhookSubscription } from '../ports/webhook-store.js';
import type { IdempotentRequest } from '../ports/idempotency.js';
import type { InboundMessage } from '../ports/inbound-message.js';
import { teamSlaNextDue, type SupplierLink } from '../ports/supplier-link.js';
import type { TriggerLink } from '../ports/trigger-link.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import type { LogRecord } from '../messages/message-log.js';
import type { StoredCheckpoint } from '../messages/log-proofs.js';
import type { StoredCosignature, WitnessEvidence } from '../ports/witness-store.js';
import type { ErasureRecord } from '../ports/retention.js';
import { EMPTY_RANGE, type CompactRange, type NodeId } from '../messages/merkle-tree.js';

/**
 * Table rows as both engines return them (PostgreSQL gives BIGINT as text), the records they hold,
 * and the projections that turn a record into the columns written for it (`...Columns`).
 */

export interface CallRow {
  id: string;
  customer: string;
  type: string;
  service: string;
  status: string;
  process: string;
  priority: number;
  external_ref: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  sla_next_due: string | null;
  doc: string;
}
export function callColumns(call: CallRecord): CallRow {
  return {
    id: call.id,
    customer: call.customer,
    type: call.type,
    service: call.service,
    status: call.lifecycle.status,
    process: currentPosition(call.lifecycle).process,
    priority: call.priority,
    external_ref: call.externalRef ?? null,
    created_at: call.createdAt,
    updated_at: call.updatedAt,
    version: call.version,
    sla_next_due: call.slaNextDue ?? null,
    doc: JSON.stringify(call),
  };
}

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
  /** When retention removed its body (migration 20). */
  purged_at?: string | null;
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
    ...(row.purged_at ? { purgedAt: row.purged_at } : {}),
  };
}

export function newOutboxColumns(m: NewOutboxMessage): Omit<OutboxRow, 'seq' | 'next_attempt_at' | 'last_error' | 'delivered_at' | 'receipt'> {
  return { id: m.id, partner: m.partner, type: m.type, path: m.path, link_id: m.linkId, call_id: m.callId, body: m.body, trace: m.trace, status: 'pending', attempts: 0, created_at: m.createdAt };
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
  leaf_hash: string;
}
/** A record's leaf index is its `seq` less one (seq counts from 1, leaves from 0). */
export function logOf(row: LogRow): LogRecord {
  return {
    index: Number(row.seq) - 1,
    direction: row.direction as LogRecord['direction'],
    messageId: row.message_id,
    partner: row.partner,
    type: row.type,
    digest: row.digest,
    signature: row.signature,
    receipt: row.receipt,
    at: row.at,
    leafHash: row.leaf_hash,
  };
}

export function logColumns(r: LogRecord): LogRow {
  return { seq: r.index + 1, direction: r.direction, message_id: r.messageId, partner: r.partner, type: r.type, digest: r.digest, signature: r.signature, receipt: r.receipt, at: r.at, leaf_hash: r.leafHash };
}

/** The log's compact range (`log_head`, one row): its size and the hashes of its perfect pieces as a JSON array of base64url. */
export interface LogHeadRow {
  size: number | string;
  hashes: string;
}
export function compactRangeOf(row: LogHeadRow | undefined): CompactRange {
  if (row === undefined) return EMPTY_RANGE;
  return { size: Number(row.size), hashes: (JSON.parse(row.hashes) as string[]).map((h) => Buffer.from(h, 'base64url')) };
}
export function logHeadColumns(range: CompactRange): LogHeadRow {
  return { size: range.size, hashes: JSON.stringify(range.hashes.map((h) => h.toString('base64url'))) };
}

export interface LogNodeRow {
  level: number;
  idx: number | string;
  hash: string;
}
export function logNodeColumns(node: NodeId & { hash: Buffer }): LogNodeRow {
  return { level: node.level, idx: node.index, hash: node.hash.toString('base64url') };
}

export interface CheckpointRow {
  tree_size: number | string;
  root_hash: string;
  at: string;
  jws: string;
  origin: string;
  /** Only on the gateway's own checkpoints (migration 21). */
  timestamp_token?: string | null;
}
export function checkpointOf(row: CheckpointRow): StoredCheckpoint {
  const checkpoint = { origin: row.origin, treeSize: Number(row.tree_size), rootHash: row.root_hash, at: row.at, jws: row.jws };
  return typeof row.timestamp_token === 'string' ? { ...checkpoint, timestampToken: row.timestamp_token } : checkpoint;
}
export function checkpointColumns(c: StoredCheckpoint): CheckpointRow {
  return { tree_size: c.treeSize, root_hash: c.rootHash, at: c.at, jws: c.jws, origin: c.origin };
}

export interface WitnessEvidenceRow {
  id: string;
  partner: string;
  kind: string;
  detail: string;
  at: string;
  kept: string;
  offered: string;
  proof: string | null;
}
export function witnessEvidenceColumns(e: WitnessEvidence): WitnessEvidenceRow {
  return { id: e.id, partner: e.partner, kind: e.kind, detail: e.detail, at: e.at, kept: JSON.stringify(e.kept), offered: JSON.stringify(e.offered), proof: e.proof === null ? null : JSON.stringify(e.proof) };
}
export function witnessEvidenceOf(row: WitnessEvidenceRow): WitnessEvidence {
  return {
    id: row.id,
    partner: row.partner,
    kind: row.kind as WitnessEvidence['kind'],
    detail: row.detail,
    at: row.at,
    kept: JSON.parse(row.kept) as StoredCheckpoint,
    offered: JSON.parse(row.offered) as StoredCheckpoint,
    proof: row.proof === null ? null : (JSON.parse(row.proof) as string[]),
  };
}

export interface CosignatureRow {
  witness: string;
  tree_size: number | string;
  root_hash: string;
  at: string;
  jws: string;
  kept_at: string;
}
export function cosignatureOf(row: CosignatureRow): StoredCosignature {
  return { witness: row.witness, treeSize: Number(row.tree_size), rootHash: row.root_hash, at: row.at, jws: row.jws };
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

export function historyColumns(h: Omit<HistoryEntry, 'seq'>): Omit<HistoryRow, 'seq'> {
  return { call_id: h.callId, at: h.at, actor_kind: h.actor.kind, actor_id: h.actor.id, change: JSON.stringify(h.change), comment: h.comment ?? null };
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
  /** When retention removed its text (migration 20). */
  purged_at?: string | null;
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
    ...(row.purged_at ? { purged: true as const, purgedAt: row.purged_at } : {}),
  };
}

export function noteColumns(n: Note): NoteRow {
  return { id: n.id, call_id: n.callId, visibility: n.visibility, kind: n.kind, text: n.text, author_kind: n.author.kind, author_id: n.author.id, created_at: n.createdAt };
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
  /** When retention removed its body and answer (migration 20); its receipt stays in the answer. */
  purged_at?: string | null;
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
    ...(row.purged_at ? { purgedAt: row.purged_at } : {}),
  };
}

export function inboundColumns(m: InboundMessage): InboundRow {
  return {
    sender: m.from,
    id: m.id,
    type: m.type,
    digest: m.digest,
    signature: m.signature,
    body: m.body,
    received_at: m.receivedAt,
    call_id: m.callId,
    response_status: m.response.status,
    response_body: JSON.stringify(m.response.body),
  };
}

export interface IdempotentRow {
  owner: string;
  key: string;
  fingerprint: string;
  created_at: string;
  response_status: number;
  response_body: string;
}
export function idempotentOf(row: IdempotentRow): IdempotentRequest {
  return {
    owner: row.owner,
    key: row.key,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
    response: { status: row.response_status, body: JSON.parse(row.response_body) as unknown },
  };
}
export function idempotentColumns(r: IdempotentRequest): IdempotentRow {
  return { owner: r.owner, key: r.key, fingerprint: r.fingerprint, created_at: r.createdAt, response_status: r.response.status, response_body: JSON.stringify(r.response.body) };
}

/**
 * The events of one commit for one call, in one row (migration 25): their JSON, in order, and the
 * call as the commit left it, shared by them all. The row's positions are its events' numbers, from
 * `first_position` to `last_position`, given as the log is integrated (on PostgreSQL the batch
 * waits in `event_pending` until then).
 */
export interface EventBatchRow {
  call_id: string;
  event_count: number | string;
  first_position: number | string;
  last_position: number | string;
  /** `[{ id, type, at, payload }, ...]`. */
  events: string;
  /** The commit's call snapshot (events stored before migration 5 have it in their payload). */
  call_doc: string | null;
}

/** A batch as it is written, before it has positions. */
export type NewEventBatchRow = Pick<EventBatchRow, 'call_id' | 'event_count' | 'events' | 'call_doc'>;

type BatchedEvent = Pick<CallEvent, 'id' | 'type' | 'at' | 'payload'>;

/** A batch's events, each numbered by its place in the batch's positions. */
export function eventsOf(row: EventBatchRow): StoredEvent[] {
  const first = Number(row.first_position);
  const call = row.call_doc === null ? undefined : (JSON.parse(row.call_doc) as unknown);
  return (JSON.parse(row.events) as BatchedEvent[]).map((e, i) => ({
    seq: first + i,
    id: e.id,
    type: e.type,
    callId: row.call_id,
    at: e.at,
    payload: call === undefined ? e.payload : { ...e.payload, call },
  }));
}

/** A commit's events as rows: one per run of events of the same call (a commit's events are all of its call), with the commit's call snapshot. */
export function eventBatchColumns(change: Pick<CallCommit, 'events' | 'eventCall'>): NewEventBatchRow[] {
  const callDoc = change.eventCall === undefined ? null : JSON.stringify(change.eventCall);
  const rows: NewEventBatchRow[] = [];
  let run: CallEvent[] = [];
  const close = (): void => {
    if (run.length === 0) return;
    rows.push({ call_id: run[0]!.callId, event_count: run.length, events: JSON.stringify(run.map(({ id, type, at, payload }) => ({ id, type, at, payload }))), call_doc: callDoc });
    run = [];
  };
  for (const event of change.events) {
    if (run.length > 0 && run[0]!.callId !== event.callId) close();
    run.push(event);
  }
  close();
  return rows;
}

export interface WebhookRow {
  id: string;
  url: string;
  /** The newest secret (before migration 10 the only one, and `secrets` is null). */
  secret: string;
  events: string;
  created_at: string;
  delivered_through: number | string;
  failures: number;
  last_error: string | null;
  next_attempt_at: string | null;
  format: string;
  /** Every secret, oldest first, as JSON (`webhookSecretsColumn`); null for a subscription stored before migration 10. */
  secrets: string | null;
  /** The partner owning a TMF621 hub subscription; null for the desk's. */
  partner: string | null;
  query: string | null;
}
export function webhookOf(row: WebhookRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    format: row.format as WebhookSubscription['format'],
    // A subscription stored before migration 10 has its one secret in `secret`, named by the subscription's id.
    secrets: row.secrets === null ? [{ id: row.id, secret: row.secret, createdAt: row.created_at, expiresAt: null }] : (JSON.parse(row.secrets) as WebhookSecret[]),
    events: JSON.parse(row.events) as WebhookSubscription['events'],
    createdAt: row.created_at,
    deliveredThrough: Number(row.delivered_through),
    failures: row.failures,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    ...(row.partner !== null && row.partner !== undefined ? { partner: row.partner } : {}),
    ...(row.query !== null && row.query !== undefined ? { query: row.query } : {}),
  };
}
export function webhookColumns(w: WebhookSubscription): WebhookRow {
  return {
    id: w.id,
    url: w.url,
    ...webhookSecretsColumns(w.secrets),
    events: JSON.stringify(w.events),
    created_at: w.createdAt,
    delivered_through: w.deliveredThrough,
    failures: w.failures,
    last_error: w.lastError,
    next_attempt_at: w.nextAttemptAt,
    format: w.format,
    partner: w.partner ?? null,
    query: w.query ?? null,
  };
}
export function webhookSecretsColumns(secrets: readonly WebhookSecret[]): Pick<WebhookRow, 'secret' | 'secrets'> {
  const newest = secrets.at(-1);
  // A TMF621 hub subscription has no secret: its deliveries are signed with the gateway's key.
  if (newest === undefined) return { secret: '', secrets: '[]' };
  return { secret: newest.secret, secrets: JSON.stringify(secrets.map((s) => ({ id: s.id, secret: s.secret, createdAt: s.createdAt, expiresAt: s.expiresAt }))) };
}

export interface WebhookDeadLetterRow {
  id: string;
  webhook_id: string;
  event_seq: number | string;
  event_id: string;
  event_type: string;
  call_id: string;
  attempts: number;
  last_error: string;
  created_at: string;
  updated_at: string;
}
export function webhookDeadLetterColumns(d: WebhookDeadLetter): WebhookDeadLetterRow {
  return {
    id: d.id,
    webhook_id: d.webhookId,
    event_seq: d.eventSeq,
    event_id: d.eventId,
    event_type: d.eventType,
    call_id: d.callId,
    attempts: d.attempts,
    last_error: d.lastError,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}
export function webhookDeadLetterOf(row: WebhookDeadLetterRow): WebhookDeadLetter {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventSeq: Number(row.event_seq),
    eventId: row.event_id,
    eventType: row.event_type as WebhookDeadLetter['eventType'],
    callId: row.call_id,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface LinkRow {
  id: string;
  parent_call_id: string;
  supplier: string;
  remote_call_id: string | null;
  version: number;
  sla_next_due: string | null;
  doc: string;
}
export function linkColumns(link: SupplierLink): LinkRow {
  return { id: link.id, parent_call_id: link.parentCallId, supplier: link.supplier, remote_call_id: link.remoteCallId, version: link.version, sla_next_due: teamSlaNextDue(link), doc: JSON.stringify(link) };
}

export interface TriggerRow {
  waiting_call_id: string;
  triggered_call_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  doc: string;
}
export function triggerColumns(t: TriggerLink): TriggerRow {
  return { waiting_call_id: t.waitingCallId, triggered_call_id: t.triggeredCallId, status: t.status, created_at: t.createdAt, updated_at: t.updatedAt, doc: JSON.stringify(t) };
}

export interface AgreementRow {
  id: string;
  version: number;
  provider: string;
  customer: string;
  status: string;
  doc: string;
}
export function agreementColumns(v: AgreementVersion): AgreementRow {
  return { id: v.id, version: v.version, provider: v.provider, customer: v.customer, status: v.status, doc: JSON.stringify(v) };
}

/** A row that holds its record as a JSON document. */
export function docOf<T>(row: { doc: string } | undefined): T | undefined {
  return row === undefined ? undefined : (JSON.parse(row.doc) as T);
}

export interface ErasureRow {
  id: string;
  at: string;
  requested_by: string;
  matched_by: string;
  calls: string;
  messages: number;
  notes: number;
}
export function erasureColumns(e: ErasureRecord): ErasureRow {
  return { id: e.id, at: e.at, requested_by: e.requestedBy, matched_by: e.matchedBy, calls: JSON.stringify(e.calls), messages: e.messages, notes: e.notes };
}
