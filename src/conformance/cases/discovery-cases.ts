import { fail, pass, type ConformanceCase } from '../conformance-case.js';
import { headerOf, objectOf, summaryOf } from '../expectations.js';
import { readPublishedKeys } from '../published-keys.js';

const PARTY_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const discoveryCases: readonly ConformanceCase[] = [
  {
    id: 'USM-DISCOVERY-1',
    title: 'the discovery document names the gateway',
    section: 'Keys',
    needs: [],
    run: async ({ facts }) => {
      const answer = facts.probes.discovery;
      if (answer === undefined || answer.status !== 200) return fail(`expected 200 from GET /.well-known/usm-link, got ${answer === undefined ? `no answer (${facts.probeErrors.discovery ?? 'none'})` : summaryOf(answer)}`);
      if (!/json/i.test(headerOf(answer, 'content-type') ?? '')) return fail(`expected JSON, got ${headerOf(answer, 'content-type') ?? 'no content-type'}`);
      const doc = objectOf(answer.body);
      if (doc === undefined) return fail('the discovery document is not a JSON object');
      if (typeof doc.partyId !== 'string' || !PARTY_ID.test(doc.partyId)) return fail(`partyId ${JSON.stringify(doc.partyId)} is not a party id`);
      if (typeof doc.name !== 'string') return fail('the discovery document has no name');
      if (typeof doc.apiBase !== 'string') return fail('the discovery document has no apiBase');
      if (typeof doc.jwksUri !== 'string' || !/^https?:\/\//.test(doc.jwksUri)) return fail(`jwksUri ${JSON.stringify(doc.jwksUri)} is not an http(s) URL`);
      if (!Array.isArray(doc.versions) || !doc.versions.includes('1')) return fail(`versions ${JSON.stringify(doc.versions)} does not include "1"`);
      return pass(`200 partyId ${doc.partyId}, versions ${doc.versions.join(', ')}`);
    },
  },
  {
    id: 'USM-DISCOVERY-2',
    title: 'the published JWKS holds well-formed public keys',
    section: 'Keys',
    needs: [],
    run: async ({ facts }) => {
      const answer = facts.probes.jwks;
      if (answer === undefined || answer.status !== 200) return fail(`expected 200 from GET /.well-known/jwks.json, got ${answer === undefined ? `no answer (${facts.probeErrors.jwks ?? 'none'})` : summaryOf(answer)}`);
      const { keys, problems } = readPublishedKeys(answer.body);
      if (problems.length > 0) return fail(problems[0]!);
      return pass(`200 ${keys.length} key(s): ${keys.map((k) => `${k.alg} ${k.kid}`).join(', ')}`);
    },
  },
];
