import type { StoredEvent } from '../ports/call.js';
import type { WebhookSubscription } from '../ports/webhook-store.js';
import { cloudEventOf } from './cloud-event.js';
import { standardWebhookHeaders } from './standard-webhook.js';
import { liveSecrets } from './webhook-secrets.js';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature.js';

/** The request that delivers one event to one subscription. */
export interface WebhookDelivery {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One event as the subscription's format writes it, signed with each of its secrets live at
 * `nowMs`: `usm-link`, the event as JSON with `Usm-Webhook-Signature`; `cloudevents`, a
 * CloudEvent (structured JSON) with the Standard Webhooks headers, `webhook-id` the event id.
 */
export async function webhookDelivery(subscription: WebhookSubscription, event: StoredEvent, context: { readonly source: string; readonly nowMs: number }): Promise<WebhookDelivery> {
  const live = liveSecrets(subscription.secrets, context.nowMs);
  // One secret is always live (the newest has no end); should a clock jump past every end, the newest still signs.
  const secrets = (live.length > 0 ? live : subscription.secrets.slice(-1)).map((s) => s.secret);
  if (subscription.format === 'cloudevents') {
    const { contentType, body } = await cloudEventOf(event, context.source);
    return { headers: { 'content-type': contentType, ...standardWebhookHeaders(event.id, new Date(context.nowMs), body, secrets) }, body };
  }
  const body = JSON.stringify({ id: event.id, seq: event.seq, type: event.type, at: event.at, callId: event.callId, ...event.payload });
  return {
    headers: {
      'content-type': 'application/json',
      'usm-event-id': event.id,
      'usm-event-type': event.type,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secrets, body, Math.floor(context.nowMs / 1000)),
    },
    body,
  };
}
