import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { objectOf, summaryOf } from '../expectations.js';
import type { Delivery } from '../update-listener.js';
import { callPath, envelopeOf, sendEnvelope, submitCall } from '../test-calls.js';

const SECTION = 'Message types';

/** Submits a call and cancels it: the target's status change the customer can cause. */
async function cancelledCall(context: CaseContext, before?: (externalRef: string) => void): Promise<{ call: Record<string, unknown>; externalRef: string } | string> {
  const submitted = await submitCall(context);
  if (submitted.call === undefined) return `expected 201 for a submission, got ${summaryOf(submitted.exchange)}`;
  const externalRef = String((submitted.envelope.data as { externalRef: string }).externalRef);
  before?.(externalRef);
  const call = submitted.call;
  const cancel = await sendEnvelope(context, callPath(String(call.id), 'cancel'), envelopeOf(context, 'call.cancel', { reason: 'conformance: a status change to be told about' }, { chainId: String(call.chainId) }));
  if (cancel.exchange.status !== 200) return `expected 200 for call.cancel, got ${summaryOf(cancel.exchange)}`;
  return { call, externalRef };
}

/** What is wrong with a delivered call.update about this call, if anything. */
function updateProblem(context: CaseContext, delivery: Delivery, call: Record<string, unknown>, externalRef: string): string | undefined {
  if (delivery.signatureProblem !== undefined) return delivery.signatureProblem;
  const envelope = delivery.envelope;
  const data = objectOf(envelope?.data);
  if (envelope?.type !== 'call.update') return `expected a call.update, got ${JSON.stringify(envelope?.type)}`;
  if (envelope.from !== context.facts.partyId) return `the update is from ${JSON.stringify(envelope.from)}, not ${context.facts.partyId}`;
  if (envelope.to !== context.party) return `the update is to ${JSON.stringify(envelope.to)}, not ${context.party}`;
  if (envelope.chainId !== call.chainId) return `the update's chainId ${JSON.stringify(envelope.chainId)} is not the call's ${String(call.chainId)}`;
  if (data?.externalRef !== externalRef) return `the update names externalRef ${JSON.stringify(data?.externalRef)}, not ours`;
  if (data.callId !== call.id) return `the update names callId ${JSON.stringify(data.callId)}, not the call's ${String(call.id)}`;
  if (data.seq !== 1) return `the first update of the call has seq ${JSON.stringify(data.seq)}, not 1`;
  if (data.status !== 'cancelled') return `the update says status ${JSON.stringify(data.status)}, not cancelled`;
  return undefined;
}

export const updateCases: readonly ConformanceCase[] = [
  {
    id: 'USM-UPDATE-1',
    title: 'a status change is sent to our gateway as a signed call.update with seq 1',
    section: SECTION,
    needs: ['partyId', 'keys', 'agreement', 'listener'],
    run: async (context) => {
      const made = await cancelledCall(context);
      if (typeof made === 'string') return fail(made);
      const [first] = await context.listener!.waitFor(made.externalRef, (ds) => ds.length > 0, context.waitMs);
      if (first === undefined) return fail(`no call.update about the cancelled call reached ${context.listener!.url} within ${context.waitMs} ms`);
      const problem = updateProblem(context, first, made.call, made.externalRef);
      return problem === undefined ? pass(`call.update seq 1 cancelled, signed by the target (${first.via})`) : fail(problem);
    },
  },
  {
    id: 'USM-UPDATE-2',
    title: 'an update our gateway answered 503 is sent again with the same id and bytes',
    section: 'The signature',
    needs: ['partyId', 'keys', 'agreement', 'listener'],
    run: async (context) => {
      const made = await cancelledCall(context, (ref) => context.listener!.refuseFirstDelivery(ref));
      if (typeof made === 'string') return fail(made);
      const deliveries = await context.listener!.waitFor(made.externalRef, (ds) => ds.length >= 2, context.waitMs);
      if (deliveries.length === 0) return fail(`no call.update about the cancelled call reached ${context.listener!.url} within ${context.waitMs} ms`);
      if (deliveries.length === 1) return fail(`the update answered 503 was not sent again within ${context.waitMs} ms`);
      const [first, second] = deliveries as [Delivery, Delivery];
      const problem = updateProblem(context, second, made.call, made.externalRef);
      if (problem !== undefined) return fail(`the second delivery: ${problem}`);
      if (second.envelope?.id !== first.envelope?.id) return fail(`the second delivery has id ${String(second.envelope?.id)}, the first ${String(first.envelope?.id)}`);
      if (second.digest !== first.digest) return fail('the second delivery has other bytes than the first (another digest)');
      return pass(`503, then the same message ${String(first.envelope?.id)} again`);
    },
  },
];
