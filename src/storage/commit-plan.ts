import { toBase64url } from '../kernel/base64url.js';
import type { CheckpointSigner } from '../messages/log-proofs.js';
import { appendLeaf, EMPTY_RANGE, rootOf, type CompactRange } from '../messages/merkle-tree.js';
import { appendRecord, recordLeafHash, type LogEntry } from '../messages/message-log.js';
import type { AgreementStore } from '../ports/agreement-store.js';
import type { CallCommit } from '../ports/call-store.js';
import type { InboundMessage } from '../ports/inbound-message.js';
import type { DeliveryRecord } from '../ports/outbox-store.js';
import { answeredLink, type SupplierLink } from '../ports/supplier-link.js';
import {
  agreementColumns,
  callColumns,
  checkpointColumns,
  compactRangeOf,
  docOf,
  eventBatchColumns,
  historyColumns,
  idempotentColumns,
  inboundColumns,
  linkColumns,
  logColumns,
  logHeadColumns,
  logNodeColumns,
  logOf,
  newOutboxColumns,
  noteColumns,
  triggerColumns,
  type HistoryRow,
  type InboundRow,
  type LogHeadRow,
  type LogRow,
  type NewEventBatchRow,
  type NoteRow,
  type OutboxRow,
} from './rows.js';
import type { CallRecord } from '../ports/call.js';
import { purgedCall, redactStrings, requesterNeedles, type PurgeOutcome, type PurgePlan } from '../ports/retention.js';
import type { Params, RowInsert, Sql } from './sql.js';
import { STATEMENTS as S } from './statements.js';

/**
 * One step of a transaction, the same for both engines: SQLite runs the steps synchronously inside
 * its transaction, PostgreSQL awaits each in turn. A step is a statement (a `conflict` message when
 * it must change exactly one row, else the change is stale), the rows of a multi-row insert (one
 * statement on PostgreSQL, none when there are no rows), or a read whose rows decide what follows.
 */
export type Step =
  | { readonly kind: 'run'; readonly statement: Sql; readonly params: Params; readonly conflict?: string }
  | { readonly kind: 'rows'; readonly insert: RowInsert; readonly rows: readonly Params[] }
  | { readonly kind: 'read'; readonly statement: Sql; readonly params: Params; readonly then: (rows: readonly unknown[]) => readonly Step[] }
  | { readonly kind: 'reads'; readonly reads: readonly { readonly statement: Sql; readonly params: Params }[]; readonly then: (rows: readonly (readonly unknown[])[]) => readonly Step[] };

export function run(statement: Sql, params: object = {}, conflict?: string): Step {
  return { kind: 'run', statement, params: params as Params, ...(conflict !== undefined ? { conflict } : {}) };
}

export function insert<R extends object>(statement: RowInsert<R>, rows: readonly R[]): Step {
  return { kind: 'rows', insert: statement as RowInsert, rows: rows as readonly object[] as readonly Params[] };
}

export function read<R>(statement: Sql, params: object, then: (rows: readonly R[]) => readonly Step[]): Step {
  return { kind: 'read', statement, params: params as Params, then: then as (rows: readonly unknown[]) => readonly Step[] };
}

/** Two reads run in order whose rows decide what follows together (on PostgreSQL sent together: one round trip). */
export function readTwo<A, B>(first: [Sql, object], second: [Sql, object], then: (a: readonly A[], b: readonly B[]) => readonly Step[]): Step {
  return {
    kind: 'reads',
    reads: [first, second].map(([statement, params]) => ({ statement, params: params as Params })),
    then: ([a, b]) => then(a as readonly A[], b as readonly B[]),
  };
}

/**
 * What a change to a call writes, in order: the message that caused it, the call (and the other
 * calls changed with it), their history, notes, sub-calls and messages to partners, the waits on
 * triggered calls, the agreement versions written with them, the message's log entry and the
 * events. The entry and the events are written unsequenced: `integrateLogSteps` gives them their
 * leaf index and position later (SQLite in the same group commit, PostgreSQL in the sequencer's
 * next batch), so no commit waits on another's lock.
 */
export function callCommitSteps(change: CallCommit): Step[] {
  const changes = [change, ...(change.also ?? [])];
  const steps: Step[] = [];
  if (change.inbound !== undefined) steps.push(insert(S.insertInbound, [inboundColumns(change.inbound)]));
  if (change.idempotent !== undefined) steps.push(insert(S.insertIdempotent, [idempotentColumns(change.idempotent)]));
  for (const each of changes) steps.push(...callWrites(each));
  steps.push(...changes.flatMap((each) => each.triggers ?? []).map((t) => run(S.upsertTrigger, triggerColumns(t))));
  steps.push(...changes.flatMap((each) => each.agreements ?? []).map((v) => run(S.upsertAgreement, agreementColumns(v))));
  if (change.inbound !== undefined) steps.push(logEntry(inboundLogEntry(change.inbound)));
  steps.push(insert(S.insertEventBatch, changes.flatMap(eventBatchColumns)));
  return steps;
}

/** One call's own writes: the call at its version, its history, notes, sub-calls and messages. */
function callWrites(change: CallCommit): Step[] {
  const { call } = change;
  const links = change.links ?? [];
  return [
    change.expectedVersion === null
      ? insert(S.insertCall, [callColumns(call)])
      : run(S.updateCall, { ...callColumns(call), expected_version: change.expectedVersion }, `call ${call.id} is no longer at version ${change.expectedVersion}`),
    insert(S.insertHistory, change.history.map(historyColumns)),
    insert(S.insertNotes, change.notes.map(noteColumns)),
    insert(S.insertLinks, links.filter((l) => l.expectedVersion === null).map((l) => linkColumns(l.link))),
    ...links
      .filter((l) => l.expectedVersion !== null)
      .map(({ link, expectedVersion }) => run(S.updateLink, { ...linkColumns(link), expected_version: expectedVersion }, `sub-call ${link.id} is no longer at version ${expectedVersion}`)),
    insert(S.insertOutbox, (change.outbox ?? []).map(newOutboxColumns)),
  ];
}

/** What a change to agreements writes: the message that caused it, the versions, the messages they cause, its log entry. */
export function agreementCommitSteps(change: Parameters<AgreementStore['commitAgreement']>[0]): Step[] {
  const steps: Step[] = [];
  if (change.inbound !== undefined) steps.push(insert(S.insertInbound, [inboundColumns(change.inbound)]));
  steps.push(...change.versions.map((v) => run(S.upsertAgreement, agreementColumns(v))), insert(S.insertOutbox, change.outbox.map(newOutboxColumns)));
  if (change.inbound !== undefined) steps.push(logEntry(inboundLogEntry(change.inbound)));
  return steps;
}

/**
 * A delivery: the message marked delivered (nothing more when it was not pending), a submission's
 * answer taken into its link, then the message's log record with the partner's receipt. `followed`
 * is told whether another message of its call waits behind it (true when it was not pending: the
 * queue is then someone else's to tell).
 */
export function deliverySteps(seq: number, delivery: DeliveryRecord, followed: (waiting: boolean) => void): Step[] {
  const marked = { seq, delivered_at: delivery.deliveredAt, receipt: JSON.stringify(delivery.receipt) };
  return [
    read<OutboxRow & { followed: number | boolean }>(S.markDelivered, marked, ([row]) => {
      followed(row === undefined || Boolean(row.followed));
      if (row === undefined) return [];
      const answer = delivery.answer;
      const logged = [
        logEntry({
          direction: 'out',
          messageId: row.id,
          partner: row.partner,
          type: row.type,
          digest: delivery.digest,
          signature: delivery.signature,
          receipt: delivery.receipt.jws,
          at: delivery.deliveredAt,
        }),
      ];
      if (answer === undefined || row.link_id === null) return logged;
      const answering = read<{ doc: string }>(S.lockLink, { id: row.link_id }, ([linkRow]) => {
        const link = docOf<SupplierLink>(linkRow);
        const answered = link === undefined ? undefined : answeredLink(link, answer, delivery.deliveredAt);
        return answered === undefined ? [] : [run(S.updateLink, { ...linkColumns(answered), expected_version: link!.version })];
      });
      return [answering, ...logged];
    }),
  ];
}

/**
 * An entry for the message log, to be integrated: its leaf hash (which does not depend on where it
 * goes in the tree) and its fields, without an index. No read and no lock in the commit.
 */
function logEntry(entry: LogEntry): Step {
  const { seq: _seq, ...row } = logColumns({ ...entry, index: 0, leafHash: recordLeafHash(entry) });
  return insert(S.insertLogPending, [row]);
}

/** What one integration did: the entries given leaf indexes (each message's), and the tree it left. */
export interface Integrated {
  readonly entries: number;
  readonly logged: readonly { readonly direction: string; readonly partner: string; readonly messageId: string; readonly index: number }[];
  readonly range?: CompactRange;
}

/**
 * One batch of integration, the one place the log's Merkle tree grows: with the head locked (on
 * PostgreSQL until the batch commits, so two sequencers' batches run one after the other), the
 * oldest committed pending entries (up to `limit`) are taken and given the next leaf indexes, in
 * the order they were written; their records, the subtrees they complete and the new range are
 * written; the committed events without a position are numbered after the last one (up to
 * `limit`); and, with a signer, the tree the batch leaves is signed once. PostgreSQL's sequencer
 * runs it once a batch (SQLite's writer, its own sequencer, runs `appendLogSteps`). `done` is told
 * what it did.
 */
export function integrateLogSteps(limit: number, sign: CheckpointSigner | undefined, done: (integrated: Integrated) => void): Step[] {
  return [
    readTwo<LogHeadRow, PendingLogRow & { seq: number | string }>([S.lockLogHead, {}], [S.takeLogPending, { limit }], ([head], taken) => [
      ...appendEntries(head, [...taken].sort((a, b) => Number(a.seq) - Number(b.seq)), sign, done),
      run(S.positionEvents, { limit }),
    ]),
  ];
}

/** A log entry as a commit leaves it: its fields and leaf hash, without a leaf index. */
export type PendingLogRow = Omit<LogRow, 'seq'>;

/**
 * The same growth of the tree for entries the batch holds in memory rather than in `log_pending`
 * (SQLite's single writer, which is its own sequencer): the head read, the entries appended in the
 * order given, their records, subtrees and the new range written, and the tree signed once.
 */
export function appendLogSteps(entries: readonly PendingLogRow[], sign: CheckpointSigner | undefined, done: (integrated: Integrated) => void): Step[] {
  return [read<LogHeadRow>(S.lockLogHead, {}, ([head]) => appendEntries(head, entries, sign, done))];
}

function appendEntries(head: LogHeadRow | undefined, entries: readonly PendingLogRow[], sign: CheckpointSigner | undefined, done: (integrated: Integrated) => void): Step[] {
  if (entries.length === 0) {
    done({ entries: 0, logged: [] });
    return [];
  }
  let tree = compactRangeOf(head);
  const records: LogRow[] = [];
  const nodes: ReturnType<typeof logNodeColumns>[] = [];
  for (const entry of entries) {
    const appended = appendLeaf(tree, Buffer.from(entry.leaf_hash, 'base64url'));
    records.push({ ...entry, seq: tree.size + 1 });
    nodes.push(...appended.completed.map(logNodeColumns));
    tree = appended.range;
  }
  done({ entries: entries.length, logged: records.map((r) => ({ direction: r.direction, partner: r.partner, messageId: r.message_id, index: Number(r.seq) - 1 })), range: tree });
  return [
    insert(S.insertLog, records),
    insert(S.insertLogNodes, nodes),
    run(S.saveLogHead, logHeadColumns(tree)),
    ...(sign !== undefined ? [checkpointStep(sign, tree)] : []),
  ];
}

/**
 * The checkpoint of a commit batch: the tree head it leaves, signed, unless the newest checkpoint
 * is of that size already. Run last in the batch's transaction (on PostgreSQL still under the
 * append lock, so checkpoints follow the commit order too).
 */
export function checkpointSteps(sign: CheckpointSigner): Step[] {
  return [
    read<LogHeadRow & { checkpointed: number | string | null }>(S.checkpointDue, {}, ([row]) => {
      const range = compactRangeOf(row);
      if (range.size === 0 || (row!.checkpointed !== null && Number(row!.checkpointed) >= range.size)) return [];
      return [checkpointStep(sign, range)];
    }),
  ];
}

/** The signed checkpoint of a tree, written. */
export function checkpointStep(sign: CheckpointSigner, range: CompactRange): Step {
  return insert(S.insertCheckpoint, [checkpointColumns(sign({ treeSize: range.size, rootHash: toBase64url(rootOf(range)) }))]);
}

/**
 * Migration 11: the leaf hash of every record of a hash-chained log, the subtrees they complete and
 * the compact range, a page of records at a time, in the order of their sequence numbers.
 */
export function backfillLogSteps(after = 0, range: CompactRange = EMPTY_RANGE): Step[] {
  return [
    read<LogRow>(S.readLog, { after, limit: 1000 }, (rows) => {
      if (rows.length === 0) return [run(S.saveLogHead, logHeadColumns(range))];
      const steps: Step[] = [];
      let tree = range;
      for (const row of rows) {
        const { index: _index, leafHash: _leaf, ...entry } = logOf({ ...row, leaf_hash: '' });
        const appended = appendRecord(tree, entry);
        steps.push(run(S.setLeafHash, { seq: row.seq, leaf_hash: appended.record.leafHash }), insert(S.insertLogNodes, appended.completed.map(logNodeColumns)));
        tree = appended.range;
      }
      return [...steps, ...backfillLogSteps(Number(rows.at(-1)!.seq), tree)];
    }),
  ];
}

/** An event as migration 25 finds it, with its commit's snapshot. */
interface LegacyEventRow {
  seq: number | string;
  position: number | string | null;
  id: string;
  type: string;
  call_id: string;
  at: string;
  payload: string;
  snapshot_id: string | null;
  call_doc: string | null;
}

/**
 * Migration 25: the events of before into batches, a page at a time, positions kept (webhook
 * cursors and dead letters stay valid). The events of one commit (one snapshot, one call, numbered
 * one after the other) become one batch; an event without a snapshot is a batch of its own. Those
 * with positions go first, in their order; those a sequencer had yet to number follow in the order
 * they were written, still without positions.
 */
export function backfillEventBatchSteps(positioned = true, after = 0): Step[] {
  return [
    read<LegacyEventRow>(positioned ? S.legacyEventsPositioned : S.legacyEventsUnpositioned, { after, limit: 1000 }, (rows) => {
      if (rows.length === 0) return positioned ? backfillEventBatchSteps(false) : [];
      const commits = legacyCommits(rows, positioned);
      const last = rows.at(-1)!;
      return [
        positioned
          ? insert(S.insertPositionedEventBatch, commits.map((run) => ({ ...legacyBatch(run), first_position: Number(run[0]!.position), last_position: Number(run.at(-1)!.position) })))
          : insert(S.insertEventBatch, commits.map(legacyBatch)),
        ...backfillEventBatchSteps(positioned, Number(positioned ? last.position : last.seq)),
      ];
    }),
  ];
}

/** Runs of events of one commit: one snapshot, one call and (when numbered) positions one after the other. */
function legacyCommits(rows: readonly LegacyEventRow[], positioned: boolean): LegacyEventRow[][] {
  const commits: LegacyEventRow[][] = [];
  for (const row of rows) {
    const run = commits.at(-1);
    const before = run?.at(-1);
    const sameCommit =
      before !== undefined &&
      row.snapshot_id !== null &&
      row.snapshot_id === before.snapshot_id &&
      row.call_id === before.call_id &&
      (!positioned || Number(row.position) === Number(before.position) + 1);
    if (sameCommit) run!.push(row);
    else commits.push([row]);
  }
  return commits;
}

function legacyBatch(run: readonly LegacyEventRow[]): NewEventBatchRow {
  const events = JSON.stringify(run.map((e) => ({ id: e.id, type: e.type, at: e.at, payload: JSON.parse(e.payload) as unknown })));
  return { call_id: run[0]!.call_id, event_count: run.length, events, call_doc: run[0]!.call_doc };
}

function inboundLogEntry(m: InboundMessage): LogEntry {
  const receipt = (m.response.body as { receipt?: { jws?: string } } | null)?.receipt?.jws ?? null;
  return { direction: 'in', messageId: m.id, partner: m.from, type: m.type, digest: m.digest, signature: m.signature, receipt, at: m.receivedAt };
}

/**
 * One call's purge (retention or an erasure), in one transaction: the call marked and its requester
 * removed, its message bodies and answers (the receipt kept), its notes' text and history comments,
 * and what names the requester or quotes a note in its events, snapshots, sub-calls and desk ticket.
 * The message log is not touched: its leaves hold digests, not bodies. `counted` is told what went.
 */
export function purgeCallSteps(callId: string, plan: PurgePlan, counted: (outcome: PurgeOutcome) => void): Step[] {
  return [
    read<{ doc: string }>(S.callForPurge, { id: callId }, ([row]) => {
      const call = docOf<CallRecord>(row);
      if (call === undefined) return [];
      const at = plan.at;
      const notes = plan.categories.has('notes');
      const requester = plan.categories.has('requester');
      const purged = purgedCall(call, plan);
      let messages = 0;
      let noteCount = 0;
      const needles = requester ? requesterNeedles(call.requester) : [];
      const quoted: string[] = [];
      const steps: Step[] = [
        read<InboundRow>(S.inboundForCall, { call_id: callId }, (rows) =>
          rows
            .filter((m) => m.purged_at === null || m.purged_at === undefined)
            .map((m) => {
              messages++;
              const receipt = (JSON.parse(m.response_body) as { receipt?: unknown } | null)?.receipt;
              return run(S.purgeInbound, { sender: m.sender, id: m.id, at, response_body: JSON.stringify(receipt === undefined ? {} : { receipt }) });
            }),
        ),
        read<OutboxRow>(S.outboxForCall, { call_id: callId }, (rows) =>
          rows
            .filter((m) => m.status === 'delivered' && (m.purged_at === null || m.purged_at === undefined))
            .map((m) => {
              messages++;
              return run(S.purgeOutbox, { seq: m.seq, at });
            }),
        ),
        read<NoteRow>(S.listNotes, { call_id: callId, visibility: 'all' }, (rows) => {
          const live = rows.filter((n) => n.purged_at === null || n.purged_at === undefined);
          if (notes) {
            quoted.push(...live.map((n) => n.text));
            noteCount += live.length;
            return live.length === 0 ? [] : [run(S.purgeNotes, { call_id: callId, at })];
          }
          return live.flatMap((n) => {
            const text = redactStrings(n.text, needles);
            if (text === n.text) return [];
            noteCount++;
            return [run(S.setNoteText, { id: n.id, text })];
          });
        }),
        read<HistoryRow>(S.listHistory, { call_id: callId }, (rows) => {
          if (notes) {
            quoted.push(...rows.flatMap((h) => (h.comment === null ? [] : [h.comment])));
            return [run(S.dropHistoryComments, { call_id: callId })];
          }
          return rows.flatMap((h) => {
            const comment = h.comment === null ? null : redactStrings(h.comment, needles);
            return comment === h.comment ? [] : [run(S.setHistoryComment, { seq: h.seq, comment })];
          });
        }),
      ];
      // What names the requester or quotes a removed note elsewhere: read once the notes are known.
      const terms = (): string[] => [...needles, ...quoted.filter((q) => q.trim().length >= 3)];
      const redact = (text: string): string => JSON.stringify(redactStrings(JSON.parse(text) as unknown, terms()));
      // A batch's events: their payloads only (an event's id, type and time are not the call's content).
      const redactEvents = (text: string): string => {
        const found = terms();
        return JSON.stringify((JSON.parse(text) as { payload: unknown }[]).map((e) => ({ ...e, payload: redactStrings(e.payload, found) })));
      };
      steps.push(
        read<{ position: number | string | null; seq: number | string | null; events: string; call_doc: string | null }>(S.eventBatchesOfCall, { call_id: callId }, (rows) =>
          // A pending batch the sequencer moves meanwhile is not lost unredacted: its update then changes no row, and the purge is refused as stale.
          rows.flatMap((batch) => {
            const events = redactEvents(batch.events);
            const callDoc = batch.call_doc === null ? null : redact(batch.call_doc);
            if (events === batch.events && callDoc === batch.call_doc) return [];
            return [batch.position !== null ? run(S.setEventBatch, { position: batch.position, events, call_doc: callDoc }) : run(S.setPendingEventBatch, { seq: batch.seq, events, call_doc: callDoc }, `the events of call ${callId} were numbered meanwhile`)];
          }),
        ),
        read<{ doc: string }>(S.linksOf, { parent_call_id: callId }, (rows) =>
          rows.flatMap((link) => {
            const doc = redact(link.doc);
            return doc === link.doc ? [] : [run(S.setLinkDoc, { id: (JSON.parse(link.doc) as SupplierLink).id, doc })];
          }),
        ),
        read<{ doc: string }>(S.getDeskTicket, { call_id: callId }, (rows) =>
          rows.flatMap((ticket) => {
            const doc = redact(ticket.doc);
            return doc === ticket.doc ? [] : [run(S.setDeskTicketDoc, { call_id: callId, doc })];
          }),
        ),
        // Runs after the reads above have counted what they removed: the count, told before the call is written.
        read<never>(S.ping, {}, () => {
          counted({ callId, messages, notes: noteCount });
          return [];
        }),
        run(S.updateCall, { ...callColumns(purged), expected_version: call.version }, `call ${callId} is no longer at version ${call.version}`),
      );
      return steps;
    }),
  ];
}
