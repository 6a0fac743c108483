import type { ErrorCode } from '../kernel/error-codes.js';
import type { WebhookFormat, WebhookSecret } from '../ports/webhook-store.js';
import { standardWebhookSecretProblem } from './standard-webhook.js';

/**
 * A subscription's secrets and their rotation: a new secret signs from the moment it is added,
 * the others go on signing until the time the rotation names, so that a receiver can switch
 * within that overlap. At most two are live at once; one is always live.
 */

export const MAX_LIVE_SECRETS = 2;
/** How long the other secrets go on signing when a rotation names no time. */
export const DEFAULT_OVERLAP_MS = 24 * 3_600_000;

/** What a change to the secrets came to: the secrets to store, or why it is refused. */
export type SecretChange = { readonly secrets: readonly WebhookSecret[] } | { readonly refused: ErrorCode; readonly detail: string };

/** The secrets that sign a delivery made at `nowMs`, oldest first. */
export function liveSecrets(secrets: readonly WebhookSecret[], nowMs: number): WebhookSecret[] {
  return secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > nowMs);
}

/** Why a secret cannot sign deliveries in this format, or undefined when it can. */
export function secretProblem(format: WebhookFormat, secret: string): string | undefined {
  return format === 'cloudevents' ? standardWebhookSecretProblem(secret) : undefined;
}

/**
 * Adds `added` (without an end) and gives the live secrets an end at `previousExpiresAt`, or
 * earlier if they had one; a time already past retires them now. Expired secrets are dropped.
 */
export function addSecret(secrets: readonly WebhookSecret[], added: WebhookSecret, previousExpiresAt: string, nowMs: number): SecretChange {
  const live = liveSecrets(secrets, nowMs);
  if (live.length >= MAX_LIVE_SECRETS) {
    return { refused: 'USM_ERR_WEBHOOK_SECRET_LIMIT', detail: `the subscription has ${live.length} live secrets: retire one before adding another` };
  }
  const end = Date.parse(previousExpiresAt);
  if (end <= nowMs) return { secrets: [added] };
  const ending = live.map((s) => (s.expiresAt !== null && Date.parse(s.expiresAt) <= end ? s : { ...s, expiresAt: new Date(end).toISOString() }));
  return { secrets: [...ending, added] };
}

/**
 * Retires one live secret now. The last one cannot be; when the one retired was the only one
 * without an end (the new secret of an overlap), the newest of the rest loses its end: the
 * rotation is called off.
 */
export function retireSecret(secrets: readonly WebhookSecret[], secretId: string, nowMs: number): SecretChange {
  const live = liveSecrets(secrets, nowMs);
  if (!live.some((s) => s.id === secretId)) return { refused: 'USM_ERR_WEBHOOK_SECRET_NOT_FOUND', detail: `the subscription has no live secret ${secretId}` };
  const rest = live.filter((s) => s.id !== secretId);
  if (rest.length === 0) return { refused: 'USM_ERR_WEBHOOK_LAST_SECRET', detail: 'add another secret before retiring this one' };
  if (rest.some((s) => s.expiresAt === null)) return { secrets: rest };
  return { secrets: [...rest.slice(0, -1), { ...rest.at(-1)!, expiresAt: null }] };
}
