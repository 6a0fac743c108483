import type { ErrorCode } from '../kernel/error-codes.js';
import type { FieldError } from '../kernel/gateway-error.js';
import { problemOf } from '../kernel/problem.js';

/** A refusal as TMF's `Error` resource (TMF630), whose `code` is the gateway's stable code. */
export interface TmfError {
  readonly '@type': 'Error';
  readonly code: ErrorCode;
  readonly reason: string;
  readonly message?: string;
  readonly status: string;
  /** The problem type of the same refusal in the usm-link API (docs/protocol.md). */
  readonly referenceError: string;
  readonly errors?: readonly FieldError[];
}

export function tmfErrorOf(code: ErrorCode, detail: string | undefined, errors?: readonly FieldError[]): TmfError {
  const problem = problemOf(code, detail, undefined, errors);
  return {
    '@type': 'Error',
    code,
    reason: problem.title,
    ...(problem.detail !== undefined ? { message: problem.detail } : {}),
    status: String(problem.status),
    referenceError: problem.type,
    ...(problem.errors !== undefined ? { errors: problem.errors } : {}),
  };
}
