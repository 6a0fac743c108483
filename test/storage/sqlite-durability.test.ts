import { mkdtemp, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { StoreUnavailableError, type Store } from '../../src/ports/store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { newCall } from '../support/records.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';

describe('the embedded store answers a write only once its log is fsynced', () => {
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await removeDir(dir);
  });

  it('commits many writes of one turn together and keeps them all across a reopen', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-durable-'));
    const file = join(dir, 'store.db');
    store = openSqliteStore(file);
    const calls = Array.from({ length: 50 }, () => newCall());
    await Promise.all(calls.map((call) => store!.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [] })));
    await store.close();
    store = openSqliteStore(file);
    expect((await store.listCalls({ limit: 100 })).map((c) => c.id).sort()).toEqual(calls.map((c) => c.id).sort());
  });

  it('refuses one write of a turn alone: the others commit, none of its rows or numbers stay', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-durable-'));
    store = openSqliteStore(join(dir, 'store.db'));
    const [before, failing, after] = [newCall(), newCall(), newCall()];
    const taken = uuidv7();
    const history = (id: string) => [{ callId: id, at: new Date().toISOString(), actor: { kind: 'desk' as const, id: 'd' }, change: { kind: 'status' as const, from: null, to: 'acknowledged' as const } }];
    const events = (id: string) => [{ id: uuidv7(), type: 'call.note_added' as const, callId: id, at: new Date().toISOString(), payload: {} }];
    const notes = (id: string, noteId = uuidv7()) => [{ id: noteId, callId: id, visibility: 'internal' as const, kind: 'comment' as const, text: 'n', author: { kind: 'desk' as const, id: 'd' }, createdAt: new Date().toISOString() }];
    // One turn, one transaction: the middle write fails at its notes (a note id taken), after its call and history went in.
    const outcomes = await Promise.allSettled([
      store.commitCall({ call: before, expectedVersion: null, history: history(before.id), notes: notes(before.id, taken), events: events(before.id) }),
      store.commitCall({ call: failing, expectedVersion: null, history: history(failing.id), notes: notes(failing.id, taken), events: events(failing.id) }),
      store.commitCall({ call: after, expectedVersion: null, history: history(after.id), notes: [], events: events(after.id) }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.listHistory(before.id)).length).toBe(1);
    expect((await store.listHistory(after.id)).length).toBe(1);
    expect(await store.getCall(failing.id)).toBeUndefined();
    expect(await store.listHistory(failing.id)).toEqual([]);
    // The numbers the refused write took are given back: the events that stay are numbered without a gap.
    expect((await store.eventsAfter(0, 10)).map((e) => [e.seq, e.callId])).toEqual([[1, before.id], [2, after.id]]);
  });

  it('answers a write that changed nothing without an fsync of its own, once what it read is durable', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-durable-'));
    const fsyncs: number[] = [];
    store = openSqliteStore(join(dir, 'store.db'), { observe: { fsync: (seconds) => fsyncs.push(seconds) } });
    // A claim with nothing queued changes no row: nothing of it needs to reach the disk.
    expect(await store.claimHeads('supplier', 'me', 8, 1000)).toEqual([]);
    expect(fsyncs).toHaveLength(0);
    // A write that changed rows is answered after the fsync that followed its commit.
    const call = newCall();
    const message = { id: uuidv7(), partner: 'supplier', type: 'call.update' as const, path: '/v1/messages', linkId: null, callId: call.id, body: '{}', trace: null, createdAt: new Date().toISOString() };
    const committing = store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [message] });
    // Its batch commits in the next turn; an empty claim of the turn after could have read its rows
    // before they are on disk, so it is answered only once that fsync is done, though it needs none.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.claimHeads('another', 'me', 8, 1000)).toEqual([]);
    expect(fsyncs).toHaveLength(1);
    await committing;
    expect((await store.claimHeads('supplier', 'me', 8, 1000)).map((m) => m.id)).toEqual([message.id]);
    expect(fsyncs).toHaveLength(2);
  });

  it('refuses the write as unavailable when the log cannot be fsynced', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-durable-'));
    const file = join(dir, 'store.db');
    store = openSqliteStore(file);
    // The store opens the WAL for its fsync at its first write; without the file it cannot.
    await unlink(`${file}-wal`);
    const write = store.commitCall({ call: newCall(), expectedVersion: null, history: [], notes: [], events: [] });
    await expect(write).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(write).rejects.toThrow(/could not fsync/);
  });
});
