import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { PROCESS_STEPS } from '../../src/usm/usm-model.js';
import { eventually, gatewayNode, gatewayPartner, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { newCall } from '../support/records.js';

/** What the console reads and writes beyond the desk and admin API it shares with every client. */
describe('the operations the console added to the desk and admin API', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    // A supplier gateway that is never started: messages to it wait, fail, and can be paused.
    const supplier = await gatewayNode('supplier');
    gateway = await startGateway({ partners: [hospital], config: { partners: [{ id: 'hospital', name: 'hospital', roles: ['customer'], jwks: { keys: [hospital.key.jwk] } }, gatewayPartner(supplier, ['supplier'])] } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('serves the USM model the console draws', async () => {
    const model = (await gateway.desk('GET', '/v1/desk/model')).body;
    expect(model.processes.map((p: any) => p.name)).toEqual(['agree', 'change', 'recover', 'operate', 'improve']);
    expect(model.processes[2].steps).toEqual(PROCESS_STEPS.recover);
    expect(model.workflows).toHaveLength(8);
    expect(model.forks).toContainEqual({ type: 'incident', at: { process: 'recover', step: 5 }, branches: [{ branch: 'change', workflow: 3 }, { branch: 'operate', workflow: 4 }] });
  });

  it('finds a call by its id, the customer\'s reference and its chain id, and nothing by an unknown one', async () => {
    const client = gateway.client(hospital);
    // Priority 1: its response is due within the quarter hour.
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ externalRef: 'HOSP-123', impact: 'high', urgency: 'high' })));
    const call = (submitted.body as any).call;
    const found = async (id: string) => (await gateway.desk('GET', `/v1/desk/calls/find?id=${encodeURIComponent(id)}`)).body.items.map((f: any) => [f.matchedBy, f.call.id]);
    expect(await found(call.id)).toEqual([['id', call.id]]);
    expect(await found('HOSP-123')).toEqual([['externalRef', call.id]]);
    expect(await found(call.chainId)).toEqual([['chainId', call.id]]);
    expect(await found('no-such-id')).toEqual([]);
    expect((await gateway.desk('GET', '/v1/desk/calls/find')).status).toBe(400);
    // The queue's new filters.
    expect((await gateway.desk('GET', '/v1/desk/calls?sla=dueSoon')).body.items.map((c: any) => c.id)).toContain(call.id);
    expect((await gateway.desk('GET', '/v1/desk/calls?sla=breached')).body.items).toEqual([]);
    expect((await gateway.desk('GET', '/v1/desk/calls?supplier=supplier')).body.items).toEqual([]);
    expect((await gateway.desk('GET', '/v1/desk/calls?sla=late')).status).toBe(400);
  });

  it('pauses and resumes delivery to a partner gateway, shown among the neighbours, and replays every dead letter at once', async () => {
    expect((await gateway.admin('POST', '/v1/admin/partners/hospital/pause')).body.code).toBe('USM_ERR_PARTNER_NOT_FOUND');
    const paused = await gateway.admin('POST', '/v1/admin/partners/supplier/pause');
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ partner: 'supplier', paused: true });
    const store = gateway.app.gateway.store;
    const message = (partner: string, callId: string) => ({ id: uuidv7(), partner, type: 'call.update' as const, path: '/v1/messages', linkId: null, callId, body: '{}', trace: null, createdAt: new Date().toISOString() });
    const held = newCall();
    await store.commitCall({ call: held, expectedVersion: null, history: [], notes: [], events: [], outbox: [message('supplier', held.id)] });
    const [neighbour] = (await gateway.admin('GET', '/v1/admin/neighbours')).body.items;
    expect(neighbour).toMatchObject({ partner: 'supplier', paused: true, pausedAt: paused.body.pausedAt, pending: 1, deadLetters: 0, reachable: false });
    expect(Date.parse(neighbour.oldestPendingAt)).toBeLessThanOrEqual(Date.now());
    expect((await store.listOutbox({ status: 'pending', limit: 10 }))[0]!.attempts).toBe(0);

    // Messages to a party without a gateway are dead letters at once; replayed together, they are queued again.
    const calls = [newCall(), newCall()];
    const dead = calls.map((c) => message('hospital', c.id));
    for (const [i, call] of calls.entries()) await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [dead[i]!] });
    gateway.app.gateway.outboxWorker.wake(['hospital']);
    await eventually(async () => (await gateway.admin('GET', '/v1/admin/dead-letters?partner=hospital')).body.items.length === 2);
    const replayed = await gateway.admin('POST', '/v1/admin/dead-letters/replay?partner=hospital');
    expect(replayed.status).toBe(202);
    expect(replayed.body.items.map((m: any) => [m.id, m.status, m.attempts])).toEqual(dead.map((m) => [m.id, 'pending', 0]));

    const resumed = await gateway.admin('POST', '/v1/admin/partners/supplier/resume');
    expect(resumed.body).toEqual({ partner: 'supplier', paused: false });
    // Resumed, the worker sends it (to a gateway that is not there): it is tried, no longer held.
    await eventually(async () => (await store.listOutbox({ status: 'pending', partner: 'supplier', limit: 10 }))[0]!.attempts > 0);
  });
});
