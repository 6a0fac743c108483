import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDetached } from '../../src/messages/jws.js';
import { eventually, freePort, gatewayPartner, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

describe('an agreement negotiated across the link', () => {
  let customer: { id: string; key: TestPartner; port: number };
  let provider: { id: string; key: TestPartner; port: number };
  let a: GatewayFixture;
  let b: GatewayFixture;

  beforeAll(async () => {
    customer = { id: 'municipality', key: await makePartner('municipality'), port: await freePort() };
    provider = { id: 'shared-services', key: await makePartner('shared-services'), port: await freePort() };
    b = await startGateway({
      partyId: provider.id,
      port: provider.port,
      signing: provider.key,
      partners: [],
      config: { services: HOSTING, partners: [gatewayPartner(customer, ['customer'])], agreements: [] },
    });
    a = await startGateway({
      partyId: customer.id,
      port: customer.port,
      signing: customer.key,
      partners: [],
      config: { partners: [gatewayPartner(provider, ['supplier'], HOSTING)], agreements: [] },
    });
  });
  afterAll(async () => {
    for (const g of [a, b]) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('goes from proposal to active when the provider accepts', async () => {
    const asked = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 10, resolutionMinutes: 120 }] };
    const proposed = await a.desk('POST', '/v1/desk/agreements', { id: 'muni-hosting', provider: provider.id, services: ['hosting'], serviceLevels: asked });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ id: 'muni-hosting', version: 1, status: 'proposed', offeredBy: customer.id });

    const atProvider = await eventually(async () => (await b.desk('GET', '/v1/desk/agreements')).body.items[0]);
    expect(atProvider).toMatchObject({ id: 'muni-hosting', version: 1, status: 'proposed', customer: customer.id });
    expect((await b.desk('POST', '/v1/desk/agreements/muni-hosting/accept')).status).toBe(200);
    // Accepted already: a second answer is refused, and the customer's side sees it active.
    expect((await b.desk('POST', '/v1/desk/agreements/muni-hosting/accept')).body.code).toBe('USM_ERR_CONFLICT');
    await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/muni-hosting')).body.items[0].status === 'active');
  });

  it('refuses to propose support hours that cannot be read', async () => {
    const unreadable = { supportHours: 'office hours', targets: [{ priority: 2, responseMinutes: 10, resolutionMinutes: 120 }] };
    const refused = await a.desk('POST', '/v1/desk/agreements', { id: 'muni-unclear', provider: provider.id, services: ['hosting'], serviceLevels: unreadable });
    expect(refused).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    expect((await a.desk('GET', '/v1/desk/agreements/muni-unclear')).status).toBe(404);
  });

  it('lets the provider counter, the customer accept, and both keep the doubly signed version', async () => {
    const asked = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 5, resolutionMinutes: 60 }] };
    await a.desk('POST', '/v1/desk/agreements', { id: 'muni-backup', provider: provider.id, services: ['hosting'], serviceLevels: asked });
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/muni-backup')).status === 200);
    const countered = await b.desk('POST', '/v1/desk/agreements/muni-backup/counter', { services: ['hosting'], serviceLevels: SERVICE_LEVELS });
    expect(countered.body).toMatchObject({ version: 2, status: 'countered', offeredBy: provider.id });
    // The customer may not accept its own offer, only the counter-offer once it arrives.
    const seen = await eventually(async () => {
      const items = (await a.desk('GET', '/v1/desk/agreements/muni-backup')).body.items;
      return items.length === 2 ? items : false;
    });
    expect(seen.map((v: any) => v.status)).toEqual(['superseded', 'countered']);
    const accepted = await a.desk('POST', '/v1/desk/agreements/muni-backup/accept');
    expect(accepted.body.status).toBe('active');

    const onProvider = await eventually(async () => {
      const items = (await b.desk('GET', '/v1/desk/agreements/muni-backup')).body.items;
      return items.at(-1).status === 'active' ? items.at(-1) : false;
    });
    expect(onProvider.document).toBe(accepted.body.document);
    const keyOf = (p: TestPartner) => ({ algorithms: new Set(['EdDSA']), keyFor: (kid: string) => (kid === p.key.kid ? p.key : undefined) });
    expect(verifyDetached(Buffer.from(onProvider.document), onProvider.signatures.customer, keyOf(customer.key)).key.kid).toBe(customer.key.key.kid);
    expect(verifyDetached(Buffer.from(onProvider.document), onProvider.signatures.provider, keyOf(provider.key)).key.kid).toBe(provider.key.key.kid);
    expect(JSON.parse(onProvider.document).serviceLevels).toEqual(SERVICE_LEVELS);
  });

  it('admits calls under the negotiated agreement only, with its service levels', async () => {
    const client = b.client(customer.key);
    const call = (agreement: string) =>
      client.envelope('call.submit', { type: 'incident', service: 'hosting', agreement, summary: 'Backups failing', impact: 'high', urgency: 'medium', requester: { name: 'Ops' }, externalRef: 'muni-1' });
    const refused = await client.send('/v1/calls', call('not-agreed'));
    expect((refused.body as any).code).toBe('USM_ERR_AGREEMENT_INVALID');
    const accepted = await client.send('/v1/calls', call('muni-backup'));
    expect(accepted.status).toBe(201);
    const sla = (accepted.body as any).call.sla;
    const created = Date.parse((accepted.body as any).call.createdAt);
    expect(Date.parse(sla.responseDueAt) - created).toBe(30 * 60_000);
    expect(Date.parse(sla.resolutionDueAt) - created).toBe(480 * 60_000);
    const listed = ((await client.get('/v1/agreements')).body as any).items.map((x: any) => x.id).sort();
    expect(listed).toEqual(['muni-backup', 'muni-hosting']);
  });

  it('refuses an offer signed by someone else, and answers from a stranger', async () => {
    const intruder = await makePartner('intruder');
    const forged = b.client(customer.key);
    const document = JSON.stringify({ id: 'forged', version: 1, provider: provider.id, customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS });
    const signedByIntruder = b.client(intruder).sign(document);
    const answer = await forged.send('/v1/messages', forged.envelope('agreement.propose', { document, signature: signedByIntruder }));
    expect(answer.status).toBe(401);
    expect((await b.desk('GET', '/v1/desk/agreements/forged')).status).toBe(404);
  });
});
