import { gatewayNode, gatewayPartner, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from './gateway-fixture.js';

/**
 * The smallest link: a ward (a customer without a gateway) calls its provider's gateway A, which
 * hands work on its `workplace` service to the `hosting` service of its supplier's gateway B under
 * the underpinning agreement `provider-supplier`.
 */
export interface ProviderSupplier {
  readonly ward: TestPartner;
  readonly provider: GatewayNode;
  readonly supplier: GatewayNode;
  /** The provider's gateway. */
  readonly a: GatewayFixture;
  /** The supplier's gateway. */
  readonly b: GatewayFixture;
  close(): Promise<void>;
}

export interface ProviderSupplierOptions {
  /** A's route to B's `hosting` (service, supplier, supplier service and agreement are filled in). */
  readonly route: Record<string, unknown>;
  /** Also an agreement of the provider's own (`operations`) for its triggered calls. */
  readonly ownAgreement?: boolean;
}

export async function startProviderSupplier(options: ProviderSupplierOptions): Promise<ProviderSupplier> {
  const ward = await makePartner('ward');
  const [provider, supplier] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
  const b = await startGateway({
    partyId: supplier.id,
    port: supplier.port,
    signing: supplier.key,
    partners: [],
    config: {
      services: [{ id: 'hosting', name: 'Hosting' }],
      partners: [gatewayPartner(provider, ['customer'])],
      agreements: [{ id: 'provider-supplier', customer: provider.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
    },
  });
  const a = await startGateway({
    partyId: provider.id,
    port: provider.port,
    signing: provider.key,
    partners: [],
    config: {
      partners: [
        { id: 'ward', name: 'Ward 7', roles: ['customer'], jwks: { keys: [ward.key.jwk] } },
        gatewayPartner(supplier, ['supplier'], [{ id: 'hosting', name: 'Hosting' }]),
      ],
      agreements: [
        { id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
        ...(options.ownAgreement === true ? [{ id: 'operations', customer: provider.id, services: ['workplace'], serviceLevels: SERVICE_LEVELS }] : []),
      ],
      underpinning: [{ id: 'provider-supplier', supplier: supplier.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      routes: [{ service: 'workplace', supplier: supplier.id, supplierService: 'hosting', agreement: 'provider-supplier', ...options.route }],
    },
  });
  return {
    ward,
    provider,
    supplier,
    a,
    b,
    async close() {
      for (const g of [a, b]) {
        await g.close();
        await removeDir(g.dir);
      }
    },
  };
}
