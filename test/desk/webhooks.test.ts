import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/desk/webhook-signature.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

interface Received {
  readonly body: any;
  readonly raw: string;
  readonly signature: string;
}

/** A webhook receiver on loopback; `statusOf` answers each attempt (numbered from 1), a 2xx is received. */
async function receiver(statusOf: (attempt: number) => number): Promise<{ url: string; received: Received[]; attempts: () => number; close: () => Promise<void> }> {
  const received: Received[] = [];
  let attempts = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const status = statusOf(++attempts);
      if (status < 300) received.push({ body: JSON.parse(raw), raw, signature: String(req.headers['usm-webhook-signature']) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    received,
    attempts: () => attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Fails the first `failFirst` deliveries with 500. */
const failingFirst = (failFirst: number) => receiver((attempt) => (attempt <= failFirst ? 500 : 204));

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('desk webhooks', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('delivers call events in order, signed, retrying a failing receiver', async () => {
    const hook = await failingFirst(2);
    const secret = 'a-webhook-secret-of-some-length';
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBeUndefined();

    const client = gateway.client(hospital);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call.id;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await until(() => hook.received.length >= 5);

    const types = hook.received.map((r) => r.body.type);
    expect(types.slice(0, 5)).toEqual(['call.created', 'call.step_changed', 'call.status_changed', 'call.step_changed', 'call.status_changed']);
    const seqs = hook.received.map((r) => r.body.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(hook.attempts()).toBeGreaterThanOrEqual(hook.received.length + 2);
    for (const r of hook.received) {
      expect(verifyWebhook(secret, r.raw, r.signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhook('another-secret-entirely', r.raw, r.signature, Math.floor(Date.now() / 1000))).toBe(false);
      expect(r.body.callId).toBe(id);
    }
    const state = await gateway.desk('GET', `/v1/desk/webhooks/${created.body.id}`);
    expect(state.body.failures).toBe(0);
    await gateway.desk('DELETE', `/v1/desk/webhooks/${created.body.id}`);
    expect((await gateway.desk('GET', `/v1/desk/webhooks/${created.body.id}`)).status).toBe(404);
    await hook.close();
  });

  it('delivers only the subscribed event types', async () => {
    const hook = await failingFirst(0);
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret: 'another-secret-0123456789', events: ['call.status_changed'] });
    const client = gateway.client(hospital);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call.id;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await until(() => hook.received.length >= 2);
    expect(hook.received.map((r) => r.body.change.to)).toEqual(['acknowledged', 'inProgress']);
    await gateway.desk('DELETE', `/v1/desk/webhooks/${created.body.id}`);
    await hook.close();
  });

  it('keeps an event given up after the last attempt as a dead letter, which an operator lists and replays', async () => {
    let status = 500;
    const hook = await receiver(() => status);
    const secret = 'a-secret-for-dead-letters-0123';
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret, events: ['call.created'] });
    const webhookId = created.body.id as string;
    const client = gateway.client(hospital);
    const callId = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call.id;

    const path = `/v1/admin/webhook-dead-letters?webhook=${webhookId}`;
    const listed = await eventually(() => gateway.admin('GET', path), (r) => r.status === 200 && r.body.items.length > 0);
    expect(listed.body.items).toHaveLength(1);
    const dead = listed.body.items[0];
    expect(dead).toMatchObject({ webhookId, eventType: 'call.created', callId, attempts: 3, lastError: 'HTTP 500' });
    expect(hook.attempts()).toBe(3);
    // The subscription went on past it.
    const subscription = (await gateway.desk('GET', `/v1/desk/webhooks/${webhookId}`)).body;
    expect(subscription.failures).toBe(0);
    expect(subscription.deliveredThrough).toBeGreaterThanOrEqual(dead.eventSeq);

    // A replay that fails keeps the dead letter, with the new error.
    status = 503;
    const failed = await gateway.admin('POST', `/v1/admin/webhook-dead-letters/${dead.id}/replay`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ delivered: false, deadLetter: { id: dead.id, eventId: dead.eventId, attempts: 4, lastError: 'HTTP 503' } });
    expect((await gateway.admin('GET', path)).body.items).toMatchObject([{ id: dead.id, attempts: 4, lastError: 'HTTP 503' }]);

    // A replay that is received removes it; the event arrives signed as usual.
    status = 204;
    const replayed = await gateway.admin('POST', `/v1/admin/webhook-dead-letters/${dead.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual({ delivered: true });
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    expect(delivery!.body).toMatchObject({ id: dead.eventId, seq: dead.eventSeq, type: 'call.created', callId });
    expect(verifyWebhook(secret, delivery!.raw, delivery!.signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect((await gateway.admin('GET', path)).body.items).toEqual([]);

    const again = await gateway.admin('POST', `/v1/admin/webhook-dead-letters/${dead.id}/replay`);
    expect([again.status, again.body.code]).toEqual([404, 'USM_ERR_WEBHOOK_DEAD_LETTER_NOT_FOUND']);
    const malformed = await gateway.admin('POST', '/v1/admin/webhook-dead-letters/not-a-uuid/replay');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);
    expect((await gateway.admin('GET', '/v1/admin/webhook-dead-letters?limit=0')).status).toBe(400);
    const anonymous = await fetch(`${gateway.url}/v1/admin/webhook-dead-letters`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await anonymous.json()) as { code: string }).code).toBe('USM_ERR_TOKEN_MISSING');
    const desk = await gateway.desk('GET', '/v1/admin/webhook-dead-letters');
    expect(desk.status).toBe(401);

    await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}`);
    await hook.close();
  });
});
