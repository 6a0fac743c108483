import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/desk/webhook-signature.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

interface Received {
  readonly body: any;
  readonly raw: string;
  readonly signature: string;
}

/** A webhook receiver on loopback that fails the first `failFirst` deliveries with 500. */
async function receiver(failFirst: number): Promise<{ url: string; received: Received[]; attempts: () => number; close: () => Promise<void> }> {
  const received: Received[] = [];
  let attempts = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      attempts++;
      if (attempts <= failFirst) {
        res.writeHead(500).end();
        return;
      }
      received.push({ body: JSON.parse(raw), raw, signature: String(req.headers['usm-webhook-signature']) });
      res.writeHead(204).end();
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
    const hook = await receiver(2);
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
    const hook = await receiver(0);
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret: 'another-secret-0123456789', events: ['call.status_changed'] });
    const client = gateway.client(hospital);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call.id;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await until(() => hook.received.length >= 2);
    expect(hook.received.map((r) => r.body.change.to)).toEqual(['acknowledged', 'inProgress']);
    await gateway.desk('DELETE', `/v1/desk/webhooks/${created.body.id}`);
    await hook.close();
  });
});
