import type { onRequestHookHandler } from 'fastify';
import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import type { AvailabilityService } from '../agreements/availability-service.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import { decodeCursor, page } from '../http/cursor.js';
import type { OperationHandlerMethod, TypedHandlers } from '../http/register-operations.js';
import { signedMessageOperation, type SignedMessageDeps, type SignedOperation } from '../http/signed-message.js';
import type { Partner } from '../partners/partner-directory.js';
import type { ReadTokenVerifier } from '../partners/read-token.js';
import type { ActInput, CallService } from '../calls/call-service.js';
import type { MessageType } from '../messages/envelope.js';
import type { ChainTracer } from '../subcalls/chain-trace.js';
import { customerView, historyView, noteView } from '../calls/call-views.js';
import { parseTraceparent } from '../kernel/traceparent.js';
import type { SubcallService } from '../subcalls/subcall-service.js';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { sendAttachment } from '../http/attachment-reply.js';

type Schemas = components['schemas'];

export interface CustomerRouteDeps extends SignedMessageDeps {
  readonly calls: CallService;
  readonly tracer: ChainTracer;
  readonly agreements: AgreementRegistry;
  readonly availability: AvailabilityService;
  readonly readTokens: ReadTokenVerifier;
  readonly subcalls: SubcallService;
  readonly attachments: AttachmentChecker;
}

type CustomerRead = 'listServices' | 'listAgreements' | 'getAgreement' | 'getAvailabilityReport' | 'listCalls' | 'getCall' | 'getCallHistory' | 'getCallTrace' | 'listCallNotes' | 'getCallAttachment';
type CustomerMessage = 'submitCall' | 'addCallNote' | 'confirmResolution' | 'rejectResolution' | 'cancelCall';

/** The customer-facing API: reads with a partner's JWT, writes as signed messages. */
export function customerRoutes(deps: CustomerRouteDeps): TypedHandlers<CustomerRead> & { readonly [Op in CustomerMessage]: SignedOperation } {
  const { calls, agreements } = deps;
  const authenticate: onRequestHookHandler = async (request) => {
    request.partner = await deps.readTokens.verify(request.headers.authorization);
    deps.rateLimiter.take(request.partner.id);
  };
  const asCustomer = (partner: Partner | undefined): Partner => {
    if (partner === undefined || !partner.roles.includes('customer')) {
      throw new GatewayError('USM_ERR_FORBIDDEN', 'only customers use this API');
    }
    return partner;
  };
  const customerOf = (request: { partner?: Partner | undefined }): Partner => asCustomer(request.partner);
  const callIdOf = (request: { params: { callId: string } }): string => request.params.callId;
  /** A customer's follow-up about one of its calls, in the call's chain, with what its data asks of the call. */
  const followUp = <D>(type: MessageType, ask: (data: D) => Pick<ActInput, 'action' | 'note' | 'comment' | 'attachments'>): SignedOperation =>
    signedMessageOperation(deps, type, 200, async (envelope, message, origin) => {
      const customer = asCustomer(origin.sender).id;
      const { call } = await calls.act({ callId: origin.params.callId!, customer, chainId: envelope.chainId, actor: { kind: 'customer', id: customer }, attachmentsFrom: customer, ...ask(envelope.data as D), message });
      return call;
    });
  const read = <Op extends CustomerRead>(handler: OperationHandlerMethod<Op>) => ({ onRequest: authenticate, handler });

  return {
    listServices: read(async (request) => ({ items: await agreements.servicesFor(customerOf(request).id) })),
    listAgreements: read(async (request) => ({ items: await agreements.forCustomer(customerOf(request).id) })),
    getAgreement: read(async (request) => {
      const { agreementId } = request.params;
      const agreement = await agreements.get(customerOf(request).id, agreementId);
      if (agreement === undefined) throw new GatewayError('USM_ERR_AGREEMENT_NOT_FOUND', `no agreement ${agreementId}`);
      return agreement;
    }),
    getAvailabilityReport: read(async (request) => deps.availability.report(request.params.agreementId, request.query.period, customerOf(request).id)),
    listCalls: read(async (request) => {
      const { query } = request;
      const customer = customerOf(request).id;
      const after = decodeCursor(query.cursor);
      const result = await page(query.limit, (limit) =>
        calls.list({
          customer,
          ...(query.status !== undefined ? { status: query.status } : {}),
          ...(query.type !== undefined ? { type: query.type } : {}),
          ...(query.service !== undefined ? { service: query.service } : {}),
          ...(query.updatedSince !== undefined ? { updatedSince: new Date(query.updatedSince).toISOString() } : {}),
          ...(after !== undefined ? { after } : {}),
          limit,
        }),
      );
      return { items: result.items.map(customerView), nextCursor: result.nextCursor };
    }),
    getCall: read(async (request) => customerView(await calls.get(callIdOf(request), customerOf(request).id))),
    getCallHistory: read(async (request) => ({
      items: (await calls.history(callIdOf(request), customerOf(request).id)).map(historyView),
    })),
    getCallTrace: read(async (request) => deps.tracer.trace(callIdOf(request), customerOf(request).id)),
    // The call's customer, or the supplier of a sub-call that carried the attachment (any partner with a read token).
    getCallAttachment: read(async (request, reply) => {
      const { callId, sha256 } = request.params;
      return sendAttachment(reply, await deps.subcalls.attachmentFor({ callId, sha256, party: request.partner!.id }), deps.attachments);
    }),
    listCallNotes: read(async (request) => ({
      items: (await calls.notes(callIdOf(request), customerOf(request).id)).map(noteView),
    })),

    submitCall: signedMessageOperation(deps, 'call.submit', 201, (envelope, message, origin) => {
      const trace = parseTraceparent(origin.traceparent);
      return calls.submit({
        customer: asCustomer(origin.sender).id,
        submission: envelope.data as Schemas['CallSubmission'],
        chainId: envelope.chainId,
        ...(envelope.hops !== undefined ? { hops: envelope.hops } : {}),
        ...(trace !== undefined ? { trace } : {}),
        message,
      });
    }),
    addCallNote: followUp<Schemas['NoteSubmission']>('call.note', ({ text, kind = 'comment', attachments }) => ({
      ...(kind === 'information' ? { action: { kind: 'provideInformation' } } : {}),
      note: { text, visibility: 'public', kind },
      ...(attachments !== undefined ? { attachments } : {}),
    })),
    confirmResolution: followUp<Schemas['ConfirmSubmission']>('call.confirm', ({ feedback }) => ({
      action: { kind: 'confirm' },
      ...(feedback !== undefined ? { note: { text: feedback, visibility: 'public', kind: 'comment' } } : {}),
    })),
    rejectResolution: followUp<Schemas['ReopenSubmission']>('call.reopen', ({ reason }) => ({
      action: { kind: 'reopen' },
      comment: reason,
      note: { text: reason, visibility: 'public', kind: 'comment' },
    })),
    cancelCall: followUp<Schemas['CancelSubmission']>('call.cancel', ({ reason }) => ({
      action: { kind: 'cancel' },
      ...(reason !== undefined ? { comment: reason, note: { text: reason, visibility: 'public', kind: 'comment' } } : {}),
    })),
  };
}
