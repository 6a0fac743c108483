import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  ADMIN_TOKEN,
  DESK_TOKEN,
  eventually,
  gatewayNode,
  gatewayPartner,
  incident,
  makePartner,
  removeDir,
  SERVICE_LEVELS,
  startGateway,
  type GatewayFixture,
  type GatewayNode,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { signBatch } from '../../src/messages/batch.js';
import { has, parseExposition, scrape, valueOf, type Sample } from './exposition.js';

const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

/** A provider whose `workplace` incidents go to `supplier` on their own (an automatic route). */
function provider(self: GatewayNode, clinic: TestPartner, supplier: GatewayNode, delivery: Record<string, unknown> = {}) {
  return startGateway({
    partyId: self.id,
    port: self.port,
    signing: self.key,
    partners: [clinic],
    config: {
      partners: [{ id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(supplier, ['supplier'], HOSTING)],
      underpinning: [{ id: 'provider-supplier', supplier: supplier.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      routes: [{ service: 'workplace', supplier: supplier.id, supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
      delivery: { backoffBaseMs: 20, backoffMaxMs: 100, circuitCooldownMs: 100, timeoutMs: 1000, ...delivery },
    },
  });
}

function supplierOf(self: GatewayNode, customer: GatewayNode) {
  return startGateway({
    partyId: self.id,
    port: self.port,
    signing: self.key,
    partners: [],
    config: {
      services: HOSTING,
      partners: [gatewayPartner(customer, ['customer'])],
      agreements: [{ id: 'provider-supplier', customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
    },
  });
}

/** How much each figure moved between two scrapes. */
function delta(before: readonly Sample[], after: readonly Sample[]) {
  return (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
}

async function submit(gateway: GatewayFixture, clinic: TestPartner, overrides: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const client = gateway.client(clinic);
  return client.send('/v1/calls', client.envelope('call.submit', incident({ externalRef: `ref-${Math.random()}`, ...overrides }, clinic.id)));
}

/** A webhook receiver on loopback answering 500 to the first `failFirst` deliveries (all of them when Infinity). */
async function receiver(failFirst: number): Promise<{ url: string; attempts: () => number; close: () => Promise<void> }> {
  let attempts = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      attempts++;
      res.writeHead(attempts <= failFirst ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`,
    attempts: () => attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('metrics', () => {
  const open: GatewayFixture[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const g of open.splice(0)) {
      await g.close();
      await removeDir(g.dir);
    }
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('answers /metrics only to an admin token, in the Prometheus text format', async () => {
    const gateway = await startGateway({ partners: [await makePartner('hospital')] });
    open.push(gateway);
    const without = await fetch(`${gateway.url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await without.json()) as { code: string }).code).toBe('USM_ERR_TOKEN_MISSING');
    const desk = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${DESK_TOKEN}` } });
    expect(desk.status).toBe(401);
    expect(((await desk.json()) as { code: string }).code).toBe('USM_ERR_TOKEN_INVALID');

    const answer = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await answer.text();
    const samples = parseExposition(text);
    expect(text).toContain('# TYPE usm_link_http_requests_total counter');
    expect(text).toContain('# TYPE usm_link_outbox_pending_messages gauge');
    expect(text).toContain('# TYPE usm_link_store_fsync_duration_seconds histogram');
    expect(valueOf(samples, 'usm_link_build_info', { party: 'provider' })).toBe(1);
    expect(valueOf(samples, 'usm_link_store_up')).toBe(1);
    // The process's own figures come once, after the gateway's.
    expect(text.match(/^# TYPE process_cpu_seconds_total counter$/gm)).toHaveLength(1);
    // The refused scrapes were counted, by operation and status.
    expect(valueOf(samples, 'usm_link_http_requests_total', { operation: 'getMetrics', status: '401' })).toBe(2);
  });

  it('counts calls in, sub-calls out and what each gateway received, each gateway in its own registry', async () => {
    const clinic = await makePartner('clinic');
    const [p, s] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
    const supplier = await supplierOf(s, p);
    const gateway = await provider(p, clinic, s);
    open.push(supplier, gateway);
    const beforeP = await scrape(gateway.url, ADMIN_TOKEN);
    const beforeS = await scrape(supplier.url, ADMIN_TOKEN);

    for (let i = 0; i < 3; i++) expect((await submit(gateway, clinic, { urgency: 'high' })).status).toBe(201);
    // An identical resend gets the first answer again; a body that is not what was signed is refused.
    const client = gateway.client(clinic);
    const body = JSON.stringify(client.envelope('call.submit', incident({ externalRef: 'resent' }, clinic.id)));
    const headers = { 'content-type': 'application/json', 'usm-signature': client.sign(body) };
    expect((await client.sendRaw('/v1/calls', body, headers)).status).toBe(201);
    expect((await client.sendRaw('/v1/calls', body, headers)).status).toBe(201);
    expect((await client.sendRaw('/v1/calls', body.replace('resent', 'tampered'), headers)).status).toBe(401);
    // Signed by the clinic but addressed to another gateway: refused by the envelope check.
    const misaddressed = JSON.stringify({ ...client.envelope('call.submit', incident({ externalRef: 'elsewhere' }, clinic.id)), to: 'someone-else' });
    expect((await client.sendRaw('/v1/calls', misaddressed, { 'content-type': 'application/json', 'usm-signature': client.sign(misaddressed) })).status).toBe(400);

    await eventually(async () => ((await supplier.desk('GET', '/v1/desk/calls')).body.items.length === 4 ? true : false));
    const afterP = await eventually(async () => {
      const samples = await scrape(gateway.url, ADMIN_TOKEN);
      return valueOf(samples, 'usm_link_messages_sent_total', { outcome: 'delivered' }) === 4 ? samples : false;
    });
    const afterS = await scrape(supplier.url, ADMIN_TOKEN);
    const movedP = delta(beforeP, afterP);
    const movedS = delta(beforeS, afterS);

    expect(movedP('usm_link_http_requests_total', { operation: 'submitCall', status: '201' })).toBe(5);
    expect(movedP('usm_link_http_requests_total', { operation: 'submitCall', status: '401' })).toBe(1);
    expect(movedP('usm_link_http_requests_total', { operation: 'submitCall', status: '400' })).toBe(1);
    expect(movedP('usm_link_http_request_duration_seconds_count', { operation: 'submitCall' })).toBe(7);
    expect(movedP('usm_link_http_requests_total', { operation: 'getMetrics', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(movedP('usm_link_messages_received_total', { partner: 'clinic', type: 'call.submit', outcome: 'accepted' })).toBe(4);
    expect(movedP('usm_link_messages_received_total', { partner: 'clinic', type: 'call.submit', outcome: 'replayed' })).toBe(1);
    expect(movedP('usm_link_messages_received_total', { partner: 'unknown', outcome: 'refused', code: 'USM_ERR_SIGNATURE_INVALID' })).toBe(1);
    expect(movedP('usm_link_messages_received_total', { partner: 'clinic', outcome: 'refused', code: 'USM_ERR_WRONG_RECIPIENT' })).toBe(1);
    expect(movedP('usm_link_message_refusals_total', { check: 'signature', code: 'USM_ERR_SIGNATURE_INVALID' })).toBe(1);
    expect(movedP('usm_link_message_refusals_total', { check: 'envelope', code: 'USM_ERR_WRONG_RECIPIENT' })).toBe(1);
    expect(movedP('usm_link_message_refusals_total')).toBe(2);
    expect(movedP('usm_link_messages_sent_total', { partner: 'supplier', type: 'call.submit', outcome: 'delivered' })).toBe(4);
    expect(movedP('usm_link_messages_sent_total', { outcome: 'retried' })).toBe(0);
    expect(Math.abs(valueOf(afterP, 'usm_link_partner_clock_skew_seconds', { partner: 'clinic' }))).toBeLessThan(5);
    // Every write went through a group commit and an fsync.
    expect(movedP('usm_link_store_group_commit_writes_sum')).toBeGreaterThanOrEqual(4);
    expect(movedP('usm_link_store_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(movedP('usm_link_store_fsync_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(valueOf(afterP, 'usm_link_outbox_pending_messages', { partner: 'supplier' })).toBe(0);
    expect(valueOf(afterP, 'usm_link_partner_circuit_state', { partner: 'supplier', state: 'closed' })).toBe(1);
    expect(valueOf(afterP, 'usm_link_partner_circuit_state', { partner: 'supplier', state: 'open' })).toBe(0);

    // The supplier counted what it received, from the provider, and nothing of the clinic's.
    expect(movedS('usm_link_messages_received_total', { partner: 'provider', type: 'call.submit', outcome: 'accepted' })).toBe(4);
    expect(movedS('usm_link_messages_received_total', { outcome: 'refused' })).toBe(0);
    expect(has(afterS, 'usm_link_messages_received_total', { partner: 'clinic' })).toBe(false);
    expect(movedS('usm_link_messages_sent_total')).toBe(0);
  });

  it('counts each message of a batch by its own answer, and a batch refused as a whole by its messages', async () => {
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital] });
    open.push(gateway);
    const client = gateway.client(hospital);
    const text = (overrides: Record<string, unknown>) => JSON.stringify(client.envelope('call.submit', incident(overrides, hospital.id)));
    const post = async (texts: string[], signature: string) =>
      fetch(`${gateway.url}/v1/messages/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'usm-signature': signature },
        body: JSON.stringify({ messages: texts.map((message) => ({ message })) }),
      });
    const iat = () => Math.floor(Date.now() / 1000);
    const first = text({ summary: 'one' });
    const texts = [
      first,
      text({ summary: 'two' }),
      // Refused before its operation looks at it: against the contract, not JSON.
      text({ summary: undefined }),
      '{"not json',
      // Refused by its operation: addressed to another gateway.
      JSON.stringify({ ...JSON.parse(text({ summary: 'three' })), to: 'elsewhere' }),
    ];
    const before = await scrape(gateway.url, ADMIN_TOKEN);
    const answer = await post(texts, signBatch(texts.map((message) => ({ message })), hospital.key, iat()).signature);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual([201, 201, 400, 400, 400]);
    // The first message again, beside a new one: replayed and accepted.
    const again = [first, text({ summary: 'four' })];
    expect((await post(again, signBatch(again.map((message) => ({ message })), hospital.key, iat()).signature)).status).toBe(200);
    // A manifest signed by a key no partner has: the whole batch is refused.
    const stranger = await makePartner('stranger');
    expect((await post(again, signBatch(again.map((message) => ({ message })), stranger.key, iat()).signature)).status).toBe(401);

    const moved = delta(before, await scrape(gateway.url, ADMIN_TOKEN));
    expect(moved('usm_link_messages_received_total', { partner: 'hospital', type: 'call.submit', outcome: 'accepted' })).toBe(3);
    expect(moved('usm_link_messages_received_total', { partner: 'hospital', type: 'call.submit', outcome: 'replayed' })).toBe(1);
    expect(moved('usm_link_messages_received_total', { partner: 'hospital', type: 'other', outcome: 'refused', code: 'USM_ERR_VALIDATION' })).toBe(1);
    expect(moved('usm_link_messages_received_total', { partner: 'hospital', type: 'other', outcome: 'refused', code: 'USM_ERR_MALFORMED_JSON' })).toBe(1);
    expect(moved('usm_link_messages_received_total', { partner: 'hospital', type: 'call.submit', outcome: 'refused', code: 'USM_ERR_WRONG_RECIPIENT' })).toBe(1);
    expect(moved('usm_link_messages_received_total', { partner: 'unknown', type: 'batch', outcome: 'refused', code: 'USM_ERR_UNKNOWN_KEY' })).toBe(1);
    expect(moved('usm_link_messages_received_total')).toBe(8);
    expect(moved('usm_link_message_refusals_total', { check: 'signature', code: 'USM_ERR_UNKNOWN_KEY' })).toBe(1);
    expect(moved('usm_link_message_refusals_total', { check: 'envelope' })).toBe(3);
    expect(moved('usm_link_http_requests_total', { operation: 'receiveBatch', status: '200' })).toBe(2);
    expect(moved('usm_link_http_requests_total', { operation: 'receiveBatch', status: '401' })).toBe(1);
  });

  it('reads the queue, its age, the circuit and the dead letters per partner at scrape time', async () => {
    const clinic = await makePartner('clinic');
    const [p, s, p2] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier'), gatewayNode('provider-two')]);
    // The supplier's port is held by a listener that drops every connection (no other test's server can
    // take it while the suite runs): two failures in a row open the circuit for a minute.
    const dropping = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropping.listen(s.port, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => dropping.close(() => resolve())));
    const gateway = await provider(p, clinic, s, { circuitFailureThreshold: 2, circuitCooldownMs: 60_000, batchSize: 1 });
    open.push(gateway);
    expect((await submit(gateway, clinic)).status).toBe(201);
    expect((await submit(gateway, clinic)).status).toBe(201);
    const samples = await eventually(async () => {
      const scraped = await scrape(gateway.url, ADMIN_TOKEN);
      return valueOf(scraped, 'usm_link_partner_circuit_state', { partner: 'supplier', state: 'open' }) === 1 &&
        valueOf(scraped, 'usm_link_outbox_oldest_pending_age_seconds', { partner: 'supplier' }) > 0
        ? scraped
        : false;
    });
    expect(valueOf(samples, 'usm_link_outbox_pending_messages', { partner: 'supplier' })).toBe(2);
    expect(valueOf(samples, 'usm_link_outbox_dead_letters', { partner: 'supplier' })).toBe(0);
    // Both messages may be on their way when the circuit opens: two failures or three, each counted once.
    const failures = valueOf(samples, 'usm_link_partner_circuit_failures', { partner: 'supplier' });
    expect(failures).toBeGreaterThanOrEqual(2);
    expect(failures).toBeLessThanOrEqual(3);
    expect(valueOf(samples, 'usm_link_partner_circuit_state', { partner: 'supplier' })).toBe(1);
    const retried = valueOf(samples, 'usm_link_messages_sent_total', { partner: 'supplier', type: 'call.submit', outcome: 'retried' });
    expect(retried).toBeGreaterThanOrEqual(2);
    expect(retried).toBeLessThanOrEqual(failures);
    expect(valueOf(samples, 'usm_link_messages_sent_total', { outcome: 'delivered' })).toBe(0);
    // The clinic has no gateway: no queue or circuit of its own.
    expect(has(samples, 'usm_link_outbox_pending_messages', { partner: 'clinic' })).toBe(false);

    // Another provider gives up after one attempt: its messages are dead letters.
    const other = await provider(p2, clinic, s, { maxAttempts: 1, batchSize: 1 });
    open.push(other);
    for (let i = 0; i < 3; i++) expect((await submit(other, clinic)).status).toBe(201);
    const dead = await eventually(async () => {
      const scraped = await scrape(other.url, ADMIN_TOKEN);
      return valueOf(scraped, 'usm_link_outbox_dead_letters', { partner: 'supplier' }) === 3 ? scraped : false;
    });
    expect(valueOf(dead, 'usm_link_outbox_pending_messages', { partner: 'supplier' })).toBe(0);
    expect(valueOf(dead, 'usm_link_outbox_oldest_pending_age_seconds', { partner: 'supplier' })).toBe(0);
    expect(valueOf(dead, 'usm_link_messages_sent_total', { partner: 'supplier', outcome: 'dead' })).toBe(3);
    // Each gateway's figures are its own.
    expect(valueOf(await scrape(gateway.url, ADMIN_TOKEN), 'usm_link_outbox_dead_letters')).toBe(0);
  });

  it('counts webhook deliveries, failures and give-ups, and service-level breaches', async () => {
    const hospital = await makePartner('hospital');
    let shift = 0;
    const gateway = await startGateway({ partners: [hospital], now: () => Date.now() + shift });
    open.push(gateway);
    const flaky = await receiver(1);
    const broken = await receiver(Infinity);
    cleanups.push(flaky.close, broken.close);
    const secret = 'webhook-secret-0123456789';
    expect((await gateway.desk('POST', '/v1/desk/webhooks', { url: flaky.url, secret, events: ['call.created'] })).status).toBe(201);
    expect((await gateway.desk('POST', '/v1/desk/webhooks', { url: broken.url, secret, events: ['call.created'] })).status).toBe(201);
    const before = await scrape(gateway.url, ADMIN_TOKEN);
    expect(valueOf(before, 'usm_link_webhook_deliveries_total', { outcome: 'delivered' })).toBe(0);
    expect(valueOf(before, 'usm_link_sla_breaches_total', { customer: 'hospital', target: 'response' })).toBe(0);

    // Priority 1: a response is due within 15 minutes.
    const submitted = await submit(gateway, hospital, { urgency: 'high' });
    expect(submitted.status).toBe(201);
    await eventually(async () => flaky.attempts() === 2 && broken.attempts() === 3);
    const after = await eventually(async () => {
      const scraped = await scrape(gateway.url, ADMIN_TOKEN);
      return valueOf(scraped, 'usm_link_webhook_deliveries_total', { outcome: 'given_up' }) === 1 ? scraped : false;
    });
    expect(valueOf(after, 'usm_link_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
    expect(valueOf(after, 'usm_link_webhook_deliveries_total', { outcome: 'failed' })).toBe(3);

    shift = 16 * 60_000;
    expect(await gateway.app.gateway.slaWatcher.tick()).toBe(1);
    // A second look finds the breach recorded and counts nothing more.
    await gateway.app.gateway.slaWatcher.tick();
    const breached = await scrape(gateway.url, ADMIN_TOKEN);
    expect(valueOf(breached, 'usm_link_sla_breaches_total', { customer: 'hospital', target: 'response' })).toBe(1);
    expect(valueOf(breached, 'usm_link_sla_breaches_total', { target: 'resolution' })).toBe(0);
  });
});
