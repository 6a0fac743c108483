import type { onRequestHookHandler } from 'fastify';
import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import { decodeCursor, page } from '../http/cursor.js';
import type { OperationHandlerMethod, TypedHandlers } from '../http/register-operations.js';
import { signedMessageOperation, type SignedMessageDeps, type SignedOperation } from '../http/signed-message.js';
import type { Partner } from '../partners/partner-directory.js';
import type { ReadTokenVerifier } from '../partners/read-token.js';
import type { CallService } from '../calls/call-service.js';
import type { ChainTracer } from '../subcalls/chain-trace.js';
import { customerView, historyView, noteView } from '../calls/call-views.js';
import { parseTraceparent } from '../kernel/traceparent.js';

type Schemas = components['schemas'];

export interface CustomerRouteDeps extends SignedMessageDeps {
  readonly calls: CallService;
  readonly tracer: ChainTracer;
  readonly agreements: AgreementRegistry;
  readonly readTokens: ReadTokenVerifier;
}

type CustomerRead = 'listServices' | 'listAgreements' | 'getAgreement' | 'listCalls' | 'getCall' | 'getCallHistory' | 'getCallTrace' | 'listCallNotes';
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
  const actOn = async (input: Parameters<CallService['act']>[0]) => (await calls.act(input)).call;
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
    addCallNote: signedMessageOperation(deps, 'call.note', 200, (envelope, message, origin) => {
      const customer = asCustomer(origin.sender).id;
      const data = envelope.data as Schemas['NoteSubmission'];
      const kind = data.kind ?? 'comment';
      return actOn({
        callId: origin.params.callId!,
        customer,
        chainId: envelope.chainId,
        actor: { kind: 'customer', id: customer },
        ...(kind === 'information' ? { action: { kind: 'provideInformation' } } : {}),
        note: { text: data.text, visibility: 'public', kind },
        message,
      });
    }),
    confirmResolution: signedMessageOperation(deps, 'call.confirm', 200, (envelope, message, origin) => {
      const customer = asCustomer(origin.sender).id;
      const { feedback } = envelope.data as Schemas['ConfirmSubmission'];
      return actOn({
        callId: origin.params.callId!,
        customer,
        chainId: envelope.chainId,
        actor: { kind: 'customer', id: customer },
        action: { kind: 'confirm' },
        ...(feedback !== undefined ? { note: { text: feedback, visibility: 'public', kind: 'comment' } } : {}),
        message,
      });
    }),
    rejectResolution: signedMessageOperation(deps, 'call.reopen', 200, (envelope, message, origin) => {
      const customer = asCustomer(origin.sender).id;
      const { reason } = envelope.data as Schemas['ReopenSubmission'];
      return actOn({
        callId: origin.params.callId!,
        customer,
        chainId: envelope.chainId,
        actor: { kind: 'customer', id: customer },
        action: { kind: 'reopen' },
        comment: reason,
        note: { text: reason, visibility: 'public', kind: 'comment' },
        message,
      });
    }),
    cancelCall: signedMessageOperation(deps, 'call.cancel', 200, (envelope, message, origin) => {
      const customer = asCustomer(origin.sender).id;
      const { reason } = envelope.data as Schemas['CancelSubmission'];
      return actOn({
        callId: origin.params.callId!,
        customer,
        chainId: envelope.chainId,
        actor: { kind: 'customer', id: customer },
        action: { kind: 'cancel' },
        ...(reason !== undefined ? { comment: reason, note: { text: reason, visibility: 'public', kind: 'comment' } } : {}),
        message,
      });
    }),
  };
}
