import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'usm-webhook-signature';

/** How far a receiver lets `t` be from its clock, in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, body: string, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
}

/**
 * The usm-link format's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed
 * with the UTF-8 bytes of each secret given, one `v1=` a secret (two while a rotation overlaps).
 */
export function signWebhook(secrets: string | readonly string[], body: string, unixSeconds: number): string {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  if (keys.length === 0) throw new TypeError('a webhook is signed with one secret at least');
  return [`t=${unixSeconds}`, ...keys.map((secret) => `v1=${hmacHex(secret, body, unixSeconds)}`)].join(',');
}

/**
 * What a receiver runs: true when one of the header's `v1=` signs this body with this secret and
 * `t` is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhook(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS): boolean {
  const parts = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? ['', ''] : [part.slice(0, at), part.slice(at + 1)];
  });
  const times = parts.filter(([name]) => name === 't');
  const t = times.length === 1 ? Number(times[0]![1]) : Number.NaN;
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, body, t), 'hex');
  return parts
    .filter(([name]) => name === 'v1')
    .some(([, value]) => {
      const given = Buffer.from(value!, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
