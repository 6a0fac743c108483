import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerClient } from '../../src/client/partner-client.js';
import {
  ADMIN_TOKEN,
  eventually,
  gatewayNode as node,
  type GatewayNode as Node,
  gatewayPartner,
  incident,
  makePartner,
  removeDir,
  SERVICE_LEVELS,
  startGateway,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

/** A provider whose customer is `clinic` and whose suppliers are the given nodes (manual routes). */
function provider(self: Node, clinic: TestPartner, suppliers: Node[], delivery: Record<string, unknown> = {}, now?: () => number) {
  return startGateway({
    partyId: self.id,
    port: self.port,
    signing: self.key,
    partners: [clinic],
    ...(now !== undefined ? { now } : {}),
    config: {
      partners: [{ id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, ...suppliers.map((s) => gatewayPartner(s, ['supplier'], HOSTING))],
      underpinning: suppliers.map((s) => ({ id: `${self.id}-${s.id}`, supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS })),
      routes: suppliers.map((s) => ({ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: `${self.id}-${s.id}` })),
      delivery: { backoffBaseMs: 20, backoffMaxMs: 100, circuitCooldownMs: 100, timeoutMs: 1000, ...delivery },
    },
  });
}

/** A supplier gateway whose customer is the provider's gateway. */
function supplier(self: Node, customer: Node) {
  return startGateway({
    partyId: self.id,
    port: self.port,
    signing: self.key,
    partners: [],
    config: {
      services: HOSTING,
      partners: [gatewayPartner(customer, ['customer'])],
      agreements: [{ id: `${customer.id}-${self.id}`, customer: customer.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
    },
  });
}

async function callAtAnalysis(gateway: GatewayFixture, clinic: TestPartner): Promise<string> {
  const client = gateway.client(clinic);
  const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, clinic.id)))).body as any).call.id;
  await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
  await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
  return id;
}

async function walkAndResolve(gateway: GatewayFixture, id: string, summary: string): Promise<void> {
  for (let i = 0; i < 4; i++) await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
  await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, { branch: 'operate' });
  for (let i = 0; i < 5; i++) await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
  const resolved = await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary });
  expect(resolved.body.status).toBe('resolved');
}

describe('delivery between gateways', () => {
  const open: GatewayFixture[] = [];
  afterEach(async () => {
    for (const g of open.splice(0)) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('fans out to two suppliers and holds the parent until both are resolved', async () => {
    const clinic = await makePartner('clinic');
    const [p, s1, s2] = await Promise.all([node('provider'), node('supplier-one'), node('supplier-two')]);
    const one = await supplier(s1, p);
    const two = await supplier(s2, p);
    const gateway = await provider(p, clinic, [s1, s2]);
    open.push(one, two, gateway);

    const id = await callAtAnalysis(gateway, clinic);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s1.id })).status).toBe(201);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s2.id, summary: 'Check the network path' })).status).toBe(201);

    const first = await eventually(async () => (await one.desk('GET', '/v1/desk/calls')).body.items[0]);
    const second = await eventually(async () => (await two.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(second.summary).toBe('Check the network path');
    expect(first.chainId).toBe(second.chainId);

    await walkAndResolve(one, first.id, 'disk replaced');
    await eventually(async () => (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.links.some((l: any) => l.status === 'resolved'));
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('held');

    await walkAndResolve(two, second.id, 'route fixed');
    const resumed = await eventually(async () => {
      const call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
      return call.status === 'inProgress' ? call : false;
    });
    expect(resumed.links.map((l: any) => l.status)).toEqual(['resolved', 'resolved']);
  });

  it('queues while the supplier is down and delivers everything in order when it is back', async () => {
    const clinic = await makePartner('clinic');
    const [p, s1] = await Promise.all([node('provider'), node('supplier-one')]);
    let gateway = await provider(p, clinic, [s1]);
    const id = await callAtAnalysis(gateway, clinic);
    const link = (await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s1.id })).body;
    await gateway.desk('POST', `/v1/desk/calls/${id}/forks/${link.id}/notes`, { text: 'first note' });
    await gateway.desk('POST', `/v1/desk/calls/${id}/forks/${link.id}/notes`, { text: 'second note' });
    const queued = await eventually(async () => {
      const items = (await gateway.admin('GET', '/v1/admin/outbox')).body.items;
      return items.length === 3 && items[0].attempts > 0 ? items : false;
    });
    expect(queued.map((m: any) => m.type)).toEqual(['call.submit', 'call.note', 'call.note']);
    expect(queued[0].lastError).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR/);

    const one = await supplier(s1, p);
    open.push(one);
    const atSupplier = await eventually(async () => (await one.desk('GET', '/v1/desk/calls')).body.items[0]);
    const notes = await eventually(async () => {
      const items = (await one.desk('GET', `/v1/desk/calls/${atSupplier.id}/notes`)).body.items;
      return items.length === 2 ? items : false;
    });
    expect(notes.map((n: any) => n.text)).toEqual(['first note', 'second note']);
    expect((await one.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(1);

    // Now the provider is down while the supplier reports several changes.
    await gateway.close();
    await one.desk('POST', `/v1/desk/calls/${atSupplier.id}/advance`, {});
    await one.desk('POST', `/v1/desk/calls/${atSupplier.id}/notes`, { text: 'which server?', visibility: 'public', kind: 'request' });
    await one.desk('POST', `/v1/desk/calls/${atSupplier.id}/status`, { status: 'pending' });
    await one.desk('POST', `/v1/desk/calls/${atSupplier.id}/status`, { status: 'inProgress' });
    await one.desk('POST', `/v1/desk/calls/${atSupplier.id}/notes`, { text: 'found it', visibility: 'public' });
    await eventually(async () => (await one.admin('GET', '/v1/admin/outbox')).body.items.length >= 4);

    gateway = await gateway.restart();
    open.push(gateway);
    const after = await eventually(async () => {
      const forks = (await gateway.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items;
      return forks[0].status === 'inProgress' && (await one.admin('GET', '/v1/admin/outbox')).body.items.length === 0 ? forks[0] : false;
    });
    expect(after.remoteCallId).toBe(atSupplier.id);
    const received = (await gateway.desk('GET', `/v1/desk/calls/${id}/notes`)).body.items.map((n: any) => n.text);
    expect(received.filter((t: string) => t.startsWith('supplier-one:'))).toEqual(['supplier-one: which server?', 'supplier-one: found it']);
    const updates = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
    expect(updates.filter((h: any) => h.kind === 'status').map((h: any) => h.to)).toEqual(['acknowledged', 'inProgress', 'held']);
  });

  it('makes a dead letter after the last attempt, and replays it cleanly', async () => {
    const clinic = await makePartner('clinic');
    const [p, s1] = await Promise.all([node('provider'), node('supplier-one')]);
    const gateway = await provider(p, clinic, [s1], { maxAttempts: 2 });
    open.push(gateway);
    const id = await callAtAnalysis(gateway, clinic);
    await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s1.id });
    const dead = await eventually(async () => (await gateway.admin('GET', '/v1/admin/dead-letters')).body.items[0]);
    expect(dead).toMatchObject({ partner: s1.id, type: 'call.submit', status: 'dead', attempts: 1 });
    expect(dead.lastError).toMatch(/gave up after 2 attempts/);
    expect((await gateway.admin('GET', '/v1/admin/dead-letters')).status).toBe(200);
    expect((await gateway.desk('GET', '/v1/admin/dead-letters')).status).toBe(401);

    const one = await supplier(s1, p);
    open.push(one);
    const replayed = await gateway.admin('POST', `/v1/admin/dead-letters/${dead.id}/replay`);
    expect(replayed.status).toBe(202);
    await eventually(async () => (await one.desk('GET', '/v1/desk/calls')).body.items.length === 1);
    expect((await gateway.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
    expect((await gateway.admin('POST', `/v1/admin/dead-letters/${dead.id}/replay`)).body.code).toBe('USM_ERR_DEAD_LETTER_NOT_FOUND');
  });

  it('keeps retrying a message refused for its time while the clocks differ, shows the skew among the neighbours, and delivers once they agree', async () => {
    const clinic = await makePartner('clinic');
    const [p, s1] = await Promise.all([node('provider'), node('supplier-one')]);
    // The provider's clock runs ten minutes behind: its signatures are outside the supplier's 300 s window.
    let behind = 600_000;
    const gateway = await provider(p, clinic, [s1], { maxAttempts: 1000 }, () => Date.now() - behind);
    const one = await supplier(s1, p);
    open.push(gateway, one);
    // What the gateway logs as a warning: fastify logs through a child of the gateway's logger, and a
    // pino child inherits from its parent, so the parent is the logger the outbox worker was given.
    const root = Object.getPrototypeOf(gateway.app.log) as typeof gateway.app.log;
    const warnings: { fields: any; message: string }[] = [];
    root.warn = ((fields: any, message: string) => {
      warnings.push({ fields, message });
    }) as typeof root.warn;

    const id = await callAtAnalysis(gateway, clinic);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s1.id })).status).toBe(201);
    const queued = await eventually(async () => {
      const items = (await gateway.admin('GET', '/v1/admin/outbox')).body.items;
      return items.length === 1 && items[0].attempts >= 2 ? items[0] : false;
    });
    expect(queued.lastError).toMatch(/USM_ERR_MESSAGE_TIME/);
    expect((await gateway.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
    const skewed = (await gateway.admin('GET', '/v1/admin/neighbours')).body.items.find((n: any) => n.partner === s1.id);
    expect(skewed.clockSkew).toMatchObject({ detail: expect.stringContaining('within 300 s') });
    // The supplier's clock is ten minutes ahead of the provider's (its Date header has whole seconds).
    expect(Math.abs(skewed.clockSkew.skewSeconds - 600)).toBeLessThanOrEqual(2);
    expect(Date.parse(skewed.clockSkew.detectedAt)).toBeGreaterThan(0);
    const loud = warnings.find((w) => w.fields?.partner === s1.id && w.fields?.skewSeconds !== undefined);
    expect(loud?.message).toMatch(/clock/);
    // The operator's terminal view says so too.
    const cliConfig = join(gateway.dir, 'cli.yaml');
    await writeFile(cliConfig, ['party: { id: provider, name: Provider }', 'storage: sqlite:./cli-only.db', 'signing: { keyFile: ./gateway.private.jwk }', 'services: []', 'partners: []', ''].join('\n'));
    const live = await run(process.execPath, [CLI, 'network', 'live', '--config', cliConfig, '--url', gateway.url], { env: { ...process.env, USM_ADMIN_TOKEN: ADMIN_TOKEN }, timeout: 30_000 });
    expect(live.stdout.split('\n').find((line) => line.includes(s1.id))).toMatch(/CLOCK SKEW ~(599|600|601) s \(seen \d{4}-/);

    behind = 0;
    await eventually(async () => (await one.desk('GET', '/v1/desk/calls')).body.items.length === 1);
    await eventually(async () => (await gateway.admin('GET', '/v1/admin/outbox')).body.items.length === 0);
    expect((await gateway.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
    const agreed = (await gateway.admin('GET', '/v1/admin/neighbours')).body.items.find((n: any) => n.partner === s1.id);
    expect(agreed.clockSkew).toBeNull();
  });

  it('holds back an early update, drops an old one, and answers a duplicate with the first answer', async () => {
    const clinic = await makePartner('clinic');
    const [p, ghost] = await Promise.all([node('provider'), node('supplier-one')]);
    const gateway = await provider(p, clinic, [ghost]);
    open.push(gateway);
    const id = await callAtAnalysis(gateway, clinic);
    const link = (await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: ghost.id })).body;
    // The supplier's side, played by hand with its key.
    const as = createPartnerClient({ baseUrl: gateway.url, from: ghost.id, to: p.id, key: ghost.key.key });
    const { chainId } = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
    const update = (seq: number, status: string, text?: string) =>
      as.envelope('call.update', { callId: '01900000-0000-7000-8000-00000000abcd', externalRef: link.id, seq, status, ...(text ? { note: { text, kind: 'comment' } } : {}) }, { chainId });

    const third = update(3, 'resolved');
    expect(((await as.send('/v1/messages', update(2, 'inProgress', 'working'))).body as any).applied).toBe(false);
    expect(((await as.send('/v1/messages', third)).body as any).applied).toBe(false);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items[0].status).toBe('requested');

    const first = update(1, 'acknowledged');
    const filled = await as.send('/v1/messages', first);
    expect((filled.body as any).applied).toBe(true);
    const forks = (await gateway.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items;
    expect(forks[0].status).toBe('resolved');
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('inProgress');

    const again = await as.send('/v1/messages', first);
    expect(again.headers['usm-replay']).toBe('true');
    expect(again.body).toEqual(filled.body);
    const old = await as.send('/v1/messages', update(2, 'held'));
    expect((old.body as any).applied).toBe(false);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items[0].status).toBe('resolved');

    // Another supplier cannot report on this sub-call, and a customer cannot send updates at all.
    const stranger = createPartnerClient({ baseUrl: gateway.url, from: clinic.id, to: p.id, key: clinic.key });
    const refused = await stranger.send('/v1/messages', stranger.envelope('call.update', { callId: link.id, externalRef: link.id, seq: 4, status: 'closed' }));
    expect(refused.status).toBe(403);
  });

  it('refuses a call that already passed this gateway (a loop)', async () => {
    const clinic = await makePartner('clinic');
    const p = await node('provider');
    const gateway = await provider(p, clinic, []);
    open.push(gateway);
    const client = gateway.client(clinic);
    const looped = await client.send('/v1/calls', { ...client.envelope('call.submit', incident({}, clinic.id)), hops: ['elsewhere', p.id] });
    expect(looped.status).toBe(409);
    expect((looped.body as any).code).toBe('USM_ERR_LOOP_DETECTED');
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toEqual([]);
  });
});
