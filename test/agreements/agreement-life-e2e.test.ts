import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDetached } from '../../src/messages/jws.js';
import { eventually, freePort, gatewayPartner, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const SERVICES = [{ id: 'hosting', name: 'Hosting' }, { id: 'backup', name: 'Backup' }];

/**
 * The life of an agreement across two real gateways: proposed by the provider, accepted by the
 * customer, used for calls, then terminated. The provider's clock can be moved on (a few minutes at
 * most, within the message window) to pass an effective date.
 */
describe('an agreement proposed by the provider, accepted, used, then terminated', () => {
  let customer: { id: string; key: TestPartner; port: number };
  let provider: { id: string; key: TestPartner; port: number };
  let a: GatewayFixture;
  let b: GatewayFixture;
  let ahead = 0;
  const providerNow = (): number => Date.now() + ahead;

  beforeAll(async () => {
    customer = { id: 'county', key: await makePartner('county'), port: await freePort() };
    provider = { id: 'datacentre', key: await makePartner('datacentre'), port: await freePort() };
    b = await startGateway({
      partyId: provider.id,
      port: provider.port,
      signing: provider.key,
      partners: [],
      now: providerNow,
      config: {
        services: SERVICES,
        partners: [gatewayPartner(customer, ['customer'])],
        // A contract of the config file whose period is over.
        agreements: [
          { id: 'county-2025', customer: 'county', services: ['backup'], serviceLevels: SERVICE_LEVELS, validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' },
          // Availability targets: 99.5% for the agreement, 99.9% for backup.
          { id: 'county-sla', customer: 'county', services: ['hosting', 'backup'], serviceLevels: { ...SERVICE_LEVELS, availability: 99.5 }, serviceLevelsByService: { backup: { availability: 99.9 } } },
        ],
      },
    });
    a = await startGateway({
      partyId: customer.id,
      port: customer.port,
      signing: customer.key,
      partners: [],
      config: { partners: [gatewayPartner(provider, ['supplier'], SERVICES)], agreements: [] },
    });
  });
  afterAll(async () => {
    for (const g of [a, b]) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  const submit = (agreement: string, ref: string, service = 'hosting') =>
    b.client(customer.key).send(
      '/v1/calls',
      b.client(customer.key).envelope('call.submit', { type: 'incident', service, agreement, summary: 'Disk full', impact: 'high', urgency: 'medium', requester: { name: 'Ops' }, externalRef: ref }),
    );

  it('lets the provider propose to a customer, signed by the provider, and the customer accept it', async () => {
    const proposed = await b.desk('POST', '/v1/desk/agreements', { id: 'county-hosting', customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ id: 'county-hosting', version: 1, status: 'proposed', offeredBy: provider.id, provider: provider.id, customer: customer.id });
    expect(proposed.body.signatures).toMatchObject({ customer: null });

    const atCustomer = await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/county-hosting')).body.items?.[0]);
    expect(atCustomer).toMatchObject({ status: 'proposed', offeredBy: provider.id });
    const keyOf = (p: TestPartner) => ({ algorithms: new Set(['EdDSA']), keyFor: (kid: string) => (kid === p.key.kid ? p.key : undefined) });
    expect(verifyDetached(Buffer.from(atCustomer.document), atCustomer.signatures.provider, keyOf(provider.key)).key.kid).toBe(provider.key.key.kid);
    // The provider may not accept its own offer.
    expect((await b.desk('POST', '/v1/desk/agreements/county-hosting/accept')).body.code).toBe('USM_ERR_CONFLICT');

    const accepted = await a.desk('POST', '/v1/desk/agreements/county-hosting/accept');
    expect(accepted.body).toMatchObject({ status: 'active' });
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/county-hosting')).body.items.at(-1).status === 'active');
    expect((await submit('county-hosting', 'county-1')).status).toBe(201);
  });

  it('refuses a provider proposal of services the provider does not have, or to a party that is not a customer', async () => {
    const unknown = await b.desk('POST', '/v1/desk/agreements', { customer: customer.id, services: ['catering'], serviceLevels: SERVICE_LEVELS });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    const both = await b.desk('POST', '/v1/desk/agreements', { customer: customer.id, provider: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS });
    expect(both).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    const stranger = await b.desk('POST', '/v1/desk/agreements', { customer: 'nobody', services: ['hosting'], serviceLevels: SERVICE_LEVELS });
    expect(stranger).toMatchObject({ status: 422, body: { code: 'USM_ERR_ROUTE_NOT_FOUND' } });
  });

  it('ends the agreement from a date: signed by the terminating party, acknowledged by the other, calls refused from then on', async () => {
    const effectiveAt = new Date(Date.now() + 60_000).toISOString();
    expect((await a.desk('POST', '/v1/desk/agreements/county-hosting/terminate', { effectiveAt: new Date(Date.now() - 60_000).toISOString() })).body.code).toBe('USM_ERR_VALIDATION');
    const terminated = await a.desk('POST', '/v1/desk/agreements/county-hosting/terminate', { effectiveAt, reason: 'moving to another data centre' });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'active', termination: { by: customer.id, effectiveAt, reason: 'moving to another data centre' } });
    expect((await a.desk('POST', '/v1/desk/agreements/county-hosting/terminate', { effectiveAt })).body.code).toBe('USM_ERR_CONFLICT');

    // The provider's gateway takes the notice, checks the customer's signature and acknowledges it with its own.
    const keyOf = (p: TestPartner) => ({ algorithms: new Set(['EdDSA']), keyFor: (kid: string) => (kid === p.key.kid ? p.key : undefined) });
    const acknowledged = await eventually(async () => {
      const latest = (await a.desk('GET', '/v1/desk/agreements/county-hosting')).body.items.at(-1);
      return latest.termination?.acknowledgement !== undefined ? latest.termination : false;
    });
    expect(acknowledged.acknowledgement.by).toBe(provider.id);
    expect(verifyDetached(Buffer.from(acknowledged.notice), acknowledged.signature, keyOf(customer.key)).key.kid).toBe(customer.key.key.kid);
    expect(verifyDetached(Buffer.from(acknowledged.notice), acknowledged.acknowledgement.signature, keyOf(provider.key)).key.kid).toBe(provider.key.key.kid);
    expect(JSON.parse(acknowledged.notice)).toEqual({ id: 'county-hosting', version: 1, terminatedBy: customer.id, effectiveAt, reason: 'moving to another data centre' });
    const atProvider = (await b.desk('GET', '/v1/desk/agreements/county-hosting')).body.items.at(-1);
    expect(atProvider.termination).toMatchObject({ by: customer.id, notice: acknowledged.notice, signature: acknowledged.signature, acknowledgement: { by: provider.id } });

    // Before the date calls are taken; from it they are refused, and both views say terminated.
    expect((await submit('county-hosting', 'county-2')).status).toBe(201);
    // (The provider's clock stays ahead from here on: within the message window, and never back.)
    ahead = 120_000;
    const refused = await submit('county-hosting', 'county-3');
    expect(refused).toMatchObject({ status: 422, body: { code: 'USM_ERR_AGREEMENT_TERMINATED' } });
    expect((await b.desk('GET', '/v1/desk/agreements/county-hosting')).body.items.at(-1).status).toBe('terminated');
    const listed = (await b.client(customer.key).get('/v1/agreements/county-hosting')).body as any;
    expect(listed).toMatchObject({ status: 'terminated', terminatesAt: effectiveAt });
  });

  it('refuses a termination notice signed by someone else', async () => {
    const proposed = await b.desk('POST', '/v1/desk/agreements', { id: 'county-backup', customer: customer.id, services: ['backup'], serviceLevels: SERVICE_LEVELS });
    expect(proposed.status).toBe(201);
    await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/county-backup')).status === 200);
    expect((await a.desk('POST', '/v1/desk/agreements/county-backup/accept')).status).toBe(200);
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/county-backup')).body.items.at(-1).status === 'active');
    const intruder = await makePartner('intruder');
    const notice = JSON.stringify({ id: 'county-backup', version: 1, terminatedBy: customer.id, effectiveAt: new Date().toISOString() });
    const client = b.client(customer.key);
    const answer = await client.send('/v1/messages', client.envelope('agreement.terminate', { notice, signature: b.client(intruder).sign(notice) }));
    expect(answer.status).toBe(401);
    expect((await b.desk('GET', '/v1/desk/agreements/county-backup')).body.items.at(-1).termination).toBeUndefined();

    // The provider may terminate too; the customer's gateway acknowledges.
    const effectiveAt = new Date(providerNow() + 3_600_000).toISOString();
    expect((await b.desk('POST', '/v1/desk/agreements/county-backup/terminate', { effectiveAt })).body.termination).toMatchObject({ by: provider.id, effectiveAt });
    const atCustomer = await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/county-backup')).body.items.at(-1).termination ?? false);
    expect(atCustomer).toMatchObject({ by: provider.id, effectiveAt, acknowledgement: { by: customer.id } });
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/county-backup')).body.items.at(-1).termination?.acknowledgement?.by === customer.id);
  });

  it('refuses calls outside the validity period of a negotiated agreement, or of one in the config file', async () => {
    const validFrom = new Date(Date.now() + 86_400_000).toISOString();
    const backwards = await b.desk('POST', '/v1/desk/agreements', { customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS, validFrom, validUntil: '2026-01-01T00:00:00Z' });
    expect(backwards).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION', errors: [{ path: 'validUntil' }] } });
    const proposed = await b.desk('POST', '/v1/desk/agreements', { id: 'county-next-year', customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS, validFrom });
    expect(proposed.body).toMatchObject({ status: 'proposed', validFrom });
    expect(JSON.parse(proposed.body.document).validFrom).toBe(validFrom);
    await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/county-next-year')).status === 200);
    expect((await a.desk('POST', '/v1/desk/agreements/county-next-year/accept')).body).toMatchObject({ status: 'active', validFrom });
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/county-next-year')).body.items.at(-1).status === 'active');

    expect(await submit('county-next-year', 'county-4')).toMatchObject({ status: 422, body: { code: 'USM_ERR_AGREEMENT_OUTSIDE_VALIDITY' } });
    expect(await submit('county-2025', 'county-5', 'backup')).toMatchObject({ status: 422, body: { code: 'USM_ERR_AGREEMENT_OUTSIDE_VALIDITY' } });
    const listed = ((await b.client(customer.key).get('/v1/agreements')).body as any).items;
    expect(listed.find((x: any) => x.id === 'county-2025')).toMatchObject({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' });
    expect(listed.find((x: any) => x.id === 'county-next-year')).toMatchObject({ validFrom });
  });

  it('gives each service of an agreement its own levels, and starts the clock of a call with those of its service', async () => {
    const byService = { backup: { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 15, resolutionMinutes: 60 }] } };
    const foreign = await b.desk('POST', '/v1/desk/agreements', { customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS, serviceLevelsByService: byService });
    expect(foreign).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION', errors: [{ path: 'serviceLevelsByService/backup' }] } });
    const proposed = await b.desk('POST', '/v1/desk/agreements', { id: 'county-both', customer: customer.id, services: ['hosting', 'backup'], serviceLevels: SERVICE_LEVELS, serviceLevelsByService: byService });
    expect(proposed.body.serviceLevelsByService).toEqual(byService);
    await eventually(async () => (await a.desk('GET', '/v1/desk/agreements/county-both')).status === 200);
    expect((await a.desk('POST', '/v1/desk/agreements/county-both/accept')).body.serviceLevelsByService).toEqual(byService);
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements/county-both')).body.items.at(-1).status === 'active');

    const due = (answer: any) => {
      const { call } = answer.body;
      return [Date.parse(call.sla.responseDueAt) - Date.parse(call.createdAt), Date.parse(call.sla.resolutionDueAt) - Date.parse(call.createdAt)];
    };
    expect(due(await submit('county-both', 'county-6', 'hosting'))).toEqual([30 * 60_000, 480 * 60_000]);
    expect(due(await submit('county-both', 'county-7', 'backup'))).toEqual([15 * 60_000, 60 * 60_000]);
    const listed = (await b.client(customer.key).get('/v1/agreements/county-both')).body as any;
    expect(listed.serviceLevelsByService).toEqual(byService);
  });

  it('measures availability per service from incidents flagged as outages and declared windows, against each target', async () => {
    const opened = await submit('county-sla', 'county-8');
    expect(opened.status).toBe(201);
    const { id, createdAt } = (opened.body as any).call;
    const flagged = await b.desk('POST', '/v1/desk/agreements/county-sla/outages', { callId: id, reason: 'storage array down' });
    expect(flagged).toMatchObject({ status: 201, body: { source: 'incident', callId: id, service: 'hosting', startAt: createdAt } });
    expect(flagged.body.endAt).toBeUndefined();
    expect((await b.desk('POST', '/v1/desk/agreements/county-sla/outages', { callId: id })).body.code).toBe('USM_ERR_CONFLICT');
    const other = (await submit('county-both', 'county-9')).body as any;
    expect((await b.desk('POST', '/v1/desk/agreements/county-sla/outages', { callId: other.call.id })).body.code).toBe('USM_ERR_AGREEMENT_INVALID');

    // Resolving the incident ends the outage.
    let call = (await b.desk('GET', `/v1/desk/calls/${id}`)).body;
    for (let guard = 0; call.status !== 'resolved' && guard < 30; guard++) {
      const kinds: string[] = call.allowedActions.map((x: { kind: string }) => x.kind);
      const answer = kinds.includes('resolve')
        ? await b.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'array replaced' })
        : await b.desk('POST', `/v1/desk/calls/${id}/advance`, call.allowedActions.find((x: { kind: string }) => x.kind === 'advance')?.branches ? { branch: 'operate' } : {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      call = answer.body;
    }
    const [recorded] = (await b.desk('GET', '/v1/desk/agreements/county-sla/outages')).body.items;
    expect(recorded).toMatchObject({ callId: id, startAt: createdAt });
    expect(Date.parse(recorded.endAt)).toBeGreaterThanOrEqual(Date.parse(createdAt));

    // Declared windows in a month that is over: two overlapping on hosting (three hours in all), one hour on backup.
    for (const window of [
      { service: 'hosting', startAt: '2026-11-10T10:00:00Z', endAt: '2026-11-10T12:00:00Z' },
      { service: 'hosting', startAt: '2026-11-10T11:00:00Z', endAt: '2026-11-10T13:00:00Z', reason: 'network maintenance overran' },
      { service: 'backup', startAt: '2026-11-20T00:00:00Z', endAt: '2026-11-20T01:00:00Z' },
    ]) {
      expect((await b.desk('POST', '/v1/desk/agreements/county-sla/outages', window)).body).toMatchObject({ source: 'declared', service: window.service });
    }
    expect((await b.desk('POST', '/v1/desk/agreements/county-sla/outages', { service: 'catering', startAt: '2026-11-01T00:00:00Z' })).body.code).toBe('USM_ERR_VALIDATION');
    expect((await b.desk('POST', '/v1/desk/agreements/county-sla/outages', { callId: id, service: 'hosting', startAt: '2026-11-01T00:00:00Z' })).body.code).toBe('USM_ERR_VALIDATION');

    const november = (await b.desk('GET', '/v1/desk/agreements/county-sla/availability?period=2026-11')).body;
    expect(november).toMatchObject({ agreement: 'county-sla', from: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z', measuredUntil: '2026-12-01T00:00:00.000Z' });
    const byService = Object.fromEntries(november.services.map((x: any) => [x.service, x]));
    expect(byService.hosting).toMatchObject({ target: 99.5, availability: 99.583, met: true, downtimeMinutes: 180, measuredMinutes: 43_200 });
    expect(byService.backup).toMatchObject({ target: 99.9, availability: 99.861, met: false, downtimeMinutes: 60 });
    // The customer reads the same report of its own agreement.
    const asCustomer = (await b.client(customer.key).get('/v1/agreements/county-sla/availability?period=2026-11')).body as any;
    expect(asCustomer.services).toEqual(november.services);

    // The month of the incident counts its outage.
    const month = createdAt.slice(0, 7);
    const current = (await b.desk('GET', `/v1/desk/agreements/county-sla/availability?period=${month}`)).body;
    const hosting = current.services.find((x: any) => x.service === 'hosting');
    expect(hosting.outages.map((o: any) => o.callId)).toEqual([id]);
    expect(hosting.downtimeMinutes).toBeCloseTo((Date.parse(recorded.endAt) - Date.parse(createdAt)) / 60_000, 2);
    expect((await b.desk('GET', '/v1/desk/agreements/county-sla/availability?period=2026-13')).status).toBe(400);
    expect((await b.desk('GET', '/v1/desk/agreements/nothing/availability?period=2026-11')).body.code).toBe('USM_ERR_AGREEMENT_NOT_FOUND');
  });
});
