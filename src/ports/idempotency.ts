import { codeOf } from '../kernel/gateway-error.js';

/**
 * A desk write remembered by its `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header):
 * whose key it is, a fingerprint of the request, and the answer given. It is stored in the same
 * transaction as the change it made, so a write is remembered exactly when it happened.
 */
export interface IdempotentRequest {
  /** Whose key it is (e.g. `desk:<token name>`): keys of different callers never meet. */
  readonly owner: string;
  readonly key: string;
  /** SHA-256 of the method, path and body: the same key with another request is refused. */
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly response: { readonly status: number; readonly body: unknown };
}

/** The key behind a change: recorded with it, and answered the same way when the request is sent again. */
export interface IdempotencyContext<T = unknown> {
  readonly record: Omit<IdempotentRequest, 'response'>;
  readonly respond: (result: T) => { status: number; body: unknown };
}

export interface IdempotencyStore {
  findIdempotent(owner: string, key: string): Promise<IdempotentRequest | undefined>;
  /** Forgets requests remembered before `before` (ISO time); how many it forgot. */
  forgetIdempotent(before: string): Promise<number>;
}

/** The code of a `DuplicateRequestError`: a request with this owner and key was stored first by another. */
export const DUPLICATE_REQUEST = 'USM_STORE_DUPLICATE_REQUEST';

export class DuplicateRequestError extends Error {
  override name = 'DuplicateRequestError';
  readonly code = DUPLICATE_REQUEST;
}

export function isDuplicateRequest(error: unknown): boolean {
  return codeOf(error) === DUPLICATE_REQUEST;
}
