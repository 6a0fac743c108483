import type { Outcome } from './conformance-case.js';

/** One case's result in the report. */
export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly section: string;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly ms: number;
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The machine report (`--json`). */
export interface ConformanceReport {
  readonly target: string;
  readonly party: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly results: readonly CaseResult[];
  readonly summary: Summary;
}

/** The counts, from the results. */
export function summarise(results: readonly CaseResult[]): Summary {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

const LABEL = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** `PASS USM-ENVELOPE-13 a message for another recipient is refused 400 USM_ERR_WRONG_RECIPIENT`; a failure or skip puts a colon before its detail. */
export function resultLine(result: CaseResult): string {
  return `${LABEL[result.outcome]} ${result.id} ${result.title}${result.outcome === 'pass' ? ' ' : ': '}${result.detail}`;
}

export function summaryLine(results: readonly CaseResult[]): string {
  const { passed, failed, skipped } = summarise(results);
  return `conformance: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** 1 when any case failed (or none ran), else 0. */
export function exitCodeOf(results: readonly CaseResult[]): number {
  return results.length === 0 || results.some((r) => r.outcome === 'fail') ? 1 : 0;
}
