/** Every error the gateway answers with: a stable code, its HTTP status and a short title. */
export const ERROR_CODES = {
  USM_ERR_VALIDATION: { status: 400, title: 'The request does not match the contract' },
  USM_ERR_MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  USM_ERR_INVALID_CURSOR: { status: 400, title: 'The cursor is not one this gateway issued' },
  USM_ERR_MESSAGE_TYPE_MISMATCH: { status: 400, title: 'The message type does not belong on this endpoint' },
  USM_ERR_WRONG_RECIPIENT: { status: 400, title: 'The message is addressed to another party' },
  USM_ERR_MESSAGE_TIME: { status: 400, title: 'The message time is outside the accepted window' },
  USM_ERR_SIGNATURE_MISSING: { status: 401, title: 'The message has no Usm-Signature header' },
  USM_ERR_SIGNATURE_INVALID: { status: 401, title: 'The message signature does not verify' },
  USM_ERR_ALGORITHM_NOT_ALLOWED: { status: 401, title: 'The signature algorithm is not allowed' },
  USM_ERR_UNKNOWN_KEY: { status: 401, title: 'The key id is not known for any partner' },
  USM_ERR_SENDER_MISMATCH: { status: 401, title: 'The message was not signed by its sender' },
  USM_ERR_TOKEN_MISSING: { status: 401, title: 'A bearer token is required' },
  USM_ERR_TOKEN_INVALID: { status: 401, title: 'The bearer token is not valid' },
  USM_ERR_TOKEN_EXPIRED: { status: 401, title: 'The bearer token has expired' },
  USM_ERR_FORBIDDEN: { status: 403, title: 'The partner may not do this' },
  USM_ERR_SERVICE_NOT_ALLOWED: { status: 403, title: 'The service is not in an active agreement of this customer' },
  USM_ERR_NOT_FOUND: { status: 404, title: 'No such resource' },
  USM_ERR_CALL_NOT_FOUND: { status: 404, title: 'No such call' },
  USM_ERR_AGREEMENT_NOT_FOUND: { status: 404, title: 'No such agreement' },
  USM_ERR_WEBHOOK_NOT_FOUND: { status: 404, title: 'No such webhook subscription' },
  USM_ERR_LINK_NOT_FOUND: { status: 404, title: 'No such sub-call' },
  USM_ERR_DEAD_LETTER_NOT_FOUND: { status: 404, title: 'No such dead letter' },
  USM_ERR_WEBHOOK_DEAD_LETTER_NOT_FOUND: { status: 404, title: 'No such webhook dead letter' },
  USM_ERR_METHOD_NOT_ALLOWED: { status: 405, title: 'The method is not allowed on this resource' },
  USM_ERR_REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  USM_ERR_MESSAGE_ID_REUSED: { status: 409, title: 'The message id was already used for another message' },
  USM_ERR_ILLEGAL_TRANSITION: { status: 409, title: 'The call cannot take this action in its current state' },
  USM_ERR_CONFLICT: { status: 409, title: 'The call changed concurrently; retry' },
  USM_ERR_FORK_NOT_ALLOWED: { status: 409, title: 'The call cannot be handed to a supplier at this step' },
  USM_ERR_LOOP_DETECTED: { status: 409, title: 'The call already passed this gateway' },
  USM_ERR_BODY_TOO_LARGE: { status: 413, title: 'The body is larger than this gateway accepts' },
  USM_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be application/json' },
  USM_ERR_AGREEMENT_INVALID: { status: 422, title: 'The agreement does not cover this call' },
  USM_ERR_CHAIN_MISMATCH: { status: 422, title: 'The message names another chain than the call it is about' },
  USM_ERR_CALL_ID_MISMATCH: { status: 422, title: "The update names another call than the sub-call's at the supplier" },
  USM_ERR_EXTERNAL_REF_REQUIRED: { status: 422, title: 'A customer that runs a gateway must name its own reference (externalRef)' },
  USM_ERR_ROUTE_NOT_FOUND: { status: 422, title: 'No supplier route fits this request' },
  USM_ERR_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  USM_ERR_INTERNAL: { status: 500, title: 'Internal error' },
  USM_ERR_STORE_UNAVAILABLE: { status: 503, title: 'The store is unavailable; retry later' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
