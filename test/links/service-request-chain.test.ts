import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type GatewayNode as Node,
  incident,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { startProviderSupplier, type ProviderSupplier } from '../support/provider-supplier.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';

/**
 * The most common outsourcing case, down a chain: a ward asks its hospital for a standard request,
 * the hospital hands its execution (Operate 4) to the regional exchange, which hands it on to its
 * hosting supplier, all by automatic routes. Hosting executes and resolves; the resolution comes
 * back up to the ward.
 */
describe('a service request down a three-gateway chain', () => {
  let ward: TestPartner;
  let hospital: Node;
  let exchange: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let c: GatewayFixture;

  let chain: HealthChain;

  beforeAll(async () => {
    chain = await startHealthChain({
      exchangeRoute: { callTypes: ['service_request'], mode: 'auto', onSupplierResolved: 'resolve' },
      hospitalRoute: { callTypes: ['service_request'], mode: 'auto', at: { process: 'operate', step: 4 }, onSupplierResolved: 'resolve' },
    });
    ({ ward, hospital, exchange, a, b, c } = chain);
  });
  afterAll(async () => {
    await chain?.close();
  });

  it('is executed at the end of the chain and its status reaches the first gateway\'s customer', async () => {
    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request', agreement: 'ward-agreement', summary: 'Export of the ward records for an audit' }, 'ward')));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const parent = (submitted.body as any).call;
    // The hospital accepted, classified and planned it, and hands its execution to the exchange.
    expect(parent.status).toBe('held');
    const atHospital = (await a.desk('GET', `/v1/desk/calls/${parent.id}`)).body;
    expect(atHospital).toMatchObject({ process: 'operate', step: 4, stepName: 'execute', workflow: 5 });
    expect(atHospital.links).toHaveLength(1);
    expect(atHospital.links[0]).toMatchObject({ supplier: exchange.id, type: 'service_request', at: { process: 'operate', step: 4 } });

    // The exchange forwards it to hosting the same way; hosting has it as a new service request.
    const atExchange = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atExchange).toMatchObject({ type: 'service_request', customer: hospital.id, chainId: parent.chainId, status: 'held', process: 'operate', step: 4 });
    const atHosting = await eventually(async () => (await c.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atHosting).toMatchObject({ type: 'service_request', customer: exchange.id, chainId: parent.chainId, hops: [hospital.id, exchange.id], status: 'acknowledged', process: 'operate', step: 1 });
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${parent.id}/forks`)).body.items[0].status === 'held');

    // Hosting accepts, classifies, plans and executes the request, then resolves it.
    const id = atHosting.id;
    for (let i = 0; i < 3; i++) expect((await c.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/forks`)).body.items[0].status === 'inProgress');
    const resolved = await c.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'Export delivered to the audit share' });
    expect(resolved.body).toMatchObject({ status: 'resolved', process: 'operate', step: 5 });

    // Each gateway's route resolves its own call with the supplier's resolution, up to the ward.
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body.status === 'resolved');
    const seenByWard = await eventually(async () => {
      const call = (await client.get(`/v1/calls/${parent.id}`)).body as any;
      return call.status === 'resolved' ? call : false;
    });
    expect(seenByWard.resolution.summary).toBe('Export delivered to the audit share');
    const wardHistory = ((await client.get(`/v1/calls/${parent.id}/history`)).body as any).items.map((h: any) => h.to);
    expect(wardHistory).toEqual(['acknowledged', 'inProgress', 'held', 'inProgress', 'resolved']);
    const hospitalView = (await a.desk('GET', `/v1/desk/calls/${parent.id}`)).body;
    expect(hospitalView).toMatchObject({ process: 'operate', step: 5, stepName: 'review' });
    expect(hospitalView.links[0]).toMatchObject({ status: 'resolved', remoteCallId: atExchange.id });
    expect((await a.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
  });
});

/** The desk hands a service request's execution to a supplier by hand, and takes it back when it is done. */
describe('a desk fork at Operate', () => {
  let ward: TestPartner;
  let provider: Node;
  let supplier: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;

  let link: ProviderSupplier;

  beforeAll(async () => {
    link = await startProviderSupplier({ route: { callTypes: ['service_request'] } });
    ({ ward, provider, supplier, a, b } = link);
  });
  afterAll(async () => link?.close());

  it('is refused while planning, raised at execution, and resumes the call when the supplier resolves', async () => {
    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request', agreement: 'ward-agreement', summary: 'A second screen for the nurses station' }, 'ward')));
    const { id } = (submitted.body as any).call;
    for (let i = 0; i < 2; i++) await a.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    const planning = await a.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: supplier.id });
    expect(planning.status).toBe(409);
    expect(planning.body.code).toBe('USM_ERR_FORK_NOT_ALLOWED');
    expect(planning.body.detail).toContain('operate 3');
    const wrongType = await (async () => {
      await a.desk('POST', `/v1/desk/calls/${id}/advance`, {});
      return a.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: supplier.id, type: 'rfc' });
    })();
    expect(wrongType.status).toBe(409);
    expect(wrongType.body.code).toBe('USM_ERR_FORK_NOT_ALLOWED');

    const forked = await a.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: supplier.id, summary: 'Install a second screen at the nurses station' });
    expect(forked.status, JSON.stringify(forked.body)).toBe(201);
    expect(forked.body).toMatchObject({ type: 'service_request', service: 'hosting', at: { process: 'operate', step: 4 } });
    expect((await a.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('held');

    const remote = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(remote).toMatchObject({ type: 'service_request', summary: 'Install a second screen at the nurses station', customer: provider.id });
    for (let i = 0; i < 3; i++) await b.desk('POST', `/v1/desk/calls/${remote.id}/advance`, {});
    expect((await b.desk('POST', `/v1/desk/calls/${remote.id}/resolve`, { summary: 'Screen installed' })).body.status).toBe('resolved');

    // The route resumes (its default): the call is back in progress at Operate 4 for the desk to resolve.
    const resumed = await eventually(async () => {
      const call = (await a.desk('GET', `/v1/desk/calls/${id}`)).body;
      return call.status === 'inProgress' ? call : false;
    });
    expect(resumed).toMatchObject({ process: 'operate', step: 4 });
    expect(resumed.links[0]).toMatchObject({ status: 'resolved', resolution: { summary: 'Screen installed' } });
    expect((await a.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'Second screen in use' })).body.status).toBe('resolved');
  });
});
