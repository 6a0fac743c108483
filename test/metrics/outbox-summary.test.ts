import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import type { NewOutboxMessage } from '../../src/ports/outbox-store.js';
import type { Store, StoreObserver } from '../../src/ports/store.js';
import { openStore } from '../../src/storage/open-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';

/** What the store tells the metrics of its commits and fsyncs. */
function observer(samples: { kind: string; value: number }[]): StoreObserver {
  return { commit: (seconds, writes) => samples.push({ kind: 'commit', value: writes }, { kind: 'commitSeconds', value: seconds }), fsync: (seconds) => samples.push({ kind: 'fsync', value: seconds }) };
}

/** The queue summary the metrics read at scrape time, against both engines for real. */
const ENGINES = [
  {
    name: 'sqlite',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'usm-link-summary-'));
      const samples: { kind: string; value: number }[] = [];
      const store = await openStore(`sqlite:${join(dir, 'store.db')}`, { observe: observer(samples) });
      return { store, samples, cleanup: () => removeDir(dir) };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = postgresSchema();
      const samples: { kind: string; value: number }[] = [];
      // No sequencer: its lease and batches are commits of their own, which would be counted with these.
      return { store: await openStore(schema.url, { observe: observer(samples), sequencer: false }), samples, cleanup: schema.drop };
    },
  },
];

function message(partner: string, callId: string, createdAt: string): NewOutboxMessage {
  return { id: uuidv7(), partner, type: 'call.update', path: '/v1/messages', linkId: null, callId, body: '{}', trace: null, createdAt };
}

for (const engine of ENGINES) {
  describe(`the outbox summary on ${engine.name}`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('counts pending and dead messages per partner and names the oldest pending one', async () => {
      const opened = await engine.open();
      ({ store, cleanup } = opened);
      expect(await store.outboxSummary()).toEqual([]);
      const c = newCall();
      const messages = [
        message('supplier', c.id, '2026-01-01T10:00:00.000Z'),
        message('supplier', c.id, '2026-01-01T09:00:00.000Z'),
        message('supplier', c.id, '2026-01-01T11:00:00.000Z'),
        message('other-supplier', c.id, '2026-01-01T12:00:00.000Z'),
      ];
      await Promise.all([
        store.commitCall({ call: c, expectedVersion: null, history: [], notes: [], events: [], outbox: messages }),
        // Committed in the same turn: one group commit of two writes.
        store.commitCall({ call: newCall(), expectedVersion: null, history: [], notes: [], events: [] }),
      ]);
      const queued = await store.listOutbox({ status: 'pending', limit: 10 });
      await store.markDead(queued.find((m) => m.id === messages[1]!.id)!.seq, 'refused');
      await store.markDead(queued.find((m) => m.id === messages[3]!.id)!.seq, 'refused');
      expect(await store.outboxSummary()).toEqual([
        { partner: 'other-supplier', pending: 0, dead: 1, oldestPendingAt: null },
        { partner: 'supplier', pending: 2, dead: 1, oldestPendingAt: '2026-01-01T10:00:00.000Z' },
      ]);
      const commits = opened.samples.filter((s) => s.kind === 'commit').map((s) => s.value);
      if (engine.name === 'sqlite') {
        expect(commits).toEqual([2, 1, 1]);
      } else {
        // Each write its own transaction: two commits of calls and two dead letters, one write each.
        expect(commits).toEqual([1, 1, 1, 1]);
      }
      expect(opened.samples.filter((s) => s.kind === 'fsync').length).toBeGreaterThanOrEqual(engine.name === 'sqlite' ? 1 : 2);
      expect(opened.samples.every((s) => s.value >= 0)).toBe(true);
    });
  });
}
