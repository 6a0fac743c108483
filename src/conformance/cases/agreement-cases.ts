import { randomUUID } from 'node:crypto';
import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { firstProblem, objectOf, refused, summaryOf } from '../expectations.js';
import { envelopeOf, sendEnvelope, type Sent } from '../test-calls.js';

const SECTION = 'Message types';
const LEVELS = { supportHours: '24x7', targets: [{ priority: 3, responseMinutes: 60, resolutionMinutes: 480 }] };

/** A new agreement document from us to the target: version 1 of a fresh id, over the service we know. */
function documentOf(context: CaseContext, levels: unknown = LEVELS): string {
  return JSON.stringify({
    id: `conformance-${randomUUID().slice(0, 8)}`,
    version: 1,
    provider: context.facts.partyId!,
    customer: context.party,
    services: [context.facts.agreement!.service],
    serviceLevels: levels,
  });
}

/** Offers the document to the target, signed (or with this signature). */
const propose = (context: CaseContext, document: string, signature = context.client.sign(document)): Promise<Sent> =>
  sendEnvelope(context, '/v1/messages', envelopeOf(context, 'agreement.propose', { document, signature }));

export const agreementCases: readonly ConformanceCase[] = [
  {
    id: 'USM-AGREEMENT-1',
    title: 'our active agreement is listed and reads back by id',
    section: 'Reads',
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const { id } = context.facts.agreement!;
      const listed = objectOf(context.facts.probes.agreements?.body)?.items as unknown[] | undefined;
      const entry = objectOf(listed?.find((a) => objectOf(a)?.id === id));
      const read = await context.session.read(`/v1/agreements/${encodeURIComponent(id)}`);
      return firstProblem(
        [
          entry?.provider === context.facts.partyId && entry?.customer === context.party ? undefined : `the listed agreement ${id} is not between ${context.party} and ${context.facts.partyId}`,
          read.status === 200 ? undefined : `expected 200 for GET /v1/agreements/${id}, got ${summaryOf(read)}`,
          () => (objectOf(read.body)?.id === id && objectOf(read.body)?.status === 'active' ? undefined : `GET /v1/agreements/${id} answered another agreement or status`),
        ],
        `200 ${id} active`,
      );
    },
  },
  {
    id: 'USM-AGREEMENT-2',
    title: 'an agreement that does not exist reads as not found',
    section: 'Reads',
    needs: ['partyId'],
    run: async (context) => refused(await context.session.read(`/v1/agreements/conformance-no-such-agreement-${randomUUID().slice(0, 8)}`), 404, 'USM_ERR_AGREEMENT_NOT_FOUND'),
  },
  {
    id: 'USM-AGREEMENT-3',
    title: 'a proposal from the customer is answered 200 with a receipt and the agreement proposed',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const document = documentOf(context);
      const sent = await propose(context, document);
      const agreement = objectOf(objectOf(sent.exchange.body)?.agreement);
      return firstProblem(
        [
          sent.exchange.status === 200 ? undefined : `expected 200 for agreement.propose, got ${summaryOf(sent.exchange)}`,
          () => (objectOf(objectOf(sent.exchange.body)?.receipt) === undefined ? 'the answer has no receipt' : undefined),
          () => (agreement?.id === JSON.parse(document).id && agreement?.version === 1 ? undefined : `the answer's agreement is ${JSON.stringify({ id: agreement?.id, version: agreement?.version })}, not the one proposed`),
          () => (agreement!.status === 'proposed' && agreement!.offeredBy === context.party ? undefined : `the agreement is ${JSON.stringify({ status: agreement!.status, offeredBy: agreement!.offeredBy })}, not proposed by ${context.party}`),
        ],
        `200 ${String(agreement?.id)} v1 proposed`,
      );
    },
  },
  {
    id: 'USM-AGREEMENT-4',
    title: 'a proposal whose signature over the document does not verify is refused',
    section: 'What the gateway checks, in order',
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const document = documentOf(context);
      return refused((await propose(context, document, context.client.sign(`${document} `))).exchange, 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-AGREEMENT-5',
    title: 'a proposal whose service levels break their bounds is refused, naming the field',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const sent = await propose(context, documentOf(context, { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 0, resolutionMinutes: 60 }] }));
      const verdict = refused(sent.exchange, 400, 'USM_ERR_VALIDATION');
      if (verdict.outcome === 'fail') return verdict;
      const paths = ((objectOf(sent.exchange.body)?.errors as unknown[] | undefined) ?? []).map((e) => String(objectOf(e)?.path));
      return paths.some((p) => p.startsWith('body/data/document/')) ? pass(`400 USM_ERR_VALIDATION naming ${paths.join(', ')}`) : fail(`expected errors[] naming a field under body/data/document/, got ${JSON.stringify(paths)}`);
    },
  },
  {
    id: 'USM-AGREEMENT-6',
    title: 'accepting our own open offer is refused',
    section: SECTION,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const document = documentOf(context);
      const offered = await propose(context, document);
      if (offered.exchange.status !== 200) return fail(`expected 200 for the proposal, got ${summaryOf(offered.exchange)}`);
      const accept = await sendEnvelope(context, '/v1/messages', envelopeOf(context, 'agreement.accept', { id: JSON.parse(document).id, version: 1, signature: context.client.sign(document) }));
      return refused(accept.exchange, 409, 'USM_ERR_CONFLICT');
    },
  },
  {
    id: 'USM-AGREEMENT-7',
    title: 'accepting an agreement the target does not know is refused',
    section: SECTION,
    needs: ['partyId'],
    run: async (context) => {
      const accept = await sendEnvelope(context, '/v1/messages', envelopeOf(context, 'agreement.accept', { id: `conformance-no-such-agreement-${randomUUID().slice(0, 8)}`, version: 1, signature: context.client.sign('{}') }));
      return refused(accept.exchange, 404, 'USM_ERR_AGREEMENT_NOT_FOUND');
    },
  },
];
