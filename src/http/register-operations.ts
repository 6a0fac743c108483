import type { FastifyInstance, RouteHandlerMethod, onRequestHookHandler, preValidationHookHandler } from 'fastify';
import type { Operation } from './contract.js';

export interface OperationHandler {
  readonly handler: RouteHandlerMethod;
  readonly onRequest?: onRequestHookHandler;
  readonly preValidation?: preValidationHookHandler;
}

export type OperationHandlers = Readonly<Record<string, OperationHandler>>;

/**
 * Registers one route per contract operation. Method, path and request schemas come from the
 * contract; code supplies only the handler. A handler without an operation, or an operation
 * without a handler, is a programming error.
 */
export function registerOperations(app: FastifyInstance, operations: readonly Operation[], handlers: OperationHandlers): void {
  const known = new Set(operations.map((op) => op.operationId));
  const extra = Object.keys(handlers).filter((id) => !known.has(id));
  if (extra.length > 0) throw new TypeError(`handlers for operations not in the contract: ${extra.join(', ')}`);
  const missing = operations.filter((op) => handlers[op.operationId] === undefined).map((op) => op.operationId);
  if (missing.length > 0) throw new TypeError(`contract operations without a handler: ${missing.join(', ')}`);
  for (const operation of operations) {
    const { handler, onRequest, preValidation } = handlers[operation.operationId]!;
    app.route({
      method: operation.method,
      url: operation.url,
      schema: operation.schema,
      handler,
      ...(onRequest !== undefined ? { onRequest } : {}),
      ...(preValidation !== undefined ? { preValidation } : {}),
    });
  }
}
