import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the signature of the `cloudevents` format,
 * made with the `standardwebhooks` library. The signed content is `<id>.<timestamp>.<body>`, its
 * HMAC-SHA256 keyed with the bytes a `whsec_<base64>` secret encodes, sent as `v1,<base64>`.
 */

/** How far receivers should let `webhook-timestamp` be from their clock: the specification's 5 minutes. */
export const STANDARD_WEBHOOK_TOLERANCE_SECONDS = 300;

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;
/** The specification's bounds for a secret's key, in bytes. */
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export interface StandardWebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** Why a secret is not a Standard Webhooks secret (`whsec_` and the base64 of 24 to 64 bytes), or undefined when it is one. */
export function standardWebhookSecretProblem(secret: string): string | undefined {
  const base64 = SECRET.exec(secret)?.[1];
  const key = base64 === undefined ? undefined : Buffer.from(base64, 'base64');
  if (key === undefined || key.toString('base64') !== base64) return 'must be whsec_ followed by standard base64';
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) return `must encode ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes (it encodes ${key.length})`;
  return undefined;
}

/** The three headers of one delivery: `id` the message id (the same on every retry), signed at `at` with each secret, space-separated. */
export function standardWebhookHeaders(id: string, at: Date, body: string, secrets: readonly string[]): StandardWebhookHeaders {
  if (secrets.length === 0) throw new TypeError('a webhook is signed with one secret at least');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
  };
}
