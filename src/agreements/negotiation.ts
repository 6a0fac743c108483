import type { AgreementDocument, AgreementVersion, ServiceLevels } from '../ports/agreement-store.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { supportHoursProblem } from '../usm/support-hours.js';

export function parseDocument(version: Pick<AgreementVersion, 'document'>): AgreementDocument {
  return JSON.parse(version.document) as AgreementDocument;
}

function isOpenOffer(version: AgreementVersion | undefined): version is AgreementVersion {
  return version?.status === 'proposed' || version?.status === 'countered';
}

/** Which side of the agreement a party is on. */
export function sideOf(version: Pick<AgreementVersion, 'provider' | 'customer'>, party: string): 'provider' | 'customer' {
  if (party === version.provider) return 'provider';
  if (party === version.customer) return 'customer';
  throw new GatewayError('USM_ERR_FORBIDDEN', `${party} is not a party to this agreement`);
}

/** A new offer (a first proposal, a renegotiation or a counter-offer) after the versions so far. */
export function offer(
  versions: readonly AgreementVersion[],
  fields: { id: string; provider: string; customer: string; services: string[]; serviceLevels: ServiceLevels },
  offeredBy: string,
  sign: (document: string) => string,
  at: string,
): { versions: AgreementVersion[]; offered: AgreementVersion } {
  const latest = versions.at(-1);
  if (latest !== undefined && (latest.provider !== fields.provider || latest.customer !== fields.customer)) {
    throw new GatewayError('USM_ERR_CONFLICT', `agreement ${fields.id} is between other parties`);
  }
  const hoursProblem = supportHoursProblem(fields.serviceLevels.supportHours);
  if (hoursProblem !== undefined) throw new GatewayError('USM_ERR_VALIDATION', hoursProblem);
  const counter = isOpenOffer(latest);
  if (counter && latest.offeredBy === offeredBy) {
    throw new GatewayError('USM_ERR_CONFLICT', `${offeredBy} already has an open offer for ${fields.id}; wait for the answer`);
  }
  const document = JSON.stringify({
    id: fields.id,
    version: (latest?.version ?? 0) + 1,
    provider: fields.provider,
    customer: fields.customer,
    services: fields.services,
    serviceLevels: fields.serviceLevels,
  } satisfies AgreementDocument);
  const side = sideOf(fields, offeredBy);
  const offered: AgreementVersion = {
    id: fields.id,
    version: (latest?.version ?? 0) + 1,
    provider: fields.provider,
    customer: fields.customer,
    status: latest === undefined ? 'proposed' : counter ? 'countered' : 'proposed',
    document,
    offeredBy,
    signatures: { customer: side === 'customer' ? sign(document) : null, provider: side === 'provider' ? sign(document) : null },
    createdAt: at,
    updatedAt: at,
  };
  const changed = counter ? [{ ...latest, status: 'superseded' as const, updatedAt: at }] : [];
  return { versions: [...changed, offered], offered };
}

/** Takes an offer signed by the other party (already verified) into the versions so far. */
export function receiveOffer(versions: readonly AgreementVersion[], document: string, signature: string, from: string, at: string): { versions: AgreementVersion[]; offered: AgreementVersion } {
  const parsed = JSON.parse(document) as AgreementDocument;
  const latest = versions.at(-1);
  if (parsed.version !== (latest?.version ?? 0) + 1) {
    throw new GatewayError('USM_ERR_CONFLICT', `expected version ${(latest?.version ?? 0) + 1} of ${parsed.id}, got ${parsed.version}`);
  }
  return offer(versions, { id: parsed.id, provider: parsed.provider, customer: parsed.customer, services: parsed.services, serviceLevels: parsed.serviceLevels }, from, () => signature, at);
}

/** Accepts the open offer of the other party: it gets `signature` too and becomes the active version. */
export function accept(versions: readonly AgreementVersion[], version: number, by: string, signature: string, at: string): AgreementVersion[] {
  const latest = versions.at(-1);
  if (!isOpenOffer(latest) || latest.version !== version) throw new GatewayError('USM_ERR_CONFLICT', `version ${version} is not an open offer`);
  if (latest.offeredBy === by) throw new GatewayError('USM_ERR_CONFLICT', 'the other party accepts an offer, not the one who made it');
  const side = sideOf(latest, by);
  const active: AgreementVersion = { ...latest, status: 'active', signatures: { ...latest.signatures, [side]: signature }, updatedAt: at };
  const previous = versions.filter((v) => v.status === 'active').map((v) => ({ ...v, status: 'superseded' as const, updatedAt: at }));
  return [...previous, active];
}

export function reject(versions: readonly AgreementVersion[], version: number, by: string, reason: string | undefined, at: string): AgreementVersion[] {
  const latest = versions.at(-1);
  if (!isOpenOffer(latest) || latest.version !== version) throw new GatewayError('USM_ERR_CONFLICT', `version ${version} is not an open offer`);
  if (latest.offeredBy === by) throw new GatewayError('USM_ERR_CONFLICT', 'the other party rejects an offer, not the one who made it');
  sideOf(latest, by);
  return [{ ...latest, status: 'rejected', ...(reason !== undefined ? { reason } : {}), updatedAt: at }];
}

/** The version in force, if any. */
export function activeVersion(versions: readonly AgreementVersion[]): AgreementVersion | undefined {
  return versions.find((v) => v.status === 'active');
}
