import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../kernel/uuid-v7.js';
import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { firstProblem, objectOf, refused, summaryOf } from '../expectations.js';
import { callPath, envelopeOf, sendEnvelope, submission, submitCall } from '../test-calls.js';

const TYPES = 'Message types';
const READS = 'Reads';
const ACTIONS = 'What the gateway checks, in order';
/** The most pages the listing case follows. */
const MAX_PAGES = 200;

/** A new call, or what went wrong. */
async function newCall(context: CaseContext): Promise<Record<string, unknown> | string> {
  const sent = await submitCall(context);
  return sent.call ?? `expected 201 for a submission, got ${summaryOf(sent.exchange)}`;
}

export const callCases: readonly ConformanceCase[] = [
  {
    id: 'USM-CALL-1',
    title: 'a new call is answered 201 with the call (acknowledged or held, our chainId) and a receipt',
    section: TYPES,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const sent = await submitCall(context);
      const body = objectOf(sent.exchange.body);
      const call = objectOf(body?.call);
      return firstProblem(
        [
          sent.exchange.status === 201 ? undefined : `expected 201, got ${summaryOf(sent.exchange)}`,
          () => (call === undefined || typeof call.id !== 'string' ? 'the answer has no call with an id' : undefined),
          () => (objectOf(body?.receipt) === undefined ? 'the answer has no receipt' : undefined),
          () => (call!.status === 'acknowledged' || call!.status === 'held' ? undefined : `the new call's status is ${JSON.stringify(call!.status)}, not acknowledged or held`),
          () => (call!.chainId === sent.envelope.chainId ? undefined : `the call's chainId ${JSON.stringify(call!.chainId)} is not the envelope's ${sent.envelope.chainId}`),
          () => (call!.externalRef === (sent.envelope.data as { externalRef: string }).externalRef ? undefined : `the call's externalRef ${JSON.stringify(call!.externalRef)} is not the one sent`),
        ],
        `201 call ${String(call?.id)} ${String(call?.status)}`,
      );
    },
  },
  {
    id: 'USM-CALL-2',
    title: 'a call reads back as it was answered',
    section: READS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const call = await newCall(context);
      if (typeof call === 'string') return fail(call);
      const read = await context.session.read(callPath(String(call.id)));
      const body = objectOf(read.body);
      return firstProblem(
        [
          read.status === 200 ? undefined : `expected 200 for GET ${callPath(String(call.id))}, got ${summaryOf(read)}`,
          () => (body?.id === call.id && body?.chainId === call.chainId && body?.status === call.status ? undefined : `the call read back (${JSON.stringify({ id: body?.id, status: body?.status })}) is not the one answered`),
        ],
        `200 ${String(call.id)} ${String(call.status)}`,
      );
    },
  },
  {
    id: 'USM-CALL-3',
    title: 'the call list pages with a cursor: each of our calls once, the last page without nextCursor',
    section: READS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const ours: string[] = [];
      for (let i = 0; i < 3; i++) {
        const call = await newCall(context);
        if (typeof call === 'string') return fail(call);
        ours.push(String(call.id));
      }
      const since = encodeURIComponent(new Date(context.startedAt - 60_000).toISOString());
      const seen = new Map<string, number>();
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await context.session.read(`/v1/calls?limit=2&updatedSince=${since}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
        if (page.status !== 200) return fail(`expected 200 for page ${pages + 1} of GET /v1/calls, got ${summaryOf(page)}`);
        const items = objectOf(page.body)?.items;
        if (!Array.isArray(items)) return fail(`page ${pages + 1} has no items`);
        if (items.length > 2) return fail(`page ${pages + 1} has ${items.length} items, limit was 2`);
        for (const item of items) seen.set(String(objectOf(item)?.id), (seen.get(String(objectOf(item)?.id)) ?? 0) + 1);
        const next = objectOf(page.body)?.nextCursor;
        cursor = typeof next === 'string' ? next : undefined;
        pages++;
      } while (cursor !== undefined && pages < MAX_PAGES);
      if (cursor !== undefined) return fail(`still a nextCursor after ${MAX_PAGES} pages`);
      const missing = ours.filter((id) => seen.get(id) !== 1);
      if (missing.length > 0) return fail(`call ${missing[0]} appeared ${seen.get(missing[0]!) ?? 0} times in the pages, not once`);
      return pass(`${pages} page(s), our 3 calls once each`);
    },
  },
  {
    id: 'USM-CALL-4',
    title: 'a cursor the target did not issue is refused',
    section: READS,
    needs: ['partyId'],
    run: async (context) => refused(await context.session.read('/v1/calls?cursor=not-a-cursor-of-yours'), 400, 'USM_ERR_INVALID_CURSOR'),
  },
  {
    id: 'USM-CALL-5',
    title: "a note is answered 200 with the call and listed among the call's notes",
    section: TYPES,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const call = await newCall(context);
      if (typeof call === 'string') return fail(call);
      const text = `conformance: a note ${randomUUID()}`;
      const sent = await sendEnvelope(context, callPath(String(call.id), 'notes'), envelopeOf(context, 'call.note', { text, kind: 'comment' }, { chainId: String(call.chainId) }));
      if (sent.exchange.status !== 200) return fail(`expected 200 for call.note, got ${summaryOf(sent.exchange)}`);
      if (objectOf(objectOf(sent.exchange.body)?.call)?.id !== call.id) return fail('the answer to call.note does not carry the call');
      const notes = await context.session.read(callPath(String(call.id), 'notes'));
      const items = objectOf(notes.body)?.items;
      if (notes.status !== 200 || !Array.isArray(items)) return fail(`expected 200 with items for GET .../notes, got ${summaryOf(notes)}`);
      return items.some((n) => objectOf(n)?.text === text && objectOf(n)?.kind === 'comment') ? pass(`200, the note listed (${items.length} note(s))`) : fail("the note is not among the call's notes");
    },
  },
  {
    id: 'USM-CALL-6',
    title: "a follow-up naming another chain than its call's is refused",
    section: ACTIONS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const call = await newCall(context);
      if (typeof call === 'string') return fail(call);
      const sent = await sendEnvelope(context, callPath(String(call.id), 'notes'), envelopeOf(context, 'call.note', { text: 'conformance: wrong chain', kind: 'comment' }, { chainId: randomUUID() }));
      return refused(sent.exchange, 422, 'USM_ERR_CHAIN_MISMATCH');
    },
  },
  {
    id: 'USM-CALL-7',
    title: 'a follow-up about a call that does not exist is refused',
    section: ACTIONS,
    needs: ['partyId'],
    run: async (context) => {
      const cancel = await sendEnvelope(context, callPath(uuidv7(context.now()), 'cancel'), envelopeOf(context, 'call.cancel', { reason: 'conformance: no such call' }));
      return refused(cancel.exchange, 404, 'USM_ERR_CALL_NOT_FOUND');
    },
  },
  {
    id: 'USM-CALL-8',
    title: 'a cancellation is answered 200 with the call cancelled, and the history shows it',
    section: TYPES,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const call = await newCall(context);
      if (typeof call === 'string') return fail(call);
      const sent = await sendEnvelope(context, callPath(String(call.id), 'cancel'), envelopeOf(context, 'call.cancel', { reason: 'conformance: cancelled on purpose' }, { chainId: String(call.chainId) }));
      if (sent.exchange.status !== 200) return fail(`expected 200 for call.cancel, got ${summaryOf(sent.exchange)}`);
      const status = objectOf(objectOf(sent.exchange.body)?.call)?.status;
      if (status !== 'cancelled') return fail(`expected the call cancelled, got ${JSON.stringify(status)}`);
      const history = await context.session.read(callPath(String(call.id), 'history'));
      const items = objectOf(history.body)?.items;
      if (history.status !== 200 || !Array.isArray(items)) return fail(`expected 200 with items for GET .../history, got ${summaryOf(history)}`);
      return items.some((h) => objectOf(h)?.kind === 'status' && objectOf(h)?.to === 'cancelled') ? pass('200 cancelled, the history shows it') : fail('the history shows no status change to cancelled');
    },
  },
  {
    id: 'USM-CALL-9',
    title: 'confirming a call that is not resolved is refused',
    section: ACTIONS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const call = await newCall(context);
      if (typeof call === 'string') return fail(call);
      const sent = await sendEnvelope(context, callPath(String(call.id), 'confirm'), envelopeOf(context, 'call.confirm', {}, { chainId: String(call.chainId) }));
      return refused(sent.exchange, 409, 'USM_ERR_ILLEGAL_TRANSITION');
    },
  },
  {
    id: 'USM-CALL-10',
    title: 'a call under an agreement that is not ours is refused',
    section: ACTIONS,
    needs: ['partyId', 'agreement'],
    run: async (context) =>
      refused((await sendEnvelope(context, '/v1/calls', envelopeOf(context, 'call.submit', submission(context, { agreement: `conformance-no-such-agreement-${randomUUID().slice(0, 8)}` })))).exchange, 422, 'USM_ERR_AGREEMENT_INVALID'),
  },
  {
    id: 'USM-CALL-11',
    title: 'a call for a service the agreement does not cover is refused',
    section: ACTIONS,
    needs: ['partyId', 'agreement'],
    run: async (context) =>
      refused((await sendEnvelope(context, '/v1/calls', envelopeOf(context, 'call.submit', submission(context, { service: `conformance-no-such-service-${randomUUID().slice(0, 8)}` })))).exchange, 403, 'USM_ERR_SERVICE_NOT_ALLOWED'),
  },
  {
    id: 'USM-CALL-12',
    title: 'a call that already passed the target (its id in hops) is refused',
    section: ACTIONS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const envelope = { ...envelopeOf(context, 'call.submit', submission(context)), hops: [context.facts.partyId!] };
      return refused((await sendEnvelope(context, '/v1/calls', envelope)).exchange, 409, 'USM_ERR_LOOP_DETECTED');
    },
  },
];
