import { isDeepStrictEqual } from 'node:util';
import { BATCH_TYPE, signBatch } from '../../messages/batch.js';
import { signCompact } from '../../messages/jws.js';
import type { Envelope } from '../../messages/envelope.js';
import { fail, pass, skip, type CaseContext, type ConformanceCase, type Verdict } from '../conformance-case.js';
import { objectOf, refused, summaryOf } from '../expectations.js';
import { receiptFieldProblem, receiptSignatureProblem } from '../receipt-check.js';
import type { Exchange } from '../target-session.js';
import { envelopeOf, submission } from '../test-calls.js';

const SECTION = 'Batches';
const PATH = '/v1/messages/batch';

/** Two new calls' submissions as one batch. */
function batchOf(context: CaseContext): { envelopes: Envelope[]; texts: string[]; body: string; signature: string; digests: string[] } {
  const envelopes = [0, 1].map(() => envelopeOf(context, 'call.submit', submission(context)));
  const texts = envelopes.map((e) => JSON.stringify(e));
  const { body, signature, digests } = signBatch(texts.map((message) => ({ message })), context.key, Math.floor(context.now() / 1000));
  return { envelopes, texts, body: body.toString('utf8'), signature, digests };
}

const post = (context: CaseContext, body: string, signature: string): Promise<Exchange> => context.session.sendRaw(PATH, body, { 'content-type': 'application/json', 'usm-signature': signature });

/** docs/protocol.md lets a gateway go without batches: it answers the batch endpoint 404 or 405. */
function without(answer: Exchange): Verdict | undefined {
  return answer.status === 404 || answer.status === 405 ? skip(`the target has no batch endpoint (${summaryOf(answer)}), which docs/protocol.md allows`) : undefined;
}

/** The results of a batch answer, or what is wrong with it. */
function resultsOf(answer: Exchange, count: number): Record<string, unknown>[] | string {
  if (answer.status !== 200) return `expected 200 for the batch, got ${summaryOf(answer)}`;
  const results = objectOf(answer.body)?.results;
  if (!Array.isArray(results) || results.length !== count) return `expected {"results": [...]} with ${count} results, got ${JSON.stringify(answer.body).slice(0, 200)}`;
  return results.map((r) => objectOf(r) ?? {});
}

export const batchCases: readonly ConformanceCase[] = [
  {
    id: 'USM-BATCH-1',
    title: 'a batch of two submissions gets one 201 result each, with receipts from one signed statement',
    section: SECTION,
    needs: ['partyId', 'keys', 'agreement'],
    run: async (context) => {
      const batch = batchOf(context);
      const answer = await post(context, batch.body, batch.signature);
      const absent = without(answer);
      if (absent !== undefined) return absent;
      const results = resultsOf(answer, 2);
      if (typeof results === 'string') return fail(results);
      const jws = new Set<unknown>();
      for (const [i, result] of results.entries()) {
        if (result.status !== 201) return fail(`message ${i}: expected 201, got ${JSON.stringify(result.status)} ${String(objectOf(result.body)?.code ?? '')}`.trim());
        const receipt = objectOf(result.body)?.receipt;
        const expected = { messageId: batch.envelopes[i]!.id, digest: batch.digests[i]!, from: context.party, gateway: context.facts.partyId! };
        const problem = receiptFieldProblem(receipt, expected) ?? receiptSignatureProblem(receipt, context.facts.keys, expected).problem;
        if (problem !== undefined) return fail(`message ${i}: ${problem}`);
        jws.add(objectOf(receipt)?.jws);
      }
      return jws.size === 1 ? pass('200, two 201 results, one receipt statement covering both') : fail('the two receipts carry different JWSs, not one statement for the batch');
    },
  },
  {
    id: 'USM-BATCH-2',
    title: 'a batch whose manifest does not list its messages in order is refused whole',
    section: SECTION,
    needs: ['partyId'],
    run: async (context) => {
      const batch = batchOf(context);
      const manifest = { iat: Math.floor(context.now() / 1000), digests: [...batch.digests].reverse() };
      const answer = await post(context, batch.body, signCompact(Buffer.from(JSON.stringify(manifest)), context.key, BATCH_TYPE));
      return without(answer) ?? refused(answer, 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-BATCH-3',
    title: 'an identical batch sent again gets the first results again',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const batch = batchOf(context);
      const first = await post(context, batch.body, batch.signature);
      const absent = without(first);
      if (absent !== undefined) return absent;
      const firstResults = resultsOf(first, 2);
      if (typeof firstResults === 'string') return fail(firstResults);
      const again = resultsOf(await post(context, batch.body, batch.signature), 2);
      if (typeof again === 'string') return fail(`the resend: ${again}`);
      const differs = again.findIndex((r, i) => r.status !== firstResults[i]!.status || !isDeepStrictEqual(r.body, firstResults[i]!.body));
      return differs === -1 ? pass(`the same ${firstResults.map((r) => String(r.status)).join(', ')} results and bodies again`) : fail(`message ${differs}: expected the first result (${String(firstResults[differs]!.status)}) again, got ${String(again[differs]!.status)} with ${isDeepStrictEqual(again[differs]!.body, firstResults[differs]!.body) ? 'the same' : 'another'} body`);
    },
  },
];
