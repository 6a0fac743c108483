import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { eventually, freePort, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const RACKS = [{ id: 'racks', name: 'Rack space' }];

/** A wish's Agree 4-5 opens a negotiation with a supplier as its fork; the accepted contract comes back to the wish. */
describe('a wish that needs an underpinning contract', () => {
  let hospital: TestPartner;
  let exchange: { id: string; key: TestPartner; port: number };
  let hoster: { id: string; key: TestPartner; port: number };
  let a: GatewayFixture;
  let b: GatewayFixture;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    exchange = { id: 'exchange', key: await makePartner('exchange'), port: await freePort() };
    hoster = { id: 'hoster', key: await makePartner('hoster'), port: await freePort() };
    b = await startGateway({ partyId: hoster.id, port: hoster.port, signing: hoster.key, partners: [], config: { services: RACKS, partners: [gatewayPartner(exchange, ['customer'])], agreements: [] } });
    a = await startGateway({
      partyId: exchange.id,
      port: exchange.port,
      signing: exchange.key,
      partners: [hospital],
      config: { partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(hospital.jwk)] } }, gatewayPartner(hoster, ['supplier'], RACKS)] },
    });
  });
  afterAll(async () => {
    for (const g of [a, b]) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('opens the negotiation at Agree 4, and the accepted contract underpins the wish', async () => {
    const client = a.client(hospital);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'wish', summary: 'Room for a second imaging archive' })));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const wish = (submitted.body as any).call.id;
    const open = (body: Record<string, unknown> = {}) => a.desk('POST', `/v1/desk/calls/${wish}/negotiations`, { id: 'exchange-racks', provider: hoster.id, services: ['racks'], serviceLevels: SERVICE_LEVELS, ...body });
    expect((await open()).body.code).toBe('USM_ERR_FORK_NOT_ALLOWED');
    for (let i = 0; i < 3; i++) expect((await a.desk('POST', `/v1/desk/calls/${wish}/advance`, {})).status).toBe(200);
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ process: 'agree', step: 4, stepName: 'draft offer' });

    const proposed = await open();
    expect(proposed.body).toMatchObject({ status: 'proposed', forCall: wish, provider: hoster.id, customer: exchange.id });
    // The wish waits while its negotiation is open, the history naming it.
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ status: 'held', process: 'agree', step: 4 });
    const held = (await a.desk('GET', `/v1/desk/calls/${wish}/history`)).body.items.at(-1);
    expect(held).toMatchObject({ kind: 'status', from: 'inProgress', to: 'held' });
    expect(held.comment).toContain('exchange-racks');
    // The supplier counters; the counter-offer is still the wish's.
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/exchange-racks')).status === 200);
    const better = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 60, resolutionMinutes: 600 }] };
    expect((await b.desk('POST', '/v1/desk/agreements/exchange-racks/counter', { services: ['racks'], serviceLevels: better })).status).toBe(201);
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/negotiations`)).body.items[0]?.status === 'countered');
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body.status).toBe('held');
    expect((await a.desk('POST', '/v1/desk/agreements/exchange-racks/accept')).body).toMatchObject({ status: 'active', forCall: wish });
    // Accepted: the wish goes on where it left off.
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ status: 'inProgress', process: 'agree', step: 4 });
    const resumed = (await a.desk('GET', `/v1/desk/calls/${wish}/history`)).body.items.at(-1);
    expect(resumed).toMatchObject({ actor: { kind: 'system' }, kind: 'status', from: 'held', to: 'inProgress' });
    expect(resumed.comment).toBe('the underpinning contract exchange-racks with hoster was accepted: back at agree 4');

    const [contract] = (await a.desk('GET', `/v1/desk/calls/${wish}/negotiations`)).body.items;
    expect(contract).toMatchObject({ id: 'exchange-racks', version: 2, status: 'active', forCall: wish, serviceLevels: better });
    // The contract underpins the wish's sub-call at the supplier, which takes it under the same agreement.
    const fork = await a.desk('POST', `/v1/desk/calls/${wish}/forks`, { supplier: hoster.id, service: 'racks', agreement: 'exchange-racks' });
    expect(fork.status, JSON.stringify(fork.body)).toBe(201);
    const remote = await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/forks`)).body.items[0]?.remoteCallId ?? false);
    expect((await b.desk('GET', `/v1/desk/calls/${remote}`)).body).toMatchObject({ type: 'wish', agreement: 'exchange-racks', service: 'racks' });
  });

  it('goes on when the supplier accepts, or rejects, the contract', async () => {
    const client = a.client(hospital);
    const wishAt5 = async (summary: string): Promise<string> => {
      const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'wish', summary })));
      const id = (submitted.body as any).call.id;
      for (let i = 0; i < 4; i++) expect((await a.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
      return id;
    };
    const accepted = await wishAt5('Cold storage for the archive');
    const rejected = await wishAt5('A second data centre');
    for (const [wish, id] of [[accepted, 'exchange-cold'], [rejected, 'exchange-dc2']] as const) {
      const opened = await a.desk('POST', `/v1/desk/calls/${wish}/negotiations`, { id, provider: hoster.id, services: ['racks'], serviceLevels: SERVICE_LEVELS });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ status: 'held', step: 5 });
      await eventually(async () => (await b.desk('GET', `/v1/desk/agreements/${id}`)).status === 200);
    }
    // The supplier's answers arrive as signed messages; each settles its wish in the same commit.
    expect((await b.desk('POST', '/v1/desk/agreements/exchange-cold/accept')).status).toBe(200);
    expect((await b.desk('POST', '/v1/desk/agreements/exchange-dc2/reject', { reason: 'no room' })).status).toBe(200);
    for (const [wish, how] of [[accepted, 'accepted'], [rejected, 'rejected (no room)']] as const) {
      await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}`)).body.status === 'inProgress');
      expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ process: 'agree', step: 5 });
      const last = (await a.desk('GET', `/v1/desk/calls/${wish}/history`)).body.items.at(-1);
      expect(last.comment).toContain(`was ${how}: back at agree 5`);
    }
    expect((await a.desk('GET', '/v1/desk/agreements/exchange-cold')).body.items.at(-1)).toMatchObject({ status: 'active', forCall: accepted });
    expect((await a.desk('GET', `/v1/desk/calls/${rejected}/negotiations`)).body.items[0]).toMatchObject({ id: 'exchange-dc2', status: 'rejected' });
  });

  it('stays held while its negotiation is open, though its sub-call at the supplier is resolved', async () => {
    const client = a.client(hospital);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'wish', summary: 'More racks' })));
    const wish = (submitted.body as any).call.id;
    for (let i = 0; i < 3; i++) expect((await a.desk('POST', `/v1/desk/calls/${wish}/advance`, {})).status).toBe(200);
    const fork = await a.desk('POST', `/v1/desk/calls/${wish}/forks`, { supplier: hoster.id, service: 'racks', agreement: 'exchange-racks' });
    expect(fork.status, JSON.stringify(fork.body)).toBe(201);
    expect((await a.desk('POST', `/v1/desk/calls/${wish}/negotiations`, { id: 'exchange-more', provider: hoster.id, services: ['racks'], serviceLevels: SERVICE_LEVELS })).status).toBe(201);
    // The supplier delivers the sub-call: the wish still waits on its negotiation.
    const remote = await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/forks`)).body.items[0]?.remoteCallId ?? false);
    let there = (await b.desk('GET', `/v1/desk/calls/${remote}`)).body;
    for (let guard = 0; !there.allowedActions.some((x: any) => x.kind === 'resolve'); guard++) {
      expect(guard).toBeLessThan(40);
      there = (await b.desk('POST', `/v1/desk/calls/${remote}/advance`, {})).body;
    }
    expect((await b.desk('POST', `/v1/desk/calls/${remote}/resolve`, { summary: 'racks reserved' })).status).toBe(200);
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/forks`)).body.items[0]?.status === 'resolved');
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body.status).toBe('held');
    // The contract accepted, nothing is open any more: the wish goes on.
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/exchange-more')).status === 200);
    expect((await b.desk('POST', '/v1/desk/agreements/exchange-more/accept')).status).toBe(200);
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}`)).body.status === 'inProgress');
    expect((await a.desk('GET', `/v1/desk/calls/${wish}`)).body).toMatchObject({ process: 'agree', step: 4 });
  });

  it('is opened by wishes only', async () => {
    const client = a.client(hospital);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident()));
    const id = (submitted.body as any).call.id;
    const refused = await a.desk('POST', `/v1/desk/calls/${id}/negotiations`, { provider: hoster.id, services: ['racks'], serviceLevels: SERVICE_LEVELS });
    expect(refused).toMatchObject({ status: 409, body: { code: 'USM_ERR_FORK_NOT_ALLOWED' } });
    expect((await a.desk('GET', '/v1/desk/calls/00000000-0000-7000-8000-000000000000/negotiations')).body.code).toBe('USM_ERR_CALL_NOT_FOUND');
  });
});
