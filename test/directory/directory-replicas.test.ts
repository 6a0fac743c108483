import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import type { Store } from '../../src/ports/store.js';
import { openStore } from '../../src/storage/open-store.js';
import { ADMIN_TOKEN, eventually, gatewayNode, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { startOperator, testDirectory } from '../support/network-operator.js';
import { postgresSchema } from '../support/postgres.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe.each(['sqlite', 'postgres'] as const)('the network directory kept in the store (%s)', (engine) => {
  it('keeps only a higher sequence and lets one owner hold the fetch lease at a time', async () => {
    let store: Store;
    if (engine === 'sqlite') {
      const dir = await mkdtemp(join(tmpdir(), 'usm-link-directory-store-'));
      cleanups.push(() => removeDir(dir));
      store = await openStore(`sqlite:${join(dir, 'gateway.db')}`, { now: Date.now });
    } else {
      const schema = postgresSchema();
      cleanups.push(schema.drop);
      store = await openStore(schema.url, { now: Date.now });
    }
    cleanups.push(() => store.close());
    expect(await store.heldDirectory()).toBeUndefined();
    expect(await store.keepDirectory({ jws: 'a.b.c', sequence: 3, acceptedAt: '2026-12-01T00:00:00.000Z' })).toBe(true);
    expect(await store.keepDirectory({ jws: 'old', sequence: 2, acceptedAt: '2026-12-01T00:00:01.000Z' })).toBe(false);
    expect(await store.keepDirectory({ jws: 'same', sequence: 3, acceptedAt: '2026-12-01T00:00:01.000Z' })).toBe(false);
    expect(await store.heldDirectory()).toEqual({ jws: 'a.b.c', sequence: 3, acceptedAt: '2026-12-01T00:00:00.000Z' });

    expect(await store.claimDirectoryFetch('replica-1', 60_000)).toBe(true);
    expect(await store.claimDirectoryFetch('replica-2', 60_000)).toBe(false);
    expect(await store.claimDirectoryFetch('replica-1', 60_000)).toBe(true);
    await store.releaseDirectoryFetch('replica-2');
    expect(await store.claimDirectoryFetch('replica-2', 60_000)).toBe(false);
    await store.releaseDirectoryFetch('replica-1');
    expect(await store.claimDirectoryFetch('replica-2', 1)).toBe(true);
    await eventually(async () => store.claimDirectoryFetch('replica-1', 60_000));
  });
});

describe('two replicas on PostgreSQL following one directory', () => {
  it('fetch it once between them: one replica fetches, the other takes what it kept', async () => {
    const operator = await startOperator();
    cleanups.push(() => operator.close());
    const schema = postgresSchema();
    cleanups.push(schema.drop);
    const [provider, customer] = await Promise.all([gatewayNode('provider'), gatewayNode('customer')]);
    const directory = (sequence: number) =>
      testDirectory({
        sequence,
        members: [provider, customer].map((node) => ({ id: node.id, name: node.id, url: `http://127.0.0.1:${node.port}`, roles: [], keys: [{ jwk: publicJwkOf(node.key.jwk) }], services: [] })),
        links: [{ customer: customer.id, supplier: provider.id, agreement: 'customer-agreement', services: ['workplace'] }],
      });
    operator.publish(directory(1));
    const replica = (): Promise<GatewayFixture> =>
      startGateway({
        partyId: provider.id,
        signing: provider.key,
        partners: [],
        config: {
          storage: schema.url,
          partners: [],
          agreements: [],
          network: { url: operator.url, operatorKeys: operator.keys, refreshSeconds: 1 },
        },
      });
    const first = await replica();
    const second = await replica();
    for (const g of [first, second]) {
      cleanups.push(async () => {
        await g.close();
        await removeDir(g.dir);
      });
    }
    // The first fetched it (and fetches again each second: unchanged since).
    const byFirst0 = (await first.admin('GET', '/v1/admin/directory')).body;
    expect(byFirst0.sequence, JSON.stringify(byFirst0)).toBe(1);
    expect(['accepted', 'unchanged']).toContain(byFirst0.lastRefresh.outcome);
    expect((await second.admin('GET', '/v1/admin/directory')).body).toMatchObject({ sequence: 1, lastRefresh: { outcome: 'read' }, partners: [{ id: 'customer', source: 'directory' }] });

    operator.publish(directory(2));
    await eventually(async () => (await second.admin('GET', '/v1/admin/directory')).body.sequence === 2, 10_000);
    expect((await second.admin('GET', '/v1/admin/directory')).body.lastRefresh.outcome).toBe('read');
    expect((await first.admin('GET', '/v1/admin/directory')).body.sequence).toBe(2);
    const refreshes = async (g: GatewayFixture) => {
      const text = await (await fetch(`${g.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
      return Object.fromEntries([...text.matchAll(/^usm_link_directory_refreshes_total\{outcome="(\w+)",code="\w*"\} (\d+)/gm)].map((m) => [m[1], Number(m[2])]));
    };
    // The second replica never fetched: it read both documents from the store.
    expect(await refreshes(second)).toEqual({ read: 2 });
    const byFirst = await refreshes(first);
    expect(byFirst.accepted).toBe(2);
    // Every fetch the operator saw is the first replica's (one may be on its way while the metrics are read).
    expect(operator.fetches - (byFirst.accepted! + (byFirst.unchanged ?? 0))).toBeLessThanOrEqual(1);
  });
});
