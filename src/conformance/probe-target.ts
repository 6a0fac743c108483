import { codeOf } from '../kernel/gateway-error.js';
import { objectOf, summaryOf } from './expectations.js';
import type { Probe, TargetFacts } from './conformance-case.js';
import { readPublishedKeys } from './published-keys.js';
import type { Exchange, TargetSession } from './target-session.js';

const PARTY_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A probe's answer, or undefined with the reason kept in `errors`. */
async function probe(name: Probe, errors: Partial<Record<Probe, string>>, read: () => Promise<Exchange>): Promise<Exchange | undefined> {
  try {
    return await read();
  } catch (error) {
    errors[name] = `${codeOf(error) ?? 'error'}: ${(error as Error).message ?? String(error)}`;
    return undefined;
  }
}

/** Reads the target's discovery document and keys: what every case needs first. */
export async function discoverTarget(
  session: TargetSession,
  errors: Partial<Record<Probe, string>>,
): Promise<Pick<TargetFacts, 'partyId' | 'keys'> & { discovery: Exchange | undefined; jwks: Exchange | undefined }> {
  const discovery = await probe('discovery', errors, () => session.request('GET', '/.well-known/usm-link'));
  const partyId = objectOf(discovery?.body)?.partyId;
  const jwks = await probe('jwks', errors, () => session.request('GET', '/.well-known/jwks.json'));
  return {
    discovery,
    jwks,
    partyId: discovery?.status === 200 && typeof partyId === 'string' && PARTY_ID.test(partyId) ? partyId : undefined,
    keys: jwks?.status === 200 ? readPublishedKeys(jwks.body).keys : [],
  };
}

/**
 * Finds an active agreement of the partner with the target and a service it covers, from
 * `GET /v1/agreements` and `GET /v1/services` (read with the partner's token).
 */
export async function findAgreement(
  session: TargetSession,
  party: string,
  partyId: string,
  errors: Partial<Record<Probe, string>>,
): Promise<Pick<TargetFacts, 'agreement' | 'agreementProblem'> & { services: Exchange | undefined; agreements: Exchange | undefined }> {
  const agreements = await probe('agreements', errors, () => session.read('/v1/agreements'));
  const services = await probe('services', errors, () => session.read('/v1/services'));
  const found = (answer: Exchange | undefined) => (answer?.status === 200 && Array.isArray(objectOf(answer.body)?.items) ? (objectOf(answer.body)!.items as unknown[]).map((i) => objectOf(i) ?? {}) : undefined);
  const agreementItems = found(agreements);
  const serviceIds = new Set((found(services) ?? []).map((s) => s.id).filter((id): id is string => typeof id === 'string'));
  if (agreementItems === undefined) {
    const answer = agreements === undefined ? (errors.agreements ?? 'no answer') : summaryOf(agreements);
    const hint = agreements?.status === 401 || agreements?.status === 403 ? `: does the target know ${party} as a customer with this key?` : '';
    return { agreements, services, agreement: undefined, agreementProblem: `GET /v1/agreements as ${party} did not answer 200 with items (${answer})${hint}` };
  }
  for (const item of agreementItems) {
    if (item.status !== 'active' || typeof item.id !== 'string' || !Array.isArray(item.services)) continue;
    if (item.customer !== undefined && item.customer !== party) continue;
    if (item.provider !== undefined && item.provider !== partyId) continue;
    const service = item.services.find((s): s is string => typeof s === 'string' && (serviceIds.size === 0 || serviceIds.has(s)));
    if (service !== undefined) return { agreements, services, agreement: { id: item.id, service }, agreementProblem: undefined };
  }
  return { agreements, services, agreement: undefined, agreementProblem: `the target lists no active agreement of ${party} that covers a service (GET /v1/agreements, GET /v1/services)` };
}
