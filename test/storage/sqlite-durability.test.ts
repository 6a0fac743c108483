import { mkdtemp, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { StoreUnavailableError, type Store } from '../../src/ports/store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { newCall } from '../support/records.js';

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
