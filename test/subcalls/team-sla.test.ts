import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const MINUTE = 60_000;
const OLA_LEVELS = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 20, resolutionMinutes: 90 }] };

/** The SLA watcher watches an internal team's sub-call by its operational agreement, as it watches calls. */
describe("an internal team's sub-call under the SLA watcher", () => {
  let hospital: TestPartner;
  let gateway: GatewayFixture;
  let clock = Date.parse('2026-03-02T08:00:00.000Z');
  const t0 = clock;
  const at = (minutes: number) => {
    clock = t0 + minutes * MINUTE;
  };

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      now: () => clock,
      config: {
        teams: [{ id: 'dba-team', name: 'Database administrators', services: [{ id: 'databases', name: 'Databases' }] }],
        underpinning: [{ id: 'ola-dba', supplier: 'dba-team', services: ['databases'], serviceLevels: OLA_LEVELS }],
        routes: [{ service: 'workplace', supplier: 'dba-team', supplierService: 'databases', agreement: 'ola-dba', callTypes: ['incident'], mode: 'auto' }],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const teamNotes = async (id: string) =>
    (await gateway.desk('GET', `/v1/desk/calls/${id}/notes`)).body.items.filter((n: any) => n.visibility === 'internal' && n.text.startsWith('dba-team missed')).map((n: any) => n.text);

  it('raises each missed target of the team once, on time, and none after the team resolved its sub-call', async () => {
    const client = gateway.client(hospital);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ urgency: 'medium', impact: 'high' })));
    const call = (answer.body as any).call;
    const forks = async () => (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0];
    const link = await forks();
    expect(link.team.sla).toEqual({ responseDueAt: new Date(t0 + 20 * MINUTE).toISOString(), resolutionDueAt: new Date(t0 + 90 * MINUTE).toISOString() });

    at(19);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await teamNotes(call.id)).toEqual([]);
    // The team has not started at its response due time: one breach, recorded once.
    at(21);
    expect(await gateway.app.gateway.slaWatcher.tick()).toBeGreaterThanOrEqual(1);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await teamNotes(call.id)).toEqual([`dba-team missed the response target of its operational agreement ola-dba (due ${new Date(t0 + 20 * MINUTE).toISOString()}).`]);
    expect((await forks()).team.sla.breaches).toEqual(['response']);

    // Working it answers nothing for the response; its resolution is still due, and missed.
    const work = (body: unknown) => gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/${link.id}/work`, body);
    expect((await work({ status: 'inProgress', note: 'looking' })).status).toBe(200);
    at(91);
    await gateway.app.gateway.slaWatcher.tick();
    await gateway.app.gateway.slaWatcher.tick();
    expect(await teamNotes(call.id)).toHaveLength(2);
    expect((await teamNotes(call.id))[1]).toContain('the resolution target');
    expect((await forks()).team.sla.breaches).toEqual(['response', 'resolution']);
  });

  it('records no breach for a team that answers and resolves in time', async () => {
    at(100);
    const client = gateway.client(hospital);
    const call = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ urgency: 'medium', impact: 'high' })))).body as any).call;
    const [link] = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items;
    at(110);
    expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/${link.id}/work`, { status: 'inProgress' })).status).toBe(200);
    at(150);
    expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/forks/${link.id}/work`, { status: 'resolved', resolution: 'index rebuilt' })).status).toBe(200);
    at(500);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await teamNotes(call.id)).toEqual([]);
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0].team.sla.breaches).toBeUndefined();
  });
});
