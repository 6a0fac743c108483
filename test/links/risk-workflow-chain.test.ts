import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type GatewayNode as Node,
  incident,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { startProviderSupplier, type ProviderSupplier } from '../support/provider-supplier.js';

/**
 * Workflow 8 (risk via operations) across two gateways: the provider's desk raises a risk from a
 * closed incident's evaluate and close (linked both ways), Improve 5 raises a service request as a
 * call of its own, the service request is forked to the supplier's gateway at Operate 4, and the
 * supplier's resolution fulfils it, which lets the risk go on to Improve 6-7.
 */
describe('a risk raised at the desk through workflow 8, its operations at a supplier', () => {
  let ward: TestPartner;
  let provider: Node;
  let supplier: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;

  let link: ProviderSupplier;

  beforeAll(async () => {
    link = await startProviderSupplier({ route: { callTypes: ['service_request'], onSupplierResolved: 'resolve' }, ownAgreement: true });
    ({ ward, provider, supplier, a, b } = link);
  });
  afterAll(async () => link?.close());

  const walk = async (gateway: GatewayFixture, id: string, times: number): Promise<void> => {
    for (let i = 0; i < times; i++) {
      const answer = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
  };

  it('links the risk to the incident, walks Improve 1-5, Operate 1-6 at the supplier and Improve 6-7', async () => {
    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'The ward printer jams every morning' }, 'ward')));
    const { id: incidentId, chainId } = (submitted.body as any).call;
    await walk(a, incidentId, 4);
    expect((await a.desk('POST', `/v1/desk/calls/${incidentId}/advance`, { branch: 'operate' })).status).toBe(200);
    let view = (await a.desk('GET', `/v1/desk/calls/${incidentId}`)).body;
    for (let guard = 0; !view.allowedActions.some((x: any) => x.kind === 'resolve'); guard++) {
      expect(guard).toBeLessThan(20);
      view = (await a.desk('POST', `/v1/desk/calls/${incidentId}/advance`, {})).body;
    }
    expect((await a.desk('POST', `/v1/desk/calls/${incidentId}/resolve`, { summary: 'Paper tray replaced' })).body.status).toBe('resolved');
    expect((await client.send(`/v1/calls/${incidentId}/confirm`, client.envelope('call.confirm', {}, { chainId }))).status).toBe(200);
    expect((await a.desk('GET', `/v1/desk/calls/${incidentId}`)).body.status).toBe('closed');

    // Evaluate and close raised a risk: the desk records it, linked both ways.
    const raised = await a.desk('POST', '/v1/desk/calls', {
      type: 'risk',
      channel: 'internal',
      raisedFrom: incidentId,
      service: 'workplace',
      agreement: 'operations',
      summary: 'Printers of this model jam in humid wards',
      impact: 'medium',
      urgency: 'low',
      requester: { name: 'Problem manager' },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const risk = raised.body;
    expect(risk).toMatchObject({ type: 'risk', customer: provider.id, raisedFrom: incidentId, process: 'improve', step: 1 });
    expect((await a.desk('GET', `/v1/desk/calls/${incidentId}`)).body.raised).toEqual([risk.id]);

    // Improve 1-5; the measure is a standard request, raised as a call of its own.
    await walk(a, risk.id, 4);
    const measure = await a.desk('POST', `/v1/desk/calls/${risk.id}/triggered`, { type: 'service_request', summary: 'Fit dehumidifiers next to the ward printers' });
    expect(measure.status, JSON.stringify(measure.body)).toBe(201);
    const request = measure.body;
    expect((await a.desk('GET', `/v1/desk/calls/${risk.id}`)).body).toMatchObject({ status: 'held', process: 'improve', step: 5 });
    // Operate 1-3 here, Operate 4 (execute) at the supplier.
    await walk(a, request.id, 3);
    const forked = await a.desk('POST', `/v1/desk/calls/${request.id}/forks`, { supplier: supplier.id });
    expect(forked.status, JSON.stringify(forked.body)).toBe(201);
    expect(forked.body).toMatchObject({ type: 'service_request', at: { process: 'operate', step: 4 } });

    const remote = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(remote).toMatchObject({ type: 'service_request', customer: provider.id, summary: 'Fit dehumidifiers next to the ward printers' });
    let there = remote;
    for (let guard = 0; !there.allowedActions.some((x: any) => x.kind === 'resolve'); guard++) {
      expect(guard).toBeLessThan(20);
      there = (await b.desk('POST', `/v1/desk/calls/${remote.id}/advance`, {})).body;
    }
    expect((await b.desk('POST', `/v1/desk/calls/${remote.id}/resolve`, { summary: 'Dehumidifiers fitted' })).body.status).toBe('resolved');

    // The supplier's resolution fulfils the request; the risk goes on at Improve 5, on workflow 8.
    const resumed = await eventually(async () => {
      const now = (await a.desk('GET', `/v1/desk/calls/${risk.id}`)).body;
      return now.status === 'inProgress' ? now : false;
    });
    expect(resumed).toMatchObject({ process: 'improve', step: 5, workflow: 8, triggered: [expect.objectContaining({ triggeredCallId: request.id, status: 'fulfilled' })] });
    expect((await a.desk('GET', `/v1/desk/calls/${request.id}`)).body).toMatchObject({ status: 'closed', resolution: { summary: 'Dehumidifiers fitted' } });
    expect((await a.desk('POST', `/v1/desk/calls/${risk.id}/resolve`, { summary: 'No more jams' })).body).toMatchObject({ status: 'resolved', process: 'improve', step: 6 });
    await walk(a, risk.id, 1);
    expect((await a.desk('POST', `/v1/desk/calls/${risk.id}/status`, { status: 'closed', reason: 'measure works' })).body).toMatchObject({ status: 'closed', process: 'improve', step: 7 });

    const steps = (await a.desk('GET', `/v1/desk/calls/${risk.id}/history`)).body.items.filter((h: any) => h.kind === 'step').map((h: any) => `${h.to.process} ${h.to.step}`);
    expect(steps).toEqual(['improve 1', 'improve 2', 'improve 3', 'improve 4', 'improve 5', 'improve 6', 'improve 7']);
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${remote.id}`)).body.status === 'closed');
    expect((await a.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
  });
});
