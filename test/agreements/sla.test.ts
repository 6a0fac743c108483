import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const MINUTE = 60_000;

describe('the service-level clock', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clock = Date.parse('2026-03-02T08:00:00.000Z');
  const t0 = clock;
  const at = (minutes: number) => {
    clock = t0 + minutes * MINUTE;
  };

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], now: () => clock });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const internalNotes = async (id: string) =>
    (await gateway.desk('GET', `/v1/desk/calls/${id}/notes`)).body.items.filter((n: any) => n.visibility === 'internal').map((n: any) => n.text);

  it('raises each missed target once, on time, and stops while the call waits', async () => {
    const client = gateway.client(hospital);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ impact: 'high', urgency: 'high' })));
    const call = (answer.body as any).call;
    expect(call.priority).toBe(1);
    expect(call.sla).toMatchObject({ responseDueAt: new Date(t0 + 15 * MINUTE).toISOString(), resolutionDueAt: new Date(t0 + 240 * MINUTE).toISOString(), breaches: [] });

    at(14);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await internalNotes(call.id)).toEqual([]);

    at(16);
    expect(await gateway.app.gateway.slaWatcher.tick()).toBe(1);
    expect(await gateway.app.gateway.slaWatcher.tick()).toBe(0);
    expect(await internalNotes(call.id)).toEqual([`The response target (due ${new Date(t0 + 15 * MINUTE).toISOString()}) was missed.`]);
    expect(((await client.get(`/v1/calls/${call.id}`)).body as any).sla.breaches).toEqual(['response']);

    await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, {});
    at(60);
    await gateway.desk('POST', `/v1/desk/calls/${call.id}/status`, { status: 'pending', reason: 'which ward?' });
    at(300);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await internalNotes(call.id)).toHaveLength(1);

    await gateway.desk('POST', `/v1/desk/calls/${call.id}/status`, { status: 'inProgress' });
    const resumed = ((await client.get(`/v1/calls/${call.id}`)).body as any).sla;
    expect(resumed.resolutionDueAt).toBe(new Date(t0 + 480 * MINUTE).toISOString());
    at(479);
    await gateway.app.gateway.slaWatcher.tick();
    expect(await internalNotes(call.id)).toHaveLength(1);
    at(481);
    await gateway.app.gateway.slaWatcher.tick();
    expect((await internalNotes(call.id))[1]).toContain('The resolution target');
    expect(((await client.get(`/v1/calls/${call.id}`)).body as any).sla.breaches).toEqual(['response', 'resolution']);
  });
});

describe('the service-level clock under an agreement with support hours', () => {
  it("counts the agreement's support hours only", async () => {
    const hospital = await makePartner('hospital');
    // Friday 17:50 UTC; support is Mo-Fr 08:00-18:00 UTC.
    const friday = Date.parse('2026-03-06T17:50:00.000Z');
    const gateway = await startGateway({
      partners: [hospital],
      now: () => friday,
      config: {
        agreements: [
          {
            id: 'hospital-agreement',
            customer: 'hospital',
            services: ['workplace'],
            serviceLevels: { supportHours: 'Mo-Fr 08:00-18:00 UTC', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] },
          },
        ],
      },
    });
    try {
      const client = gateway.client(hospital);
      const call = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ impact: 'high', urgency: 'high' })))).body as any).call;
      // 10 minutes on Friday, the other 5 on Monday morning; the resolution target runs on to Monday 11:50.
      expect(call.sla).toMatchObject({ responseDueAt: '2026-03-09T08:05:00.000Z', resolutionDueAt: '2026-03-09T11:50:00.000Z', supportHours: 'Mo-Fr 08:00-18:00 UTC' });
    } finally {
      await gateway.close();
      await removeDir(gateway.dir);
    }
  });
});
