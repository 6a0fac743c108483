import { isErrorCode } from '../kernel/error-codes.js';

/**
 * Label values come from closed sets only, so that no request can create a new time series: partner
 * ids from the config, message types and error codes from the contract and the error registry.
 * Anything else is counted under one value.
 */
export const UNKNOWN_PARTNER = 'unknown';
export const OTHER = 'other';
/** The `type` of a batch refused as a whole, before its messages were read. */
export const BATCH = 'batch';

/** Codes of a message refused before its content was looked at: its signature, then its envelope. */
const SIGNATURE_CODES = new Set(['USM_ERR_SIGNATURE_MISSING', 'USM_ERR_SIGNATURE_INVALID', 'USM_ERR_ALGORITHM_NOT_ALLOWED', 'USM_ERR_UNKNOWN_KEY']);
const ENVELOPE_CODES = new Set([
  'USM_ERR_SENDER_MISMATCH',
  'USM_ERR_WRONG_RECIPIENT',
  'USM_ERR_MESSAGE_TYPE_MISMATCH',
  'USM_ERR_MESSAGE_TIME',
  'USM_ERR_MESSAGE_ID_REUSED',
  'USM_ERR_VALIDATION',
  'USM_ERR_MALFORMED_JSON',
]);

export interface LabelSets {
  /** A partner id from the config, `unknown` when no partner was authenticated, else `other`. */
  partner(id: string | undefined): string;
  /** A message type of the contract, else `other`. */
  messageType(type: unknown): string;
  /** A code of the error registry, else `other`. */
  code(code: string | undefined): string;
  /** Adds partner ids a followed network directory names (signed by its operator, so no request makes one); at most MAX_PARTNERS in all. */
  addPartners(ids: readonly string[]): void;
}

/** The most partner label values a gateway keeps, whatever a network directory lists. */
const MAX_PARTNERS = 1000;

export function labelSets(partners: readonly string[], messageTypes: readonly string[]): LabelSets {
  const knownPartners = new Set(partners);
  const knownTypes = new Set([...messageTypes, BATCH]);
  return {
    partner: (id) => (id === undefined ? UNKNOWN_PARTNER : knownPartners.has(id) ? id : OTHER),
    messageType: (type) => (typeof type === 'string' && knownTypes.has(type) ? type : OTHER),
    code: (code) => (isErrorCode(code) ? code : OTHER),
    addPartners(ids) {
      for (const id of ids) if (knownPartners.size < MAX_PARTNERS) knownPartners.add(id);
    },
  };
}

/** Which check refused a message with this code: `signature`, `envelope`, or undefined for a refusal of its content. */
export function refusalCheckOf(code: string): 'signature' | 'envelope' | undefined {
  if (SIGNATURE_CODES.has(code)) return 'signature';
  if (ENVELOPE_CODES.has(code)) return 'envelope';
  return undefined;
}
