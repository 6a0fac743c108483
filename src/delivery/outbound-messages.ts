import type { Attachment, CallRecord } from '../ports/call.js';
import type { NewOutboxMessage } from '../ports/outbox-store.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { CallUpdate, SupplierLink } from '../ports/supplier-link.js';
import { childTraceparent } from '../kernel/traceparent.js';

/** Builds the signed-message envelopes this gateway sends to partner gateways (signed at send time). */
export interface OutboundMessages {
  submitToSupplier(parent: CallRecord, link: SupplierLink, text: { summary: string; description?: string; attachments?: readonly Attachment[] }): NewOutboxMessage;
  toSupplier(parent: CallRecord, link: SupplierLink, type: 'call.note' | 'call.cancel' | 'call.confirm', data: object): NewOutboxMessage;
  updateToCustomer(call: CallRecord, update: CallUpdate): NewOutboxMessage;
  /** An agreement negotiation message; `chainId` ties the versions of one negotiation together. */
  agreementMessage(to: string, type: Extract<MessageType, `agreement.${string}`>, chainId: string, data: object): NewOutboxMessage;
}

export function createOutboundMessages(options: { readonly self: { id: string; name: string }; readonly now: () => number }): OutboundMessages {
  const { self, now } = options;
  const message = (
    to: string,
    type: MessageType,
    path: string,
    call: { readonly id: string | null; readonly chainId: string; readonly trace?: string | undefined },
    data: object,
    extra: { linkId?: string; hops?: string[] } = {},
  ): NewOutboxMessage => {
    const time = now();
    const envelope: Envelope = {
      id: uuidv7(time),
      type,
      from: self.id,
      to,
      time: new Date(time).toISOString(),
      chainId: call.chainId,
      ...(call.id !== null ? { correlationId: call.id } : {}),
      ...(extra.hops !== undefined ? { hops: extra.hops } : {}),
      data: data as Envelope['data'],
    };
    return {
      id: envelope.id,
      partner: to,
      type,
      path,
      linkId: extra.linkId ?? null,
      callId: call.id,
      body: JSON.stringify(envelope),
      trace: childTraceparent(call.trace),
      createdAt: envelope.time,
    };
  };
  return {
    submitToSupplier(parent, link, text) {
      return message(
        link.supplier,
        'call.submit',
        '/v1/calls',
        parent,
        {
          type: link.type,
          service: link.service,
          agreement: link.agreement,
          summary: text.summary,
          ...(text.description !== undefined ? { description: text.description } : {}),
          ...(text.attachments !== undefined && text.attachments.length > 0 ? { attachments: [...text.attachments] } : {}),
          impact: parent.impact,
          urgency: parent.urgency,
          requester: { name: self.name, id: self.id },
          externalRef: link.id,
        },
        { linkId: link.id, hops: [...(parent.hops ?? []), self.id] },
      );
    },
    toSupplier(parent, link, type, data) {
      const suffix = type === 'call.note' ? 'notes' : type === 'call.cancel' ? 'cancel' : 'confirm';
      return message(link.supplier, type, `/v1/calls/{remoteCallId}/${suffix}`, parent, data, { linkId: link.id });
    },
    updateToCustomer(call, update) {
      return message(call.customer, 'call.update', '/v1/messages', call, update);
    },
    agreementMessage(to, type, chainId, data) {
      return message(to, type, '/v1/messages', { id: null, chainId }, data);
    },
  };
}
