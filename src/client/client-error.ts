import type { components } from '../generated/api.js';
import type { ErrorCode } from '../kernel/error-codes.js';

/** What went wrong on the client's side: no answer in time, a receipt that does not prove the send, an answer outside the contract. */
export type ClientErrorCode = 'USM_CLIENT_UNREACHABLE' | 'USM_CLIENT_RECEIPT_INVALID' | 'USM_CLIENT_BAD_ANSWER' | 'USM_CLIENT_PROOF_INVALID';

export type Problem = components['schemas']['Problem'];

/**
 * A failed request. `code` is the gateway's stable `USM_ERR_*` code when it refused (with `status`
 * and the RFC 9457 `problem`), or a `USM_CLIENT_*` code for what failed on this side. Branch on
 * `code`, never on the message.
 */
export class GatewayClientError extends Error {
  /** A code of this version's registry, a client code, or a code of a newer gateway. */
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  /** The HTTP status of the gateway's answer, when there was one. */
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  /** How many times the request was sent. */
  readonly attempts: number;

  constructor(code: ErrorCode | ClientErrorCode | (string & {}), message: string, options: { status?: number; problem?: Problem; attempts?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GatewayClientError';
    this.code = code;
    this.status = options.status;
    this.problem = options.problem;
    this.attempts = options.attempts ?? 1;
  }
}
