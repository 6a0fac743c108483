import { afterAll, describe, expect, it } from 'vitest';
import { publicJwkOf, verificationKeyOf } from '../../src/keys/jwk.js';
import { receiptCovers } from '../../src/messages/batch.js';
import { verifyCompact } from '../../src/messages/jws.js';
import { RECEIPT_TYPE } from '../../src/messages/receipt.js';
import { gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { recordFigures } from './fault-figures.js';
import { until } from './until.js';

const CALLS = Number(process.env.USM_LINK_FAULT_OUTAGE_CALLS ?? 200);
const HOSTING = [{ id: 'hosting', name: 'Hosting' }];
const ALL = 1_000_000;

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
    const store = provider.app.gateway.store;
    const client = provider.client(clinic);
    // What the provider was made to send the supplier, counted as it happens: each sub-call, each note on one (by sub-call id, the supplier's externalRef).
    const sent = new Map<string, string[]>();
    let made = 0;
    const callIds: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` }, 'clinic')));
      expect(answer.status).toBe(201);
      const id = (answer.body as any).call.id as string;
      callIds.push(id);
      const links = (await provider.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items;
      expect(links).toHaveLength(1);
      made++;
      const notes: string[] = [];
      sent.set(links[0].id, notes);
      for (const text of ['note 1', 'note 2']) {
        expect((await provider.desk('POST', `/v1/desk/calls/${id}/forks/${links[0].id}/notes`, { text })).status).toBe(202);
        made++;
        notes.push(text);
      }
    }
    // Counted in the provider's store (the admin listing stops at a page).
    const queued = (await store.listOutbox({ status: 'pending', partner: s.id, limit: ALL })).length;
    expect(queued).toBe(made);

    const supplier = await startGateway({
      partyId: s.id,
      port: s.port,
      signing: s.key,
      partners: [],
      config: { services: HOSTING, partners: [gatewayPartner(p, ['customer'])], agreements: [{ id: 'p-s', customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
    });
    open.push(supplier);
    // Wait for the queue to drain while it makes progress; give up only after many polls without any.
    await until(async () => (await store.listOutbox({ status: 'pending', partner: s.id, limit: ALL })).length, (pending) => pending === 0, 'the queue to drain');

    const delivered = (await Promise.all(callIds.map((id) => store.outboxForCall(id)))).flat().filter((m) => m.status === 'delivered' && m.partner === s.id);
    const dead = await store.listOutbox({ status: 'dead', partner: s.id, limit: ALL });
    // Receipts: every message the provider logged as delivered, with a receipt that verifies with the supplier's key and covers it.
    const supplierKey = verificationKeyOf(publicJwkOf(s.key.jwk));
    let receipts = 0;
    for await (const record of store.readLog()) {
      if (record.direction !== 'out' || record.partner !== s.id || record.receipt === null) continue;
      const { payload } = verifyCompact(record.receipt, { algorithms: new Set(['EdDSA']), keyFor: () => supplierKey }, RECEIPT_TYPE);
      if (receiptCovers(JSON.parse(payload.toString('utf8')), record.messageId, record.digest)) receipts++;
    }
    // At the supplier: each sub-call once, and its notes in the order they were written.
    let calls: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await supplier.desk('GET', `/v1/desk/calls?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
      calls = [...calls, ...page.items];
      cursor = page.nextCursor;
    } while (cursor !== null);
    let received = 0;
    let inOrder = 0;
    for (const call of calls) {
      const notes = (await supplier.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items.map((n: any) => n.text as string);
      received += 1 + notes.length;
      // The sub-call came first (its notes need it); then each note in its place, up to the first out of place.
      const expected = sent.get(call.externalRef) ?? [];
      const run = notes.findIndex((text: string, i: number) => text !== expected[i]);
      inOrder += (sent.has(call.externalRef) ? 1 : 0) + (run === -1 ? notes.length : run);
    }
    await recordFigures('outage', { made, queued, delivered: delivered.length, receipts, received, inOrder, dead: dead.length, duplicated: calls.length - new Set(calls.map((c) => c.externalRef)).size });

    expect(dead).toEqual([]);
    expect(delivered).toHaveLength(made);
    expect(receipts).toBe(made);
    expect(calls).toHaveLength(CALLS);
    expect(new Set(calls.map((c) => c.externalRef))).toEqual(new Set(sent.keys()));
    expect(received).toBe(made);
    expect(inOrder).toBe(made);
  }, 300_000);
});
