import type { ConformanceCase } from './conformance-case.js';
import { agreementCases } from './cases/agreement-cases.js';
import { batchCases } from './cases/batch-cases.js';
import { callCases } from './cases/call-cases.js';
import { discoveryCases } from './cases/discovery-cases.js';
import { envelopeCases } from './cases/envelope-cases.js';
import { problemCases } from './cases/problem-cases.js';
import { receiptCases } from './cases/receipt-cases.js';
import { replayCases } from './cases/replay-cases.js';
import { tokenCases } from './cases/token-cases.js';
import { updateCases } from './cases/update-cases.js';

/**
 * The numbered suite, in the order it runs (docs/conformance.md documents each case). The cases
 * about every answer of the run (USM-PROBLEM-3, -4) come last, so that they judge all of them.
 */
export const SUITE: readonly ConformanceCase[] = [
  ...discoveryCases,
  ...envelopeCases,
  ...replayCases,
  ...receiptCases,
  ...tokenCases,
  ...callCases,
  ...updateCases,
  ...batchCases,
  ...agreementCases,
  ...problemCases,
];
