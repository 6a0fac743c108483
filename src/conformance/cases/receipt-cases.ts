import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { objectOf, summaryOf } from '../expectations.js';
import { compactHeaderOf, receiptFieldProblem, receiptSignatureProblem, type ExpectedReceipt } from '../receipt-check.js';
import { callPath, envelopeOf, sendEnvelope, submitCall, type Sent } from '../test-calls.js';

const SECTION = 'Receipts';

const expectedFor = (context: CaseContext, sent: Sent): ExpectedReceipt => ({ messageId: sent.envelope.id, digest: sent.digest, from: context.party, gateway: context.facts.partyId! });

/** A new call's answer, or the verdict when it is not 201. */
async function accepted(context: CaseContext): Promise<Sent | string> {
  const sent = await submitCall(context);
  return sent.exchange.status === 201 ? sent : `expected 201 for a submission, got ${summaryOf(sent.exchange)}`;
}

export const receiptCases: readonly ConformanceCase[] = [
  {
    id: 'USM-RECEIPT-1',
    title: "a new call's receipt names the message id, the digest of the bytes sent, the gateway and a time",
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const sent = await accepted(context);
      if (typeof sent === 'string') return fail(sent);
      const problem = receiptFieldProblem(objectOf(sent.exchange.body)?.receipt, expectedFor(context, sent));
      return problem === undefined ? pass(`messageId and digest ${sent.digest} match`) : fail(problem);
    },
  },
  {
    id: 'USM-RECEIPT-2',
    title: "the receipt's JWS has typ usm-link-receipt+jws and verifies with a published key",
    section: SECTION,
    needs: ['partyId', 'keys', 'agreement'],
    run: async (context) => {
      const sent = await accepted(context);
      if (typeof sent === 'string') return fail(sent);
      const receipt = objectOf(sent.exchange.body)?.receipt;
      const { problem } = receiptSignatureProblem(receipt, context.facts.keys, expectedFor(context, sent));
      const header = typeof objectOf(receipt)?.jws === 'string' ? compactHeaderOf(String(objectOf(receipt)!.jws)) : undefined;
      return problem === undefined ? pass(`${String(header?.alg)} kid ${String(header?.kid)} verifies`) : fail(problem);
    },
  },
  {
    id: 'USM-RECEIPT-3',
    title: "the receipt's signed statement covers the message id and digest, from us, to the gateway",
    section: SECTION,
    needs: ['partyId', 'keys', 'agreement'],
    run: async (context) => {
      const sent = await accepted(context);
      if (typeof sent === 'string') return fail(sent);
      const { problem, statement } = receiptSignatureProblem(objectOf(sent.exchange.body)?.receipt, context.facts.keys, expectedFor(context, sent));
      if (problem !== undefined && statement === undefined) return fail(problem);
      return problem === undefined ? pass(`from ${String(statement!.from)}, gateway ${String(statement!.gateway)}`) : fail(problem);
    },
  },
  {
    id: 'USM-RECEIPT-4',
    title: "a follow-up's answer (call.note, 200) carries a receipt that verifies the same way",
    section: SECTION,
    needs: ['partyId', 'keys', 'agreement'],
    run: async (context) => {
      const call = await submitCall(context);
      if (call.call === undefined) return fail(`expected 201 for a submission, got ${summaryOf(call.exchange)}`);
      const note = await sendEnvelope(context, callPath(String(call.call.id), 'notes'), envelopeOf(context, 'call.note', { text: 'conformance: a note for its receipt', kind: 'comment' }, { chainId: String(call.call.chainId) }));
      if (note.exchange.status !== 200) return fail(`expected 200 for call.note, got ${summaryOf(note.exchange)}`);
      const receipt = objectOf(note.exchange.body)?.receipt;
      const problem = receiptFieldProblem(receipt, expectedFor(context, note)) ?? receiptSignatureProblem(receipt, context.facts.keys, expectedFor(context, note)).problem;
      return problem === undefined ? pass('200 with a receipt for the note that verifies') : fail(problem);
    },
  },
];
