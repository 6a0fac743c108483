import type { AgreementVersion } from '../ports/agreement-store.js';
import type { ServiceOutage } from '../ports/outage-store.js';
import type { CallRecord } from '../ports/call.js';
import type { DeskTicket } from '../ports/desk-ticket-store.js';
import type { SupplierLink } from '../ports/supplier-link.js';
import type { TriggerLink } from '../ports/trigger-link.js';
import { StoreUnavailableError, type Store } from '../ports/store.js';
import type { WebhookDeliveryState, WebhookSubscription } from '../ports/webhook-store.js';
import { agreementCommitSteps, callCommitSteps, deliverySteps, insert, purgeCallSteps, read as readStep, run, type Step } from './commit-plan.js';
import type { PurgeOutcome } from '../ports/retention.js';
import {
  checkpointOf,
  compactRangeOf,
  docOf,
  erasureColumns,
  eventsOf,
  historyOf,
  idempotentOf,
  inboundOf,
  logOf,
  noteOf,
  outboxOf,
  webhookColumns,
  webhookDeadLetterColumns,
  webhookDeadLetterOf,
  webhookOf,
  webhookSecretsColumns,
  type EventBatchRow,
  type HistoryRow,
  type CheckpointRow,
  type IdempotentRow,
  type InboundRow,
  type LogHeadRow,
  type LogNodeRow,
  type LogRow,
  type NoteRow,
  type OutboxRow,
  type WebhookDeadLetterRow,
  type WebhookRow,
  type WitnessEvidenceRow,
  type CosignatureRow,
  cosignatureOf,
  witnessEvidenceColumns,
  witnessEvidenceOf,
} from './rows.js';
import type { Dialect, Params, Sql } from './sql.js';
import { outboxSummaryOf, type OutboxCountRow, type OutboxOldestRow } from './outbox-summary.js';
import { listCallsQuery, logNodesQuery, purgeDueQuery, STATEMENTS as S } from './statements.js';
import { nodeKey } from '../messages/log-proofs.js';

function deskTicketColumns(t: DeskTicket): Params {
  return { call_id: t.callId, remote_id: t.remoteId, open: t.open ? 1 : 0, updated_at: t.updatedAt, doc: JSON.stringify(t) };
}

/** What an engine gives the store: reads, single writes and transactions of steps, each in its own dialect. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** The rows of a query (SQLite answers only with what is durable). */
  read<R>(statement: Sql, params?: Params): Promise<R[]>;
  /** One statement in a transaction of its own: the rows it returns and the number of rows it changed. */
  write<R>(statement: Sql, params: Params): Promise<{ rows: R[]; changes: number }>;
  /** Steps in one transaction, in order; all or nothing. */
  transact(steps: readonly Step[]): Promise<void>;
  /**
   * Where the log is integrated after the commit (PostgreSQL's sequencer): the batches this replica
   * knows of, and a wait for the next one (resolves after `ms` at the latest). Absent where a
   * commit's entries are integrated in the commit itself (SQLite).
   */
  readonly integration?: {
    count(): number;
    after(count: number, ms: number): Promise<void>;
    /** A message's index as this replica's own sequencer gave it, if it did lately. */
    indexKnown(direction: string, partner: string, messageId: string): number | undefined;
    /** Whether looking the message's index up may find it now (the batches known since the `since`-th could hold it). */
    worthLooking(messageId: string, since: number): boolean;
    /** Resolves once this replica's own sequencer ran a batch after its latest commits (at once when it holds no lease); after `ms` at the latest. */
    ownBatch(ms: number): Promise<void>;
  };
  /** Makes removed data unrecoverable from the engine's files, where it keeps old pages around (SQLite's WAL). */
  scrub?(): Promise<void>;
  close(): Promise<void>;
}

export interface SqlStoreOptions {
  /** The clock for leases and requeue times. */
  readonly now: () => number;
}

/** The store, written once over an engine: which statements a method runs, with which parameters, and how rows become records. */
export function createSqlStore(engine: SqlEngine, options: SqlStoreOptions): Store {
  const read = <R>(statement: Sql, params?: Params): Promise<R[]> => engine.read<R>(statement, params);
  const write = <R>(statement: Sql, params: Params) => engine.write<R>(statement, params);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const first = async <R, T>(rows: Promise<R[]>, map: (row: R) => T): Promise<T | undefined> => {
    const [row] = await rows;
    return row === undefined ? undefined : map(row);
  };
  const docs = async <T>(rows: Promise<{ doc: string }[]>): Promise<T[]> => (await rows).map((row) => JSON.parse(row.doc) as T);
  const logIndexOf = (direction: 'in' | 'out', partner: string, messageId: string): Promise<number | undefined> =>
    first(read<{ seq: number | string }>(S.logIndexOf, { direction, partner, message_id: messageId }), (row) => Number(row.seq) - 1);

  return {
    engine: engine.dialect,
    getCall: (id) => first(read<{ doc: string }>(S.getCall, { id }), (row) => docOf<CallRecord>(row)!),
    async listCalls(filter) {
      const { statement, params } = listCallsQuery(filter);
      return docs<CallRecord>(read(statement, params));
    },
    findCalls: async (id) =>
      (await read<{ matched_by: 'id' | 'externalRef' | 'supplierCallId' | 'chainId'; doc: string }>(S.findCalls, { id })).map((row) => ({ matchedBy: row.matched_by, call: JSON.parse(row.doc) as CallRecord })),
    listHistory: async (callId) => (await read<HistoryRow>(S.listHistory, { call_id: callId })).map(historyOf),
    listNotes: async (callId, visibility) => (await read<NoteRow>(S.listNotes, { call_id: callId, visibility })).map(noteOf),
    commitCall: (change) => engine.transact(callCommitSteps(change)),
    callsDueForSla: async (now, limit) => (await read<{ id: string }>(S.callsDueForSla, { now, limit })).map((r) => r.id),
    outboxSummary: async () => outboxSummaryOf(await read<OutboxCountRow>(S.outboxCounts), await read<OutboxOldestRow>(S.outboxOldest)),
    callsDueToClose: async (now, limit) => (await read<{ id: string }>(S.callsDueToClose, { now, limit })).map((r) => r.id),

    findInbound: (from, id) => first(read<InboundRow>(S.findInbound, { sender: from, id }), inboundOf),
    findIdempotent: (owner, key) => first(read<IdempotentRow>(S.findIdempotent, { owner, key }), idempotentOf),
    forgetIdempotent: async (before) => (await write(S.forgetIdempotent, { before })).changes,
    inboundForCall: async (callId) => (await read<InboundRow>(S.inboundForCall, { call_id: callId })).map(inboundOf),

    callsWithoutDeskTicket: async (limit) => (await read<{ id: string }>(S.callsWithoutDeskTicket, { limit })).map((r) => r.id),
    createDeskTicket: async (t) => (await write(S.insertDeskTicket, deskTicketColumns(t))).changes === 1,
    updateDeskTicket: async (t) => {
      await write(S.updateDeskTicket, deskTicketColumns(t));
    },
    getDeskTicket: (callId) => first(read<{ doc: string }>(S.getDeskTicket, { call_id: callId }), (row) => JSON.parse(row.doc) as DeskTicket),
    openDeskTickets: async (limit) => (await read<{ doc: string }>(S.openDeskTickets, { limit })).map((row) => JSON.parse(row.doc) as DeskTicket),

    createWebhook: (w) => engine.transact([insert(S.insertWebhook, [webhookColumns(w)])]),
    listWebhooks: async () => (await read<WebhookRow>(S.listWebhooks)).map(webhookOf),
    getWebhook: (id) => first(read<WebhookRow>(S.getWebhook, { id }), webhookOf),
    deleteWebhook: async (id) => (await write(S.deleteWebhook, { id })).changes === 1,
    async changeWebhookSecrets(id, change) {
      let after: WebhookSubscription | undefined;
      await engine.transact([
        readStep<WebhookRow>(S.lockWebhook, { id }, ([row]) => {
          if (row === undefined) return [];
          const current = webhookOf(row);
          const secrets = change(current);
          after = secrets === undefined ? current : { ...current, secrets };
          return secrets === undefined ? [] : [run(S.updateWebhookSecrets, { id, ...webhookSecretsColumns(secrets) })];
        }),
      ]);
      return after;
    },
    async updateWebhookDelivery(id, state) {
      await write(S.updateWebhookDelivery, deliveryState(id, state));
    },
    giveUpWebhookEvent: (id, state, deadLetter) =>
      engine.transact([run(S.updateWebhookDelivery, deliveryState(id, state)), run(S.keepWebhookDeadLetter, webhookDeadLetterColumns(deadLetter))]),
    listWebhookDeadLetters: async ({ webhookId, limit }) =>
      (await read<WebhookDeadLetterRow>(S.listWebhookDeadLetters, { webhook_id: webhookId ?? null, limit })).map(webhookDeadLetterOf),
    getWebhookDeadLetter: (id) => first(read<WebhookDeadLetterRow>(S.getWebhookDeadLetter, { id }), webhookDeadLetterOf),
    async updateWebhookDeadLetter(id, state) {
      await write(S.updateWebhookDeadLetter, { id, attempts: state.attempts, last_error: state.lastError, updated_at: state.updatedAt });
    },
    deleteWebhookDeadLetter: async (id) => (await write(S.deleteWebhookDeadLetter, { id })).changes === 1,
    async claimWebhook(id, owner, leaseMs) {
      const now = options.now();
      return (await write(S.claimWebhook, { id, owner, until: iso(now + leaseMs), now: iso(now) })).changes === 1;
    },
    async releaseWebhook(id, owner) {
      await write(S.releaseWebhook, { id, owner });
    },
    eventAt: async (seq) => {
      const [row] = await read<EventBatchRow>(S.eventBatchAt, { seq });
      return row === undefined ? undefined : eventsOf(row).find((e) => e.seq === seq);
    },
    eventsAfter: async (seq, limit) =>
      (await read<EventBatchRow>(S.eventBatchesAfter, { after: seq, limit }))
        .flatMap(eventsOf)
        .filter((e) => e.seq > seq)
        .slice(0, limit),
    lastEventSeq: async () => Number((await read<{ seq: number | string | null }>(S.lastEventSeq))[0]?.seq ?? 0),

    getLink: (id) => first(read<{ doc: string }>(S.getLink, { id }), (row) => docOf<SupplierLink>(row)!),
    linksOf: (parentCallId) => docs<SupplierLink>(read(S.linksOf, { parent_call_id: parentCallId })),
    linksDueForSla: async (now, limit) => (await read<{ id: string }>(S.linksDueForSla, { now, limit })).map((r) => r.id),
    triggersOf: (callId) => docs<TriggerLink>(read(S.triggersOf, { call_id: callId })),

    async claimHeads(partner, owner, limit, leaseMs) {
      const now = options.now();
      const { rows } = await write<OutboxRow>(S.claimHeads, { partner, owner, limit, until: iso(now + leaseMs), now: iso(now) });
      return rows.map(outboxOf).sort((a, b) => a.seq - b.seq);
    },
    partnersWithPending: async () => (await read<{ partner: string }>(S.partnersWithPending)).map((r) => r.partner),
    async markDelivered(seq, delivery) {
      let followed = true;
      await engine.transact(deliverySteps(seq, delivery, (waiting) => (followed = waiting)));
      return { followed };
    },
    async markAttempt(seq, state) {
      await write(S.markAttempt, { seq, attempts: state.attempts, next_attempt_at: state.nextAttemptAt, last_error: state.lastError });
    },
    async markDead(seq, lastError) {
      await write(S.markDead, { seq, last_error: lastError });
    },
    listOutbox: async ({ status, partner, limit }) => (await read<OutboxRow>(S.listOutbox, { status, partner: partner ?? null, limit })).map(outboxOf),
    outboxForCall: async (callId) => (await read<OutboxRow>(S.outboxForCall, { call_id: callId })).map(outboxOf),
    async requeueAll({ partner, limit }) {
      const { rows } = await write<OutboxRow>(S.requeueAll, { partner: partner ?? null, limit, now: iso(options.now()) });
      return rows.map(outboxOf).sort((a, b) => a.seq - b.seq);
    },
    async pauseDelivery(partner, at) {
      await write(S.pauseDelivery, { partner, paused_at: at });
    },
    async resumeDelivery(partner) {
      await write(S.resumeDelivery, { partner });
    },
    pausedPartners: async () => (await read<{ partner: string; paused_at: string }>(S.pausedPartners)).map((r) => ({ partner: r.partner, pausedAt: r.paused_at })),
    async requeue(id) {
      const { rows } = await write<OutboxRow>(S.requeue, { id, now: iso(options.now()) });
      return rows[0] === undefined ? undefined : outboxOf(rows[0]);
    },

    agreementVersions: (id) => docs<AgreementVersion>(read(S.agreementVersions, { id })),
    listAgreementVersions: () => docs<AgreementVersion>(read(S.allAgreementVersions)),
    activeAgreementVersions: (customer) => docs<AgreementVersion>(read(S.activeAgreementVersions, { customer })),
    wishAgreementVersions: (callId) => docs<AgreementVersion>(read(S.wishAgreementVersions, { call_id: callId })),
    commitAgreement: (change) => engine.transact(agreementCommitSteps(change)),

    async addOutage(outage) {
      await write(S.insertOutage, { id: outage.id, agreement: outage.agreement, service: outage.service, call_id: outage.callId ?? null, created_at: outage.createdAt, doc: JSON.stringify(outage) });
    },
    outagesOf: (agreement) => docs<ServiceOutage>(read(S.outagesOf, { agreement })),

    lastMessages: async () =>
      (await read<{ partner: string; last_in: string | null; last_out: string | null }>(S.lastMessages)).map((r) => ({
        partner: r.partner,
        lastReceivedAt: r.last_in,
        lastSentAt: r.last_out,
      })),
    logSize: async () => compactRangeOf((await read<LogHeadRow>(S.logHead))[0]).size,
    logRecordAt: (index) => first(read<LogRow>(S.logRecordAt, { seq: index + 1 }), logOf),
    logIndexOf,
    async sequenced(timeoutMs = 10_000) {
      const integration = engine.integration;
      if (integration === undefined) return;
      const [marks] = await read<{ log: number | string; event: number | string }>(S.unsequencedMarks);
      const through = { log: Number(marks?.log ?? 0), event: Number(marks?.event ?? 0) };
      const until = performance.now() + timeoutMs;
      for (;;) {
        const seen = integration.count();
        const [row] = await read<{ due: unknown }>(S.unsequencedThrough, through);
        if (!row?.due) return;
        const left = until - performance.now();
        if (left <= 0) throw new StoreUnavailableError(`the message log was not sequenced within ${timeoutMs} ms (is a sequencer running?)`);
        await integration.after(seen, Math.min(left, 50));
      }
    },
    async settledLogIndexOf(direction, partner, messageId, waitMs) {
      const integration = engine.integration;
      const until = performance.now() + waitMs;
      if (integration === undefined) return logIndexOf(direction, partner, messageId);
      // On the replica that sequences, the batch its commit woke, which knows the index.
      await integration.ownBatch(waitMs);
      // The batch told last may have come between the commit and this call.
      let since = integration.count() - 1;
      for (;;) {
        // Counted before looking: a batch told between the two is not waited for again.
        const seen = integration.count();
        const known = integration.indexKnown(direction, partner, messageId);
        if (known !== undefined) return known;
        if (integration.worthLooking(messageId, since)) {
          const index = await logIndexOf(direction, partner, messageId);
          if (index !== undefined) return index;
        }
        const left = until - performance.now();
        // A last look at the end, whatever the notifications said.
        if (left <= 0) return logIndexOf(direction, partner, messageId);
        await integration.after(seen, left);
        since = seen;
      }
    },
    async logNodes(nodes) {
      if (nodes.length === 0) return new Map();
      const { statement, params } = logNodesQuery(nodes);
      const rows = await read<LogNodeRow>(statement, params);
      return new Map(rows.map((row) => [nodeKey({ level: Number(row.level), index: Number(row.idx) }), row.hash]));
    },
    logCheckpoint: (treeSize) =>
      first(treeSize === undefined ? read<CheckpointRow>(S.latestCheckpoint) : read<CheckpointRow>(S.checkpointOfSize, { tree_size: treeSize }), checkpointOf),
    lastPartnerCheckpoint: (partner) =>
      first(read<CheckpointRow & { partner: string }>(S.lastPartnerCheckpoint, { partner }), (row) => checkpointOf({ ...row, origin: row.partner })),
    async keepPartnerCheckpoint(partner, checkpoint, keptAt) {
      await write(S.keepPartnerCheckpoint, { partner, tree_size: checkpoint.treeSize, root_hash: checkpoint.rootHash, at: checkpoint.at, jws: checkpoint.jws, kept_at: keptAt });
    },
    async keepCheckpointTimestamp(treeSize, token) {
      await write(S.keepCheckpointTimestamp, { tree_size: treeSize, timestamp_token: token });
    },
    recordWitnessEvidence: async (evidence) => (await write(S.recordWitnessEvidence, { ...witnessEvidenceColumns(evidence) })).changes === 1,
    listWitnessEvidence: async () => (await read<WitnessEvidenceRow>(S.listWitnessEvidence)).map(witnessEvidenceOf),
    async keepCosignatureMade(partner, treeSize, jws) {
      await write(S.keepCosignatureMade, { partner, tree_size: treeSize, cosignature: jws });
    },
    lastCosignatureMade: (partner) => first(read<{ cosignature: string }>(S.lastCosignatureMade, { partner }), (row) => row.cosignature),
    async keepCosignature(c) {
      await write(S.keepCosignature, { witness: c.witness, tree_size: c.treeSize, root_hash: c.rootHash, at: c.at, jws: c.jws, kept_at: iso(options.now()) });
    },
    lastCosignature: (witness) => first(read<CosignatureRow>(S.lastCosignature, { witness }), cosignatureOf),
    listCosignatures: async () => (await read<CosignatureRow>(S.listCosignatures)).map(cosignatureOf),
    recordRefusedCosignature: async (refused) => (await write(S.recordRefusedCosignature, { id: refused.id, witness: refused.witness, detail: refused.detail, at: refused.at, jws: refused.jws })).changes === 1,
    listRefusedCosignatures: async () => read<{ id: string; witness: string; detail: string; at: string; jws: string }>(S.listRefusedCosignatures),
    async searchLog({ messageId, callId, before, limit }) {
      // seq is the index + 1: the records below index `before` are those with seq < before + 1.
      const params = { before: before === undefined ? Number.MAX_SAFE_INTEGER : before + 1, limit };
      const rows =
        messageId !== undefined
          ? await read<LogRow>(S.logByMessage, { ...params, message_id: messageId })
          : callId !== undefined
            ? await read<LogRow>(S.logByCall, { ...params, call_id: callId })
            : await read<LogRow>(S.logPage, params);
      return rows.map(logOf);
    },
    async *readLog() {
      let after = 0;
      for (;;) {
        const rows = await read<LogRow>(S.readLog, { after, limit: 500 });
        if (rows.length === 0) return;
        for (const row of rows) yield logOf(row);
        after = Number(rows.at(-1)!.seq);
      }
    },
    async callsDueForPurge(category, cutoffs, limit) {
      const query = purgeDueQuery(category, cutoffs, limit);
      return query === undefined ? [] : (await read<{ id: string }>(query.statement, query.params)).map((r) => r.id);
    },
    async purgeCall(callId, plan) {
      let outcome: PurgeOutcome | undefined;
      await engine.transact(purgeCallSteps(callId, plan, (counted) => (outcome = counted)));
      return outcome;
    },
    callsOfRequester: async (subject, limit) =>
      (await read<{ id: string }>(S.callsOfRequester, { email: subject.email?.toLowerCase() ?? null, rid: subject.id ?? null, limit })).map((r) => r.id),
    recordErasure: (record) => engine.transact([insert(S.insertErasure, [erasureColumns(record)])]),
    scrub: async () => engine.scrub?.(),
    attachmentHeldElsewhere: async (sha256, callId) => (await read(S.attachmentHeldElsewhere, { id: callId, pattern: `%"sha256":"${sha256.replace(/[^0-9a-f]/g, '')}"%` })).length > 0,
    heldDirectory: () =>
      first(read<{ jws: string; sequence: number | string; accepted_at: string }>(S.heldDirectory), (row) => ({ jws: row.jws, sequence: Number(row.sequence), acceptedAt: row.accepted_at })),
    keepDirectory: async (held) => (await write(S.keepDirectory, { jws: held.jws, sequence: held.sequence, accepted_at: held.acceptedAt })).changes === 1,
    async claimDirectoryFetch(owner, leaseMs) {
      const now = options.now();
      return (await write(S.claimDirectoryFetch, { owner, until: iso(now + leaseMs), now: iso(now) })).changes === 1;
    },
    async releaseDirectoryFetch(owner) {
      await write(S.releaseDirectoryFetch, { owner });
    },
    async ping() {
      await read(S.ping);
    },
    close: () => engine.close(),
  };
}

function deliveryState(id: string, state: WebhookDeliveryState): Params {
  return { id, delivered_through: state.deliveredThrough, failures: state.failures, last_error: state.lastError, next_attempt_at: state.nextAttemptAt };
}
