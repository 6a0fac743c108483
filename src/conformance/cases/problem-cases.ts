import { ERROR_CODES, isErrorCode } from '../../kernel/error-codes.js';
import { fail, pass, type CaseContext, type ConformanceCase } from '../conformance-case.js';
import { headerOf, isProblemDocument, objectOf, refused } from '../expectations.js';
import type { Exchange } from '../target-session.js';

const SECTION = 'Answers and error codes';

/** A few refusals any target gives, so that the cases about refusals in general have some to judge even when run alone. */
async function provoke(context: CaseContext): Promise<void> {
  await context.session.request('GET', '/v1/conformance-no-such-path');
  await context.session.request('GET', '/v1/services');
  await context.session.request('POST', '/v1/calls', { 'content-type': 'application/json' }, '{}');
}

function problemDocumentProblem(exchange: Exchange): string | undefined {
  const where = `${exchange.method} ${exchange.path} (${exchange.status})`;
  if (!isProblemDocument(exchange)) return `${where} answered ${headerOf(exchange, 'content-type') ?? 'no content-type'}, not application/problem+json`;
  const body = objectOf(exchange.body);
  if (body === undefined) return `${where}: the problem is not a JSON object`;
  if (typeof body.type !== 'string' || typeof body.title !== 'string') return `${where}: the problem has no type or title`;
  if (body.status !== exchange.status) return `${where}: the problem's status ${JSON.stringify(body.status)} is not the HTTP status`;
  if (typeof body.code !== 'string' || !/^USM_ERR_[A-Z_]+$/.test(body.code)) return `${where}: the problem's code ${JSON.stringify(body.code)} is not a USM_ERR_* code`;
  if (isErrorCode(body.code) && ERROR_CODES[body.code].status !== exchange.status) return `${where}: ${body.code} always comes with ${ERROR_CODES[body.code].status}`;
  return undefined;
}

export const problemCases: readonly ConformanceCase[] = [
  {
    id: 'USM-PROBLEM-1',
    title: 'an unknown path is answered 404',
    section: SECTION,
    needs: [],
    run: async (context) => refused(await context.session.request('GET', '/v1/conformance-no-such-path'), 404, 'USM_ERR_NOT_FOUND'),
  },
  {
    id: 'USM-PROBLEM-2',
    title: 'a method the path does not have is answered 405 with Allow',
    section: SECTION,
    needs: [],
    run: async (context) => {
      const answer = await context.session.request('DELETE', '/v1/calls');
      const verdict = refused(answer, 405, 'USM_ERR_METHOD_NOT_ALLOWED');
      if (verdict.outcome === 'fail') return verdict;
      const allow = (headerOf(answer, 'allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
      return allow.includes('GET') && allow.includes('POST') ? pass(`405 USM_ERR_METHOD_NOT_ALLOWED, Allow: ${allow.join(', ')}`) : fail(`expected Allow with GET and POST, got ${JSON.stringify(headerOf(answer, 'allow') ?? null)}`);
    },
  },
  {
    id: 'USM-PROBLEM-3',
    title: 'every refusal in the run is an RFC 9457 problem document with a stable code and its status',
    section: SECTION,
    needs: [],
    run: async (context) => {
      await provoke(context);
      const refusals = context.session.exchanges.filter((e) => e.status >= 400);
      for (const exchange of refusals) {
        const problem = problemDocumentProblem(exchange);
        if (problem !== undefined) return fail(problem);
      }
      return pass(`${refusals.length} refusal(s), each a problem document`);
    },
  },
  {
    id: 'USM-PROBLEM-4',
    title: 'every 401 in the run carries WWW-Authenticate with the scheme of its operation',
    section: SECTION,
    needs: [],
    run: async (context) => {
      await provoke(context);
      const unauthorised = context.session.exchanges.filter((e) => e.status === 401);
      for (const exchange of unauthorised) {
        const scheme = exchange.method === 'GET' ? 'Bearer' : 'Usm-Signature';
        const header = headerOf(exchange, 'www-authenticate') ?? '';
        if (!new RegExp(`^${scheme} realm="usm-link"`, 'i').test(header)) return fail(`${exchange.method} ${exchange.path} (401): expected WWW-Authenticate: ${scheme} realm="usm-link", got ${JSON.stringify(header || null)}`);
      }
      return pass(`${unauthorised.length} 401 answer(s), each with WWW-Authenticate`);
    },
  },
];
