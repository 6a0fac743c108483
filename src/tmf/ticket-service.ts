import type { AgreementRegistry } from '../agreements/agreement-registry.js';
import type { CallService } from '../calls/call-service.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import { bodyDigest } from '../messages/batch.js';
import type { Partner } from '../partners/partner-directory.js';
import type { CallRecord } from '../ports/call.js';
import { isDuplicateMessage, type InboundMessageStore, type MessageContext } from '../ports/inbound-message.js';
import type { PublicStatus } from '../usm/usm-model.js';
import { patchRequestOf, submissionOf, ticketOf, TICKET_TYPES, type TicketCreate, type TicketPatch, type TicketType, type TroubleTicket } from './ticket-mapping.js';

/** A write as it arrived: the partner's JWT (the evidence), its `jti`, and the exact body bytes. */
export interface TicketWrite {
  readonly partner: Partner;
  readonly token: string;
  readonly jti: string;
  readonly body: Buffer;
}

export interface TicketListQuery {
  readonly offset: number;
  readonly limit: number;
  readonly status?: PublicStatus;
  readonly ticketType?: TicketType;
}

export interface TicketService {
  create(write: TicketWrite, ticket: TicketCreate): Promise<TroubleTicket>;
  patch(write: TicketWrite, id: string, patch: TicketPatch): Promise<TroubleTicket>;
  get(partner: Partner, id: string): Promise<TroubleTicket>;
  list(partner: Partner, query: TicketListQuery): Promise<TroubleTicket[]>;
}

/** The message types under which TMF621 writes enter the message log. */
export const TMF_MESSAGE_TYPES = { create: 'tmf621.troubleTicket.create', patch: 'tmf621.troubleTicket.patch' } as const;

/**
 * TMF621 trouble tickets over the call service: the same processes, rules, isolation and SLA clocks.
 * Every write is kept as an inbound message (its JWT as the signature, its body as the body),
 * committed with the change it made; its `jti` is the message id, so a JWT used for one write
 * cannot be used for another.
 */
export function createTicketService(deps: {
  readonly calls: CallService;
  readonly agreements: AgreementRegistry;
  readonly inbound: InboundMessageStore;
  /** The gateway's party id: the author of the provider's notes. */
  readonly self: string;
  /** The ticket's URL, from its id. */
  readonly hrefOf: (id: string) => string;
  readonly now: () => number;
}): TicketService {
  const { calls } = deps;

  const asCustomer = (partner: Partner): string => {
    if (!partner.roles.includes('customer')) throw new GatewayError('USM_ERR_FORBIDDEN', 'only customers raise trouble tickets');
    return partner.id;
  };

  async function present(call: CallRecord): Promise<TroubleTicket & { status: PublicStatus; note: { id?: string; text: string }[] }> {
    const [history, notes] = await Promise.all([calls.history(call.id, call.customer), calls.notes(call.id, call.customer)]);
    return ticketOf(call, history, notes, { href: deps.hrefOf(call.id), provider: deps.self });
  }

  /** The write as a message: refused when its `jti` was used for a write before. */
  async function messageOf(write: TicketWrite, type: string, status: number): Promise<MessageContext<CallRecord>> {
    const id = `jwt:${write.jti}`;
    if ((await deps.inbound.findInbound(write.partner.id, id)) !== undefined) throw reused(write.jti);
    return {
      record: { id, from: write.partner.id, type, digest: bodyDigest(write.body), signature: write.token, body: write.body.toString('utf8'), receivedAt: new Date(deps.now()).toISOString() },
      respond: async (call) => ({ status, body: { id: call.id, href: deps.hrefOf(call.id), status: call.lifecycle.status } }),
    };
  }

  async function once<T>(write: TicketWrite, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // Another request with the same jti committed first.
      if (isDuplicateMessage(error)) throw reused(write.jti);
      throw error;
    }
  }

  return {
    async create(write, ticket) {
      const customer = asCustomer(write.partner);
      const submission = submissionOf(ticket, write.partner, await deps.agreements.forCustomer(customer));
      const message = await messageOf(write, TMF_MESSAGE_TYPES.create, 201);
      const call = await once(write, () => calls.submit({ customer, submission, chainId: uuidv7(deps.now()), message }));
      return present(call);
    },

    async patch(write, id, patch) {
      const customer = asCustomer(write.partner);
      const current = await present(await calls.get(id, customer));
      const asked = patchRequestOf(patch, current);
      const message = await messageOf(write, TMF_MESSAGE_TYPES.patch, 200);
      const { call } = await once(write, () =>
        calls.act({ callId: id, customer, actor: { kind: 'customer', id: customer }, ...asked, message }),
      );
      return present(call);
    },

    async get(partner, id) {
      return present(await calls.get(id, asCustomer(partner)));
    },

    async list(partner, query) {
      const customer = asCustomer(partner);
      const found = await calls.list({
        customer,
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.ticketType !== undefined ? { type: TICKET_TYPES[query.ticketType] } : {}),
        limit: query.offset + query.limit,
      });
      return Promise.all(found.slice(query.offset, query.offset + query.limit).map(present));
    },
  };
}

function reused(jti: string): GatewayError {
  return new GatewayError('USM_ERR_TOKEN_REUSED', `the token with jti ${jti} was used for a write before: sign a new one for each write`);
}
