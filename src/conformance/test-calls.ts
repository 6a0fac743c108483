import { randomUUID } from 'node:crypto';
import type { SendOptions } from '../client/partner-client.js';
import { bodyDigest } from '../messages/batch.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import type { CaseContext } from './conformance-case.js';
import { objectOf } from './expectations.js';
import type { Exchange } from './target-session.js';

/** A message the kit sent: the envelope, the exact bytes, their digest, and the answer. */
export interface Sent {
  readonly envelope: Envelope;
  readonly body: string;
  readonly digest: string;
  readonly exchange: Exchange;
}

/** A reference of our own for a call (`externalRef`): every call the kit submits has one, so a target may send updates about it. */
export function externalRef(): string {
  return `conformance-${randomUUID()}`;
}

/** A valid `call.submit` payload for the agreement the kit found (or placeholders, for cases refused before the action). */
export function submission(context: CaseContext, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'incident',
    service: context.facts.agreement?.service ?? 'conformance-service',
    agreement: context.facts.agreement?.id ?? 'conformance-agreement',
    summary: 'usm-link conformance kit: a test call, safe to cancel',
    impact: 'low',
    urgency: 'low',
    requester: { name: 'usm-link conformance kit' },
    externalRef: externalRef(),
    ...overrides,
  };
}

/** An envelope of ours for the target. */
export function envelopeOf(context: CaseContext, type: MessageType, data: object, options: SendOptions = {}): Envelope {
  return context.client.envelope(type, data, options);
}

/** Signs an envelope with the partner client and sends it; the body is the envelope's JSON text, as the client sends it. */
export async function sendEnvelope(context: CaseContext, path: string, envelope: Envelope): Promise<Sent> {
  const body = JSON.stringify(envelope);
  return { envelope, body, digest: bodyDigest(Buffer.from(body)), exchange: await context.session.send(path, envelope) };
}

/** Sends these exact bytes with this signature header. */
export async function sendSigned(context: CaseContext, path: string, body: string, signature: string | undefined, contentType = 'application/json'): Promise<Exchange> {
  return context.session.sendRaw(path, body, { 'content-type': contentType, ...(signature !== undefined ? { 'usm-signature': signature } : {}) });
}

/** A new call at the target, as the lifecycle cases start from. */
export async function submitCall(context: CaseContext, overrides: Record<string, unknown> = {}): Promise<Sent & { call: Record<string, unknown> | undefined }> {
  const sent = await sendEnvelope(context, '/v1/calls', envelopeOf(context, 'call.submit', submission(context, overrides)));
  return { ...sent, call: sent.exchange.status === 201 ? objectOf(objectOf(sent.exchange.body)?.call) : undefined };
}

/** The path of one of a call's endpoints. */
export function callPath(callId: string, suffix = ''): string {
  return `/v1/calls/${encodeURIComponent(callId)}${suffix === '' ? '' : `/${suffix}`}`;
}
