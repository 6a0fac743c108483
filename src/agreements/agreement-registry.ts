import type { AgreementConfig } from '../config/load-config.js';
import type { components } from '../generated/api.js';

export type Agreement = components['schemas']['Agreement'];
export type Service = components['schemas']['Service'];

/** The agreements this provider has with its customers, and the services they cover. */
export interface AgreementRegistry {
  forCustomer(customer: string): readonly Agreement[];
  get(customer: string, id: string): Agreement | undefined;
  /** Services the customer may use under its active agreements. */
  servicesFor(customer: string): readonly Service[];
  /** The active agreement of this customer that covers the service, if the agreement id names one. */
  covering(customer: string, agreementId: string, service: string): Agreement | undefined;
}

export function createAgreementRegistry(options: {
  readonly provider: string;
  readonly services: readonly Service[];
  readonly agreements: readonly AgreementConfig[];
}): AgreementRegistry {
  const agreements: Agreement[] = options.agreements.map((a) => ({
    id: a.id,
    customer: a.customer,
    provider: options.provider,
    status: a.status ?? 'active',
    services: [...a.services],
    serviceLevels: a.serviceLevels,
  }));
  const byCustomer = new Map<string, Agreement[]>();
  for (const a of agreements) byCustomer.set(a.customer, [...(byCustomer.get(a.customer) ?? []), a]);
  const services = new Map(options.services.map((s) => [s.id, s]));
  const forCustomer = (customer: string): readonly Agreement[] => byCustomer.get(customer) ?? [];
  return {
    forCustomer,
    get: (customer, id) => forCustomer(customer).find((a) => a.id === id),
    servicesFor(customer) {
      const ids = new Set(forCustomer(customer).filter((a) => a.status === 'active').flatMap((a) => a.services));
      return [...ids].map((id) => services.get(id)).filter((s): s is Service => s !== undefined);
    },
    covering(customer, agreementId, service) {
      const agreement = forCustomer(customer).find((a) => a.id === agreementId);
      return agreement?.status === 'active' && agreement.services.includes(service) ? agreement : undefined;
    },
  };
}
