import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import { jose } from '../kernel/jose.js';
import { ERROR_CODES } from '../kernel/error-codes.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { CONTRACT_SCHEMA_ID, methodsForPath, operationsOf, type ContractDocument } from '../http/contract.js';
import { CHALLENGES, classify } from '../http/problem-handler.js';
import { createContractValidation } from '../http/validation.js';
import type { Partner } from '../partners/partner-directory.js';
import type { RateLimiter } from '../partners/rate-limiter.js';
import type { ReadTokenVerifier } from '../partners/read-token.js';
import { tmf621Document } from '../tmf/tmf621-contract.js';
import { tmfErrorOf } from '../tmf/tmf-error.js';
import type { TicketCreate, TicketPatch } from '../tmf/ticket-mapping.js';
import type { TicketListQuery, TicketService, TicketWrite } from '../tmf/ticket-service.js';
import type { HubService } from '../tmf/hub-service.js';

export interface TmfRouteDeps {
  readonly tickets: TicketService;
  readonly hubs: HubService;
  readonly readTokens: ReadTokenVerifier;
  readonly rateLimiter: RateLimiter;
  /** The URL the facade is reached at (its document's `servers`). */
  readonly baseUrl: string;
}

const MERGE_PATCH = 'application/merge-patch+json';

/**
 * The TMF621 Trouble Ticket facade, registered under its base path: routes and request schemas
 * from openapi/tmf621.yaml, every refusal a TMF `Error` with the gateway's code.
 */
export function tmfRoutes(deps: TmfRouteDeps) {
  const document = tmf621Document as unknown as ContractDocument;
  const operations = operationsOf(document).map((op) => {
    // A merge patch is not `application/json`: its schema is the one listed for its own media type.
    const patchBody = (document.paths['/troubleTicket/{id}']?.patch as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined)?.requestBody?.content?.[MERGE_PATCH]?.schema;
    if (op.operationId !== 'patchTroubleTicket' || patchBody === undefined) return op;
    return { ...op, schema: { ...op.schema, body: JSON.parse(JSON.stringify(patchBody).replaceAll('"#/components/', `"${CONTRACT_SCHEMA_ID}#/components/`)) as unknown } };
  });
  const validation = createContractValidation(document);
  const methodsOf = methodsForPath(document);
  const served = { ...tmf621Document, servers: [{ url: deps.baseUrl }] };

  const authenticate = async (request: FastifyRequest): Promise<Partner> => {
    const partner = await deps.readTokens.verify(request.headers.authorization);
    deps.rateLimiter.take(partner.id);
    return partner;
  };
  /** A write's partner, JWT and `jti` (required, remembered), and its body bytes. */
  const writeOf = async (request: FastifyRequest): Promise<TicketWrite> => {
    const partner = await authenticate(request);
    const token = request.headers.authorization!.slice('Bearer '.length);
    const { jti } = (await jose()).decodeJwt(token);
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) {
      throw new GatewayError('USM_ERR_TOKEN_INVALID', 'a write needs a jti claim (1 to 200 characters) never used for a write before');
    }
    return { partner, token, jti, body: request.rawBody ?? Buffer.alloc(0) };
  };
  const mediaType = (expected: string): preValidationHookHandler => async (request) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== expected) throw new GatewayError('USM_ERR_UNSUPPORTED_MEDIA_TYPE', `send the body as ${expected}`);
  };

  const handlers: Record<string, { handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>; preValidation?: preValidationHookHandler }> = {
    listTroubleTicket: {
      handler: async (request, reply) => {
        const items = await deps.tickets.list(await authenticate(request), request.query as TicketListQuery);
        return reply.header('x-result-count', items.length).send(items);
      },
    },
    createTroubleTicket: {
      preValidation: mediaType('application/json'),
      handler: async (request, reply) => {
        const ticket = await deps.tickets.create(await writeOf(request), request.body as TicketCreate);
        return reply.code(201).header('location', ticket.href).send(ticket);
      },
    },
    retrieveTroubleTicket: {
      handler: async (request) => deps.tickets.get(await authenticate(request), (request.params as { id: string }).id),
    },
    patchTroubleTicket: {
      preValidation: mediaType(MERGE_PATCH),
      handler: async (request) => deps.tickets.patch(await writeOf(request), (request.params as { id: string }).id, request.body as TicketPatch),
    },
    createHub: {
      preValidation: mediaType('application/json'),
      handler: async (request, reply) => {
        const hub = await deps.hubs.create(await authenticate(request), request.body as { callback: string; query?: string | null });
        return reply.code(201).header('location', hub.href).send(hub);
      },
    },
    retrieveHub: {
      handler: async (request) => deps.hubs.get(await authenticate(request), (request.params as { id: string }).id),
    },
    deleteHub: {
      handler: async (request, reply) => {
        await deps.hubs.remove(await authenticate(request), (request.params as { id: string }).id);
        return reply.code(204).send();
      },
    },
    getTroubleTicketContract: { handler: async () => served },
  };

  return async function plugin(instance: FastifyInstance): Promise<void> {
    instance.setValidatorCompiler(validation.compiler);
    instance.setErrorHandler((error, request, reply) => {
      const classified = classify(error);
      if (classified.code === 'USM_ERR_INTERNAL') request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, classified.code, classified.detail, classified.errors, classified.headers);
    });
    instance.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!.slice(instance.prefix.length);
      const allowed = methodsOf(path);
      if (allowed === undefined) return sendError(reply, 'USM_ERR_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
      const allow = allowed.join(', ');
      return sendError(reply, 'USM_ERR_METHOD_NOT_ALLOWED', `${request.method} is not allowed here; allowed: ${allow}`, undefined, { allow });
    });
    for (const operation of operations) {
      const { handler, preValidation } = handlers[operation.operationId]!;
      instance.route({ method: operation.method, url: operation.url, schema: operation.schema, handler, ...(preValidation !== undefined ? { preValidation } : {}) });
    }
  };
}

function sendError(reply: FastifyReply, code: keyof typeof ERROR_CODES, detail?: string, errors?: readonly { path: string; message: string }[], headers?: Readonly<Record<string, string>>): FastifyReply {
  if (headers !== undefined) reply.headers(headers);
  const challenge = (CHALLENGES as Partial<Record<string, string>>)[code];
  if (challenge !== undefined) reply.header('www-authenticate', challenge);
  return reply.code(ERROR_CODES[code].status).type('application/json').send(tmfErrorOf(code, detail, errors));
}
