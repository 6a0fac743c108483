import type { FastifyRequest } from 'fastify';
import type { CallService, UpdateResult } from '../calls/call-service.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { components } from '../generated/api.js';
import type { OperationHandlers } from '../http/register-operations.js';
import { signedMessageOperation, type SignedMessageDeps } from '../http/signed-message.js';
import type { SupplierLink } from './supplier-link.js';

type Schemas = components['schemas'];

export interface LinkRouteDeps extends SignedMessageDeps {
  readonly calls: CallService;
  readonly discovery: Schemas['Discovery'];
}

/** The gateway-to-gateway side of the link: the inbox for suppliers' updates, and discovery. */
export function linkRoutes(deps: LinkRouteDeps): OperationHandlers {
  return {
    getDiscovery: { handler: async () => deps.discovery },
    receiveMessage: signedMessageOperation<UpdateResult>(
      deps,
      'call.update',
      200,
      (envelope, message, request) => {
        const sender = request.signedMessage!.sender;
        if (!sender.roles.includes('supplier')) throw new GatewayError('USM_ERR_FORBIDDEN', 'only suppliers send call updates');
        return deps.calls.receiveUpdate({ supplier: sender.id, update: envelope.data as Schemas['CallUpdate'], message });
      },
      (result) => ({ applied: result.applied }),
    ),
  };
}

/** The desk's view of a sub-call. */
export function linkView(link: SupplierLink): Schemas['SupplierLink'] {
  return {
    id: link.id,
    parentCallId: link.parentCallId,
    supplier: link.supplier,
    service: link.service,
    agreement: link.agreement,
    type: link.type,
    at: link.at,
    status: link.status,
    remoteCallId: link.remoteCallId,
    ...(link.resolution !== undefined ? { resolution: link.resolution } : {}),
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}

export function linkIdOf(request: FastifyRequest): string {
  return (request.params as { linkId: string }).linkId;
}
