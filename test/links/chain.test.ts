import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import {
  eventually,
  type GatewayNode as Node,
  incident,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';


async function logOf(gateway: GatewayFixture): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for await (const record of gateway.app.gateway.store.readLog()) records.push(record);
  return records;
}

/**
 * A hospital's gateway -> a regional health-data exchange -> its hosting supplier. The hospital's
 * desk escalates by hand; the exchange forwards automatically and resolves when hosting does.
 */
describe('a three-gateway chain', () => {
  let ward: TestPartner;
  let hospital: Node;
  let exchange: Node;
  let hosting: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let c: GatewayFixture;

  let chain: HealthChain;

  beforeAll(async () => {
    chain = await startHealthChain({ exchangeRoute: { callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve', relayNotes: true }, hospitalRoute: { callTypes: ['incident'] } });
    ({ ward, hospital, exchange, hosting, a, b, c } = chain);
  });
  afterAll(async () => {
    await chain?.close();
  });

  it('forks down, resolves at the end, and carries the resolution and closure back and forth', async () => {
    const client = a.client(ward);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = JSON.stringify(client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'Patient records do not load' })));
    const submitted = await client.sendRaw('/v1/calls', body, {
      'content-type': 'application/json',
      'usm-signature': client.sign(body),
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(submitted.status).toBe(201);
    const parent = (submitted.body as any).call;

    // The hospital's desk analyses (Recover 3) and escalates to the exchange.
    await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, {});
    await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, {});
    const forked = await a.desk('POST', `/v1/desk/calls/${parent.id}/forks`, { supplier: exchange.id });
    expect(forked.status, JSON.stringify(forked.body)).toBe(201);
    expect((await a.desk('GET', `/v1/desk/calls/${parent.id}`)).body.status).toBe('held');

    // The exchange receives it and forwards it to hosting by its automatic route.
    const atExchange = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atExchange).toMatchObject({ customer: hospital.id, externalRef: forked.body.id, chainId: parent.chainId, hops: [hospital.id], status: 'held', process: 'recover', step: 3 });
    const atHosting = await eventually(async () => (await c.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atHosting).toMatchObject({ customer: exchange.id, chainId: parent.chainId, hops: [hospital.id, exchange.id], status: 'acknowledged', traceId });
    expect(atExchange.traceId).toBe(traceId);

    // The hospital sees the exchange's sub-call held (the exchange waits on hosting).
    await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${parent.id}/forks`)).body.items[0].status === 'held');
    const link = (await a.desk('GET', `/v1/desk/calls/${parent.id}/forks`)).body.items[0];
    expect(link.remoteCallId).toBe(atExchange.id);

    // Hosting works it through workflow 4 and resolves it.
    const id = atHosting.id;
    for (let i = 0; i < 4; i++) await c.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await c.desk('POST', `/v1/desk/calls/${id}/notes`, { text: 'Storage node replaced', visibility: 'public' });
    await c.desk('POST', `/v1/desk/calls/${id}/advance`, { branch: 'operate' });
    for (let i = 0; i < 5; i++) await c.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    const resolved = await c.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'Failed storage node replaced' });
    expect(resolved.body.status).toBe('resolved');

    // The exchange's rule resolves its call with hosting's resolution, which flows on to the hospital.
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body.status === 'resolved');
    const exchangeNotes = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/notes`)).body.items.map((n: any) => n.text);
    expect(exchangeNotes).toContain('hosting: Storage node replaced');
    const hospitalSide = await eventually(async () => {
      const call = (await a.desk('GET', `/v1/desk/calls/${parent.id}`)).body;
      return call.status === 'inProgress' && call.links[0].status === 'resolved' ? call : false;
    });
    expect(hospitalSide.links[0].resolution.summary).toBe('Failed storage node replaced');

    // The hospital's desk finishes workflow 3 (a change was needed), the ward confirms.
    await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, {});
    await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, {});
    const decided = await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, { branch: 'change' });
    expect(decided.body.workflow).toBe(3);
    for (let i = 0; i < 14; i++) expect((await a.desk('POST', `/v1/desk/calls/${parent.id}/advance`, {})).status).toBe(200);
    expect((await a.desk('POST', `/v1/desk/calls/${parent.id}/resolve`, { summary: 'Records load again' })).body.status).toBe('resolved');
    const confirmed = await client.send(`/v1/calls/${parent.id}/confirm`, client.envelope('call.confirm', {}, { chainId: parent.chainId }));
    expect((confirmed.body as any).call.status).toBe('closed');

    // Closing the parent confirms the fulfilled sub-calls down the chain.
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body.status === 'closed');
    await eventually(async () => (await c.desk('GET', `/v1/desk/calls/${id}`)).body.status === 'closed');

    // The chain trace from the hospital reaches hosting, with times and receipts at every hop.
    const trace = (await a.desk('GET', `/v1/desk/calls/${parent.id}/trace`)).body;
    expect(trace).toMatchObject({ gateway: hospital.id, callId: parent.id, from: 'ward', status: 'closed' });
    const hop1 = trace.forwarded[0];
    expect(hop1).toMatchObject({ supplier: exchange.id, status: 'closed' });
    expect(hop1.receipt).toMatch(/^ey/);
    expect(hop1.next).toMatchObject({ gateway: exchange.id, callId: atExchange.id, from: hospital.id });
    expect(hop1.next.receipt).toBe(hop1.receipt);
    const hop2 = hop1.next.forwarded[0];
    expect(hop2.next).toMatchObject({ gateway: hosting.id, callId: id, from: exchange.id, forwarded: [] });
    expect(Date.parse(hop2.next.receivedAt)).toBeGreaterThanOrEqual(Date.parse(hop1.next.receivedAt));
    // Each receipt checked against the keys of the gateway that signed it.
    for (const check of [trace.receiptCheck, hop1.receiptCheck, hop1.next.receiptCheck, hop2.receiptCheck, hop2.next.receiptCheck]) expect(check).toEqual({ verified: true });
    expect((await a.client(ward).get(`/v1/calls/${parent.id}/trace`)).status).toBe(200);

    // Every gateway's message log is an intact hash chain, with receipts for what it sent.
    for (const gateway of [a, b, c]) {
      await gateway.app.gateway.outboxWorker.idle();
      const records = await logOf(gateway);
      expect(verifyLog(records)).toMatchObject({ ok: true, records: records.length });
      expect(records.length).toBeGreaterThan(2);
      expect(records.every((r) => typeof r.receipt === 'string' && r.receipt.length > 0)).toBe(true);
    }
    expect((await a.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
  });

  it('keeps the log verifiable offline from the database file', async () => {
    const copy = openSqliteStore(`${b.dir}/gateway.db`);
    const records: LogRecord[] = [];
    for await (const record of copy.readLog()) records.push(record);
    await copy.close();
    expect(verifyLog(records).ok).toBe(true);
  });
});
