import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type GatewayNode as Node,
  incident,
  SERVICE_LEVELS,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';

const HOUR = 3_600_000;

/**
 * Closing across a chain: a ward -> its hospital -> the regional exchange -> hosting. The exchange
 * agreed with the hospital that a resolution the hospital does not answer closes after 24 hours
 * (hosting gives the exchange 48); the ward's agreement with the hospital has no window. Every
 * gateway and client reads one clock, which the test moves.
 */
describe('a resolved call closing itself in a chain', () => {
  let now = Date.parse('2026-05-04T08:00:00.000Z');
  const clock = () => now;
  let ward: TestPartner;
  let exchange: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let c: GatewayFixture;
  const levels = (confirmationHours?: number) => ({ ...SERVICE_LEVELS, ...(confirmationHours !== undefined ? { confirmationHours } : {}) });

  let chain: HealthChain;

  beforeAll(async () => {
    chain = await startHealthChain({
      now: clock,
      exchangeRoute: { callTypes: ['service_request'], mode: 'auto', onSupplierResolved: 'resolve' },
      hospitalRoute: { callTypes: ['service_request'], mode: 'auto', onSupplierResolved: 'resolve' },
      serviceLevels: { 'exchange-hosting': levels(48), 'hospital-exchange': levels(24) },
    });
    ({ ward, exchange, a, b, c } = chain);
  });
  afterAll(async () => {
    await chain?.close();
  });

  it('closes at the exchange after its window, tells the hospital, and confirms the sub-call at hosting', async () => {
    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request', summary: 'Archive the 2019 ward records' }, 'ward')));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const parent = (submitted.body as any).call;
    const atExchange = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    const atHosting = await eventually(async () => (await c.desk('GET', '/v1/desk/calls')).body.items[0]);

    // Hosting executes and resolves; the routes resolve the exchange's and the hospital's calls.
    for (let i = 0; i < 3; i++) await c.desk('POST', `/v1/desk/calls/${atHosting.id}/advance`, {});
    const resolvedAt = now;
    expect((await c.desk('POST', `/v1/desk/calls/${atHosting.id}/resolve`, { summary: 'Archived to cold storage' })).body.status).toBe('resolved');
    const exchangeCall = await eventually(async () => {
      const call = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body;
      return call.status === 'resolved' ? call : false;
    });
    expect(exchangeCall.closesAt).toBe(new Date(resolvedAt + 24 * HOUR).toISOString());
    await eventually(async () => ((await client.get(`/v1/calls/${parent.id}`)).body as any).status === 'resolved');
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${parent.id}/forks`)).body.items[0].status === 'resolved');

    // The hospital does not answer. Just before the window ends nothing happens, at its end the exchange closes.
    now += 24 * HOUR - 1000;
    expect(await b.app.gateway.closeWatcher.tick()).toBe(0);
    now += 1000;
    expect(await b.app.gateway.closeWatcher.tick()).toBe(1);
    const closing = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/history`)).body.items.at(-1);
    expect(closing).toMatchObject({
      actor: { kind: 'system' },
      kind: 'status',
      from: 'resolved',
      to: 'closed',
      comment: 'closed at the end of the 24-hour confirmation window of agreement hospital-exchange',
    });

    // The update goes up the chain: the hospital's sub-call is closed; its own call still waits for the ward (no window).
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${parent.id}/forks`)).body.items[0].status === 'closed');
    expect(await a.app.gateway.closeWatcher.tick()).toBe(0);
    expect(((await client.get(`/v1/calls/${parent.id}`)).body as any).status).toBe('resolved');

    // Closing the exchange's call confirms its sub-call at hosting, which closes (its 48 hours have not passed).
    const hostingSide = await eventually(async () => {
      const call = (await c.desk('GET', `/v1/desk/calls/${atHosting.id}`)).body;
      return call.status === 'closed' ? call : false;
    });
    expect(hostingSide.closesAt).toBeUndefined();
    const hostingHistory = (await c.desk('GET', `/v1/desk/calls/${atHosting.id}/history`)).body.items.slice(-3);
    expect(hostingHistory.map((h: any) => `${h.actor.kind}:${h.actor.id} ${h.kind}`)).toEqual([`customer:${exchange.id} confirmed`, 'system:usm-link step', 'system:usm-link status']);
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/forks`)).body.items[0].status === 'closed');

    // The ward confirms in the end; the hospital closes without confirming the exchange's call again.
    const confirmed = await client.send(`/v1/calls/${parent.id}/confirm`, client.envelope('call.confirm', {}, { chainId: parent.chainId }));
    expect((confirmed.body as any).call.status).toBe('closed');
    for (const gateway of [a, b, c]) await gateway.app.gateway.outboxWorker.idle();
    expect((await a.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
    expect((await b.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
  });
});
