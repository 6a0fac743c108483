import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isErrorCode, type ERROR_CODES, type ErrorCode } from '../kernel/error-codes.js';
import { codeOf, type FieldError, type GatewayError } from '../kernel/gateway-error.js';
import { PROBLEM_MEDIA_TYPE, problemOf } from '../kernel/problem.js';
import { contractDocument, methodsForPath, type ContractDocument } from './contract.js';
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

type UnauthorizedCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends 401 ? C : never }[ErrorCode];

const REALM = 'usm-link';

/**
 * The challenge every 401 carries in `WWW-Authenticate` (RFC 9110 section 11.6.1): `Bearer` (RFC
 * 6750) for the bearer tokens and JWTs of reads, the desk and the admin API; `Usm-Signature` for
 * signed messages, whose detached JWS goes in the `Usm-Signature` header (docs/protocol.md).
 */
export const CHALLENGES = {
  USM_ERR_TOKEN_MISSING: `Bearer realm="${REALM}"`,
  USM_ERR_TOKEN_INVALID: `Bearer realm="${REALM}", error="invalid_token"`,
  USM_ERR_TOKEN_EXPIRED: `Bearer realm="${REALM}", error="invalid_token"`,
  USM_ERR_SIGNATURE_MISSING: `Usm-Signature realm="${REALM}"`,
  USM_ERR_SIGNATURE_INVALID: `Usm-Signature realm="${REALM}", error="invalid_signature"`,
  USM_ERR_ALGORITHM_NOT_ALLOWED: `Usm-Signature realm="${REALM}", error="invalid_signature"`,
  USM_ERR_UNKNOWN_KEY: `Usm-Signature realm="${REALM}", error="invalid_signature"`,
  USM_ERR_SENDER_MISMATCH: `Usm-Signature realm="${REALM}", error="invalid_signature"`,
  // A console session stands in for a bearer token; without one, a bearer token is what to send.
  USM_ERR_SIGN_IN_FAILED: `Bearer realm="${REALM}"`,
  USM_ERR_SESSION_INVALID: `Bearer realm="${REALM}", error="invalid_token"`,
} as const satisfies Record<UnauthorizedCode, string>;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, classified: Classified): FastifyReply {
  const problem = problemOf(classified.code, classified.detail, request.url, classified.errors);
  if (classified.headers !== undefined) reply.headers(classified.headers);
  const challenge = (CHALLENGES as Partial<Record<ErrorCode, string>>)[classified.code];
  if (challenge !== undefined) reply.header('www-authenticate', challenge);
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(problem);
}

/**
 * One root error handler: every error leaves as an RFC 9457 problem document. A request for no
 * route is 404, or 405 with `Allow` when the contract has its path with other methods.
 */
export function installProblemHandler(app: FastifyInstance, document: ContractDocument = contractDocument): void {
  app.setErrorHandler((error, request, reply) => {
    const classified = classify(error);
    if (classified.code === 'USM_ERR_INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (classified.code === 'USM_ERR_STORE_UNAVAILABLE') request.log.warn({ err: error }, 'store unavailable');
    return sendProblem(reply, request, classified);
  });
  const methodsOf = methodsForPath(document);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = methodsOf(path);
    if (allowed === undefined) return sendProblem(reply, request, { code: 'USM_ERR_NOT_FOUND', detail: `no route ${request.method} ${path}` });
    const allow = allowed.join(', ');
    return sendProblem(reply, request, { code: 'USM_ERR_METHOD_NOT_ALLOWED', detail: `${request.method} is not allowed on ${path}; allowed: ${allow}`, headers: { allow } });
  });
}
