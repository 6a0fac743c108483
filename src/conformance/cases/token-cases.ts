import type { JWTPayload } from 'jose';
import { toBase64url } from '../../kernel/base64url.js';
import { generatePrivateJwk, signingKeyOf } from '../../keys/jwk.js';
import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { objectOf, refused, summaryOf } from '../expectations.js';
import { readTokenWith } from '../forged-signatures.js';
import type { Exchange } from '../target-session.js';

const SECTION = 'Reads';

/** Claims of a good token (now, 60 s), with overrides. */
function claims(context: CaseContext, overrides: JWTPayload = {}): JWTPayload {
  const iat = Math.floor(context.now() / 1000);
  return { iss: context.party, aud: context.facts.partyId!, iat, exp: iat + 60, ...overrides };
}

const readWith = (context: CaseContext, token: string): Promise<Exchange> => context.session.request('GET', '/v1/services', { authorization: `Bearer ${token}` });

/** A case: a read with this token is refused 401 with this code. */
function refusedToken(id: string, title: string, code: string, token: (context: CaseContext) => Promise<string>): ConformanceCase {
  return { id, title, section: SECTION, needs: ['partyId'], run: async (context) => refused(await readWith(context, await token(context)), 401, code) };
}

export const tokenCases: readonly ConformanceCase[] = [
  {
    id: 'USM-TOKEN-1',
    title: 'a read token signed with our key is accepted',
    section: SECTION,
    needs: ['partyId'],
    run: async (context) => {
      const answer = await context.session.read('/v1/services');
      if (answer.status !== 200) return fail(`expected 200 for GET /v1/services, got ${summaryOf(answer)}`);
      const items = objectOf(answer.body)?.items;
      return Array.isArray(items) ? pass(`200 GET /v1/services, ${items.length} service(s)`) : fail('expected {"items": [...]} from GET /v1/services');
    },
  },
  {
    id: 'USM-TOKEN-2',
    title: 'a read without a token is refused',
    section: SECTION,
    needs: ['partyId'],
    run: async (context) => refused(await context.session.request('GET', '/v1/services'), 401, 'USM_ERR_TOKEN_MISSING'),
  },
  refusedToken('USM-TOKEN-3', 'an expired read token is refused', 'USM_ERR_TOKEN_EXPIRED', (context) => {
    const iat = Math.floor(context.now() / 1000) - 600;
    return readTokenWith(context.key, claims(context, { iat, exp: iat + 60 }));
  }),
  refusedToken('USM-TOKEN-4', 'a read token that lives longer than any gateway allows (two hours) is refused', 'USM_ERR_TOKEN_INVALID', (context) => {
    const iat = Math.floor(context.now() / 1000);
    return readTokenWith(context.key, claims(context, { iat, exp: iat + 7200 }));
  }),
  refusedToken('USM-TOKEN-5', 'a read token for another audience is refused', 'USM_ERR_TOKEN_INVALID', (context) =>
    readTokenWith(context.key, claims(context, { aud: `x${context.facts.partyId!}`.slice(0, 63) })),
  ),
  refusedToken('USM-TOKEN-6', 'a read token whose iss is not the owner of its key is refused', 'USM_ERR_TOKEN_INVALID', (context) =>
    readTokenWith(context.key, claims(context, { iss: `x${context.party}`.slice(0, 63) })),
  ),
  refusedToken('USM-TOKEN-7', 'a read token signed by a key no partner has is refused', 'USM_ERR_TOKEN_INVALID', async (context) =>
    readTokenWith(signingKeyOf(await generatePrivateJwk(context.key.alg)), claims(context)),
  ),
  refusedToken('USM-TOKEN-8', 'a read token not valid before ten minutes from now (nbf) is refused', 'USM_ERR_TOKEN_INVALID', (context) =>
    readTokenWith(context.key, claims(context, { nbf: Math.floor(context.now() / 1000) + 600 })),
  ),
  refusedToken('USM-TOKEN-9', 'an unsigned read token (alg none) is refused', 'USM_ERR_TOKEN_INVALID', async (context) =>
    `${toBase64url(JSON.stringify({ alg: 'none', kid: context.key.kid, typ: 'JWT' }))}.${toBase64url(JSON.stringify(claims(context)))}.`,
  ),
];
