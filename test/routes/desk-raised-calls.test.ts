import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { DESK_TOKEN, eventually, freePort, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const levels = { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] };

/** Works a call at the desk up to resolved, taking `branch` at a fork; the steps visited. */
async function workToResolved(gateway: GatewayFixture, id: string, branch?: string): Promise<any> {
  let call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
  for (let guard = 0; call.status !== 'resolved'; guard++) {
    expect(guard).toBeLessThan(40);
    const kinds: string[] = call.allowedActions.map((a: any) => a.kind);
    const advance = call.allowedActions.find((a: any) => a.kind === 'advance');
    const answer = kinds.includes('resolve')
      ? await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'fixed' })
      : await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, advance?.branches ? { branch } : {});
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    call = answer.body;
  }
  return call;
}

describe('calls the provider raises at the desk', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    gateway = await startGateway({
      partners: [hospital, clinic],
      config: {
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: levels },
          { id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: levels },
          // The provider as its own customer: an operational agreement for internal calls.
          { id: 'improvement', customer: 'provider', services: ['workplace', 'hosting'], serviceLevels: SERVICE_LEVELS },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const phoneCall = (overrides: Record<string, unknown> = {}) => ({ ...incident(), customer: 'hospital', channel: 'phone', ...overrides });

  it('takes a phone call for a customer: the customer sees it, the desk works it to resolved, the customer confirms', async () => {
    const raised = await gateway.desk('POST', '/v1/desk/calls', phoneCall({ externalRef: 'caller-said-4711' }));
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ customer: 'hospital', channel: 'phone', status: 'acknowledged', process: 'recover', step: 1, priority: 2 });
    const { id, chainId } = raised.body;

    const client = gateway.client(hospital);
    const seen = (await client.get(`/v1/calls/${id}`)).body as any;
    expect(seen).toMatchObject({ id, status: 'acknowledged', summary: incident().summary, requester: { name: 'Dr. A. Jansen' } });
    expect(seen.channel).toBeUndefined();
    const listed = (await client.get('/v1/calls')).body as any;
    expect(listed.items.map((c: any) => c.id)).toContain(id);
    // Another customer does not see it.
    expect((await gateway.client(clinic).get(`/v1/calls/${id}`)).status).toBe(404);

    const history = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
    expect(history[0].actor).toEqual({ kind: 'desk', id: 'desk' });

    expect((await workToResolved(gateway, id, 'operate')).status).toBe('resolved');
    expect(((await client.get(`/v1/calls/${id}`)).body as any).resolution.summary).toBe('fixed');
    const confirmed = await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', { feedback: 'works again' }, { chainId }));
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as any).call.status).toBe('closed');
  });

  it('applies the rules of a submission: an active agreement of the customer that covers the service', async () => {
    const otherAgreement = await gateway.desk('POST', '/v1/desk/calls', phoneCall({ agreement: 'clinic-agreement' }));
    expect(otherAgreement.status).toBe(422);
    expect(otherAgreement.body.code).toBe('USM_ERR_AGREEMENT_INVALID');
    const uncovered = await gateway.desk('POST', '/v1/desk/calls', phoneCall({ service: 'hosting' }));
    expect(uncovered.status).toBe(403);
    expect(uncovered.body.code).toBe('USM_ERR_SERVICE_NOT_ALLOWED');
    const unknownCustomer = await gateway.desk('POST', '/v1/desk/calls', phoneCall({ customer: 'nobody' }));
    expect(unknownCustomer.status).toBe(422);
    expect(unknownCustomer.body.code).toBe('USM_ERR_AGREEMENT_INVALID');
    const noChannel = await gateway.desk('POST', '/v1/desk/calls', { ...incident(), customer: 'hospital' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.code).toBe('USM_ERR_VALIDATION');
  });

  it('raises an internal risk (the provider its own customer) and takes it through workflow 8', async () => {
    const raised = await gateway.desk('POST', '/v1/desk/calls', {
      type: 'risk',
      channel: 'internal',
      service: 'hosting',
      agreement: 'improvement',
      summary: 'Backups are not tested',
      impact: 'high',
      urgency: 'medium',
      requester: { name: 'Problem manager' },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ customer: 'provider', channel: 'internal', type: 'risk', process: 'improve', step: 1, stepName: 'identify' });
    expect(raised.body.sla).toBeDefined();
    const id = raised.body.id;
    const resolved = await workToResolved(gateway, id, 'operate');
    expect(resolved).toMatchObject({ workflow: 8, workflowName: expect.any(String), status: 'resolved' });
    const closed = await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'closed', reason: 'measure deployed' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const processes = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items
      .filter((h: any) => h.kind === 'step')
      .map((h: any) => h.to.process);
    expect(new Set(processes)).toEqual(new Set(['improve', 'operate']));
  });

  it("raises a risk from another call's evaluate and close, linked to that call", async () => {
    const client = gateway.client(hospital);
    const { id, chainId } = (await gateway.desk('POST', '/v1/desk/calls', phoneCall({ channel: 'email' }))).body;
    await workToResolved(gateway, id, 'operate');
    const risk = (from: string, overrides: Record<string, unknown> = {}) => ({
      type: 'risk',
      channel: 'internal',
      raisedFrom: from,
      service: 'workplace',
      agreement: 'improvement',
      summary: 'The same fault may return',
      impact: 'low',
      urgency: 'low',
      requester: { name: 'Desk lead' },
      ...overrides,
    });
    // Not yet at evaluate and close (resolved, at review): refused.
    const early = await gateway.desk('POST', '/v1/desk/calls', risk(id));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('USM_ERR_ILLEGAL_TRANSITION');
    expect((await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', {}, { chainId }))).status).toBe(200);

    const raised = await gateway.desk('POST', '/v1/desk/calls', risk(id));
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ type: 'risk', raisedFrom: id, customer: 'provider', process: 'improve', step: 1 });
    expect(raised.body.chainId).not.toBe(chainId);
    // Linked both ways, in both desk views: the source lists the risk it raised.
    const riskId = raised.body.id;
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body).toMatchObject({ raised: [riskId] });
    const listed = (await gateway.desk('GET', '/v1/desk/calls?customer=hospital&limit=100')).body.items.find((c: any) => c.id === id);
    expect(listed).toMatchObject({ raised: [riskId] });
    // The risk is walked through workflow 8 (risk via operations) and closed.
    expect(await workToResolved(gateway, riskId, 'operate')).toMatchObject({ workflow: 8, status: 'resolved', raisedFrom: id });
    expect((await gateway.desk('POST', `/v1/desk/calls/${riskId}/status`, { status: 'closed', reason: 'measure deployed' })).body.status).toBe('closed');
    // The source closed on the confirmation; a closed call still raises risks, each listed, oldest first.
    const second = await gateway.desk('POST', '/v1/desk/calls', risk(id, { summary: 'And an opportunity' }));
    expect(second.status).toBe(201);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body).toMatchObject({ status: 'closed', raised: [riskId, second.body.id] });

    const notRisk = await gateway.desk('POST', '/v1/desk/calls', risk(id, { type: 'incident' }));
    expect(notRisk.status).toBe(400);
    expect(notRisk.body.code).toBe('USM_ERR_VALIDATION');
    const unknown = await gateway.desk('POST', '/v1/desk/calls', risk('019aabc2-5f63-7a21-9f4a-7f4cfdac11d1'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('USM_ERR_CALL_NOT_FOUND');
  });

  it('raises a call once per Idempotency-Key', async () => {
    const post = (body: unknown) =>
      fetch(`${gateway.url}/v1/desk/calls`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DESK_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'phone-2026-12-01-0042' },
        body: JSON.stringify(body),
      });
    const first = await post(phoneCall({ summary: 'Printer on fire' }));
    expect(first.status).toBe(201);
    const again = await post(phoneCall({ summary: 'Printer on fire' }));
    expect(again.status).toBe(201);
    expect(again.headers.get('usm-replay')).toBe('true');
    expect(((await again.json()) as any).id).toBe(((await first.json()) as any).id);
    const other = await post(phoneCall({ summary: 'Another printer' }));
    expect(other.status).toBe(422);
    expect(((await other.json()) as any).code).toBe('USM_ERR_IDEMPOTENCY_KEY_REUSED');
    const calls = (await gateway.desk('GET', '/v1/desk/calls?customer=hospital&limit=100')).body.items.filter((c: any) => c.summary === 'Printer on fire');
    expect(calls).toHaveLength(1);
  });
});

describe('a desk-raised call for a customer that runs a gateway', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    // The customer's gateway is not listening: whatever is queued for it stays in the outbox.
    const url = `http://127.0.0.1:${await freePort()}`;
    gateway = await startGateway({
      partners: [hospital],
      config: { partners: [{ id: 'hospital', name: 'hospital', roles: ['customer'], url, jwks: { keys: [publicJwkOf(hospital.jwk)] } }] },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const queuedFor = async (callId: string) =>
    ((await gateway.admin('GET', '/v1/admin/outbox?partner=hospital&limit=200')).body.items as any[]).filter((m) => m.callId === callId);

  it('needs no externalRef and sends the gateway no updates (it has no sub-call to apply them to); the customer reads it', async () => {
    const raised = await gateway.desk('POST', '/v1/desk/calls', { ...incident(), customer: 'hospital', channel: 'phone' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const { id } = raised.body;
    // With the caller's ticket number as a label, still nothing is sent.
    const labelled = (await gateway.desk('POST', '/v1/desk/calls', { ...incident(), customer: 'hospital', channel: 'email', externalRef: 'HOSP-4711' })).body;
    expect((await gateway.desk('POST', `/v1/desk/calls/${labelled.id}/advance`, {})).body.status).toBe('inProgress');
    expect(await queuedFor(labelled.id)).toEqual([]);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).body.status).toBe('inProgress');
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: 'on it', visibility: 'public' })).status).toBe(201);
    expect(await queuedFor(id)).toEqual([]);
    expect(((await gateway.client(hospital).get(`/v1/calls/${id}`)).body as any).status).toBe('inProgress');

    // The same changes to a call the customer's gateway submitted itself are sent to it.
    const client = gateway.client(hospital);
    const submitted = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ externalRef: 'hospital-sub-1' })))).body as any).call;
    expect((await gateway.desk('POST', `/v1/desk/calls/${submitted.id}/advance`, {})).status).toBe(200);
    expect((await queuedFor(submitted.id)).map((m) => m.type)).toEqual(['call.update']);
  });
});

describe('a desk-raised call on an automatic route', () => {
  const open: GatewayFixture[] = [];
  afterAll(async () => {
    for (const g of open) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('is forked to the supplier as it is raised, like a submitted call', async () => {
    const HOSTING = [{ id: 'hosting', name: 'Hosting' }];
    const clinic = await makePartner('clinic');
    const [p, s] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
    const supplier = await startGateway({
      partyId: s.id,
      port: s.port,
      signing: s.key,
      partners: [],
      config: { services: HOSTING, partners: [gatewayPartner(p, ['customer'])], agreements: [{ id: 'p-s', customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
    });
    open.push(supplier);
    const provider = await startGateway({
      partyId: p.id,
      port: p.port,
      signing: p.key,
      partners: [clinic],
      config: {
        partners: [{ id: 'clinic', name: 'clinic', roles: ['customer'], jwks: { keys: [publicJwkOf(clinic.jwk)] } }, gatewayPartner(s, ['supplier'], HOSTING)],
        underpinning: [{ id: 'p-s', supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: 'p-s', callTypes: ['incident'], mode: 'auto' }],
      },
    });
    open.push(provider);

    const raised = await provider.desk('POST', '/v1/desk/calls', { ...incident({}, 'clinic'), customer: 'clinic', channel: 'phone' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body.status).toBe('held');
    const links = (await provider.desk('GET', `/v1/desk/calls/${raised.body.id}/forks`)).body.items;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ supplier: 'supplier', service: 'hosting', type: 'incident' });
    const atSupplier = await eventually(async () => {
      const items = (await supplier.desk('GET', '/v1/desk/calls?customer=provider')).body.items;
      return items.length === 1 ? items[0] : undefined;
    });
    expect(atSupplier).toMatchObject({ externalRef: links[0].id, chainId: raised.body.chainId, hops: ['provider'] });
  });
});
