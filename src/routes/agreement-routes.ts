import type { onRequestHookHandler } from 'fastify';
import type { RequestAuthenticator } from '../http/console-session.js';
import type { TypedHandlers } from '../http/register-operations.js';
import { agreementView, type AgreementService } from '../agreements/agreement-service.js';
import type { Agreement } from '../agreements/agreement-registry.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import type { AvailabilityService } from '../agreements/availability-service.js';
import type { WishNegotiations } from '../subcalls/wish-negotiation.js';

/** The desk's side of agreement negotiation across the link. */
export function agreementRoutes(deps: {
  readonly desk: RequestAuthenticator;
  readonly agreements: AgreementService;
  /** The agreements in the config file. */
  readonly configured: () => Agreement[];
  readonly availability: AvailabilityService;
  readonly wishes: WishNegotiations;
  readonly now: () => number;
}): TypedHandlers<
  | 'deskListAgreements'
  | 'deskListConfiguredAgreements'
  | 'deskGetAgreement'
  | 'deskProposeAgreement'
  | 'deskCounterAgreement'
  | 'deskAcceptAgreement'
  | 'deskRejectAgreement'
  | 'deskTerminateAgreement'
  | 'deskListOutages'
  | 'deskAddOutage'
  | 'deskAvailabilityReport'
  | 'deskListWishNegotiations'
  | 'deskOpenWishNegotiation'
> {
  const onRequest: onRequestHookHandler = async (request) => {
    request.deskToken = deps.desk.verify(request);
  };
  const idOf = (request: { params: { agreementId: string } }): string => request.params.agreementId;
  const { agreements } = deps;
  const view = (version: AgreementVersion) => agreementView(version, deps.now());
  return {
    deskListAgreements: { onRequest, handler: async () => ({ items: (await agreements.list()).map(view) }) },
    deskListConfiguredAgreements: { onRequest, handler: async () => ({ items: deps.configured() }) },
    deskGetAgreement: { onRequest, handler: async (request) => ({ items: (await agreements.versions(idOf(request))).map(view) }) },
    deskProposeAgreement: {
      onRequest,
      handler: async (request, reply) => reply.code(201).send(view(await agreements.propose(request.body))),
    },
    deskCounterAgreement: {
      onRequest,
      handler: async (request, reply) => reply.code(201).send(view(await agreements.counter(idOf(request), request.body))),
    },
    deskAcceptAgreement: { onRequest, handler: async (request) => view(await agreements.accept(idOf(request))) },
    deskRejectAgreement: {
      onRequest,
      handler: async (request) => view(await agreements.reject(idOf(request), request.body.reason)),
    },
    deskTerminateAgreement: {
      onRequest,
      handler: async (request) => view(await agreements.terminate(idOf(request), request.body)),
    },
    deskListOutages: { onRequest, handler: async (request) => ({ items: await deps.availability.outages(idOf(request)) }) },
    deskAddOutage: { onRequest, handler: async (request, reply) => reply.code(201).send(await deps.availability.addOutage(idOf(request), request.body)) },
    deskListWishNegotiations: { onRequest, handler: async (request) => ({ items: (await deps.wishes.of(request.params.callId)).map(view) }) },
    deskOpenWishNegotiation: {
      onRequest,
      handler: async (request, reply) => reply.code(201).send(view(await deps.wishes.open(request.params.callId, request.body, { kind: 'desk', id: request.deskToken! }))),
    },
    deskAvailabilityReport: { onRequest, handler: async (request) => deps.availability.report(idOf(request), request.query.period) },
  };
}
