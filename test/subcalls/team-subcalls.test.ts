import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const OLA_LEVELS = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 20, resolutionMinutes: 90 }] };

/**
 * An operational agreement with an internal team: the team is a supplier without a gateway, its
 * sub-calls are worked at our own desk (no message is sent) and its service levels set their due times.
 */
describe('an internal team under an operational agreement', () => {
  let hospital: TestPartner;
  let gateway: GatewayFixture;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      config: {
        teams: [{ id: 'dba-team', name: 'Database administrators', services: [{ id: 'databases', name: 'Databases' }] }],
        underpinning: [
          { id: 'ola-dba', supplier: 'dba-team', services: ['databases'], serviceLevels: OLA_LEVELS },
          { id: 'ola-dba-2025', supplier: 'dba-team', services: ['databases'], serviceLevels: OLA_LEVELS, validUntil: '2026-01-01T00:00:00Z' },
        ],
        routes: [{ service: 'workplace', supplier: 'dba-team', supplierService: 'databases', agreement: 'ola-dba', callTypes: ['incident'], mode: 'auto' }],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const submit = async (): Promise<any> => {
    const client = gateway.client(hospital);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ urgency: 'medium', impact: 'high' })));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (answer.body as any).call;
  };

  it('routes a call to the team, due by the OLA, without a message to anyone', async () => {
    const call = await submit();
    expect(call.status).toBe('held');
    const [link] = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items;
    expect(link).toMatchObject({ supplier: 'dba-team', service: 'databases', agreement: 'ola-dba', status: 'acknowledged' });
    const desk = (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body;
    expect(desk.priority).toBe(2);
    expect(Date.parse(link.team.sla.responseDueAt) - Date.parse(link.createdAt)).toBe(20 * 60_000);
    expect(Date.parse(link.team.sla.resolutionDueAt) - Date.parse(link.createdAt)).toBe(90 * 60_000);
    expect((await gateway.admin('GET', '/v1/admin/outbox')).body.items).toEqual([]);
  });

  it('is worked at the desk: notes, then the resolution, which lets the parent go on', async () => {
    const call = await submit();
    const [link] = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items;
    const work = (body: unknown) => gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/${link.id}/work`, body);
    expect((await work({ status: 'inProgress', note: 'restoring the index' })).body).toMatchObject({ status: 'inProgress' });
    expect((await work({ status: 'resolved' })).body.code).toBe('USM_ERR_VALIDATION');
    const resolved = await work({ status: 'resolved', resolution: 'index rebuilt' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { summary: 'index rebuilt' } });
    expect((await work({ status: 'inProgress' })).body.code).toBe('USM_ERR_ILLEGAL_TRANSITION');

    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body.status).toBe('inProgress');
    const notes = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items.map((n: any) => n.text);
    expect(notes).toContain('dba-team: restoring the index');
    expect((await gateway.admin('GET', '/v1/admin/outbox')).body.items).toEqual([]);
  });

  it('cancels a team sub-call at the desk, and refuses work on a missing one', async () => {
    const call = await submit();
    const [link] = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items;
    const cancelled = await gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/${link.id}/cancel`, { reason: 'raised twice' });
    expect(cancelled.status).toBe(202);
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0].status).toBe('cancelled');
    expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/00000000-0000-7000-8000-000000000000/work`, { status: 'inProgress' })).body.code).toBe('USM_ERR_LINK_NOT_FOUND');
    // An operational agreement whose period is over underpins no new sub-call.
    const late = await gateway.desk('POST', `/v1/desk/calls/${call.id}/forks`, { supplier: 'dba-team', service: 'databases', agreement: 'ola-dba-2025' });
    expect(late).toMatchObject({ status: 422, body: { code: 'USM_ERR_AGREEMENT_OUTSIDE_VALIDITY' } });
  });
});
