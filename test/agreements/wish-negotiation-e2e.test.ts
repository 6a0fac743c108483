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
    // The supplier counters; the counter-offer is still the wish's.
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/exchange-racks')).status === 200);
    const better = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 60, resolutionMinutes: 600 }] };
    expect((await b.desk('POST', '/v1/desk/agreements/exchange-racks/counter', { services: ['racks'], serviceLevels: better })).status).toBe(201);
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/negotiations`)).body.items[0]?.status === 'countered');
    expect((await a.desk('POST', '/v1/desk/agreements/exchange-racks/accept')).body).toMatchObject({ status: 'active', forCall: wish });

    const [contract] = (await a.desk('GET', `/v1/desk/calls/${wish}/negotiations`)).body.items;
    expect(contract).toMatchObject({ id: 'exchange-racks', version: 2, status: 'active', forCall: wish, serviceLevels: better });
    // The contract underpins the wish's sub-call at the supplier, which takes it under the same agreement.
    const fork = await a.desk('POST', `/v1/desk/calls/${wish}/forks`, { supplier: hoster.id, service: 'racks', agreement: 'exchange-racks' });
    expect(fork.status, JSON.stringify(fork.body)).toBe(201);
    const remote = await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${wish}/forks`)).body.items[0]?.remoteCallId ?? false);
    expect((await b.desk('GET', `/v1/desk/calls/${remote}`)).body).toMatchObject({ type: 'wish', agreement: 'exchange-racks', service: 'racks' });
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
