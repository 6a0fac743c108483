import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../src/ports/call-store.js';
import { DuplicateMessageError, type InboundMessage } from '../../src/ports/inbound-message.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import type { NewOutboxMessage } from '../../src/ports/outbox-store.js';
import type { SupplierLink } from '../../src/ports/supplier-link.js';
import type { TriggerLink } from '../../src/ports/trigger-link.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/ports/store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';

/** The same behaviour, proved against both engines for real. */
const ENGINES = [
  {
    name: 'sqlite',
    async open(now: () => number) {
      const dir = await mkdtemp(join(tmpdir(), 'usm-link-store-'));
      const store = await openStore(`sqlite:${join(dir, 'store.db')}`, { now });
      return { store, cleanup: () => removeDir(dir) };
    },
  },
  {
    name: 'postgres',
    async open(now: () => number) {
      const schema = postgresSchema();
      const store = await openStore(schema.url, { now });
      return { store, cleanup: schema.drop };
    },
  },
];

function inbound(callId: string, id = uuidv7()): InboundMessage {
  return {
    id,
    from: 'hospital',
    type: 'call.submit',
    digest: 'sha-256=abc',
    signature: 'h..s',
    body: '{}',
    receivedAt: new Date().toISOString(),
    callId,
    response: { status: 201, body: { receipt: { jws: 'receipt-jws' } } },
  };
}

function outbox(partner: string, callId: string | null): NewOutboxMessage {
  return { id: uuidv7(), partner, type: 'call.update', path: '/v1/messages', linkId: null, callId, body: '{}', trace: null, createdAt: new Date().toISOString() };
}

for (const engine of ENGINES) {
  describe(`the ${engine.name} store`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    /** The store's clock: the system clock unless a test sets its own. */
    let clock: () => number;
    beforeEach(async () => {
      clock = () => Date.now();
      ({ store, cleanup } = await engine.open(() => clock()));
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('commits a call with its history, notes, events and message, and refuses a stale version', async () => {
      const call = newCall();
      const at = call.createdAt;
      await store.commitCall({
        call,
        expectedVersion: null,
        history: [{ callId: call.id, at, actor: { kind: 'customer', id: 'hospital' }, change: { kind: 'status', from: null, to: 'acknowledged' } }],
        notes: [{ id: uuidv7(), callId: call.id, visibility: 'internal', kind: 'comment', text: 'hidden', author: { kind: 'desk', id: 'd' }, createdAt: at }],
        events: [{ id: uuidv7(), type: 'call.created', callId: call.id, at, payload: { x: 1 } }],
        inbound: inbound(call.id),
      });
      expect(await store.getCall(call.id)).toEqual(call);
      expect((await store.listHistory(call.id)).map((h) => h.change)).toEqual([{ kind: 'status', from: null, to: 'acknowledged' }]);
      expect(await store.listNotes(call.id, 'public')).toEqual([]);
      expect(await store.listNotes(call.id, 'all')).toHaveLength(1);
      // Events are read by position, which PostgreSQL's log sequencer gives after the commit.
      await store.sequenced();
      expect((await store.eventsAfter(0, 10)).map((e) => e.type)).toEqual(['call.created']);
      expect(await store.lastEventSeq()).toBeGreaterThan(0);
      const next = { ...call, summary: 'changed', version: 2 };
      await store.commitCall({ call: next, expectedVersion: 1, history: [], notes: [], events: [] });
      await expect(store.commitCall({ call: { ...call, version: 2 }, expectedVersion: 1, history: [], notes: [], events: [] })).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.getCall(call.id))?.summary).toBe('changed');
    });

    it('remembers a desk request by its key with the change it made, once, and forgets it when told', async () => {
      const call = newCall();
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] });
      const request = { owner: 'desk:desk', key: 'k-1', fingerprint: 'f-1', createdAt: '2026-01-01T00:00:00.000Z', response: { status: 200, body: { id: call.id, step: 2 } } };
      await store.commitCall({ call: { ...call, summary: 'advanced', version: 2 }, expectedVersion: 1, history: [], notes: [], events: [], idempotent: request });
      expect(await store.findIdempotent('desk:desk', 'k-1')).toEqual(request);
      expect(await store.findIdempotent('desk:other', 'k-1')).toBeUndefined();
      // The same key again: the whole change is refused, by the key's code.
      const again = store.commitCall({ call: { ...call, summary: 'twice', version: 3 }, expectedVersion: 2, history: [], notes: [], events: [], idempotent: { ...request, fingerprint: 'f-2' } });
      await expect(again).rejects.toMatchObject({ code: 'USM_STORE_DUPLICATE_REQUEST' });
      expect((await store.getCall(call.id))?.summary).toBe('advanced');
      expect(await store.forgetIdempotent('2025-12-31T00:00:00.000Z')).toBe(0);
      expect(await store.forgetIdempotent('2026-01-02T00:00:00.000Z')).toBe(1);
      expect(await store.findIdempotent('desk:desk', 'k-1')).toBeUndefined();
    });

    it('gives back the notes of one commit in the order they were written', async () => {
      const call = newCall();
      const at = call.createdAt;
      // Ids of one millisecond: their random low bits do not follow the order of writing.
      const notes = Array.from({ length: 12 }, (_, i) => ({ id: uuidv7(Date.parse(at)), callId: call.id, visibility: i % 3 === 0 ? ('internal' as const) : ('public' as const), kind: 'comment' as const, text: `note ${i}`, author: { kind: 'desk' as const, id: 'd' }, createdAt: at }));
      await store.commitCall({ call, expectedVersion: null, history: [], notes, events: [] });
      expect((await store.listNotes(call.id, 'all')).map((n) => n.text)).toEqual(notes.map((n) => n.text));
      expect((await store.listNotes(call.id, 'public')).map((n) => n.text)).toEqual(notes.filter((n) => n.visibility === 'public').map((n) => n.text));
    });

    it('keeps the history and events of one commit in the order they were written, however many', async () => {
      const call = newCall();
      const at = call.createdAt;
      // Many rows of one commit (one multi-row statement on PostgreSQL): their order is the order given.
      const history = Array.from({ length: 150 }, (_, i) => ({ callId: call.id, at, actor: { kind: 'desk' as const, id: `d${i}` }, change: { kind: 'status' as const, from: null, to: 'acknowledged' as const }, ...(i % 2 === 0 ? { comment: `step ${i}` } : {}) }));
      const events = Array.from({ length: 131 }, (_, i) => ({ id: uuidv7(Date.parse(at)), type: 'call.note_added' as const, callId: call.id, at, payload: { i } }));
      await store.commitCall({ call, expectedVersion: null, history, notes: [], events });
      // Events are read once positioned (PostgreSQL: by the sequencer, a batch after the commit).
      await store.sequenced();
      expect((await store.listHistory(call.id)).map((h) => [h.actor.id, h.comment])).toEqual(history.map((h) => [h.actor.id, h.comment]));
      const stored = await store.eventsAfter(0, 200);
      expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(stored.map((e) => (e.payload as { i: number }).i)).toEqual(events.map((_, i) => i));
    });

    it('gives back the sub-calls of one commit in the order they were written', async () => {
      const call = newCall();
      const at = call.createdAt;
      const links = Array.from({ length: 8 }, (_, i): SupplierLink => ({
        id: uuidv7(Date.parse(at)), parentCallId: call.id, supplier: `supplier-${i}`, service: 'hosting', agreement: 'u1', type: 'incident',
        at: { process: 'recover', step: 3 }, status: 'requested', remoteCallId: null, lastSeq: 0, heldBack: [],
        onSupplierResolved: 'resume', relayNotes: false, createdAt: at, updatedAt: at, version: 1,
      }));
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], links: links.map((link) => ({ link, expectedVersion: null })) });
      expect((await store.linksOf(call.id)).map((l) => l.supplier)).toEqual(links.map((l) => l.supplier));
    });

    it('commits a call with other calls and their waits on triggered calls in one transaction, or nothing when one of them is stale', async () => {
      const waiting = newCall();
      const other = newCall('clinic');
      await store.commitCall({ call: waiting, expectedVersion: null, history: [], notes: [], events: [] });
      await store.commitCall({ call: other, expectedVersion: null, history: [], notes: [], events: [] });
      const triggered = { ...newCall('provider'), type: 'rfc' as const };
      const at = triggered.createdAt;
      const link = (w: string, status: TriggerLink['status']): TriggerLink => ({ waitingCallId: w, triggeredCallId: triggered.id, type: 'rfc', at: { process: 'recover', step: 5 }, status, createdAt: at, updatedAt: at });
      const event = (callId: string) => ({ id: uuidv7(), type: 'call.status_changed' as const, callId, at, payload: {} });
      // A triggered call raised with its waiting call: both calls, their events and the wait, at once.
      await store.commitCall({
        call: { ...waiting, summary: 'held', version: 2 },
        expectedVersion: 1,
        history: [{ callId: waiting.id, at, actor: { kind: 'desk', id: 'd' }, change: { kind: 'status', from: 'inProgress', to: 'held' }, comment: `waiting on ${triggered.id}` }],
        notes: [],
        events: [event(waiting.id)],
        eventCall: { id: waiting.id },
        triggers: [link(waiting.id, 'waiting')],
        also: [{ call: triggered, expectedVersion: null, history: [], notes: [], events: [event(triggered.id)], eventCall: { id: triggered.id } }],
      });
      expect(await store.getCall(triggered.id)).toEqual(triggered);
      await store.sequenced();
      expect((await store.eventsAfter(0, 10)).map((e) => e.callId)).toEqual([waiting.id, triggered.id]);
      expect(await store.triggersOf(waiting.id)).toEqual([link(waiting.id, 'waiting')]);
      expect(await store.triggersOf(triggered.id)).toEqual([link(waiting.id, 'waiting')]);
      expect(await store.triggersOf(other.id)).toEqual([]);

      // A stale call among them: nothing of the change is written, neither the calls nor the waits.
      const stale = store.commitCall({
        call: { ...triggered, summary: 'closed', version: 2 },
        expectedVersion: 1,
        history: [],
        notes: [],
        events: [],
        triggers: [link(waiting.id, 'fulfilled'), link(other.id, 'waiting')],
        also: [{ call: { ...other, version: 2 }, expectedVersion: 1, history: [], notes: [], events: [] }, { call: { ...waiting, version: 2 }, expectedVersion: 1, history: [], notes: [], events: [] }],
      });
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.getCall(triggered.id))?.summary).toBe('test');
      expect((await store.getCall(other.id))?.version).toBe(1);
      expect(await store.triggersOf(other.id)).toEqual([]);

      // A wait is written whole again when it changes; two waits on one triggered call, oldest first.
      const later = new Date(Date.parse(at) + 1000).toISOString();
      await store.commitCall({
        call: { ...triggered, summary: 'closed', version: 2 },
        expectedVersion: 1,
        history: [],
        notes: [],
        events: [],
        triggers: [{ ...link(waiting.id, 'fulfilled'), updatedAt: later }, { ...link(other.id, 'waiting'), createdAt: later, updatedAt: later }],
        also: [{ call: { ...other, version: 2 }, expectedVersion: 1, history: [], notes: [], events: [] }],
      });
      expect((await store.triggersOf(triggered.id)).map((l) => [l.waitingCallId, l.status])).toEqual([[waiting.id, 'fulfilled'], [other.id, 'waiting']]);
      expect(await store.triggersOf(waiting.id)).toEqual([{ ...link(waiting.id, 'fulfilled'), updatedAt: later }]);
    });

    it('refuses a repeated message id and writes nothing of that change', async () => {
      const first = newCall();
      const message = inbound(first.id);
      await store.commitCall({ call: first, expectedVersion: null, history: [], notes: [], events: [], inbound: message });
      const second = newCall();
      await expect(store.commitCall({ call: second, expectedVersion: null, history: [], notes: [], events: [], inbound: { ...message, callId: second.id } })).rejects.toBeInstanceOf(DuplicateMessageError);
      expect(await store.getCall(second.id)).toBeUndefined();
      expect((await store.findInbound('hospital', message.id))?.response.status).toBe(201);
      expect(await store.inboundForCall(first.id)).toHaveLength(1);
    });

    it('lists with filters and a cursor, oldest update first', async () => {
      const base = Date.parse('2026-01-01T00:00:00.000Z');
      const calls = Array.from({ length: 5 }, (_, i) => newCall(i % 2 === 0 ? 'hospital' : 'clinic', new Date(base + i * 1000).toISOString()));
      for (const call of calls) await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] });
      const page1 = await store.listCalls({ customer: 'hospital', limit: 2 });
      expect(page1.map((c) => c.id)).toEqual([calls[0]!.id, calls[2]!.id]);
      const page2 = await store.listCalls({ customer: 'hospital', limit: 2, after: { updatedAt: page1[1]!.updatedAt, id: page1[1]!.id } });
      expect(page2.map((c) => c.id)).toEqual([calls[4]!.id]);
      expect(await store.listCalls({ status: 'closed', limit: 10 })).toEqual([]);
      expect((await store.listCalls({ updatedSince: calls[3]!.updatedAt, limit: 10 })).map((c) => c.id)).toEqual([calls[3]!.id, calls[4]!.id]);
    });

    it('finds a call by any of its ids, and lists by supplier and by service-level state', async () => {
      const now = Date.now();
      const sla = (breaches: string[]) => ({ responseDueAt: new Date(now + 60_000).toISOString(), resolutionDueAt: new Date(now + 600_000).toISOString(), breaches } as never);
      const forked = { ...newCall(), externalRef: 'HOSP-4711', sla: sla([]), slaNextDue: new Date(now + 30 * 60_000).toISOString() };
      const breached = { ...newCall(), sla: sla(['response']), slaNextDue: new Date(now + 5 * 3_600_000).toISOString() };
      const plain = newCall();
      const link: SupplierLink = {
        id: uuidv7(), parentCallId: forked.id, supplier: 'hosting', service: 'hosting', agreement: 'u1', type: 'incident',
        at: { process: 'recover', step: 3 }, status: 'requested', remoteCallId: 'SUP-99', lastSeq: 0, heldBack: [],
        onSupplierResolved: 'resume', relayNotes: false, createdAt: forked.createdAt, updatedAt: forked.createdAt, version: 1,
      };
      await store.commitCall({ call: forked, expectedVersion: null, history: [], notes: [], events: [], links: [{ link, expectedVersion: null }] });
      for (const call of [breached, plain]) await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] });
      const found = async (id: string) => (await store.findCalls(id)).map((f) => [f.matchedBy, f.call.id]);
      expect(await found(forked.id)).toEqual([['id', forked.id]]);
      expect(await found('HOSP-4711')).toEqual([['externalRef', forked.id]]);
      expect(await found('SUP-99')).toEqual([['supplierCallId', forked.id]]);
      expect(await found(plain.chainId)).toEqual([['chainId', plain.id]]);
      expect(await found('nothing-by-this-id')).toEqual([]);
      expect((await store.listCalls({ supplier: 'hosting', limit: 10 })).map((c) => c.id)).toEqual([forked.id]);
      expect(await store.listCalls({ supplier: 'elsewhere', limit: 10 })).toEqual([]);
      expect((await store.listCalls({ sla: 'breached', limit: 10 })).map((c) => c.id)).toEqual([breached.id]);
      expect((await store.listCalls({ sla: 'dueSoon', dueBefore: new Date(now + 3_600_000).toISOString(), limit: 10 })).map((c) => c.id)).toEqual([forked.id]);
    });

    it('pauses delivery to a partner (claiming none of its messages) until resumed, and requeues its dead letters at once', async () => {
      const a = newCall();
      const messages = [outbox('supplier', a.id), outbox('supplier', null), outbox('other', null)];
      await store.commitCall({ call: a, expectedVersion: null, history: [], notes: [], events: [], outbox: messages });
      await store.pauseDelivery('supplier', '2026-12-01T10:00:00.000Z');
      await store.pauseDelivery('supplier', '2026-12-01T11:00:00.000Z');
      expect(await store.pausedPartners()).toEqual([{ partner: 'supplier', pausedAt: '2026-12-01T10:00:00.000Z' }]);
      expect(await store.claimHeads('supplier', 'w', 10, 60_000)).toEqual([]);
      expect(await store.claimHeads('other', 'w', 10, 60_000)).toHaveLength(1);
      await store.resumeDelivery('supplier');
      expect(await store.pausedPartners()).toEqual([]);
      const claimed = await store.claimHeads('supplier', 'w', 10, 60_000);
      expect(claimed).toHaveLength(2);
      for (const m of claimed) await store.markDead(m.seq, 'gave up');
      const requeued = await store.requeueAll({ partner: 'supplier', limit: 10 });
      expect(requeued.map((m) => m.id)).toEqual([messages[0]!.id, messages[1]!.id]);
      expect(requeued.every((m) => m.status === 'pending')).toBe(true);
      expect(await store.requeueAll({ limit: 10 })).toEqual([]);
    });

    it('claims the head of each call for one worker at a time, and logs what it delivers', async () => {
      const a = newCall();
      const b = newCall();
      const messages = [outbox('supplier', a.id), outbox('supplier', a.id), outbox('supplier', b.id)];
      await store.commitCall({ call: a, expectedVersion: null, history: [], notes: [], events: [], outbox: messages.slice(0, 2) });
      await store.commitCall({ call: b, expectedVersion: null, history: [], notes: [], events: [], outbox: messages.slice(2) });
      expect(await store.partnersWithPending()).toEqual(['supplier']);
      const claimed = await store.claimHeads('supplier', 'worker-1', 10, 60_000);
      expect(claimed.map((m) => m.id)).toEqual([messages[0]!.id, messages[2]!.id]);
      expect(await store.claimHeads('supplier', 'worker-2', 10, 60_000)).toEqual([]);
      const receipt = { messageId: messages[0]!.id, digest: 'sha-256=d', receivedAt: new Date().toISOString(), gateway: 'supplier', jws: 'r' };
      // The delivery tells that call a has another message waiting; a repeated one cannot tell, so says so too.
      expect(await store.markDelivered(claimed[0]!.seq, { receipt, deliveredAt: receipt.receivedAt, signature: 's', digest: 'sha-256=d' })).toEqual({ followed: true });
      expect(await store.markDelivered(claimed[0]!.seq, { receipt, deliveredAt: receipt.receivedAt, signature: 's', digest: 'sha-256=d' })).toEqual({ followed: true });
      // The next message of call a is now its head; call b's is still leased to worker-1.
      expect((await store.claimHeads('supplier', 'worker-2', 10, 60_000)).map((m) => m.id)).toEqual([messages[1]!.id]);
      await store.markAttempt(claimed[1]!.seq, { attempts: 1, nextAttemptAt: null, lastError: 'HTTP 503' });
      expect((await store.claimHeads('supplier', 'worker-3', 10, 1)).map((m) => m.id)).toEqual([messages[2]!.id]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await store.claimHeads('supplier', 'worker-4', 10, 60_000)).map((m) => m.id)).toEqual([messages[2]!.id]);
      await store.markDead(claimed[1]!.seq, 'gave up');
      expect((await store.listOutbox({ status: 'dead', limit: 10 })).map((m) => m.id)).toEqual([messages[2]!.id]);
      expect((await store.requeue(messages[2]!.id))?.status).toBe('pending');
      expect(await store.requeue(messages[2]!.id)).toBeUndefined();
      const log: LogRecord[] = [];
      for await (const record of store.readLog()) log.push(record);
      expect(log.map((r) => r.direction)).toEqual(['out']);
      expect(verifyLog(log).ok).toBe(true);
    });

    it("takes a submission's answer into its link once, in the delivery's transaction", async () => {
      const parent = newCall();
      const at = new Date().toISOString();
      const link: SupplierLink = {
        id: uuidv7(), parentCallId: parent.id, supplier: 'supplier', service: 'hosting', agreement: 'u1', type: 'incident',
        at: { process: 'recover', step: 3 }, status: 'requested', remoteCallId: null, lastSeq: 0, heldBack: [],
        onSupplierResolved: 'resume', relayNotes: false, createdAt: at, updatedAt: at, version: 1,
      };
      const submission = { ...outbox('supplier', parent.id), type: 'call.submit' as const, linkId: link.id };
      await store.commitCall({ call: parent, expectedVersion: null, history: [], notes: [], events: [], links: [{ link, expectedVersion: null }], outbox: [submission] });
      const [claimed] = await store.claimHeads('supplier', 'worker-1', 10, 60_000);
      const receipt = { messageId: submission.id, digest: 'sha-256=d', receivedAt: at, gateway: 'supplier', jws: 'r' };
      const delivery = { receipt, deliveredAt: at, signature: 's', digest: 'sha-256=d', answer: { callId: 'remote-1', status: 'held' as const } };
      // Nothing of the call waits behind it.
      expect(await store.markDelivered(claimed!.seq, delivery)).toEqual({ followed: false });
      expect(await store.getLink(link.id)).toMatchObject({ remoteCallId: 'remote-1', status: 'held', version: 2 });
      // A repeated delivery changes nothing.
      await store.markDelivered(claimed!.seq, { ...delivery, answer: { callId: 'remote-2', status: 'acknowledged' } });
      expect(await store.getLink(link.id)).toMatchObject({ remoteCallId: 'remote-1', status: 'held', version: 2 });
    });

    it('keeps the message log in one tree under concurrent commits', async () => {
      await Promise.all(Array.from({ length: 20 }, () => newCall()).map((call) => store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], inbound: inbound(call.id) })));
      await store.sequenced();
      const log: LogRecord[] = [];
      for await (const record of store.readLog()) log.push(record);
      expect(log).toHaveLength(20);
      expect(verifyLog(log)).toMatchObject({ ok: true, records: 20 });
      expect(await store.logSize()).toBe(20);
    });

    it("keeps the cosignatures it made of a partner's checkpoints, its partners' of its own log, and those it refused, each once", async () => {
      const root = (n: number) => Buffer.alloc(32, n).toString('base64url');
      const checkpoint = (treeSize: number) => ({ origin: 'supplier', treeSize, rootHash: root(treeSize), at: new Date(Date.UTC(2026, 11, 2, 1, treeSize)).toISOString(), jws: `checkpoint-${treeSize}` });
      expect(await store.lastCosignatureMade('supplier')).toBeUndefined();
      await store.keepPartnerCheckpoint('supplier', checkpoint(3), '2026-12-02T01:03:00.000Z');
      await store.keepPartnerCheckpoint('supplier', checkpoint(5), '2026-12-02T01:05:00.000Z');
      // Of a checkpoint it did not keep: nothing to cosign.
      await store.keepCosignatureMade('supplier', 4, 'cosigned-4');
      expect(await store.lastCosignatureMade('supplier')).toBeUndefined();
      await store.keepCosignatureMade('supplier', 3, 'cosigned-3');
      expect(await store.lastCosignatureMade('supplier')).toBe('cosigned-3');
      await store.keepCosignatureMade('supplier', 5, 'cosigned-5');
      await store.keepCosignatureMade('supplier', 5, 'cosigned-5-again');
      expect(await store.lastCosignatureMade('supplier')).toBe('cosigned-5');
      expect(await store.lastCosignatureMade('provider')).toBeUndefined();
      // The checkpoint itself reads as before.
      expect(await store.lastPartnerCheckpoint('supplier')).toEqual(checkpoint(5));

      clock = () => Date.parse('2026-12-02T02:00:00.000Z');
      const cosignature = (witness: string, treeSize: number) => ({ witness, treeSize, rootHash: root(treeSize), at: `2026-12-02T01:0${treeSize}:30.000Z`, jws: `${witness}-cosigned-${treeSize}` });
      await store.keepCosignature(cosignature('supplier', 7));
      clock = () => Date.parse('2026-12-02T02:01:00.000Z');
      await store.keepCosignature(cosignature('exchange', 2 ** 40));
      await store.keepCosignature({ ...cosignature('supplier', 7), jws: 'another-of-the-same-size' });
      await store.keepCosignature(cosignature('supplier', 9));
      expect(await store.listCosignatures()).toEqual([cosignature('supplier', 7), cosignature('exchange', 2 ** 40), cosignature('supplier', 9)]);
      expect(await store.lastCosignature('supplier')).toEqual(cosignature('supplier', 9));
      expect(await store.lastCosignature('exchange')).toEqual(cosignature('exchange', 2 ** 40));
      expect(await store.lastCosignature('provider')).toBeUndefined();

      const refused = { id: 'r1', witness: 'supplier', detail: 'our log has no checkpoint of 9 records', at: '2026-12-02T02:02:00.000Z', jws: 'forged' };
      expect(await store.recordRefusedCosignature(refused)).toBe(true);
      expect(await store.recordRefusedCosignature({ ...refused, at: '2026-12-02T02:03:00.000Z' })).toBe(false);
      expect(await store.listRefusedCosignatures()).toEqual([refused]);
    });

    it('takes the time of leases and requeues from the clock it is given', async () => {
      // Long past: by the system clock, every lease taken here would have run out already.
      let t = Date.parse('2020-06-01T00:00:00.000Z');
      clock = () => t;
      const call = newCall();
      const message = outbox('supplier', call.id);
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [message] });
      const [claimed] = await store.claimHeads('supplier', 'worker-1', 10, 60_000);
      expect(claimed?.id).toBe(message.id);
      t += 59_000;
      expect(await store.claimHeads('supplier', 'worker-2', 10, 60_000)).toEqual([]);
      t += 2_000;
      expect((await store.claimHeads('supplier', 'worker-2', 10, 60_000)).map((m) => m.id)).toEqual([message.id]);

      const hook = { id: uuidv7(), url: 'http://127.0.0.1:1/h', format: 'usm-link' as const, secrets: [{ id: uuidv7(), secret: 's'.repeat(16), createdAt: new Date(0).toISOString(), expiresAt: null }], events: [], createdAt: new Date(t).toISOString(), deliveredThrough: 0, failures: 0, lastError: null, nextAttemptAt: null };
      await store.createWebhook(hook);
      expect(await store.claimWebhook(hook.id, 'w1', 60_000)).toBe(true);
      t += 59_000;
      expect(await store.claimWebhook(hook.id, 'w2', 60_000)).toBe(false);
      t += 2_000;
      expect(await store.claimWebhook(hook.id, 'w2', 60_000)).toBe(true);

      await store.markDead(claimed!.seq, 'gave up');
      t += 1_000;
      expect((await store.requeue(message.id))?.createdAt).toBe(new Date(t).toISOString());
    });

    it('leases a webhook subscription to one worker', async () => {
      await store.createWebhook({ id: uuidv7(), url: 'http://127.0.0.1:1/h', format: 'usm-link' as const, secrets: [{ id: uuidv7(), secret: 's'.repeat(16), createdAt: new Date(0).toISOString(), expiresAt: null }], events: [], createdAt: new Date().toISOString(), deliveredThrough: 0, failures: 0, lastError: null, nextAttemptAt: null });
      const [hook] = await store.listWebhooks();
      expect(await store.claimWebhook(hook!.id, 'w1', 60_000)).toBe(true);
      expect(await store.claimWebhook(hook!.id, 'w2', 60_000)).toBe(false);
      await store.releaseWebhook(hook!.id, 'w1');
      expect(await store.claimWebhook(hook!.id, 'w2', 60_000)).toBe(true);
    });

    it('keeps each call\'s ticket at the desk tool and finds the open calls without one', async () => {
      const open = newCall();
      const resolved = { ...newCall(), lifecycle: { ...newCall().lifecycle, status: 'resolved' as const } };
      for (const call of [open, resolved]) await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] });
      expect(await store.callsWithoutDeskTicket(10)).toEqual([open.id]);
      const at = new Date().toISOString();
      const ticket = { callId: open.id, remoteId: 'T-1', status: 'acknowledged' as const, notesTaken: [], notesSent: [], open: true, createdAt: at, updatedAt: at };
      expect(await store.createDeskTicket(ticket)).toBe(true);
      expect(await store.createDeskTicket({ ...ticket, remoteId: 'T-2' })).toBe(false);
      expect(await store.callsWithoutDeskTicket(10)).toEqual([]);
      expect(await store.openDeskTickets(10)).toEqual([ticket]);
      const done = { ...ticket, status: 'closed' as const, notesTaken: ['n-1'], open: false };
      await store.updateDeskTicket(done);
      expect(await store.getDeskTicket(open.id)).toEqual(done);
      expect(await store.openDeskTickets(10)).toEqual([]);
    });

    it('keeps a TMF621 hub subscription with its partner and query, and no secret', async () => {
      const hub = { id: uuidv7(), url: 'https://listener.example.com/events', format: 'tmf621' as const, secrets: [], events: [], createdAt: new Date().toISOString(), deliveredThrough: 3, failures: 0, lastError: null, nextAttemptAt: null, partner: 'hospital', query: 'eventType=TroubleTicketResolvedEvent' };
      await store.createWebhook(hub);
      expect(await store.getWebhook(hub.id)).toEqual(hub);
      const desks = { ...hub, id: uuidv7(), format: 'usm-link' as const, secrets: [{ id: uuidv7(), secret: 's'.repeat(16), createdAt: hub.createdAt, expiresAt: null }] };
      const { partner: _p, query: _q, ...withoutOwner } = desks;
      await store.createWebhook(withoutOwner);
      expect(await store.getWebhook(desks.id)).toEqual(withoutOwner);
    });

    it('keeps webhook events given up as dead letters, with the delivery state, until removed', async () => {
      const call = newCall();
      const at = call.createdAt;
      const events = [0, 1].map(() => ({ id: uuidv7(), type: 'call.created' as const, callId: call.id, at, payload: { n: 1 } }));
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events, eventCall: { id: call.id } });
      await store.sequenced();
      const stored = await store.eventsAfter(0, 10);
      expect(await store.eventAt(stored[1]!.seq)).toEqual(stored[1]);
      expect(await store.eventAt(stored[1]!.seq + 100)).toBeUndefined();
      const hooks = [uuidv7(), uuidv7()];
      for (const id of hooks) await store.createWebhook({ id, url: 'http://127.0.0.1:1/h', format: 'usm-link' as const, secrets: [{ id: uuidv7(), secret: 's'.repeat(16), createdAt: new Date(0).toISOString(), expiresAt: null }], events: [], createdAt: at, deliveredThrough: 0, failures: 2, lastError: 'HTTP 500', nextAttemptAt: at });
      const deadLetter = (webhookId: string, event: (typeof stored)[number]) => ({
        id: uuidv7(), webhookId, eventSeq: event.seq, eventId: event.id, eventType: event.type, callId: event.callId, attempts: 3, lastError: 'HTTP 500', createdAt: at, updatedAt: at,
      });
      const first = deadLetter(hooks[0]!, stored[0]!);
      const given = { deliveredThrough: stored[0]!.seq, failures: 0, lastError: 'given up', nextAttemptAt: null };
      await store.giveUpWebhookEvent(hooks[0]!, given, first);
      await store.giveUpWebhookEvent(hooks[1]!, given, deadLetter(hooks[1]!, stored[0]!));
      const second = deadLetter(hooks[0]!, stored[1]!);
      await store.giveUpWebhookEvent(hooks[0]!, { ...given, deliveredThrough: stored[1]!.seq }, second);
      expect(await store.getWebhook(hooks[0]!)).toMatchObject({ deliveredThrough: stored[1]!.seq, failures: 0, lastError: 'given up', nextAttemptAt: null });
      expect(await store.listWebhookDeadLetters({ webhookId: hooks[0]!, limit: 10 })).toEqual([first, second]);
      expect((await store.listWebhookDeadLetters({ limit: 2 })).map((d) => d.webhookId)).toEqual([hooks[0], hooks[1]]);
      // Given up again (as by another replica): the one dead letter is brought up to date.
      await store.giveUpWebhookEvent(hooks[0]!, given, { ...first, id: uuidv7(), attempts: 5, lastError: 'HTTP 502' });
      expect(await store.getWebhookDeadLetter(first.id)).toEqual({ ...first, attempts: 5, lastError: 'HTTP 502' });
      await store.updateWebhookDeadLetter(first.id, { attempts: 6, lastError: 'HTTP 503', updatedAt: 'later' });
      expect(await store.getWebhookDeadLetter(first.id)).toMatchObject({ attempts: 6, lastError: 'HTTP 503', updatedAt: 'later' });
      expect(await store.deleteWebhookDeadLetter(first.id)).toBe(true);
      expect(await store.deleteWebhookDeadLetter(first.id)).toBe(false);
      expect(await store.getWebhookDeadLetter(first.id)).toBeUndefined();
      // A subscription removed takes its dead letters with it.
      await store.deleteWebhook(hooks[0]!);
      expect((await store.listWebhookDeadLetters({ limit: 10 })).map((d) => d.webhookId)).toEqual([hooks[1]]);
    });

    it('keeps agreement versions and finds calls whose service-level clock is due', async () => {
      const version = { id: 'ag', version: 1, provider: 'p', customer: 'c', status: 'proposed' as const, document: '{}', offeredBy: 'c', signatures: { customer: 's', provider: null }, createdAt: 'x', updatedAt: 'x' };
      await store.commitAgreement({ versions: [version], outbox: [] });
      // Only active versions count for a customer's calls; a proposal does not.
      expect(await store.activeAgreementVersions('c')).toEqual([]);
      // Another customer's agreement (active) and another version of this one not yet agreed.
      const others = { ...version, id: 'other-ag', customer: 'd', status: 'active' as const };
      await store.commitAgreement({ versions: [{ ...version, status: 'active' }, others, { ...version, version: 2 }], outbox: [outbox('p', null)] });
      expect((await store.agreementVersions('ag')).map((v) => v.status)).toEqual(['active', 'proposed']);
      expect(await store.activeAgreementVersions('c')).toEqual([{ ...version, status: 'active' }]);
      expect((await store.activeAgreementVersions('d')).map((v) => v.id)).toEqual(['other-ag']);
      expect(await store.activeAgreementVersions('p')).toEqual([]);
      // A termination and its acknowledgement are kept with the active version.
      const termination = { by: 'c', effectiveAt: '2026-02-01T00:00:00.000Z', notice: '{}', signature: 't', at: 'y', acknowledgement: { by: 'p', signature: 'a', at: 'z' } };
      await store.commitAgreement({ versions: [{ ...version, status: 'active', termination }], outbox: [] });
      expect((await store.agreementVersions('ag'))[0]?.termination).toEqual(termination);
      // Terminated from a date: still the active version (the registry reads the date), kept with its termination.
      expect((await store.activeAgreementVersions('c'))[0]?.termination).toEqual(termination);
      // Outages of a service under an agreement, in the order they were recorded.
      const outages = [
        { id: 'o1', agreement: 'ag', service: 'hosting', source: 'incident' as const, callId: 'c1', createdAt: '2026-01-01T00:00:00.000Z' },
        { id: 'o2', agreement: 'ag', service: 'hosting', source: 'declared' as const, startAt: '2026-01-01T00:00:00.000Z', reason: 'r', createdAt: '2026-01-02T00:00:00.000Z' },
        { id: 'o3', agreement: 'other', service: 'hosting', source: 'declared' as const, startAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' },
      ];
      for (const o of outages) await store.addOutage(o);
      expect(await store.outagesOf('ag')).toEqual(outages.slice(0, 2));
      const call = { ...newCall(), slaNextDue: '2026-01-01T00:00:00.000Z' };
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] });
      expect(await store.callsDueForSla('2025-12-31T00:00:00.000Z', 10)).toEqual([]);
      expect(await store.callsDueForSla('2026-01-02T00:00:00.000Z', 10)).toEqual([call.id]);
    });

    it('commits agreement versions with a call, or neither when the call is stale', async () => {
      const call = newCall();
      const version = { id: 'wish-ag', version: 1, provider: 'p', customer: 'c', status: 'proposed' as const, document: '{}', offeredBy: 'c', signatures: { customer: 's', provider: null }, forCall: call.id, createdAt: 'x', updatedAt: 'x' };
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], agreements: [version] });
      expect(await store.agreementVersions('wish-ag')).toEqual([version]);
      // Found by the wish it was negotiated for; an agreement of no wish is not.
      await store.commitAgreement({ versions: [{ ...version, id: 'plain-ag', forCall: undefined }], outbox: [] });
      expect(await store.wishAgreementVersions(call.id)).toEqual([version]);
      expect(await store.wishAgreementVersions('another-call')).toEqual([]);
      const active = { ...version, status: 'active' as const, signatures: { customer: 's', provider: 'p' } };
      await expect(store.commitCall({ call: { ...call, version: 2 }, expectedVersion: 7, history: [], notes: [], events: [], agreements: [active] })).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.agreementVersions('wish-ag')).map((v) => v.status)).toEqual(['proposed']);
      await store.commitCall({ call: { ...call, version: 2 }, expectedVersion: 1, history: [], notes: [], events: [], agreements: [active] });
      expect(await store.agreementVersions('wish-ag')).toEqual([active]);
    });

    it('finds ended calls due for purge per agreement and purges one in a transaction, the log untouched', async () => {
      const base = newCall('hospital', '2026-01-01T00:00:00.000Z');
      const requester = { name: 'Erika Mustermann', email: 'Erika@Example.org' };
      const ended = { ...base, requester, lifecycle: { ...base.lifecycle, status: 'cancelled' as const } };
      const at = ended.createdAt;
      await store.commitCall({
        call: ended,
        expectedVersion: null,
        history: [{ callId: ended.id, at, actor: { kind: 'desk', id: 'd' }, change: { kind: 'status', from: null, to: 'cancelled' }, comment: 'asked Erika Mustermann' }],
        notes: [{ id: uuidv7(), callId: ended.id, visibility: 'internal', kind: 'comment', text: 'mailed erika@example.org', author: { kind: 'desk', id: 'd' }, createdAt: at }],
        events: [{ id: uuidv7(), type: 'call.created', callId: ended.id, at, payload: { requester } }],
        eventCall: { id: ended.id, requester },
        inbound: inbound(ended.id),
      });
      const open = newCall('hospital', '2026-01-01T00:00:00.000Z');
      await store.commitCall({ call: open, expectedVersion: null, history: [], notes: [], events: [] });
      const before = '2026-02-01T00:00:00.000Z';
      expect(await store.callsDueForPurge('bodies', { byAgreement: new Map(), otherwise: before }, 10)).toEqual([ended.id]);
      expect(await store.callsDueForPurge('bodies', { byAgreement: new Map([['a1', '2025-12-01T00:00:00.000Z']]), otherwise: before }, 10)).toEqual([]);
      expect(await store.callsDueForPurge('bodies', { byAgreement: new Map([['a1', null]]), otherwise: before }, 10)).toEqual([]);
      expect(await store.callsDueForPurge('notes', { byAgreement: new Map([['a1', before]]), otherwise: null }, 10)).toEqual([ended.id]);
      expect(await store.callsDueForPurge('notes', { byAgreement: new Map(), otherwise: null }, 10)).toEqual([]);
      expect(await store.callsOfRequester({ email: 'erika@example.ORG'.toLowerCase() }, 10)).toEqual([ended.id]);

      const purgedAt = '2026-02-02T00:00:00.000Z';
      expect(await store.purgeCall(ended.id, { categories: new Set(['requester']), at: purgedAt, erasureId: 'e-1' })).toEqual({ callId: ended.id, messages: 1, notes: 1 });
      const call = await store.getCall(ended.id);
      expect(call).toMatchObject({ requester: { name: '[removed]' }, version: 2, updatedAt: at, retention: { bodiesPurgedAt: purgedAt, requesterPurgedAt: purgedAt, erasureId: 'e-1' } });
      expect((await store.listNotes(ended.id, 'all')).map((n) => n.text)).toEqual(['mailed [removed]']);
      expect((await store.listHistory(ended.id)).map((h) => h.comment)).toEqual(['asked [removed]']);
      const [message] = await store.inboundForCall(ended.id);
      expect(message).toMatchObject({ body: '', purgedAt, response: { status: 201, body: { receipt: { jws: 'receipt-jws' } } } });
      await store.sequenced();
      const event = (await store.eventsAfter(0, 10)).find((e) => e.callId === ended.id)!;
      expect(JSON.stringify(event.payload)).not.toMatch(/erika/i);
      expect(await store.callsOfRequester({ email: 'erika@example.org' }, 10)).toEqual([]);
      expect(await store.callsDueForPurge('requester', { byAgreement: new Map(), otherwise: before }, 10)).toEqual([]);

      // Notes purged next: their text goes, marked; nothing else is counted twice.
      expect(await store.purgeCall(ended.id, { categories: new Set(['notes']), at: purgedAt })).toEqual({ callId: ended.id, messages: 0, notes: 1 });
      expect(await store.listNotes(ended.id, 'all')).toEqual([expect.objectContaining({ text: '', purged: true, purgedAt })]);
      expect((await store.listHistory(ended.id)).map((h) => h.comment)).toEqual([undefined]);
      expect(await store.purgeCall(uuidv7(), { categories: new Set(['bodies']), at: purgedAt })).toBeUndefined();

      const log: LogRecord[] = [];
      for await (const record of store.readLog()) log.push(record);
      expect(log).toHaveLength(1);
      expect(verifyLog(log)).toMatchObject({ ok: true, records: 1 });
      expect(await store.getCall(open.id)).toMatchObject({ version: 1 });
    });
  });
}
