import type { components } from '../generated/api.js';

type TraceHop = components['schemas']['TraceHop'];

/** A chain trace as indented text, one gateway a line, each sub-call under the gateway that raised it. */
export function renderTrace(hop: TraceHop, indent: string): string {
  const arrived = hop.receivedAt !== undefined ? `received ${hop.receivedAt} from ${hop.from}${hop.receipt ? ', receipt given' : ''}` : `created ${hop.createdAt} by ${hop.from}`;
  let text = `${indent}${hop.gateway}  call ${hop.callId}  ${hop.status}  ${arrived}\n`;
  for (const a of hop.attachments ?? []) {
    text += `${indent}  attachment ${a.name ?? a.sha256.slice(0, 12)} (${a.mediaType}, ${a.size} bytes, sha256 ${a.sha256.slice(0, 12)}…) ${a.verified ? 'verified here' : 'not verified here'}\n`;
  }
  for (const next of hop.forwarded) {
    const sent = next.deliveredAt ? `delivered ${next.deliveredAt}${next.receipt ? ' with receipt' : ''}` : 'not delivered yet';
    text += `${indent}  -> ${next.supplier}: sub-call ${next.linkId} ${next.status}, queued ${next.queuedAt ?? '?'}, ${sent}\n`;
    const further = next.next as TraceHop | { error: string } | undefined;
    if (further !== undefined && 'error' in further) text += `${indent}     (${further.error})\n`;
    else if (further !== undefined) text += renderTrace(further, `${indent}     `);
  }
  return text;
}

