import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { cloudEventSource } from '../../src/desk/cloud-event.js';
import { standardWebhookHeaders, standardWebhookSecretProblem } from '../../src/desk/standard-webhook.js';
import { addSecret, liveSecrets, retireSecret, type SecretChange } from '../../src/desk/webhook-secrets.js';
import { signWebhook, verifyWebhook } from '../../src/desk/webhook-signature.js';
import type { WebhookSecret } from '../../src/ports/webhook-store.js';

const T = Date.parse('2026-12-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const secret = (id: string, expiresAt: number | null = null): WebhookSecret => ({ id, secret: `secret-${id}`, createdAt: iso(T - 1000), expiresAt: expiresAt === null ? null : iso(expiresAt) });
const secretsOf = (change: SecretChange) => {
  if ('refused' in change) throw new Error(`refused: ${change.refused}`);
  return change.secrets;
};

describe('the rotation of a subscription\'s secrets', () => {
  it('adds a secret without an end and ends the others at the time named, or earlier if they end earlier', () => {
    expect(secretsOf(addSecret([secret('a')], secret('b'), iso(T + 60_000), T))).toEqual([secret('a', T + 60_000), secret('b')]);
    // A time already past retires the others at once; expired secrets are dropped.
    expect(secretsOf(addSecret([secret('a')], secret('b'), iso(T), T))).toEqual([secret('b')]);
    expect(secretsOf(addSecret([secret('old', T - 1), secret('a')], secret('b'), iso(T + 10), T))).toEqual([secret('a', T + 10), secret('b')]);
  });

  it('keeps two live secrets at most, and one at least', () => {
    expect(addSecret([secret('a', T + 5), secret('b')], secret('c'), iso(T + 10), T)).toMatchObject({ refused: 'USM_ERR_WEBHOOK_SECRET_LIMIT' });
    // Once the overlap is over, there is room again.
    expect(secretsOf(addSecret([secret('a', T + 5), secret('b')], secret('c'), iso(T + 10), T + 5))).toEqual([secret('b', T + 10), secret('c')]);
    expect(retireSecret([secret('a')], 'a', T)).toMatchObject({ refused: 'USM_ERR_WEBHOOK_LAST_SECRET' });
    expect(retireSecret([secret('a', T), secret('b')], 'a', T)).toMatchObject({ refused: 'USM_ERR_WEBHOOK_SECRET_NOT_FOUND' });
    expect(retireSecret([secret('a')], 'x', T)).toMatchObject({ refused: 'USM_ERR_WEBHOOK_SECRET_NOT_FOUND' });
  });

  it('retires the old secret early, or calls the rotation off when the new one is retired', () => {
    expect(secretsOf(retireSecret([secret('a', T + 60_000), secret('b')], 'a', T))).toEqual([secret('b')]);
    expect(secretsOf(retireSecret([secret('a', T + 60_000), secret('b')], 'b', T))).toEqual([secret('a')]);
  });

  it('signs with the secrets live at the time of the delivery', () => {
    const secrets = [secret('a', T + 10), secret('b')];
    expect(liveSecrets(secrets, T + 9).map((s) => s.id)).toEqual(['a', 'b']);
    expect(liveSecrets(secrets, T + 10).map((s) => s.id)).toEqual(['b']);
  });
});

describe('the signatures', () => {
  it('usm-link: one v1= per secret, each verifying on its own, within the tolerance', () => {
    const header = signWebhook(['one-secret-0123456789', 'two-secret-0123456789'], '{"a":1}', 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('one-secret-0123456789', '{"a":1}', header, 1_700_000_000)).toBe(true);
    expect(verifyWebhook('two-secret-0123456789', '{"a":1}', header, 1_700_000_300)).toBe(true);
    expect(verifyWebhook('two-secret-0123456789', '{"a":1}', header, 1_700_000_301)).toBe(false);
    expect(verifyWebhook('two-secret-0123456789', '{"a":2}', header, 1_700_000_000)).toBe(false);
    expect(verifyWebhook('another-secret-012345', '{"a":1}', header, 1_700_000_000)).toBe(false);
    expect(signWebhook('one-secret-0123456789', '{"a":1}', 1_700_000_000)).toBe(header.split(',').slice(0, 2).join(','));
  });

  it('Standard Webhooks: whsec_ secrets of 24 to 64 bytes, one signature per secret that the library verifies', () => {
    expect(standardWebhookSecretProblem(`whsec_${randomBytes(24).toString('base64')}`)).toBeUndefined();
    expect(standardWebhookSecretProblem(`whsec_${randomBytes(64).toString('base64')}`)).toBeUndefined();
    expect(standardWebhookSecretProblem(`whsec_${randomBytes(23).toString('base64')}`)).toMatch(/24 to 64 bytes/);
    expect(standardWebhookSecretProblem(randomBytes(32).toString('base64'))).toMatch(/whsec_/);
    expect(standardWebhookSecretProblem(`whsec_${randomBytes(32).toString('base64url')}-_`)).toMatch(/base64/);
    const [a, b] = [`whsec_${randomBytes(32).toString('base64')}`, `whsec_${randomBytes(32).toString('base64')}`];
    const headers = standardWebhookHeaders('01900000-0000-7000-8000-000000000001', new Date(), '{"x":1}', [a, b]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(a).verify('{"x":1}', { ...headers })).toEqual({ x: 1 });
    expect(new Webhook(b).verify('{"x":1}', { ...headers })).toEqual({ x: 1 });
  });

  it('names the gateway as the CloudEvent source: its public URL, else its party id', () => {
    expect(cloudEventSource({ publicUrl: 'https://gw.example', partyId: 'provider' })).toBe('https://gw.example');
    expect(cloudEventSource({ partyId: 'provider' })).toBe('urn:usm-link:provider');
  });
});
