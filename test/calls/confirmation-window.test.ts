import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';

const HOUR = 3_600_000;
const WINDOWED = (hours: number) => ({ supportHours: '24x7', confirmationHours: hours, targets: [{ priority: 2, responseMinutes: 30, resolutionMinutes: 480 }] });

/** A clock the test moves; every gateway and client of one test reads it. */
function testClock() {
  let now = Date.parse('2026-04-01T09:00:00.000Z');
  return { now: () => now, pass: (ms: number) => void (now += ms) };
}

/** Submits a service request and resolves it; its id and chain. */
async function resolvedRequest(gateway: GatewayFixture, customer: TestPartner): Promise<{ id: string; chainId: string }> {
  const client = gateway.client(customer);
  const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request' }, customer.id)));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const { id, chainId } = (answer.body as any).call;
  for (let i = 0; i < 3; i++) await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
  expect((await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'delivered' })).body.status).toBe('resolved');
  return { id, chainId };
}

describe("the agreement's confirmation window", () => {
  const clock = testClock();
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;

  beforeAll(async () => {
    [hospital, clinic] = await Promise.all([makePartner('hospital'), makePartner('clinic')]);
    gateway = await startGateway({
      partners: [hospital, clinic],
      now: clock.now,
      config: {
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: WINDOWED(72) },
          // No window: a resolution waits for the clinic's answer.
          { id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (gateway) await removeDir(gateway.dir);
  });

  it('closes a resolution the customer did not answer when the window ends, saying so in the history', async () => {
    const resolvedAt = clock.now();
    const { id } = await resolvedRequest(gateway, hospital);
    const client = gateway.client(hospital);
    expect(((await client.get(`/v1/calls/${id}`)).body as any).closesAt).toBe(new Date(resolvedAt + 72 * HOUR).toISOString());

    clock.pass(72 * HOUR - 60_000);
    expect(await gateway.app.gateway.closeWatcher.tick()).toBe(0);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('resolved');

    clock.pass(60_000);
    expect(await gateway.app.gateway.closeWatcher.tick()).toBe(1);
    expect(await gateway.app.gateway.closeWatcher.tick()).toBe(0);
    const closed = (await client.get(`/v1/calls/${id}`)).body as any;
    expect(closed.status).toBe('closed');
    expect(closed.closesAt).toBeUndefined();

    const history = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
    const tail = history.slice(-3).map((h: any) => ({ actor: h.actor.kind, kind: h.kind, to: h.to, comment: h.comment }));
    expect(tail).toEqual([
      { actor: 'system', kind: 'confirmed', to: undefined, comment: 'no answer from hospital within the 72-hour confirmation window of agreement hospital-agreement' },
      { actor: 'system', kind: 'step', to: { process: 'operate', step: 6 }, comment: undefined },
      { actor: 'system', kind: 'status', to: 'closed', comment: 'closed at the end of the 72-hour confirmation window of agreement hospital-agreement' },
    ]);
    // The customer sees the close among its status changes.
    const seen = ((await client.get(`/v1/calls/${id}/history`)).body as any).items.at(-1);
    expect(seen).toMatchObject({ kind: 'status', to: 'closed', actor: { kind: 'system' } });
  });

  it('lets an answer within the window decide: a rejection stops the window, the next resolution starts it again', async () => {
    const { id, chainId } = await resolvedRequest(gateway, hospital);
    const client = gateway.client(hospital);
    clock.pass(10 * HOUR);
    const reopened = await client.send(`/v1/calls/${id}/reopen`, client.envelope('call.reopen', { reason: 'wrong building' }, { chainId }));
    expect((reopened.body as any).call.status).toBe('inProgress');
    expect((reopened.body as any).call.closesAt).toBeUndefined();
    clock.pass(100 * HOUR);
    expect(await gateway.app.gateway.closeWatcher.tick()).toBe(0);

    const again = clock.now();
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'delivered to building B' })).body.status).toBe('resolved');
    expect(((await client.get(`/v1/calls/${id}`)).body as any).closesAt).toBe(new Date(again + 72 * HOUR).toISOString());
  });

  it('never closes a resolution by itself under an agreement without a window', async () => {
    const { id } = await resolvedRequest(gateway, clinic);
    expect(((await gateway.client(clinic).get(`/v1/calls/${id}`)).body as any).closesAt).toBeUndefined();
    clock.pass(10_000 * HOUR);
    await gateway.app.gateway.closeWatcher.tick();
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('resolved');
  });
});

describe('the confirmation window, kept in the store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('survives a restart', async () => {
    const clock = testClock();
    const hospital = await makePartner('hospital');
    let gateway = await startGateway({
      partners: [hospital],
      now: clock.now,
      config: { agreements: [{ id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: WINDOWED(24) }] },
    });
    cleanups.push(async () => {
      await gateway.close();
      await removeDir(gateway.dir);
    });
    const { id } = await resolvedRequest(gateway, hospital);
    gateway = await gateway.restart();
    clock.pass(25 * HOUR);
    expect(await gateway.app.gateway.closeWatcher.tick()).toBe(1);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('closed');
  });

  it('closes a call once though two replicas on one PostgreSQL database look at the same time', async () => {
    const clock = testClock();
    const schema = postgresSchema();
    cleanups.push(schema.drop);
    const hospital = await makePartner('hospital');
    const signing = await makePartner('provider');
    const replica = () =>
      startGateway({
        partners: [hospital],
        signing,
        now: clock.now,
        config: { storage: schema.url, agreements: [{ id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: WINDOWED(24) }] },
      });
    const first = await replica();
    const second = await replica();
    cleanups.push(async () => {
      for (const g of [first, second]) {
        await g.close();
        await removeDir(g.dir);
      }
    });
    const calls = [await resolvedRequest(first, hospital), await resolvedRequest(second, hospital), await resolvedRequest(first, hospital)];
    clock.pass(24 * HOUR);
    const ticks = await Promise.all([first.app.gateway.closeWatcher.tick(), second.app.gateway.closeWatcher.tick()]);
    // Both replicas find the calls due; each call is closed by one of them.
    expect(ticks[0] + ticks[1]).toBe(calls.length);
    for (const { id } of calls) {
      const history = (await second.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
      expect(history.filter((h: any) => h.kind === 'status' && h.to === 'closed')).toHaveLength(1);
      expect(history.filter((h: any) => h.kind === 'confirmed')).toHaveLength(1);
    }
  });
});
