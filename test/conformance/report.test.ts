import { describe, expect, it } from 'vitest';
import { exitCodeOf, resultLine, summarise, summaryLine, type CaseResult } from '../../src/conformance/report.js';

const result = (id: string, outcome: CaseResult['outcome'], detail: string): CaseResult => ({ id, title: 'a message for another recipient is refused', section: 'What the gateway checks, in order', outcome, detail, ms: 3 });

describe('the conformance report', () => {
  it('prints one line per case: PASS with what was seen, FAIL and SKIP with the detail after a colon', () => {
    expect(resultLine(result('USM-ENVELOPE-13', 'pass', '400 USM_ERR_WRONG_RECIPIENT'))).toBe('PASS USM-ENVELOPE-13 a message for another recipient is refused 400 USM_ERR_WRONG_RECIPIENT');
    expect(resultLine(result('USM-ENVELOPE-13', 'fail', 'expected 400 USM_ERR_WRONG_RECIPIENT, got 201'))).toBe('FAIL USM-ENVELOPE-13 a message for another recipient is refused: expected 400 USM_ERR_WRONG_RECIPIENT, got 201');
    expect(resultLine(result('USM-ENVELOPE-13', 'skip', 'no partyId'))).toBe('SKIP USM-ENVELOPE-13 a message for another recipient is refused: no partyId');
  });

  it('counts the summary from the results and exits 1 on any failure', () => {
    const results = [result('A-1', 'pass', ''), result('A-2', 'pass', ''), result('A-3', 'skip', ''), result('A-4', 'fail', '')];
    expect(summarise(results)).toEqual({ passed: 2, failed: 1, skipped: 1 });
    expect(summaryLine(results)).toBe('conformance: 2 passed, 1 failed, 1 skipped');
    expect(exitCodeOf(results)).toBe(1);
    expect(exitCodeOf(results.filter((r) => r.outcome !== 'fail'))).toBe(0);
    expect(exitCodeOf([])).toBe(1);
  });
});
