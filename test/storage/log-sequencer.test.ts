import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64url } from '../../src/kernel/base64url.js';
import { generatePrivateJwk, signingKeyOf } from '../../src/keys/jwk.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { consistencyProof, type CheckpointSigner } from '../../src/messages/log-proofs.js';
import { verifyConsistency } from '../../src/messages/merkle-tree.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import type { CallEvent } from '../../src/ports/call.js';
import type { InboundMessage } from '../../src/ports/inbound-message.js';
import type { Store } from '../../src/ports/store.js';
import { openLogStoreReader } from '../../src/storage/log-store-reader.js';
import { openStore } from '../../src/storage/open-store.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';

const key = signingKeyOf(await generatePrivateJwk());
const signer: CheckpointSigner = (head) => {
  const signed = { origin: 'provider', ...head, at: new Date().toISOString() };
  return { ...signed, jws: signCheckpoint(signed, key) };
};

function inbound(callId: string): InboundMessage {
  return {
    id: uuidv7(), from: 'hospital', type: 'call.submit', digest: 'sha-256=abc', signature: 'h..s', body: '{}',
    receivedAt: new Date().toISOString(), callId, response: { status: 201, body: { receipt: { jws: 'receipt-jws' } } },
  };
}

function event(callId: string, step: number): CallEvent {
  return { id: uuidv7(), type: 'call.step_changed', callId, at: new Date().toISOString(), payload: { step } };
}

/** A call created with a message and one event, then changed twice more, each change with its message and two events. */
async function callWithChanges(store: Store): Promise<{ callId: string; messages: string[] }> {
  const call = newCall();
  const messages: string[] = [];
  let version = 1;
  const first = inbound(call.id);
  messages.push(first.id);
  await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [event(call.id, 0)], inbound: first });
  for (let change = 1; change <= 2; change++) {
    const message = inbound(call.id);
    messages.push(message.id);
    await store.commitCall({
      call: { ...call, version: version + 1 },
      expectedVersion: version,
      history: [],
      notes: [],
      events: [event(call.id, change * 10), event(call.id, change * 10 + 1)],
      inbound: message,
    });
    version++;
  }
  return { callId: call.id, messages };
}

async function wholeLog(store: Store): Promise<LogRecord[]> {
  const log: LogRecord[] = [];
  for await (const record of store.readLog()) log.push(record);
  return log;
}

/** A connection of the test's own, on the schema. */
async function connect(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function schemaForTest(): ReturnType<typeof postgresSchema> {
  const schema = postgresSchema();
  cleanups.push(schema.drop);
  return schema;
}

async function open(url: string, options: Parameters<typeof openStore>[1] = {}): Promise<Store> {
  const store = await openStore(url, { checkpoint: signer, ...options });
  cleanups.push(() => store.close());
  return store;
}

describe('the log sequencer of PostgreSQL replicas', () => {
  it('integrates every entry of two replicas committing at once exactly once: contiguous leaves and event positions, each call in its order, checkpoints that verify', async () => {
    const schema = schemaForTest();
    const [one, two] = [await open(schema.url), await open(schema.url)];
    const calls = await Promise.all(Array.from({ length: 100 }, (_, i) => callWithChanges(i % 2 === 0 ? one : two)));
    await one.sequenced();
    await two.sequenced();

    const log = await wholeLog(two);
    expect(log).toHaveLength(300);
    expect(log.map((r) => r.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const sent = calls.flatMap((c) => c.messages);
    expect(new Set(log.map((r) => r.messageId))).toEqual(new Set(sent));
    // A call's messages in the log in the order of its changes.
    const leaf = new Map(log.map((r) => [r.messageId, r.index]));
    for (const call of calls) expect(call.messages.map((m) => leaf.get(m)!)).toEqual(call.messages.map((m) => leaf.get(m)!).sort((a, b) => a - b));

    const events = await one.eventsAfter(0, 10_000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    for (const call of calls) expect(events.filter((e) => e.callId === call.callId).map((e) => e.payload.step)).toEqual([0, 10, 11, 20, 21]);
    expect(await one.lastEventSeq()).toBe(500);
    expect((await one.eventAt(500))?.seq).toBe(500);

    // One checkpoint per batch, all of one tree; every one of them a prefix of the last.
    const reader = await openLogStoreReader(schema.url);
    const checkpoints = await reader.checkpoints().finally(() => reader.close());
    expect(checkpoints.at(-1)!.treeSize).toBe(300);
    expect(checkpoints.length).toBeLessThan(300);
    expect(verifyLog(log, { checkpoints })).toMatchObject({ ok: true, records: 300, checkpoints: checkpoints.length });
    const last = checkpoints.at(-1)!;
    for (const from of checkpoints) {
      const proof = (await consistencyProof(one, from.treeSize, last.treeSize)).map((h) => fromBase64url(h)!);
      expect(verifyConsistency(from.treeSize, last.treeSize, proof, fromBase64url(from.rootHash)!, fromBase64url(last.rootHash)!)).toBe(true);
    }
    const client = await connect(schema.schema);
    try {
      expect((await client.query('SELECT COUNT(*)::int AS n FROM log_pending')).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('takes over from a sequencer that died mid-batch once its lease lapsed: its batch rolled back, nothing lost or doubled', async () => {
    const schema = schemaForTest();
    // Commits from a replica that never sequences.
    const writer = await open(schema.url, { sequencer: false });
    const before = await Promise.all(Array.from({ length: 20 }, () => callWithChanges(writer)));
    // A sequencer holding the lease takes the pending entries in its batch and dies before it commits.
    const dying = await connect(schema.schema);
    const killer = await connect(schema.schema);
    cleanups.push(() => killer.end());
    await dying.query("UPDATE log_sequencer SET lease_owner = 'gone', lease_until = $1", [new Date(Date.now() + 1500).toISOString()]);
    await dying.query('BEGIN');
    await dying.query('SELECT * FROM log_head WHERE id = 1 FOR UPDATE');
    const taken = await dying.query('DELETE FROM log_pending RETURNING seq');
    expect(taken.rowCount).toBe(60);
    dying.on('error', () => undefined);

    const successor = await open(schema.url, { sequencer: { leaseMs: 1000, periodMs: 20 } });
    const during = await Promise.all(Array.from({ length: 10 }, () => callWithChanges(writer)));
    // Still the old holder's lease: nothing integrated.
    expect(await successor.logSize()).toBe(0);
    await killer.query('SELECT pg_terminate_backend($1)', [(dying as unknown as { processID: number }).processID]);
    await successor.sequenced();

    const log = await wholeLog(successor);
    const sent = [...before, ...during].flatMap((c) => c.messages);
    expect(log.map((r) => r.index)).toEqual(Array.from({ length: sent.length }, (_, i) => i));
    expect(log.map((r) => r.messageId).sort()).toEqual([...sent].sort());
    expect((await successor.eventsAfter(0, 10_000)).map((e) => e.seq)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const reader = await openLogStoreReader(schema.url);
    const checkpoints = await reader.checkpoints().finally(() => reader.close());
    expect(verifyLog(log, { checkpoints })).toMatchObject({ ok: true, records: sent.length });
  });

  it('hands the lease on when its holder closes, while the other replica goes on committing', async () => {
    const schema = schemaForTest();
    const first = await openStore(schema.url, { checkpoint: signer, sequencer: { leaseMs: 60_000, periodMs: 20 } });
    let firstOpen = true;
    cleanups.push(async () => {
      if (firstOpen) await first.close();
    });
    // The first store holds the lease (it opened first); the second would wait a minute for a lapse, not for a release.
    const second = await open(schema.url, { sequencer: { leaseMs: 60_000, periodMs: 20 } });
    const committing = Promise.all(Array.from({ length: 40 }, () => callWithChanges(second)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.close();
    firstOpen = false;
    const calls = await committing;
    await second.sequenced(40_000);
    const log = await wholeLog(second);
    expect(log.map((r) => r.index)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(new Set(log.map((r) => r.messageId))).toEqual(new Set(calls.flatMap((c) => c.messages)));
    expect((await second.eventsAfter(0, 10_000)).map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("tells a replica that does not sequence when its message is in the log: its answer waits for the other replica's batch, not for its bound", async () => {
    const schema = schemaForTest();
    // The sequencing replica does not look by itself within the test: only the other's notification wakes it.
    const sequencing = await open(schema.url, { sequencer: { fallbackMs: 60_000 } });
    const other = await open(schema.url, { sequencer: false });
    for (const store of [sequencing, other]) {
      const call = newCall();
      const message = inbound(call.id);
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], inbound: message });
      const began = performance.now();
      const index = await store.settledLogIndexOf('in', 'hospital', message.id, 10_000);
      // Without the batch's notification (or its own batch) it would be found only by the last look, after the 10 s.
      expect(performance.now() - began).toBeLessThan(3000);
      expect(index).toBe(await sequencing.logIndexOf('in', 'hospital', message.id));
      expect(index).toEqual(expect.any(Number));
    }
    // A message never logged: undefined once the bound has passed.
    expect(await other.settledLogIndexOf('in', 'hospital', uuidv7(), 100)).toBeUndefined();
  });

  it('clears what its batches took from the queues (VACUUM beside the batches), so that the next batch does not pass over it', async () => {
    const schema = schemaForTest();
    const store = await open(schema.url);
    await Promise.all(Array.from({ length: 20 }, () => callWithChanges(store)));
    await store.sequenced();
    const client = await connect(schema.schema);
    cleanups.push(() => client.end());
    const vacuums = async () =>
      (
        await client.query<{ relname: string; vacuum_count: string }>(
          "SELECT relname, vacuum_count FROM pg_stat_user_tables WHERE schemaname = $1 AND relname IN ('log_pending', 'event_pending') ORDER BY relname",
          [schema.schema],
        )
      ).rows.map((r) => [r.relname, Number(r.vacuum_count) > 0]);
    // The statistics reach pg_stat_user_tables within a second or so of the VACUUM.
    const until = Date.now() + 10_000;
    while (Date.now() < until && JSON.stringify(await vacuums()) !== JSON.stringify([['event_pending', true], ['log_pending', true]])) await new Promise((r) => setTimeout(r, 100));
    expect(await vacuums()).toEqual([
      ['event_pending', true],
      ['log_pending', true],
    ]);
  });

  it('shows an event committed after a later-written one behind a cursor that had passed the later one: positions are given at integration', async () => {
    const schema = schemaForTest();
    const store = await open(schema.url);
    const call = newCall();
    await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [event(call.id, 0)] });
    await store.sequenced();
    // A: written first (its seq is the lower), committed last.
    const slow = await connect(schema.schema);
    cleanups.push(() => slow.end());
    await slow.query('BEGIN');
    const events = [{ id: uuidv7(), type: 'call.step_changed', at: new Date().toISOString(), payload: { step: 'A' } }];
    await slow.query('INSERT INTO event_pending (call_id, event_count, events) VALUES ($1, 1, $2)', [call.id, JSON.stringify(events)]);
    // B: written and committed after A was written.
    const other = newCall();
    await store.commitCall({ call: other, expectedVersion: null, history: [], notes: [], events: [{ ...event(other.id, 0), payload: { step: 'B' } }] });
    await store.sequenced();
    const seen = await store.eventsAfter(0, 100);
    expect(seen.map((e) => e.payload.step)).toEqual([0, 'B']);
    const cursor = seen.at(-1)!.seq;
    await slow.query('COMMIT');
    await store.sequenced();
    // The reader resuming after B finds A: it was given the next position, not its earlier seq.
    expect((await store.eventsAfter(cursor, 100)).map((e) => e.payload.step)).toEqual(['A']);
    expect(await store.lastEventSeq()).toBe(cursor + 1);
  });
});
