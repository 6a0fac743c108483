import { afterAll, describe, expect, it } from 'vitest';
import { eventually, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { recordFigures } from './fault-figures.js';

const CALLS = Number(process.env.USM_LINK_FAULT_OUTAGE_CALLS ?? 200);
const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

describe('a supplier outage', () => {
  const open: GatewayFixture[] = [];
  afterAll(async () => {
    for (const g of open) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it(`queues ${CALLS} calls and their follow-ups while the supplier is down, then delivers all of them once and in order`, async () => {
    const clinic = await makePartner('clinic');
    const [p, s] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
    const provider = await startGateway({
      partyId: p.id,
      port: p.port,
      signing: p.key,
      partners: [clinic],
      config: {
        partners: [{ id: 'clinic', name: 'clinic', roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(s, ['supplier'], HOSTING)],
        underpinning: [{ id: 'p-s', supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: 'p-s', callTypes: ['incident'], mode: 'auto' }],
        delivery: { backoffBaseMs: 20, backoffMaxMs: 300, circuitCooldownMs: 200, maxAttempts: 1000 },
      },
    });
    open.push(provider);
    const client = provider.client(clinic);
    const ids: string[] = [];
    for (let i = 0; i < CALLS; i++) ids.push(((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` }, 'clinic')))).body as any).call.id);
    for (const id of ids) {
      const link = (await provider.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items[0];
      for (const n of [1, 2]) expect((await provider.desk('POST', `/v1/desk/calls/${id}/forks/${link.id}/notes`, { text: `note ${n}` })).status).toBe(202);
    }
    const queued = (await provider.admin('GET', '/v1/admin/outbox?limit=200')).body.items.length;
    expect(queued).toBeGreaterThan(0);

    const supplier = await startGateway({
      partyId: s.id,
      port: s.port,
      signing: s.key,
      partners: [],
      config: { services: HOSTING, partners: [gatewayPartner(p, ['customer'])], agreements: [{ id: 'p-s', customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
    });
    open.push(supplier);
    await eventually(async () => (await provider.admin('GET', '/v1/admin/outbox')).body.items.length === 0, 60_000);
    expect((await provider.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);

    let calls: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await supplier.desk('GET', `/v1/desk/calls?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
      calls = [...calls, ...page.items];
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(calls).toHaveLength(CALLS);
    expect(new Set(calls.map((c) => c.externalRef)).size).toBe(CALLS);
    let inOrder = 0;
    for (const call of calls) {
      const notes = (await supplier.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items.map((n: any) => n.text);
      expect(notes).toEqual(['note 1', 'note 2']);
      inOrder++;
    }
    await recordFigures('outage', { queued: CALLS * 3, delivered: CALLS * 3, inOrder: inOrder * 3 });
  }, 120_000);
});
