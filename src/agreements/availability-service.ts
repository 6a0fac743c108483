import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { components } from '../generated/api.js';
import type { CallStore } from '../ports/call-store.js';
import type { OutageStore, ServiceOutage } from '../ports/outage-store.js';
import { serviceLevelsFor, type Agreement, type AgreementRegistry } from './agreement-registry.js';
import { availabilityPercent, downtimeMs, monthOf } from './availability.js';

type Schemas = components['schemas'];
export type OutageView = Schemas['Outage'];
export type AvailabilityReport = Schemas['AvailabilityReport'];

export interface AvailabilityService {
  /** Flags an incident under the agreement as an outage, or declares an outage window of one of its services. */
  addOutage(agreementId: string, request: Schemas['OutageRequest']): Promise<OutageView>;
  outages(agreementId: string): Promise<OutageView[]>;
  /** Measured availability per service in a month; `customer` limits it to that customer's agreements. */
  report(agreementId: string, period: string, customer?: string): Promise<AvailabilityReport>;
}

const MINUTE = 60_000;

/**
 * Availability of the services under an agreement, measured from its outages: the incidents the
 * desk flags as outages (from the call's creation to its resolution) and the windows it declares.
 */
export function createAvailabilityService(deps: {
  readonly store: OutageStore & Pick<CallStore, 'getCall'>;
  readonly registry: AgreementRegistry;
  readonly now: () => number;
}): AvailabilityService {
  const { store, registry } = deps;

  async function agreementOf(id: string, customer?: string): Promise<Agreement> {
    const agreement = customer === undefined ? await registry.find(id) : await registry.get(customer, id);
    if (agreement === undefined) throw new GatewayError('USM_ERR_AGREEMENT_NOT_FOUND', `no agreement ${id}`);
    return agreement;
  }

  /** The outage as a span of time: an incident's from the call (its resolution, or now while it lasts). */
  async function viewOf(outage: ServiceOutage): Promise<OutageView> {
    const base = { id: outage.id, agreement: outage.agreement, service: outage.service, source: outage.source, ...(outage.reason !== undefined ? { reason: outage.reason } : {}), createdAt: outage.createdAt };
    if (outage.source === 'declared') return { ...base, startAt: outage.startAt!, ...(outage.endAt !== undefined ? { endAt: outage.endAt } : {}) };
    const call = await store.getCall(outage.callId!);
    const ended = call?.resolution?.resolvedAt ?? (call !== undefined && ['cancelled', 'closed', 'rejected'].includes(call.lifecycle.status) ? call.updatedAt : undefined);
    return { ...base, callId: outage.callId!, startAt: call?.createdAt ?? outage.createdAt, ...(ended !== undefined ? { endAt: ended } : {}) };
  }

  return {
    async addOutage(agreementId, request) {
      const agreement = await agreementOf(agreementId);
      const outages = await store.outagesOf(agreementId);
      const at = new Date(deps.now()).toISOString();
      const reason = request.reason !== undefined ? { reason: request.reason } : {};
      let outage: ServiceOutage;
      if (request.callId !== undefined && request.service === undefined && request.startAt === undefined && request.endAt === undefined) {
        const call = await store.getCall(request.callId);
        if (call === undefined) throw new GatewayError('USM_ERR_CALL_NOT_FOUND', `no call ${request.callId}`);
        if (call.type !== 'incident') throw new GatewayError('USM_ERR_VALIDATION', `call ${call.id} is a ${call.type}, not an incident`, { errors: [{ path: 'body/callId', message: 'must be an incident' }] });
        if (call.agreement !== agreementId) throw new GatewayError('USM_ERR_AGREEMENT_INVALID', `call ${call.id} falls under agreement ${call.agreement}, not ${agreementId}`);
        if (outages.some((o) => o.callId === call.id)) throw new GatewayError('USM_ERR_CONFLICT', `call ${call.id} is flagged as an outage already`);
        outage = { id: uuidv7(deps.now()), agreement: agreementId, service: call.service, source: 'incident', callId: call.id, ...reason, createdAt: at };
      } else if (request.callId === undefined && request.service !== undefined && request.startAt !== undefined) {
        if (!agreement.services.includes(request.service)) {
          throw new GatewayError('USM_ERR_VALIDATION', `agreement ${agreementId} does not cover ${request.service}`, { errors: [{ path: 'body/service', message: "must be one of the agreement's services" }] });
        }
        if (request.endAt !== undefined && Date.parse(request.endAt) <= Date.parse(request.startAt)) {
          throw new GatewayError('USM_ERR_VALIDATION', 'the outage ends before it starts', { errors: [{ path: 'body/endAt', message: 'must be after startAt' }] });
        }
        const startAt = new Date(request.startAt).toISOString();
        const endAt = request.endAt !== undefined ? { endAt: new Date(request.endAt).toISOString() } : {};
        outage = { id: uuidv7(deps.now()), agreement: agreementId, service: request.service, source: 'declared', startAt, ...endAt, ...reason, createdAt: at };
      } else {
        throw new GatewayError('USM_ERR_VALIDATION', 'give either callId, or service and startAt', { errors: [{ path: 'body', message: 'must have callId, or service and startAt (and endAt)' }] });
      }
      await store.addOutage(outage);
      return viewOf(outage);
    },

    async outages(agreementId) {
      await agreementOf(agreementId);
      return Promise.all((await store.outagesOf(agreementId)).map(viewOf));
    },

    async report(agreementId, period, customer) {
      const agreement = await agreementOf(agreementId, customer);
      const month = monthOf(period);
      if (month === undefined) throw new GatewayError('USM_ERR_VALIDATION', `${period} is not a month (YYYY-MM)`, { errors: [{ path: 'query/period', message: 'must be YYYY-MM' }] });
      const now = deps.now();
      const measuredUntil = Math.max(month.from, Math.min(month.until, now));
      const outages = await Promise.all((await store.outagesOf(agreementId)).map(viewOf));
      const services = agreement.services.map((service) => {
        const mine = outages.filter((o) => o.service === service && Date.parse(o.startAt) < measuredUntil && (o.endAt === undefined || Date.parse(o.endAt) > month.from));
        const down = downtimeMs(mine.map((o) => ({ start: Date.parse(o.startAt), end: o.endAt !== undefined ? Date.parse(o.endAt) : now })), month.from, measuredUntil);
        const availability = availabilityPercent(down, measuredUntil - month.from);
        const target = serviceLevelsFor(agreement, service).availability;
        return {
          service,
          ...(target !== undefined ? { target, met: availability >= target } : {}),
          availability,
          downtimeMinutes: Math.round((down / MINUTE) * 1000) / 1000,
          measuredMinutes: Math.round(((measuredUntil - month.from) / MINUTE) * 1000) / 1000,
          outages: mine,
        };
      });
      const iso = (ms: number): string => new Date(ms).toISOString();
      return { agreement: agreementId, period, from: iso(month.from), until: iso(month.until), measuredUntil: iso(measuredUntil), services };
    },
  };
}
