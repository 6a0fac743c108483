import { randomUUID } from 'node:crypto';
import { generatePrivateJwk, signingKeyOf } from '../../keys/jwk.js';
import { toBase64url } from '../../kernel/base64url.js';
import { signDetachedAt } from '../../messages/jws.js';
import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { objectOf, refused, summaryOf } from '../expectations.js';
import { detachedWithHeader, detachedWithRandomSignature } from '../forged-signatures.js';
import { envelopeOf, sendEnvelope, sendSigned, submission } from '../test-calls.js';

const SECTION_CHECKS = 'What the gateway checks, in order';
const DAY_SECONDS = 86_400;
/** Two days: outside any window a gateway may be configured with (security.messageWindowSeconds is at most one day). */
const FAR_MS = 2 * DAY_SECONDS * 1000;

/** A valid call.submit envelope's exact text. */
const submitBody = (context: CaseContext, envelope: Record<string, unknown> = {}): string =>
  JSON.stringify({ ...envelopeOf(context, 'call.submit', submission(context)), ...envelope });

export const envelopeCases: readonly ConformanceCase[] = [
  {
    id: 'USM-ENVELOPE-1',
    title: 'a message without a Usm-Signature header is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => refused(await sendSigned(context, '/v1/calls', submitBody(context), undefined), 401, 'USM_ERR_SIGNATURE_MISSING'),
  },
  {
    id: 'USM-ENVELOPE-2',
    title: 'a signature that is not a detached JWS (the payload left in) is refused',
    section: 'The signature',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context);
      const [header, , signature] = context.client.sign(body).split('.');
      return refused(await sendSigned(context, '/v1/calls', body, `${header}.${toBase64url(body)}.${signature}`), 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-ENVELOPE-3',
    title: 'a protected header with crit is refused',
    section: 'The signature',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context);
      const signature = detachedWithHeader(body, context.key, { alg: context.key.alg, kid: context.key.kid, crit: ['exp'], exp: 1 });
      return refused(await sendSigned(context, '/v1/calls', body, signature), 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-ENVELOPE-4',
    title: 'a signature algorithm off the allow-list (none, HS256) is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      for (const alg of ['none', 'HS256']) {
        const body = submitBody(context);
        const signature = alg === 'none' ? `${toBase64url(JSON.stringify({ alg, kid: context.key.kid }))}..` : detachedWithRandomSignature({ alg, kid: context.key.kid });
        const verdict = refused(await sendSigned(context, '/v1/calls', body, signature), 401, 'USM_ERR_ALGORITHM_NOT_ALLOWED');
        if (verdict.outcome === 'fail') return fail(`alg ${alg}: ${verdict.detail}`);
      }
      return pass('401 USM_ERR_ALGORITHM_NOT_ALLOWED for none and HS256');
    },
  },
  {
    id: 'USM-ENVELOPE-5',
    title: 'a signature by a key no partner has is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const stranger = signingKeyOf(await generatePrivateJwk(context.key.alg));
      const body = submitBody(context);
      return refused(await sendSigned(context, '/v1/calls', body, detachedWithHeader(body, stranger, { alg: stranger.alg, kid: stranger.kid })), 401, 'USM_ERR_UNKNOWN_KEY');
    },
  },
  {
    id: 'USM-ENVELOPE-6',
    title: 'a body changed after signing is refused',
    section: 'The signature',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context);
      const signature = context.client.sign(body);
      return refused(await sendSigned(context, '/v1/calls', body.replace('a test call', 'a test cal1'), signature), 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-ENVELOPE-7',
    title: 'a header alg that does not fit the key named by kid is refused',
    section: 'The signature',
    needs: ['partyId'],
    run: async (context) => {
      const other = context.key.alg === 'EdDSA' ? 'ES256' : 'EdDSA';
      return refused(await sendSigned(context, '/v1/calls', submitBody(context), detachedWithRandomSignature({ alg: other, kid: context.key.kid })), 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-ENVELOPE-8',
    title: 'a forged message with a body that breaks the contract gets 401, not 400 (the signature is checked first)',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const body = JSON.stringify({ id: 'not-a-uuid', type: 'call.submit', data: 'nonsense' });
      return refused(await sendSigned(context, '/v1/calls', body, detachedWithRandomSignature({ alg: context.key.alg, kid: context.key.kid })), 401, 'USM_ERR_SIGNATURE_INVALID');
    },
  },
  {
    id: 'USM-ENVELOPE-9',
    title: 'a signed envelope whose data breaks the contract is refused, naming the field',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const sent = await sendEnvelope(context, '/v1/calls', envelopeOf(context, 'call.submit', submission(context, { impact: 'catastrophic' })));
      const verdict = refused(sent.exchange, 400, 'USM_ERR_VALIDATION');
      if (verdict.outcome === 'fail') return verdict;
      const errors = objectOf(sent.exchange.body)?.errors;
      if (!Array.isArray(errors) || !errors.some((e) => typeof objectOf(e)?.path === 'string' && String(objectOf(e)!.path).includes('impact'))) {
        return fail(`expected errors[] naming body/data/impact, got ${JSON.stringify(errors)}`);
      }
      return pass(`400 USM_ERR_VALIDATION naming ${errors.map((e) => objectOf(e)?.path).join(', ')}`);
    },
  },
  {
    id: 'USM-ENVELOPE-10',
    title: 'an envelope with a member the profile does not have is refused',
    section: 'The envelope',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context, { priority: 'urgent' });
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 400, 'USM_ERR_VALIDATION');
    },
  },
  {
    id: 'USM-ENVELOPE-11',
    title: 'an envelope id that is not a lower-case UUIDv7 is refused',
    section: 'The envelope',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context, { id: randomUUID() });
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 400, 'USM_ERR_VALIDATION');
    },
  },
  {
    id: 'USM-ENVELOPE-12',
    title: 'a message whose from is not the owner of the signing key is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context, { from: `x${context.party}`.slice(0, 63) });
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 401, 'USM_ERR_SENDER_MISMATCH');
    },
  },
  {
    id: 'USM-ENVELOPE-13',
    title: 'a message for another recipient is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context, { to: `x${context.facts.partyId!}`.slice(0, 63) });
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 400, 'USM_ERR_WRONG_RECIPIENT');
    },
  },
  {
    id: 'USM-ENVELOPE-14',
    title: 'a message type sent to another endpoint is refused',
    section: 'Message types',
    needs: ['partyId'],
    run: async (context) => {
      const note = envelopeOf(context, 'call.note', { text: 'conformance: a note sent to /v1/calls', kind: 'comment' });
      return refused((await sendEnvelope(context, '/v1/calls', note)).exchange, 400, 'USM_ERR_VALIDATION', 'USM_ERR_MESSAGE_TYPE_MISMATCH');
    },
  },
  {
    id: 'USM-ENVELOPE-15',
    title: 'a message whose time is two days off, either way, is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      for (const offset of [-FAR_MS, FAR_MS]) {
        const sent = await sendEnvelope(context, '/v1/calls', envelopeOf(context, 'call.submit', submission(context), { time: new Date(context.now() + offset).toISOString() }));
        const verdict = refused(sent.exchange, 400, 'USM_ERR_MESSAGE_TIME');
        if (verdict.outcome === 'fail') return fail(`time ${offset < 0 ? 'two days ago' : 'in two days'}: ${verdict.detail}`);
      }
      return pass('400 USM_ERR_MESSAGE_TIME for a time two days ago and one in two days');
    },
  },
  {
    id: 'USM-ENVELOPE-16',
    title: 'a fresh iat in the signature decides over an old envelope time',
    section: 'The signature',
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      const body = JSON.stringify(envelopeOf(context, 'call.submit', submission(context), { time: new Date(context.now() - FAR_MS).toISOString() }));
      const answer = await sendSigned(context, '/v1/calls', body, signDetachedAt(Buffer.from(body), context.key, Math.floor(context.now() / 1000)));
      return answer.status === 201 ? pass('201 (time two days old, iat now)') : fail(`expected 201 for a message with a fresh iat, got ${summaryOf(answer)}`);
    },
  },
  {
    id: 'USM-ENVELOPE-17',
    title: 'an old iat in the signature is refused even with a fresh envelope time',
    section: 'The signature',
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context);
      const answer = await sendSigned(context, '/v1/calls', body, signDetachedAt(Buffer.from(body), context.key, Math.floor((context.now() - FAR_MS) / 1000)));
      return refused(answer, 400, 'USM_ERR_MESSAGE_TIME');
    },
  },
  {
    id: 'USM-ENVELOPE-18',
    title: 'a body that is not application/json is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const body = submitBody(context);
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body), 'text/plain'), 415, 'USM_ERR_UNSUPPORTED_MEDIA_TYPE');
    },
  },
  {
    id: 'USM-ENVELOPE-19',
    title: 'a body that is not JSON is refused',
    section: SECTION_CHECKS,
    needs: ['partyId'],
    run: async (context) => {
      const body = '{"id": "019a", "type": "call.submit",';
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 400, 'USM_ERR_MALFORMED_JSON');
    },
  },
  {
    id: 'USM-ENVELOPE-20',
    title: 'a signed body with a member twice is refused',
    section: SECTION_CHECKS,
    needs: ['partyId', 'agreement'],
    run: async (context) => {
      // A valid submission whose data names its summary twice: parsers that keep the first or the last value would see two calls.
      const envelope = envelopeOf(context, 'call.submit', submission(context));
      const body = JSON.stringify(envelope).replace('"summary":', '"summary":"conformance: the first of two summaries","summary":');
      return refused(await sendSigned(context, '/v1/calls', body, context.client.sign(body)), 400, 'USM_ERR_DUPLICATE_MEMBER');
    },
  },
];
