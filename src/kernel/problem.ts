import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import type { FieldError } from './gateway-error.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
}

/** Builds an RFC 9457 problem document for a gateway error code. */
export function problemOf(
  code: ErrorCode,
  detail: string | undefined,
  instance: string | undefined,
  errors?: readonly FieldError[],
): Problem {
  const { status, title } = ERROR_CODES[code];
  return {
    type: `urn:usm-link:problem:${code.slice('USM_ERR_'.length).toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code,
    ...(detail !== undefined && detail !== title ? { detail } : {}),
    ...(instance !== undefined ? { instance } : {}),
    ...(errors !== undefined && errors.length > 0 ? { errors } : {}),
  };
}
