import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { StoreUnavailableError, type Store } from '../../src/ports/store.js';
import { openStore } from '../../src/storage/open-store.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';

/**
 * The catalog's statements run as named prepared statements (parsed and planned once per
 * connection). One made stale by a newer replica's migration (a column added under a `SELECT *`)
 * must not leave the replica failing: its connection is dropped and the statement prepared afresh.
 */
describe('prepared statements on PostgreSQL', () => {
  const schema = postgresSchema();
  let store: Store;
  let admin: pg.Client;
  const names: (string | undefined)[] = [];
  const original = pg.Client.prototype.query;

  beforeAll(async () => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as { name?: string; text?: string } | string;
      if (typeof config === 'object' && config.text?.includes('FROM inbound_messages WHERE sender')) names.push(config.name);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
    // One connection, so the statement a migration makes stale is the one the next call meets.
    store = await openStore(schema.url, { sequencer: false, poolSize: 1 });
    admin = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema.schema}` });
    await admin.connect();
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await admin?.end();
    await store?.close();
    await schema.drop();
  });

  it('runs a catalog statement by name, and again after a migration changed its table', async () => {
    const call = newCall();
    const inbound = { id: uuidv7(), from: 'hospital', type: 'call.submit' as const, digest: 'sha-256=abc', signature: 'h..s', body: '{}', receivedAt: new Date().toISOString(), callId: call.id, response: { status: 201, body: {} } };
    await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], inbound });
    expect((await store.findInbound('hospital', inbound.id))?.callId).toBe(call.id);
    expect(names.at(-1)).toBe('usm_findInbound');
    // A newer replica's migration adds a column under the prepared `SELECT *`.
    await admin.query('ALTER TABLE inbound_messages ADD COLUMN added_later TEXT');
    expect((await store.findInbound('hospital', inbound.id))?.callId).toBe(call.id);
    expect(await store.findInbound('hospital', uuidv7())).toBeUndefined();
  });

  it('refuses a transaction that meets a stale statement as unavailable, once: the retry runs', async () => {
    const messages = [newCall(), newCall()].map((call) => ({ call, message: { id: uuidv7(), partner: 'supplier', type: 'call.submit' as const, path: '/v1/calls', linkId: null, callId: call.id, body: '{}', trace: null, createdAt: new Date().toISOString() } }));
    for (const { call, message } of messages) await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [message] });
    const claimed = await store.claimHeads('supplier', 'r1', 10, 30_000);
    expect(claimed.map((m) => m.id)).toEqual(messages.map((m) => m.message.id));
    const delivery = (messageId: string) => {
      const receipt = { messageId, digest: 'sha-256=d', receivedAt: new Date().toISOString(), gateway: 'supplier', jws: 'r' };
      return { receipt, deliveredAt: receipt.receivedAt, signature: 's', digest: 'sha-256=d' };
    };
    // Marking one delivered returns its outbox row (`RETURNING *`): prepared now, before the column comes.
    await store.markDelivered(claimed[0]!.seq, delivery(claimed[0]!.id));
    await admin.query('ALTER TABLE outbox ADD COLUMN added_later TEXT');
    await expect(store.markDelivered(claimed[1]!.seq, delivery(claimed[1]!.id))).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.markDelivered(claimed[1]!.seq, delivery(claimed[1]!.id));
    const delivered = await Promise.all(messages.map(async ({ call }) => (await store.outboxForCall(call.id)).map((m) => [m.id, m.status])));
    expect(delivered.flat()).toEqual(messages.map((m) => [m.message.id, 'delivered']));
  });
});
