import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/desk/webhook-signature.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { stringHeaders, until, webhookReceiver, type Attempt, type Receiver } from './webhook-receiver.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const whsec = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Whether Standard Webhooks' own verification takes this delivery with this secret. */
function verifies(secret: string, attempt: Attempt): boolean {
  try {
    new Webhook(secret).verify(attempt.raw, stringHeaders(attempt.headers));
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

const usmSignatureVerifies = (secret: string, attempt: Attempt): boolean =>
  verifyWebhook(secret, attempt.raw, String(attempt.headers['usm-webhook-signature']), Math.floor(Date.now() / 1000));

describe('rotating a webhook subscription\'s secrets', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  /** The gateway's clock runs this far ahead of the real one (within Standard Webhooks' 5 minutes). */
  let ahead = 0;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], now: () => Date.now() + ahead });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  /** Submits a call and waits for its call.created delivery. */
  async function deliveryOf(hook: Receiver): Promise<Attempt> {
    const before = hook.received().length;
    const client = gateway.client(hospital);
    expect((await client.send('/v1/calls', client.envelope('call.submit', incident()))).status).toBe(201);
    await until(() => hook.received().length > before);
    return hook.received().at(-1)!;
  }

  it('signs every delivery with both secrets during the overlap (CloudEvents), and with the new one alone once the old is retired', async () => {
    const hook = await webhookReceiver();
    const [oldSecret, newSecret] = [whsec(), whsec()];
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret: oldSecret, format: 'cloudevents', events: ['call.created'] });
    const webhookId = created.body.id as string;
    const oldId = created.body.secrets[0].id as string;

    const before = await deliveryOf(hook);
    expect(before.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect([verifies(oldSecret, before), verifies(newSecret, before)]).toEqual([true, false]);

    const until_ = new Date(Date.now() + 3_600_000).toISOString();
    const added = await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: newSecret, previousExpiresAt: until_ });
    expect(added.status).toBe(201);
    expect(added.body.secrets).toEqual([
      { id: oldId, createdAt: created.body.secrets[0].createdAt, expiresAt: until_ },
      { id: expect.any(String), createdAt: expect.any(String), expiresAt: null },
    ]);
    expect(JSON.stringify(added.body)).not.toContain(newSecret.slice(6));
    const newId = added.body.secrets[1].id as string;

    const overlap = await deliveryOf(hook);
    expect(String(overlap.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect([verifies(oldSecret, overlap), verifies(newSecret, overlap)]).toEqual([true, true]);

    // Two live secrets are the most; a third waits until one is retired.
    const third = await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: whsec() });
    expect([third.status, third.body.code]).toEqual([409, 'USM_ERR_WEBHOOK_SECRET_LIMIT']);

    expect((await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}/secrets/${oldId}`)).status).toBe(204);
    expect((await gateway.desk('GET', `/v1/desk/webhooks/${webhookId}`)).body.secrets.map((s: { id: string }) => s.id)).toEqual([newId]);
    const after = await deliveryOf(hook);
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect([verifies(oldSecret, after), verifies(newSecret, after)]).toEqual([false, true]);

    // The last live secret stays; one retired is gone; the subscription and the secret must exist.
    const last = await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}/secrets/${newId}`);
    expect([last.status, last.body.code]).toEqual([409, 'USM_ERR_WEBHOOK_LAST_SECRET']);
    const again = await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}/secrets/${oldId}`);
    expect([again.status, again.body.code]).toEqual([404, 'USM_ERR_WEBHOOK_SECRET_NOT_FOUND']);
    const noHook = await gateway.desk('DELETE', `/v1/desk/webhooks/${SOME_ID}/secrets/${oldId}`);
    expect([noHook.status, noHook.body.code]).toEqual([404, 'USM_ERR_WEBHOOK_NOT_FOUND']);
    const noHookAdd = await gateway.desk('POST', `/v1/desk/webhooks/${SOME_ID}/secrets`, { secret: whsec() });
    expect([noHookAdd.status, noHookAdd.body.code]).toEqual([404, 'USM_ERR_WEBHOOK_NOT_FOUND']);
    const malformed = await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}/secrets/not-a-uuid`);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);
    // A CloudEvents subscription takes only Standard Webhooks secrets, on rotation too.
    const plain = await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: 'a-plain-secret-of-some-length' });
    expect([plain.status, plain.body.code, plain.body.errors[0].path]).toEqual([400, 'USM_ERR_VALIDATION', 'body/secret']);
    const badTime = await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: whsec(), previousExpiresAt: 'tomorrow' });
    expect([badTime.status, badTime.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);

    await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}`);
    await hook.close();
  });

  it('ends the old secret at the time the rotation named (usm-link: one v1= per live secret)', async () => {
    const hook = await webhookReceiver();
    const [oldSecret, newSecret] = ['the-old-usm-link-secret-0123', 'the-new-usm-link-secret-4567'];
    const created = await gateway.desk('POST', '/v1/desk/webhooks', { url: hook.url, secret: oldSecret, events: ['call.created'] });
    const webhookId = created.body.id as string;
    const ends = new Date(Date.now() + ahead + 60_000).toISOString();
    expect((await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: newSecret, previousExpiresAt: ends })).status).toBe(201);

    const overlap = await deliveryOf(hook);
    expect(overlap.headers['usm-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect([usmSignatureVerifies(oldSecret, overlap), usmSignatureVerifies(newSecret, overlap)]).toEqual([true, true]);
    expect(usmSignatureVerifies('neither-of-the-two-secrets', overlap)).toBe(false);

    // A minute and a bit later on the gateway's clock the old secret has ended by itself.
    ahead += 61_000;
    expect((await gateway.desk('GET', `/v1/desk/webhooks/${webhookId}`)).body.secrets).toHaveLength(1);
    const after = await deliveryOf(hook);
    expect(after.headers['usm-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect([usmSignatureVerifies(oldSecret, after), usmSignatureVerifies(newSecret, after)]).toEqual([false, true]);

    // A rotation whose overlap is already over retires the others at once.
    const third = 'the-third-usm-link-secret-89';
    const now = await gateway.desk('POST', `/v1/desk/webhooks/${webhookId}/secrets`, { secret: third, previousExpiresAt: new Date(Date.now() + ahead - 1000).toISOString() });
    expect(now.body.secrets).toHaveLength(1);
    const last = await deliveryOf(hook);
    expect([usmSignatureVerifies(newSecret, last), usmSignatureVerifies(third, last)]).toEqual([false, true]);

    await gateway.desk('DELETE', `/v1/desk/webhooks/${webhookId}`);
    await hook.close();
  });
});
