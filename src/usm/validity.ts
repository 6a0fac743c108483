/**
 * An agreement's validity period: from `validFrom` (inclusive) until `validUntil` (exclusive), each
 * an RFC 3339 date-time; either end may be open.
 */
export interface Validity {
  readonly validFrom?: string | undefined;
  readonly validUntil?: string | undefined;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** What is wrong with a validity period, or undefined: each end an RFC 3339 date-time, the start before the end. */
export function validityProblem(validity: Validity): { path: 'validFrom' | 'validUntil'; message: string } | undefined {
  for (const key of ['validFrom', 'validUntil'] as const) {
    const value = validity[key];
    if (value !== undefined && (typeof value !== 'string' || !RFC3339.test(value) || Number.isNaN(Date.parse(value)))) return { path: key, message: 'must be an RFC 3339 date-time' };
  }
  if (validity.validFrom !== undefined && validity.validUntil !== undefined && Date.parse(validity.validFrom) >= Date.parse(validity.validUntil)) {
    return { path: 'validUntil', message: 'must be after validFrom' };
  }
  return undefined;
}

/** Why `at` (milliseconds) is outside the period, or undefined when it is inside. */
export function outsideValidity(validity: Validity, at: number): string | undefined {
  if (validity.validFrom !== undefined && at < Date.parse(validity.validFrom)) return `it is valid from ${validity.validFrom}`;
  if (validity.validUntil !== undefined && at >= Date.parse(validity.validUntil)) return `it was valid until ${validity.validUntil}`;
  return undefined;
}
