/**
 * `usm-link/client`: a partner's typed client of a usm-link gateway (see README, "The client").
 * Signed messages with retries that resend the same bytes, receipts checked against the gateway's
 * JWKS, read tokens, and request and answer bodies typed from the contract.
 */
import type { components } from '../generated/api.js';

export { createGatewayClient, DEFAULT_RETRY } from './gateway-client.js';
export type { CallRef, GatewayClient, GatewayClientOptions, MessageOptions, NoteToSend, RetryPolicy, Sent } from './gateway-client.js';
export { GatewayClientError } from './client-error.js';
export type { ClientErrorCode, Problem } from './client-error.js';
export { checkReceipt } from './receipt-check.js';
export type { ExpectedReceipt } from './receipt-check.js';
export { verifyInclusion } from './inclusion-check.js';
export type { ExpectedRecord } from './inclusion-check.js';
export type { Checkpoint } from '../messages/checkpoint.js';
export { verifyConsistency } from '../messages/merkle-tree.js';
export { createGatewayKeys } from './gateway-keys.js';
export type { GatewayKeys, GatewayKeysOptions } from './gateway-keys.js';

export { generatePrivateJwk, publicJwkOf, signingKeyOf, SIGNING_ALGORITHMS } from '../keys/jwk.js';
export type { SigningAlgorithm, SigningKey, VerificationKey } from '../keys/jwk.js';
export { bodyDigest } from '../messages/batch.js';
export type { ReceiptStatement } from '../messages/batch.js';
export type { Envelope, MessageType } from '../messages/envelope.js';
export type { ErrorCode } from '../kernel/error-codes.js';

/** The whole contract, as generated from openapi/usm-link.yaml. */
export type { components, operations, paths } from '../generated/api.js';

type Schemas = components['schemas'];
export type Agreement = Schemas['Agreement'];
export type Call = Schemas['Call'];
export type CallAccepted = Schemas['CallAccepted'];
export type CallPage = Schemas['CallPage'];
export type CallSubmission = Schemas['CallSubmission'];
export type CancelSubmission = Schemas['CancelSubmission'];
export type ConfirmSubmission = Schemas['ConfirmSubmission'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type Note = Schemas['Note'];
export type NoteList = Schemas['NoteList'];
export type Receipt = Schemas['Receipt'];
export type ReopenSubmission = Schemas['ReopenSubmission'];
export type Service = Schemas['Service'];
export type TraceHop = Schemas['TraceHop'];
export type LogCheckpoint = Schemas['LogCheckpoint'];
export type InclusionProof = Schemas['InclusionProof'];
export type ConsistencyProof = Schemas['ConsistencyProof'];
