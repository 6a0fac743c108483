import { isDeepStrictEqual } from 'node:util';
import { signDetachedAt } from '../../messages/jws.js';
import { fail, pass, type ConformanceCase } from '../conformance-case.js';
import { headerOf, refused, summaryOf } from '../expectations.js';
import { envelopeOf, sendSigned, submission, submitCall } from '../test-calls.js';
import type { Exchange } from '../target-session.js';

const SECTION = 'Replay protection';
const TWO_DAYS_MS = 2 * 86_400_000;

/** What is wrong with a resend's answer, judged against the first answer. */
function replayProblem(first: Exchange, again: Exchange): string | undefined {
  if (again.status !== first.status) return `expected the first answer's status ${first.status} again, got ${summaryOf(again)}`;
  if (!isDeepStrictEqual(again.body, first.body)) return 'expected the first answer again (body and receipt), got another body';
  if (headerOf(again, 'usm-replay') !== 'true') return `expected the header Usm-Replay: true, got ${JSON.stringify(headerOf(again, 'usm-replay') ?? null)}`;
  return undefined;
}

export const replayCases: readonly ConformanceCase[] = [
  {
    id: 'USM-REPLAY-1',
    title: 'an identical resend gets the first answer again, with Usm-Replay: true',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const first = await submitCall(context);
      if (first.exchange.status !== 201) return fail(`expected 201 for the first submission, got ${summaryOf(first.exchange)}`);
      const again = await sendSigned(context, '/v1/calls', first.body, context.client.sign(first.body));
      const problem = replayProblem(first.exchange, again);
      return problem === undefined ? pass('201 again, the same body and receipt, Usm-Replay: true') : fail(problem);
    },
  },
  {
    id: 'USM-REPLAY-2',
    title: 'the same message id with another body is refused',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const first = await submitCall(context);
      if (first.exchange.status !== 201) return fail(`expected 201 for the first submission, got ${summaryOf(first.exchange)}`);
      const other = JSON.stringify({ ...first.envelope, data: { ...first.envelope.data, summary: 'usm-link conformance kit: another body under the same id' } });
      return refused(await sendSigned(context, '/v1/calls', other, context.client.sign(other)), 409, 'USM_ERR_MESSAGE_ID_REUSED');
    },
  },
  {
    id: 'USM-REPLAY-3',
    title: 'a refused message is not remembered: fixed, it is taken under the same id',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const data = submission(context);
      const stale = envelopeOf(context, 'call.submit', data, { time: new Date(context.now() - TWO_DAYS_MS).toISOString() });
      const staleBody = JSON.stringify(stale);
      const first = await sendSigned(context, '/v1/calls', staleBody, context.client.sign(staleBody));
      const verdict = refused(first, 400, 'USM_ERR_MESSAGE_TIME');
      if (verdict.outcome === 'fail') return fail(`the stale message: ${verdict.detail}`);
      const fixed = JSON.stringify({ ...stale, time: new Date(context.now()).toISOString() });
      const again = await sendSigned(context, '/v1/calls', fixed, context.client.sign(fixed));
      return again.status === 201 ? pass('400 USM_ERR_MESSAGE_TIME, then 201 under the same id') : fail(`expected 201 for the fixed message under the same id, got ${summaryOf(again)}`);
    },
  },
  {
    id: 'USM-REPLAY-4',
    title: 'an identical resend gets the first answer even when its signature is outside the time window',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const first = await submitCall(context);
      if (first.exchange.status !== 201) return fail(`expected 201 for the first submission, got ${summaryOf(first.exchange)}`);
      const late = signDetachedAt(Buffer.from(first.body), context.key, Math.floor((context.now() - TWO_DAYS_MS) / 1000));
      const problem = replayProblem(first.exchange, await sendSigned(context, '/v1/calls', first.body, late));
      return problem === undefined ? pass('the same bytes signed with an iat two days old: the first answer, Usm-Replay: true') : fail(problem);
    },
  },
];
