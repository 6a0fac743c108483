import { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatePrivateJwk, signingKeyOf } from '../../src/keys/jwk.js';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import type { CheckpointSigner } from '../../src/messages/log-proofs.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { VersionConflictError } from '../../src/ports/call-store.js';
import { DuplicateMessageError, type InboundMessage } from '../../src/ports/inbound-message.js';
import type { NewOutboxMessage } from '../../src/ports/outbox-store.js';
import type { Store } from '../../src/ports/store.js';
import { openStore } from '../../src/storage/open-store.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { positional, textIn } from '../../src/storage/sql.js';
import { STATEMENTS as S } from '../../src/storage/statements.js';
import { newCall } from '../support/records.js';

const key = signingKeyOf(await generatePrivateJwk());
const signer: CheckpointSigner = (head) => {
  const signed = { origin: 'provider', ...head, at: new Date().toISOString() };
  return { ...signed, jws: signCheckpoint(signed, key) };
};

/**
 * Counts the times a connection waits for the server: a query sent while none of that connection's
 * queries is outstanding starts a round trip; queries sent behind it (pipelined) share it.
 * Notifications are counted apart: they go on the listening connection, after the commit, which
 * does not wait for them.
 */
const inFlight = new WeakMap<object, number>();
let roundTrips = 0;
let notifications = 0;
const original = pg.Client.prototype.query;
function counting(this: pg.Client, ...args: unknown[]): unknown {
  if (typeof args[0] === 'string' && args[0].includes('pg_notify')) {
    notifications++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  }
  const outstanding = inFlight.get(this) ?? 0;
  if (outstanding === 0) roundTrips++;
  inFlight.set(this, outstanding + 1);
  const done = (): void => void inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
  const last = args.at(-1);
  if (typeof last === 'function') {
    args[args.length - 1] = (...answer: unknown[]) => {
      done();
      (last as (...a: unknown[]) => void)(...answer);
    };
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  }
  const result = (original as (...a: unknown[]) => unknown).apply(this, args) as Promise<unknown>;
  result.then(done, done);
  return result;
}

async function counted(work: () => Promise<unknown>): Promise<number> {
  const before = roundTrips;
  await work();
  return roundTrips - before;
}

async function notified(work: () => Promise<unknown>): Promise<number> {
  const before = notifications;
  await work();
  return notifications - before;
}

function inbound(callId: string, id = uuidv7()): InboundMessage {
  return {
    id, from: 'hospital', type: 'call.submit', digest: 'sha-256=abc', signature: 'h..s', body: '{}',
    receivedAt: new Date().toISOString(), callId, response: { status: 201, body: { receipt: { jws: 'receipt-jws' } } },
  };
}

function outbox(callId: string): NewOutboxMessage {
  return { id: uuidv7(), partner: 'supplier', type: 'call.submit', path: '/v1/calls', linkId: null, callId, body: '{}', trace: null, createdAt: new Date().toISOString() };
}

/** A customer's new call as the link commits it: the message, the call, its history, an event, the message to the supplier. */
function submission(): Parameters<Store['commitCall']>[0] {
  const call = newCall();
  const at = call.createdAt;
  return {
    call,
    expectedVersion: null,
    history: [{ callId: call.id, at, actor: { kind: 'customer', id: 'hospital' }, change: { kind: 'status', from: null, to: 'acknowledged' } }],
    notes: [],
    events: [{ id: uuidv7(), type: 'call.created', callId: call.id, at, payload: { x: 1 } }],
    inbound: inbound(call.id),
    outbox: [outbox(call.id)],
  };
}

describe('the cost of the PostgreSQL store on the hot path', () => {
  const schema = postgresSchema();
  let store: Store;
  let replica: Store;
  /**
   * The log and events integrated by a sequencer of its own, opened for it and closed: the two
   * replicas run none, so that no batch of theirs is counted with a commit.
   */
  const sequence = async (): Promise<void> => {
    const sequencer = await openStore(schema.url, { checkpoint: signer });
    try {
      await sequencer.sequenced();
    } finally {
      await sequencer.close();
    }
  };
  beforeAll(async () => {
    pg.Client.prototype.query = counting as typeof pg.Client.prototype.query;
    store = await openStore(schema.url, { checkpoint: signer, sequencer: false });
    replica = await openStore(schema.url, { checkpoint: signer, sequencer: false });
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await store?.close();
    await replica?.close();
    await schema.drop();
  });

  it('commits a new call with its message, log entry, event and outbox message in one round trip (no head read, no lock)', async () => {
    const change = submission();
    const size = await store.logSize();
    expect(await counted(() => store.commitCall(change))).toBe(1);
    expect((await store.findInbound('hospital', change.inbound!.id))?.callId).toBe(change.call.id);
    // Neither a record nor an event before the sequencer integrates them; then both, under a checkpoint.
    expect(await store.logSize()).toBe(size);
    expect(await store.logIndexOf('in', 'hospital', change.inbound!.id)).toBeUndefined();
    expect((await store.eventsAfter(0, 1000)).filter((e) => e.callId === change.call.id)).toEqual([]);
    await sequence();
    expect(await store.logSize()).toBe(size + 1);
    expect(await store.logIndexOf('in', 'hospital', change.inbound!.id)).toBe(size);
    expect((await store.eventsAfter(0, 1000)).filter((e) => e.callId === change.call.id)).toHaveLength(1);
    expect((await store.logCheckpoint())?.treeSize).toBe(size + 1);
    // A replica that does not sequence tells the one that does, apart from its commit.
    expect(await notified(() => store.commitCall(submission()))).toBe(1);
  });

  it("sends a commit's statements to the server in one write of its socket, not one write each", async () => {
    // Socket writes, as the stream hands them to the socket (_write for one chunk, _writev for several corked together).
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
    const originals = { _write: proto._write, _writev: proto._writev };
    let writes = 0;
    for (const name of ['_write', '_writev'] as const) {
      proto[name] = function (this: Socket, ...args: unknown[]) {
        writes++;
        return originals[name].apply(this, args);
      };
    }
    try {
      const before = writes;
      // BEGIN, the message, the call, its history, supplier link, outbox, log entry, snapshot, event, COMMIT: one round trip.
      expect(await counted(() => store.commitCall(submission()))).toBe(1);
      // And the replica's notification to the sequencer, after the commit, on its listening connection:
      // sent once the one before it (the last test's) is answered, so it is waited for. A commit
      // written in pieces would already have passed 2.
      await vi.waitFor(() => expect(writes - before).toBe(2), { timeout: 5000, interval: 5 });
    } finally {
      Object.assign(proto, originals);
    }
  });

  it('records a delivery with its log entry in two round trips', async () => {
    const change = submission();
    await store.commitCall(change);
    const [claimed] = await store.claimHeads('supplier', 'r1', 10, 30_000);
    const receipt = { messageId: claimed!.id, digest: 'sha-256=d', receivedAt: new Date().toISOString(), gateway: 'supplier', jws: 'r' };
    expect(await counted(() => store.markDelivered(claimed!.seq, { receipt, deliveredAt: receipt.receivedAt, signature: 's', digest: 'sha-256=d' }))).toBe(2);
    await sequence();
    expect((await store.logIndexOf('out', 'supplier', claimed!.id)) !== undefined).toBe(true);
  });

  it('refuses a stale version before it commits, and writes nothing of the change', async () => {
    const change = submission();
    await store.commitCall(change);
    await sequence();
    const size = await store.logSize();
    const stale = { ...change, call: { ...change.call, version: 2 }, expectedVersion: 5, inbound: inbound(change.call.id), outbox: [] };
    await expect(store.commitCall(stale)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.findInbound('hospital', stale.inbound.id)).toBeUndefined();
    await sequence();
    expect(await store.logSize()).toBe(size);
    const events = await store.eventsAfter(0, 1000);
    expect(events.filter((e) => e.callId === change.call.id)).toHaveLength(1);
  });

  it('answers a message id seen before as a duplicate, though the statements after it were sent with it', async () => {
    const change = submission();
    await store.commitCall(change);
    const again = { ...submission(), inbound: change.inbound };
    await expect(store.commitCall(again)).rejects.toBeInstanceOf(DuplicateMessageError);
    expect(await store.getCall(again.call.id)).toBeUndefined();
  });

  it('keeps one log and one event order across two replicas committing at once', async () => {
    await sequence();
    const before = await store.logSize();
    const eventsBefore = await store.lastEventSeq();
    const changes = Array.from({ length: 30 }, () => submission());
    await Promise.all(changes.map((change, i) => (i % 2 === 0 ? store : replica).commitCall(change)));
    await sequence();
    expect(await store.logSize()).toBe(before + 30);
    const records: LogRecord[] = [];
    for await (const record of store.readLog()) records.push(record);
    const verdict = verifyLog(records);
    expect(verdict.ok).toBe(true);
    const checkpoint = (await store.logCheckpoint())!;
    expect(checkpoint.treeSize).toBe(records.length);
    if (verdict.ok) expect(checkpoint.rootHash).toBe(verdict.rootHash);
    // Each message once in the log; the events numbered on from the last number, without a gap.
    expect(new Set(records.map((r) => r.messageId)).size).toBe(records.length);
    const events = await store.eventsAfter(eventsBefore, 10_000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => eventsBefore + i + 1));
    expect(new Set(events.map((e) => e.callId))).toEqual(new Set(changes.map((c) => c.call.id)));
  });

  it('plans the claim of the outbox heads as indexed probes, with a backlog of 20000 pending messages', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema.schema}` });
    await client.connect();
    try {
      await client.query(`INSERT INTO outbox (id, partner, type, path, link_id, call_id, body, trace, status, attempts, created_at)
        SELECT 'backlog-' || g, 'backlogged', 'call.update', '/v1/messages', NULL, CASE WHEN g % 10 = 0 THEN NULL ELSE 'call-' || (g % 2000) END,
          '{}', NULL, 'pending', 0, '2026-01-01T00:00:00Z' FROM generate_series(1, 20000) g`);
      await client.query('ANALYZE outbox');
      const query = positional(textIn(S.claimHeads, 'postgres')!);
      const params: Record<string, unknown> = { owner: 'r1', until: '2027-01-01T00:00:00Z', now: '2026-06-01T00:00:00Z', partner: 'backlogged', limit: 32 };
      const [{ 'QUERY PLAN': [plan] }] = (await client.query(`EXPLAIN (FORMAT JSON) ${query.text}`, query.names.map((n) => params[n]))).rows;
      // Costed as a scan per pending message, the plan crossed PostgreSQL's JIT threshold (100000) a hundredfold.
      expect(plan.Plan['Total Cost']).toBeLessThan(5000);
      // Marking one delivered tells whether another of its call waits behind it: a probe of the same
      // index (a subplan, whose cost the update's own total leaves out), not a scan of the outbox.
      const marking = positional(textIn(S.markDelivered, 'postgres')!);
      const marked: Record<string, unknown> = { seq: 1, delivered_at: '2026-06-01T00:00:00Z', receipt: '{}' };
      const [{ 'QUERY PLAN': [markPlan] }] = (await client.query(`EXPLAIN (FORMAT JSON) ${marking.text}`, marking.names.map((n) => marked[n]))).rows;
      type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Parent Relationship'?: string; 'Total Cost': number; Plans?: PlanNode[] };
      const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
      const [ofCall] = nodes(markPlan.Plan as PlanNode).filter((n) => n['Parent Relationship'] === 'SubPlan');
      expect(ofCall).toMatchObject({ 'Node Type': 'Index Only Scan', 'Index Name': 'outbox_waiting_by_call' });
      expect(ofCall!['Total Cost']).toBeLessThan(100);
    } finally {
      await client.end();
    }
    const claimed = await store.claimHeads('backlogged', 'r1', 32, 30_000);
    expect(claimed).toHaveLength(32);
    expect(new Set(claimed.map((m) => m.callId)).size).toBe(32);
    // The oldest message of each call, and of the call-less ones only the first (backlog-10).
    const heads = Array.from({ length: 40 }, (_, i) => i + 1).filter((g) => g % 10 !== 0 || g === 10);
    expect(claimed.map((m) => m.id)).toEqual(heads.slice(0, 32).map((g) => `backlog-${g}`));
  });

});
