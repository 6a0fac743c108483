import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isErrorCode, type ErrorCode } from '../kernel/error-codes.js';
import { codeOf, type FieldError, type GatewayError } from '../kernel/gateway-error.js';
import { PROBLEM_MEDIA_TYPE, problemOf } from '../kernel/problem.js';
import { fieldErrorsOf } from './validation.js';

/** Fastify's own errors that are the client's fault, as gateway codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'USM_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'USM_ERR_VALIDATION',
  FST_ERR_CTP_BODY_TOO_LARGE: 'USM_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'USM_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'USM_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'USM_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'USM_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'USM_ERR_VALIDATION',
  FST_ERR_BAD_URL: 'USM_ERR_NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'USM_ERR_VALIDATION',
};

interface Classified {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** Maps any error to a gateway code; unknown errors become USM_ERR_INTERNAL and leak nothing. */
export function classify(error: unknown): Classified {
  const code = codeOf(error);
  // What made the store unavailable stays in the log; the client is told to come back.
  if (code === 'USM_ERR_STORE_UNAVAILABLE') return { code, headers: { 'retry-after': '5' } };
  if (isErrorCode(code)) {
    const { message, errors, headers } = error as Partial<GatewayError>;
    return { code, ...(message !== undefined ? { detail: message } : {}), ...(errors ? { errors } : {}), ...(headers ? { headers } : {}) };
  }
  const fastifyError = error as FastifyError & { validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const errors = fieldErrorsOf(fastifyError.validation, fastifyError.validationContext ?? 'body');
    return { code: 'USM_ERR_VALIDATION', detail: `${errors.length} problem(s) in the ${fastifyError.validationContext ?? 'request'}`, errors };
  }
  const mapped = typeof fastifyError.code === 'string' ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped !== undefined) return { code: mapped, detail: fastifyError.message };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { code: fastifyError.statusCode === 408 ? 'USM_ERR_REQUEST_TIMEOUT' : fastifyError.statusCode === 413 ? 'USM_ERR_BODY_TOO_LARGE' : 'USM_ERR_VALIDATION', detail: fastifyError.message };
  }
  return { code: 'USM_ERR_INTERNAL' };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, classified: Classified): FastifyReply {
  const problem = problemOf(classified.code, classified.detail, request.url, classified.errors);
  if (classified.headers !== undefined) reply.headers(classified.headers);
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(problem);
}

/** One root error handler: every error leaves as an RFC 9457 problem document. */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const classified = classify(error);
    if (classified.code === 'USM_ERR_INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (classified.code === 'USM_ERR_STORE_UNAVAILABLE') request.log.warn({ err: error }, 'store unavailable');
    return sendProblem(reply, request, classified);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { code: 'USM_ERR_NOT_FOUND', detail: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
