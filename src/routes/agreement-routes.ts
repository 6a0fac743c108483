import type { onRequestHookHandler } from 'fastify';
import type { RequestAuthenticator } from '../http/console-session.js';
import type { TypedHandlers } from '../http/register-operations.js';
import { agreementView, type AgreementService } from '../agreements/agreement-service.js';

/** The desk's side of agreement negotiation across the link. */
export function agreementRoutes(deps: {
  readonly desk: RequestAuthenticator;
  readonly agreements: AgreementService;
}): TypedHandlers<'deskListAgreements' | 'deskGetAgreement' | 'deskProposeAgreement' | 'deskCounterAgreement' | 'deskAcceptAgreement' | 'deskRejectAgreement'> {
  const onRequest: onRequestHookHandler = async (request) => {
    request.deskToken = deps.desk.verify(request);
  };
  const idOf = (request: { params: { agreementId: string } }): string => request.params.agreementId;
  const { agreements } = deps;
  return {
    deskListAgreements: { onRequest, handler: async () => ({ items: (await agreements.list()).map(agreementView) }) },
    deskGetAgreement: { onRequest, handler: async (request) => ({ items: (await agreements.versions(idOf(request))).map(agreementView) }) },
    deskProposeAgreement: {
      onRequest,
      handler: async (request, reply) => reply.code(201).send(agreementView(await agreements.propose(request.body))),
    },
    deskCounterAgreement: {
      onRequest,
      handler: async (request, reply) => reply.code(201).send(agreementView(await agreements.counter(idOf(request), request.body))),
    },
    deskAcceptAgreement: { onRequest, handler: async (request) => agreementView(await agreements.accept(idOf(request))) },
    deskRejectAgreement: {
      onRequest,
      handler: async (request) => agreementView(await agreements.reject(idOf(request), request.body.reason)),
    },
  };
}
