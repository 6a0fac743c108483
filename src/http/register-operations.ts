import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod, onRequestHookHandler, preValidationHookHandler } from 'fastify';
import type { operations } from '../generated/api.js';
import type { Operation } from './contract.js';

export type OperationId = keyof operations;

/**
 * Query parameters the contract gives a default: once validated they are always there (the
 * validation fills in defaults). test/http/contract.test.ts checks this list against the contract.
 */
export const DEFAULTED_QUERY_PARAMETERS = ['limit'] as const;
type Defaulted = (typeof DEFAULTED_QUERY_PARAMETERS)[number];

type Present<T> = [T] extends [never] ? Record<string, never> : [T] extends [undefined] ? Record<string, never> : NonNullable<T>;
type WithDefaults<Q> = Omit<Q, Defaulted> & { [K in Extract<keyof Q, Defaulted>]-?: NonNullable<Q[K]> };

/** The path parameters of an operation, as the contract types them. */
export type PathOf<Op extends OperationId> = Present<operations[Op]['parameters']['path']>;
/** The query parameters of an operation, as validated (defaults filled in). */
export type QueryOf<Op extends OperationId> = WithDefaults<Present<operations[Op]['parameters']['query']>>;
/** The JSON body of an operation, as validated; undefined for an operation without one. */
export type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body | undefined
    : undefined;

type JsonContentOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : Response extends { content?: never } ? undefined : never;
/**
 * The bodies a handler may answer with, by status: every answer the contract lists as
 * `application/json` (or without a body). Problem documents are the error handler's, not a handler's.
 */
export type RepliesOf<Op extends OperationId> = {
  [Status in keyof operations[Op]['responses'] as [JsonContentOf<operations[Op]['responses'][Status]>] extends [never] ? never : Status]: JsonContentOf<operations[Op]['responses'][Status]>;
};

/** An operation's request and answers, typed from the contract, in fastify's terms. */
export interface OperationTypes<Op extends OperationId> {
  Params: PathOf<Op>;
  Querystring: QueryOf<Op>;
  Body: BodyOf<Op>;
  Reply: RepliesOf<Op>;
}

export type OperationRequest<Op extends OperationId> = FastifyRequest<OperationTypes<Op>>;
export type OperationReply<Op extends OperationId> = FastifyReply<OperationTypes<Op>>;

/**
 * The handler of one operation: its request typed from the contract, and what it answers: a body
 * of one of its listed answers (sent with the status set on the reply, 200 by default), or the
 * reply once sent (`reply.code(201).send(body)` types the body by that status).
 */
export type OperationHandlerMethod<Op extends OperationId> = (
  this: FastifyInstance,
  request: OperationRequest<Op>,
  reply: OperationReply<Op>,
) => Promise<RepliesOf<Op>[keyof RepliesOf<Op>] | OperationReply<Op>>;

/**
 * The code of one operation, `OperationHandler<'deskAdvanceCall'>`. Without an operation id it is
 * untyped: signed messages and batches type their request themselves (an envelope, checked by
 * its message type), see signed-message.ts.
 */
export interface OperationHandler<Op extends OperationId | undefined = undefined> {
  readonly handler: Op extends OperationId ? OperationHandlerMethod<Op> : RouteHandlerMethod;
  readonly onRequest?: onRequestHookHandler;
  readonly preValidation?: preValidationHookHandler;
}

/** The handlers of some operations, each typed from the contract. */
export type TypedHandlers<Op extends OperationId> = { readonly [Id in Op]: OperationHandler<Id> };

/** Handlers by operation id, as registered. */
export type OperationHandlers = { readonly [Id in OperationId]?: OperationHandler<Id> | OperationHandler };

/**
 * Registers one route per contract operation. Method, path and request schemas come from the
 * contract; code supplies only the handler. A handler without an operation, or an operation
 * without a handler, is a programming error.
 *
 * Answers are serialised with JSON.stringify, not with the contract's response schemas
 * (fast-json-stringify): that serialiser drops members a schema does not name (so every open
 * object would have to be rewritten with `additionalProperties: true`) and coerces values to the
 * schema's types instead of showing a mismatch, and measured with every open object kept it made
 * the hop no faster (BENCH_ONLY=hop, one run each on a shared 2-core machine: 0.242 of the plain
 * proxy's rate against 0.254 without; the gateway's CPU 1257 against 1170 us a call; 0.14 s more
 * start-up). The test suite checks every answer against the contract instead (createResponseCheck).
 */
export function registerOperations(app: FastifyInstance, operations: readonly Operation[], handlers: OperationHandlers): void {
  const known = new Set<string>(operations.map((op) => op.operationId));
  const extra = Object.keys(handlers).filter((id) => !known.has(id));
  if (extra.length > 0) throw new TypeError(`handlers for operations not in the contract: ${extra.join(', ')}`);
  const byId = handlers as Readonly<Record<string, { readonly handler: unknown; readonly onRequest?: onRequestHookHandler; readonly preValidation?: preValidationHookHandler } | undefined>>;
  const missing = operations.filter((op) => byId[op.operationId] === undefined).map((op) => op.operationId);
  if (missing.length > 0) throw new TypeError(`contract operations without a handler: ${missing.join(', ')}`);
  for (const operation of operations) {
    const { handler, onRequest, preValidation } = byId[operation.operationId]!;
    app.route({
      method: operation.method,
      url: operation.url,
      schema: operation.schema,
      // The contract's validation stands behind the request types a typed handler relies on.
      handler: handler as RouteHandlerMethod,
      ...(onRequest !== undefined ? { onRequest } : {}),
      ...(preValidation !== undefined ? { preValidation } : {}),
    });
  }
}
