import type { AgreementConfig, UnderpinningConfig } from '../config/load-config.js';
import type { components } from '../generated/api.js';
import type { AgreementStore, AgreementVersion } from '../ports/agreement-store.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { parseDocument, terminatedAt } from './negotiation.js';
import { outsideValidity } from '../usm/validity.js';
import { requesterPolicyOf, type RequesterPolicy } from './requester-policy.js';

export type Agreement = components['schemas']['Agreement'];
export type Service = components['schemas']['Service'];

/** An agreement in which this provider is the customer of a supplier. */
export interface Underpinning {
  readonly id: string;
  readonly supplier: string;
  readonly services: readonly string[];
  readonly status: 'active' | 'terminated';
  readonly serviceLevels: Agreement['serviceLevels'];
  readonly serviceLevelsByService?: Agreement['serviceLevelsByService'];
  readonly validFrom?: string;
  readonly validUntil?: string;
}

/**
 * The agreements in force: those in the config file and those negotiated across the link (the
 * active version of each). As provider they decide which calls a customer may submit; as customer
 * they underpin the sub-calls raised at suppliers.
 */
export interface AgreementRegistry {
  forCustomer(customer: string): Promise<Agreement[]>;
  get(customer: string, id: string): Promise<Agreement | undefined>;
  /** Services the customer may use under its active agreements. */
  servicesFor(customer: string): Promise<Service[]>;
  /**
   * The customer's active agreement with this id, if it covers the service. An agreement whose
   * termination has taken effect is refused (USM_ERR_AGREEMENT_TERMINATED).
   */
  covering(customer: string, agreementId: string, service: string): Promise<Agreement | undefined>;
  underpinning(): Promise<Underpinning[]>;
  /** Any agreement this gateway holds with this id, as provider or as customer (config or negotiated). */
  find(id: string): Promise<Agreement | undefined>;
  /** The users the customer authorises under an agreement (config `requesters`); undefined: anyone. */
  requesterPolicy(agreementId: string): RequesterPolicy | undefined;
  /** Whether this provider has a service with this id. */
  provides(service: string): boolean;
  /** Whether an agreement id is taken by the config file. */
  configured(id: string): boolean;
  /** The agreements written in the config file: as provider (`agreements`) and as customer of a supplier (`underpinning`). */
  fromConfig(): Agreement[];
}

export function createAgreementRegistry(options: {
  readonly provider: string;
  readonly services: readonly Service[];
  readonly agreements: readonly AgreementConfig[];
  readonly underpinning: readonly UnderpinningConfig[];
  readonly store: AgreementStore;
  readonly now: () => number;
}): AgreementRegistry {
  const { provider, store, now } = options;
  const fromConfig: Agreement[] = options.agreements.map((a) => ({
    id: a.id,
    customer: a.customer,
    provider,
    status: a.status ?? 'active',
    services: [...a.services],
    serviceLevels: a.serviceLevels,
    ...(a.validFrom !== undefined ? { validFrom: a.validFrom } : {}),
    ...(a.validUntil !== undefined ? { validUntil: a.validUntil } : {}),
    ...(a.serviceLevelsByService !== undefined ? { serviceLevelsByService: a.serviceLevelsByService } : {}),
  }));
  const underpinningFromConfig: Underpinning[] = options.underpinning.map((u) => ({
    id: u.id,
    supplier: u.supplier,
    services: u.services,
    status: u.status ?? 'active',
    serviceLevels: u.serviceLevels,
    ...(u.serviceLevelsByService !== undefined ? { serviceLevelsByService: u.serviceLevelsByService } : {}),
    ...(u.validFrom !== undefined ? { validFrom: u.validFrom } : {}),
    ...(u.validUntil !== undefined ? { validUntil: u.validUntil } : {}),
  }));
  const services = new Map(options.services.map((s) => [s.id, s]));
  const policies = new Map(options.agreements.flatMap((a) => {
    const policy = requesterPolicyOf(a);
    return policy === undefined ? [] : [[a.id, policy] as const];
  }));
  const agreementOf = (v: AgreementVersion): Agreement => {
    const doc = parseDocument(v);
    return {
      id: doc.id,
      customer: doc.customer,
      provider: doc.provider,
      status: terminatedAt(v, now()) ? 'terminated' : 'active',
      services: doc.services,
      serviceLevels: doc.serviceLevels,
      ...(doc.validFrom !== undefined ? { validFrom: doc.validFrom } : {}),
      ...(doc.validUntil !== undefined ? { validUntil: doc.validUntil } : {}),
      ...(doc.serviceLevelsByService !== undefined ? { serviceLevelsByService: doc.serviceLevelsByService } : {}),
      ...(v.termination !== undefined ? { terminatesAt: v.termination.effectiveAt } : {}),
    };
  };
  const forCustomer = async (customer: string): Promise<Agreement[]> => [
    ...fromConfig.filter((a) => a.customer === customer),
    ...(await store.activeAgreementVersions(customer)).filter((v) => v.provider === provider).map(agreementOf),
  ];
  return {
    forCustomer,
    get: async (customer, id) => (await forCustomer(customer)).find((a) => a.id === id),
    async servicesFor(customer) {
      const ids = new Set((await forCustomer(customer)).filter((a) => a.status === 'active' && outsideValidity(a, now()) === undefined).flatMap((a) => a.services));
      return [...ids].map((id) => services.get(id)).filter((s): s is Service => s !== undefined);
    },
    async covering(customer, agreementId, service) {
      const agreement = (await forCustomer(customer)).find((a) => a.id === agreementId);
      if (agreement?.terminatesAt !== undefined && agreement.status === 'terminated') {
        throw new GatewayError('USM_ERR_AGREEMENT_TERMINATED', `agreement ${agreementId} was terminated from ${agreement.terminatesAt}`);
      }
      const outside = agreement?.status === 'active' ? outsideValidity(agreement, now()) : undefined;
      if (outside !== undefined) throw new GatewayError('USM_ERR_AGREEMENT_OUTSIDE_VALIDITY', `the call falls outside agreement ${agreementId}: ${outside}`);
      return agreement?.status === 'active' && agreement.services.includes(service) ? agreement : undefined;
    },
    async underpinning() {
      // Negotiated as the customer: this gateway's own agreements with its suppliers.
      const mine = (await store.activeAgreementVersions(provider)).map(agreementOf);
      return [
        ...underpinningFromConfig,
        ...mine.map(({ id, provider: supplier, services, status, serviceLevels, serviceLevelsByService, validFrom, validUntil }) => ({
          id,
          supplier,
          services,
          status,
          serviceLevels,
          ...(serviceLevelsByService !== undefined ? { serviceLevelsByService } : {}),
          ...(validFrom !== undefined ? { validFrom } : {}),
          ...(validUntil !== undefined ? { validUntil } : {}),
        })),
      ];
    },
    async find(id) {
      const configured = fromConfig.find((a) => a.id === id);
      if (configured !== undefined) return configured;
      const contract = options.underpinning.find((u) => u.id === id);
      if (contract !== undefined) {
        return { id, customer: provider, provider: contract.supplier, status: contract.status ?? 'active', services: [...contract.services], serviceLevels: contract.serviceLevels, ...(contract.serviceLevelsByService !== undefined ? { serviceLevelsByService: contract.serviceLevelsByService } : {}) };
      }
      const version = (await store.agreementVersions(id)).find((v) => v.status === 'active');
      return version === undefined ? undefined : agreementOf(version);
    },
    requesterPolicy: (id) => policies.get(id),
    provides: (service) => services.has(service),
    fromConfig: () => [
      ...fromConfig,
      ...underpinningFromConfig.map(({ supplier, ...u }) => ({ ...u, services: [...u.services], customer: provider, provider: supplier })),
    ],
    configured: (id) => fromConfig.some((a) => a.id === id) || underpinningFromConfig.some((u) => u.id === id),
  };
}

/** The service levels of one service under an agreement: its own (`serviceLevelsByService`) over the agreement's. */
export function serviceLevelsFor(agreement: Pick<Agreement, 'serviceLevels' | 'serviceLevelsByService'>, service: string): Agreement['serviceLevels'] {
  const own = agreement.serviceLevelsByService?.[service];
  return own === undefined ? agreement.serviceLevels : { ...agreement.serviceLevels, ...own };
}
