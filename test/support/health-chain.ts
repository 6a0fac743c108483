import { gatewayNode, gatewayPartner, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from './gateway-fixture.js';

/** The agreements of the chain, by id. */
type AgreementId = 'ward-agreement' | 'hospital-exchange' | 'exchange-hosting';

export interface HealthChainOptions {
  /** The hospital's route to the exchange (service, supplier, supplier service and agreement are filled in). */
  readonly hospitalRoute: Record<string, unknown>;
  /** The exchange's route to hosting (likewise). */
  readonly exchangeRoute: Record<string, unknown>;
  readonly now?: () => number;
  /** Service levels other than SERVICE_LEVELS, by agreement (both sides of an underpinning agreement take them). */
  readonly serviceLevels?: Partial<Record<AgreementId, Record<string, unknown>>>;
  /** More keys of the ward's partner entry at the hospital (its TMF621 callback hosts, say). */
  readonly ward?: Record<string, unknown>;
  /** Each gateway publishes its URL (`publicUrl`), as partners reach it. */
  readonly publicUrls?: boolean;
  /** Extra config keys, by gateway. */
  readonly config?: Partial<Record<'hospital' | 'exchange' | 'hosting', Record<string, unknown>>>;
}

export interface HealthChain {
  /** The hospital's own customer, a ward without a gateway. */
  readonly ward: TestPartner;
  readonly hospital: GatewayNode;
  readonly exchange: GatewayNode;
  readonly hosting: GatewayNode;
  /** The gateways of the hospital, the regional exchange and its hosting supplier. */
  readonly a: GatewayFixture;
  readonly b: GatewayFixture;
  readonly c: GatewayFixture;
  close(): Promise<void>;
}

/**
 * Three real gateways in a chain: a hospital (with a ward as its customer) -> a regional
 * health-data exchange -> its hosting supplier, each on its own SQLite file and port.
 */
export async function startHealthChain(options: HealthChainOptions): Promise<HealthChain> {
  const levels = (id: AgreementId) => options.serviceLevels?.[id] ?? SERVICE_LEVELS;
  const clock = options.now !== undefined ? { now: options.now } : {};
  const ward = await makePartner('ward');
  const [hospital, exchange, hosting] = await Promise.all([gatewayNode('hospital'), gatewayNode('exchange'), gatewayNode('hosting')]);
  const extra = (node: GatewayNode, name: 'hospital' | 'exchange' | 'hosting') => ({
    ...(options.publicUrls === true ? { publicUrl: `http://127.0.0.1:${node.port}` } : {}),
    ...options.config?.[name],
  });
  const c = await startGateway({
    partyId: hosting.id,
    port: hosting.port,
    signing: hosting.key,
    partners: [],
    ...clock,
    config: {
      services: [{ id: 'hosting', name: 'Hosting' }],
      partners: [gatewayPartner(exchange, ['customer'])],
      agreements: [{ id: 'exchange-hosting', customer: exchange.id, services: ['hosting'], serviceLevels: levels('exchange-hosting') }],
      ...extra(hosting, 'hosting'),
    },
  });
  const b = await startGateway({
    partyId: exchange.id,
    port: exchange.port,
    signing: exchange.key,
    partners: [],
    ...clock,
    config: {
      services: [{ id: 'records', name: 'Patient record exchange' }],
      partners: [gatewayPartner(hospital, ['customer']), gatewayPartner(hosting, ['supplier'], [{ id: 'hosting', name: 'Hosting' }])],
      agreements: [{ id: 'hospital-exchange', customer: hospital.id, services: ['records'], serviceLevels: levels('hospital-exchange') }],
      underpinning: [{ id: 'exchange-hosting', supplier: hosting.id, services: ['hosting'], serviceLevels: levels('exchange-hosting') }],
      routes: [{ service: 'records', supplier: hosting.id, supplierService: 'hosting', agreement: 'exchange-hosting', ...options.exchangeRoute }],
      ...extra(exchange, 'exchange'),
    },
  });
  const a = await startGateway({
    partyId: hospital.id,
    port: hospital.port,
    signing: hospital.key,
    partners: [],
    ...clock,
    config: {
      services: [{ id: 'workplace', name: 'Clinical workplace' }],
      partners: [
        { id: 'ward', name: 'Ward 7', roles: ['customer'], jwks: { keys: [ward.key.jwk] }, ...options.ward },
        gatewayPartner(exchange, ['supplier'], [{ id: 'records', name: 'Patient record exchange' }]),
      ],
      agreements: [{ id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: levels('ward-agreement') }],
      underpinning: [{ id: 'hospital-exchange', supplier: exchange.id, services: ['records'], serviceLevels: levels('hospital-exchange') }],
      routes: [{ service: 'workplace', supplier: exchange.id, supplierService: 'records', agreement: 'hospital-exchange', ...options.hospitalRoute }],
      ...extra(hospital, 'hospital'),
    },
  });
  return {
    ward,
    hospital,
    exchange,
    hosting,
    a,
    b,
    c,
    async close() {
      for (const g of [a, b, c]) {
        await g.close();
        await removeDir(g.dir);
      }
    },
  };
}
