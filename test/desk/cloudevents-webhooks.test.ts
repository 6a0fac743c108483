import { randomBytes } from 'node:crypto';
import { CloudEvent, HTTP } from 'cloudevents';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/desk/webhook-signature.js';
import { eventually, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { stringHeaders, until, webhookReceiver, type Attempt } from './webhook-receiver.js';

const PUBLIC_URL = 'https://desk.provider.example';
const whsec = (bytes = 32): string => `whsec_${randomBytes(bytes).toString('base64')}`;

/** The CloudEvent in a delivery, read with the `cloudevents` library's HTTP binding. */
function cloudEventOf(attempt: Attempt): CloudEvent<any> {
  const event = HTTP.toEvent({ headers: stringHeaders(attempt.headers), body: attempt.raw });
  if (Array.isArray(event)) throw new Error('a batch, not one event');
  return event as CloudEvent<any>;
}

describe('desk webhooks as CloudEvents, signed per Standard Webhooks', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], config: { publicUrl: PUBLIC_URL } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const submit = async (): Promise<string> => {
    const client = gateway.client(hospital);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident()));
    expect(answer.status).toBe(201);
    return (answer.body as any).call.id;
  };

  it('delivers each event as a structured-mode CloudEvent that verifies with standardwebhooks, keeping its id across retries', async () => {
    const hook = await webhookReceiver((attempt) => (attempt <= 2 ? 500 : 204));
    const secret = whsec();
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret, format: 'cloudevents', events: ['call.created', 'call.status_changed'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ format: 'cloudevents', secrets: [{ expiresAt: null }] });
    expect(JSON.stringify(created.body)).not.toContain(secret.slice(6));

    const callId = await submit();
    await until(() => hook.received().length >= 2);

    // Two failed attempts, then the same event again: the same webhook-id and CloudEvent id each time, each signed.
    const first = hook.attempts.slice(0, 3);
    expect(first.map((a) => a.status)).toEqual([500, 500, 204]);
    const ids = first.map((a) => a.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    for (const attempt of hook.attempts) {
      expect(attempt.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
      expect(attempt.headers['usm-webhook-signature']).toBeUndefined();
      expect(new Webhook(secret).verify(attempt.raw, stringHeaders(attempt.headers))).toMatchObject({ specversion: '1.0' });
      expect(() => new Webhook(whsec()).verify(attempt.raw, stringHeaders(attempt.headers))).toThrow(WebhookVerificationError);
      expect(Number(attempt.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    }

    const [created_, statusChanged] = hook.received().map(cloudEventOf);
    expect(created_!.id).toBe(ids[0]);
    expect(created_).toMatchObject({
      specversion: '1.0',
      type: 'org.usm-link.call.created',
      source: PUBLIC_URL,
      subject: callId,
      datacontenttype: 'application/json',
    });
    expect(created_!.data.call.id).toBe(callId);
    expect(Date.parse(created_!.time!)).toBeGreaterThan(Date.now() - 60_000);
    expect(statusChanged).toMatchObject({ type: 'org.usm-link.call.status_changed', subject: callId });
    expect(statusChanged!.data.change).toMatchObject({ to: 'acknowledged' });
    // In the gateway's order of events.
    expect(Number(statusChanged!.sequence)).toBeGreaterThan(Number(created_!.sequence));
    expect(String(created_!.sequence)).toMatch(/^\d{20}$/);
    // The body is exactly what was signed: tampering with it breaks the signature.
    const tampered = hook.received()[0]!;
    expect(() => new Webhook(secret).verify(tampered.raw.replace(callId, callId.replace(/.$/, (last) => (last === '0' ? '1' : '0'))), stringHeaders(tampered.headers))).toThrow(WebhookVerificationError);

    await gateway.desk('DELETE', `/v1/desk/webhooks/${created.body.id}`);
    await hook.close();
  });

  it('replays a dead letter with the same webhook-id and CloudEvent id', async () => {
    let status = 500;
    const hook = await webhookReceiver(() => status);
    const secret = whsec(64);
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret, format: 'cloudevents', events: ['call.created'] });
    const webhookId = created.body.id as string;
    await submit();
    const listed = await eventually(async () => {
      const answer = await gateway.admin('GET', `/v1/admin/webhook-dead-letters?webhook=${webhookId}`);
      return answer.body.items.length > 0 && answer.body.items[0];
    });
    expect(hook.attempts.map((a) => a.headers['webhook-id'])).toEqual([listed.eventId, listed.eventId, listed.eventId]);

    status = 204;
    expect((await gateway.admin('POST', `/v1/admin/webhook-dead-letters/${listed.id}/replay`)).body).toEqual({ delivered: true });
    const [replayed] = hook.received();
    expect(replayed!.headers['webhook-id']).toBe(listed.eventId);
    expect(cloudEventOf(replayed!).id).toBe(listed.eventId);
    expect(new Webhook(secret).verify(replayed!.raw, stringHeaders(replayed!.headers))).toMatchObject({ id: listed.eventId });

    await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}`);
    await hook.close();
  });

  it('refuses a secret that is not a Standard Webhooks secret for the cloudevents format, and an unknown format', async () => {
    const url = 'http://127.0.0.1:9/hook';
    for (const secret of ['a-plain-secret-of-some-length', 'whsec_not base64 at all!!', `whsec_${randomBytes(16).toString('base64')}`, `whsec_${randomBytes(65).toString('base64')}`]) {
      const refused = await gateway.desk('POST', '/v1/desk/webhooks', { url, secret, format: 'cloudevents' });
      expect([refused.status, refused.body.code, refused.body.errors?.[0]?.path], secret).toEqual([400, 'USM_ERR_VALIDATION', 'body/secret']);
    }
    const unknown = await gateway.desk('POST', '/v1/desk/webhooks', { url, secret: whsec(), format: 'xml' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);
    // The usm-link format (the default) takes any secret, a whsec_ one too, as before.
    const plain = await gateway.desk('POST', '/v1/desk/webhooks', { url, secret: whsec() });
    expect([plain.status, plain.body.format]).toEqual([201, 'usm-link']);
    await gateway.desk('DELETE', `/v1/desk/webhooks/${plain.body.id}`);
  });

  it('leaves the usm-link format as it was: the event as JSON with Usm-Webhook-Signature', async () => {
    const hook = await webhookReceiver();
    const secret = 'a-usm-link-secret-0123456789';
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret, events: ['call.created'] });
    expect(created.body.format).toBe('usm-link');
    const callId = await submit();
    await until(() => hook.received().length >= 1);
    const [delivery] = hook.received();
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['webhook-id']).toBeUndefined();
    const body = JSON.parse(delivery!.raw);
    expect(Object.keys(body).slice(0, 5)).toEqual(['id', 'seq', 'type', 'at', 'callId']);
    expect(body).toMatchObject({ type: 'call.created', callId, id: delivery!.headers['usm-event-id'] });
    expect(delivery!.headers['usm-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, delivery!.raw, String(delivery!.headers['usm-webhook-signature']), Math.floor(Date.now() / 1000))).toBe(true);
    await gateway.desk('DELETE', `/v1/desk/webhooks/${created.body.id}`);
    await hook.close();
  });
});
