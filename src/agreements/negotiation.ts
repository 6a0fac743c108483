import type { AgreementDocument, AgreementVersion, ServiceLevels, ServiceLevelsByService, TerminationNotice } from '../ports/agreement-store.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { FieldError } from '../kernel/gateway-error.js';
import { MAX_TARGET_MINUTES } from '../usm/sla-clock.js';
import { supportHoursProblem } from '../usm/support-hours.js';
import { validityProblem, type Validity } from '../usm/validity.js';
import { PROCESS_NAMES } from '../usm/usm-model.js';

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

const TARGET_KEYS = ['priority', 'responseMinutes', 'resolutionMinutes'] as const;

/**
 * What is wrong with service levels offered for an agreement, or undefined: the contract's bounds on
 * `ServiceLevels`, held here too because an offer received across the link carries them inside its
 * signed document text, where request validation does not look.
 */
export function serviceLevelsProblem(levels: unknown): FieldError | undefined {
  const at = (path: string, message: string): FieldError => ({ path: `serviceLevels${path}`, message });
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) return at('', 'must be an object');
  const { supportHours, availability, confirmationHours, onRejection, targets, ...rest } = levels as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) return at('', `must NOT have additional properties: ${extra.join(', ')}`);
  if (typeof supportHours !== 'string') return at('/supportHours', 'must be a string');
  const hours = supportHoursProblem(supportHours);
  if (hours !== undefined) return at('/supportHours', hours);
  if (availability !== undefined && (typeof availability !== 'number' || !(availability >= 0 && availability <= 100))) return at('/availability', 'must be a number from 0 to 100');
  if (confirmationHours !== undefined && (!Number.isInteger(confirmationHours) || (confirmationHours as number) < 1 || (confirmationHours as number) > 8760)) {
    return at('/confirmationHours', 'must be a whole number of hours from 1 to 8760');
  }
  if (onRejection !== undefined) {
    const { process, step, ...other } = (typeof onRejection === 'object' && onRejection !== null ? onRejection : { process: null }) as Record<string, unknown>;
    if (!PROCESS_NAMES.includes(process as never) || !Number.isInteger(step) || (step as number) < 1 || (step as number) > 9 || Object.keys(other).length > 0) {
      return at('/onRejection', 'must be {process, step}: a USM process and a step from 1 to 9');
    }
  }
  if (!Array.isArray(targets) || targets.length > 5) return at('/targets', 'must be a list of at most 5 targets');
  for (const [i, target] of targets.entries()) {
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return at(`/targets/${i}`, 'must be an object');
    const unknown = Object.keys(target).filter((key) => !(TARGET_KEYS as readonly string[]).includes(key));
    if (unknown.length > 0) return at(`/targets/${i}`, `must NOT have additional properties: ${unknown.join(', ')}`);
    const { priority, responseMinutes, resolutionMinutes } = target as Record<string, unknown>;
    if (!Number.isInteger(priority) || (priority as number) < 1 || (priority as number) > 5) return at(`/targets/${i}/priority`, 'must be a whole number from 1 to 5');
    for (const [key, minutes] of [['responseMinutes', responseMinutes], ['resolutionMinutes', resolutionMinutes]] as const) {
      if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > MAX_TARGET_MINUTES) {
        return at(`/targets/${i}/${key}`, `must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES}`);
      }
    }
  }
  return undefined;
}

/**
 * What is wrong with levels per service, or undefined: each key one of the agreement's services, each
 * entry an object whose merge over the agreement's levels keeps to the bounds of `ServiceLevels`.
 */
export function serviceLevelsByServiceProblem(byService: unknown, services: readonly string[], defaults: ServiceLevels): FieldError | undefined {
  if (byService === undefined) return undefined;
  if (typeof byService !== 'object' || byService === null || Array.isArray(byService)) return { path: 'serviceLevelsByService', message: 'must be an object' };
  for (const [service, levels] of Object.entries(byService)) {
    const path = `serviceLevelsByService/${service}`;
    if (!services.includes(service)) return { path, message: `${service} is not one of the agreement's services` };
    if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) return { path, message: 'must be an object' };
    const problem = serviceLevelsProblem({ ...defaults, ...levels });
    if (problem !== undefined) return { path: `${path}${problem.path.slice('serviceLevels'.length)}`, message: problem.message };
  }
  return undefined;
}

/** A new offer (a first proposal, a renegotiation or a counter-offer) after the versions so far. */
export function offer(
  versions: readonly AgreementVersion[],
  fields: { id: string; provider: string; customer: string; services: string[]; serviceLevels: ServiceLevels; serviceLevelsByService?: ServiceLevelsByService | undefined } & Validity,
  offeredBy: string,
  sign: (document: string) => string,
  at: string,
  forCall?: string,
): { versions: AgreementVersion[]; offered: AgreementVersion } {
  const latest = versions.at(-1);
  if (latest !== undefined && (latest.provider !== fields.provider || latest.customer !== fields.customer)) {
    throw new GatewayError('USM_ERR_CONFLICT', `agreement ${fields.id} is between other parties`);
  }
  const problem = serviceLevelsProblem(fields.serviceLevels);
  if (problem !== undefined) throw new GatewayError('USM_ERR_VALIDATION', `${problem.path}: ${problem.message}`, { errors: [problem] });
  const perService = serviceLevelsByServiceProblem(fields.serviceLevelsByService, fields.services, fields.serviceLevels);
  if (perService !== undefined) throw new GatewayError('USM_ERR_VALIDATION', `${perService.path}: ${perService.message}`, { errors: [perService] });
  const period = validityProblem(fields);
  if (period !== undefined) throw new GatewayError('USM_ERR_VALIDATION', `${period.path}: ${period.message}`, { errors: [period] });
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
    ...(fields.validFrom !== undefined ? { validFrom: fields.validFrom } : {}),
    ...(fields.validUntil !== undefined ? { validUntil: fields.validUntil } : {}),
    ...(fields.serviceLevelsByService !== undefined ? { serviceLevelsByService: fields.serviceLevelsByService } : {}),
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
    // The wish a negotiation serves stays with every later version of it.
    ...((forCall ?? latest?.forCall) !== undefined ? { forCall: (forCall ?? latest?.forCall)! } : {}),
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
  const fields = { id: parsed.id, provider: parsed.provider, customer: parsed.customer, services: parsed.services, serviceLevels: parsed.serviceLevels, validFrom: parsed.validFrom, validUntil: parsed.validUntil, serviceLevelsByService: parsed.serviceLevelsByService };
  const { versions: changed, offered } = offer(versions, fields, from, () => signature, at);
  // The version keeps the exact bytes the other party signed.
  const kept = { ...offered, document };
  return { versions: [...changed.slice(0, -1), kept], offered: kept };
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

/** The notice a party signs to end the active version: one JSON text, members in this order. */
export function terminationNotice(active: AgreementVersion, by: string, effectiveAt: string, reason: string | undefined): string {
  sideOf(active, by);
  return JSON.stringify({ id: active.id, version: active.version, terminatedBy: by, effectiveAt, ...(reason !== undefined ? { reason } : {}) } satisfies TerminationNotice);
}

/** Reads a termination notice received across the link, or undefined when it is not one. */
export function parseNotice(notice: string): TerminationNotice | undefined {
  let parsed: Partial<TerminationNotice> | undefined;
  try {
    parsed = JSON.parse(notice) as Partial<TerminationNotice>;
  } catch {
    return undefined;
  }
  const ok =
    typeof parsed?.id === 'string' &&
    Number.isInteger(parsed.version) &&
    typeof parsed.terminatedBy === 'string' &&
    typeof parsed.effectiveAt === 'string' &&
    !Number.isNaN(Date.parse(parsed.effectiveAt)) &&
    (parsed.reason === undefined || typeof parsed.reason === 'string');
  return ok ? (parsed as TerminationNotice) : undefined;
}

/** Ends the active version `version` from the notice's date; the notice is signed by the terminating party. */
export function terminate(versions: readonly AgreementVersion[], notice: TerminationNotice, text: string, signature: string, at: string): AgreementVersion[] {
  const active = activeVersion(versions);
  if (active === undefined || active.version !== notice.version) throw new GatewayError('USM_ERR_CONFLICT', `version ${notice.version} of ${notice.id} is not the active version`);
  if (active.termination !== undefined) throw new GatewayError('USM_ERR_CONFLICT', `agreement ${notice.id} is terminated already (from ${active.termination.effectiveAt})`);
  sideOf(active, notice.terminatedBy);
  const termination = { by: notice.terminatedBy, effectiveAt: notice.effectiveAt, ...(notice.reason !== undefined ? { reason: notice.reason } : {}), notice: text, signature, at };
  return [{ ...active, termination, updatedAt: at }];
}

/** The other party's acknowledgement of a termination, its signature over the same notice. */
export function acknowledge(versions: readonly AgreementVersion[], version: number, by: string, signature: string, at: string): AgreementVersion[] {
  const active = activeVersion(versions);
  const termination = active?.version === version ? active.termination : undefined;
  if (active === undefined || termination === undefined) throw new GatewayError('USM_ERR_CONFLICT', `version ${version} has no termination to acknowledge`);
  if (termination.by === by) throw new GatewayError('USM_ERR_CONFLICT', 'the other party acknowledges a termination, not the one who made it');
  if (termination.acknowledgement !== undefined) throw new GatewayError('USM_ERR_CONFLICT', 'the termination is acknowledged already');
  sideOf(active, by);
  return [{ ...active, termination: { ...termination, acknowledgement: { by, signature, at } }, updatedAt: at }];
}

/** Whether a version's termination has taken effect at `now` (milliseconds). */
export function terminatedAt(version: Pick<AgreementVersion, 'termination'>, now: number): boolean {
  return version.termination !== undefined && Date.parse(version.termination.effectiveAt) <= now;
}
