import type * as CloudEvents from 'cloudevents';
import { lazyModule } from '../kernel/lazy-module.js';
import type { StoredEvent } from '../ports/call.js';

/** The `cloudevents` library (some thirty modules), loaded for the first CloudEvent made, not at start. */
const cloudevents: () => Promise<typeof CloudEvents> = lazyModule(() => import('cloudevents'));

/** The prefix of every CloudEvent `type` this gateway sends: `org.usm-link.call.status_changed`. */
export const CLOUD_EVENT_TYPE_PREFIX = 'org.usm-link.';

/** Digits of the `sequence` extension: any 64-bit sequence number, so that its text sorts as the number does. */
const SEQUENCE_DIGITS = 20;

/** The CloudEvent `source` of a gateway: its public URL, else its party id as a URN. */
export function cloudEventSource(gateway: { readonly publicUrl?: string | undefined; readonly partyId: string }): string {
  return gateway.publicUrl ?? `urn:usm-link:${gateway.partyId}`;
}

/**
 * One call event as a CloudEvent 1.0 in structured JSON mode, made with the `cloudevents` library:
 * `id` the event's (the same on every retry and replay), `subject` the call, `time` when it
 * happened, `data` the event's payload, `sequence` (the CloudEvents sequence extension) its place
 * in the gateway's order of events.
 */
export async function cloudEventOf(event: StoredEvent, source: string): Promise<{ readonly contentType: string; readonly body: string }> {
  const { CloudEvent, HTTP } = await cloudevents();
  const cloudEvent = new CloudEvent({
    specversion: '1.0',
    id: event.id,
    source,
    type: `${CLOUD_EVENT_TYPE_PREFIX}${event.type}`,
    subject: event.callId,
    time: event.at,
    datacontenttype: 'application/json',
    data: event.payload,
    sequence: String(event.seq).padStart(SEQUENCE_DIGITS, '0'),
  });
  const message = HTTP.structured(cloudEvent);
  return { contentType: String(message.headers['content-type']), body: String(message.body) };
}
