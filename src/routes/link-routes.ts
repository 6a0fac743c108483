import type { MessageContext } from '../ports/inbound-message.js';
import type { SubcallService, UpdateResult } from '../subcalls/subcall-service.js';
import { agreementView, NEGOTIATION_MESSAGE_TYPES, type AgreementService, type NegotiationMessageType } from '../agreements/agreement-service.js';
import type { AgreementVersion } from '../ports/agreement-store.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import type { TypedHandlers } from '../http/register-operations.js';
import { signedMessageOperation, type SignedMessageDeps, type SignedOperation } from '../http/signed-message.js';
import type { SupplierLink } from '../ports/supplier-link.js';

type Schemas = components['schemas'];

interface InboxResult {
  readonly update?: UpdateResult;
  readonly agreement?: AgreementVersion;
}

/** The inbox answers for any message type; each service records its answer through this view of it. */
function narrow<T>(message: MessageContext<InboxResult>, wrap: (result: T) => InboxResult): MessageContext<T> {
  return { record: message.record, respond: (result) => message.respond(wrap(result)) };
}

export interface LinkRouteDeps extends SignedMessageDeps {
  readonly subcalls: SubcallService;
  readonly agreements: AgreementService;
  readonly discovery: Schemas['Discovery'];
}

/** The gateway-to-gateway side of the link: the inbox for suppliers' updates, and discovery. */
export function linkRoutes(deps: LinkRouteDeps): TypedHandlers<'getDiscovery'> & { readonly receiveMessage: SignedOperation } {
  return {
    getDiscovery: { handler: async () => deps.discovery },
    receiveMessage: signedMessageOperation<InboxResult>(
      deps,
      ['call.update', ...NEGOTIATION_MESSAGE_TYPES],
      200,
      async (envelope, message, { sender }) => {
        if (envelope.type === 'call.update') {
          if (!sender.roles.includes('supplier')) throw new GatewayError('USM_ERR_FORBIDDEN', 'only suppliers send call updates');
          const result = await deps.subcalls.receiveUpdate({ supplier: sender.id, update: envelope.data as Schemas['CallUpdate'], chainId: envelope.chainId, message: narrow(message, (r) => ({ update: r })) });
          return { update: result };
        }
        const agreement = await deps.agreements.receive(sender, envelope.type as NegotiationMessageType, envelope.data, narrow(message, (r) => ({ agreement: r })));
        return { agreement };
      },
      (result) => (result.update !== undefined ? { applied: result.update.applied } : { agreement: agreementView(result.agreement!, deps.now()) }),
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
    ...(link.team !== undefined ? { team: { ...link.team } } : {}),
    ...(link.resolution !== undefined ? { resolution: link.resolution } : {}),
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}

export function linkIdOf(request: { params: { linkId: string } }): string {
  return request.params.linkId;
}
