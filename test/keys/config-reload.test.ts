import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPartnerClient } from '../../src/client/partner-client.js';
import { spawnGateway } from '../support/gateway-process.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { createSwitch } from '../../src/kernel/switch.js';
import { eventually, freePort, gatewayNode, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from '../support/gateway-fixture.js';

/**
 * A gateway started from a config file takes a changed file on POST /v1/admin/reload (SIGHUP does the
 * same in `usm-link start`): a partner and a route added make a new call flow; a bad file is refused,
 * naming the key, and the config of now kept.
 */
describe('a config reload without restart', () => {
  let ward: TestPartner;
  let clinic: TestPartner;
  let hospital: GatewayNode;
  let exchange: GatewayNode;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let file: Record<string, any>;

  const rewrite = async (change: (config: Record<string, any>) => void): Promise<void> => {
    const next = structuredClone(file);
    change(next);
    await writeFile(a.configFile!, JSON.stringify(next, null, 2));
  };
  const submit = (who: TestPartner, agreement: string) => {
    const client = a.client(who);
    return client.send('/v1/calls', client.envelope('call.submit', incident({ agreement }, who.id)));
  };

  beforeAll(async () => {
    [ward, clinic] = await Promise.all([makePartner('ward'), makePartner('clinic')]);
    [hospital, exchange] = await Promise.all([gatewayNode('hospital'), gatewayNode('exchange')]);
    b = await startGateway({
      partyId: exchange.id,
      port: exchange.port,
      signing: exchange.key,
      partners: [],
      config: {
        services: [{ id: 'records', name: 'Patient record exchange' }],
        partners: [{ id: hospital.id, name: hospital.id, roles: ['customer'], url: `http://127.0.0.1:${hospital.port}`, jwks: { keys: [publicJwkOf(hospital.key.jwk)] } }],
        agreements: [{ id: 'hospital-exchange', customer: hospital.id, services: ['records'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    a = await startGateway({
      partyId: hospital.id,
      port: hospital.port,
      signing: hospital.key,
      partners: [],
      fromFile: true,
      config: {
        services: [{ id: 'workplace', name: 'Clinical workplace' }],
        partners: [{ id: 'ward', name: 'Ward 7', roles: ['customer'], jwks: { keys: [publicJwkOf(ward.jwk)] } }],
        agreements: [{ id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    file = JSON.parse(await readFile(a.configFile!, 'utf8'));
  });
  afterAll(async () => {
    for (const g of [a, b]) {
      await g?.close();
      if (g !== undefined) await removeDir(g.dir);
    }
  });

  it('takes a new partner, a supplier with its agreement and a route: a new call flows to the supplier', async () => {
    expect((await submit(ward, 'ward-agreement')).status).toBe(201);
    expect((await submit(clinic, 'clinic-agreement')).status).toBe(401);
    await rewrite((c) => {
      c.partners.push(
        { id: 'clinic', name: 'Clinic', roles: ['customer'], jwks: { keys: [publicJwkOf(clinic.jwk)] } },
        { id: exchange.id, name: exchange.id, roles: ['supplier'], url: `http://127.0.0.1:${exchange.port}`, jwksUrl: `http://127.0.0.1:${exchange.port}/.well-known/jwks.json`, services: [{ id: 'records', name: 'Records' }] },
      );
      c.agreements.push({ id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: SERVICE_LEVELS });
      c.underpinning = [{ id: 'hospital-exchange', supplier: exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS }];
      c.routes = [{ service: 'workplace', supplier: exchange.id, supplierService: 'records', agreement: 'hospital-exchange', callTypes: ['incident'], mode: 'auto' }];
      c.limits = { ...c.limits, bodyBytes: 2_000_000 };
    });
    const reloaded = await a.admin('POST', '/v1/admin/reload');
    expect(reloaded.status, JSON.stringify(reloaded.body)).toBe(200);
    expect(reloaded.body).toMatchObject({ partners: ['ward', 'clinic', exchange.id], signingKid: hospital.key.key.kid, restartNeeded: ['limits'] });

    const submitted = await submit(clinic, 'clinic-agreement');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const atExchange = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atExchange).toMatchObject({ customer: hospital.id, chainId: (submitted.body as any).call.chainId });
    file = JSON.parse(await readFile(a.configFile!, 'utf8'));
  });

  it('refuses a bad file, naming the key, and keeps the config of now', async () => {
    await rewrite((c) => {
      c.partners[2].jwksUrl = 'http://exchange.example/.well-known/jwks.json';
      c.routes = [];
    });
    const refused = await a.admin('POST', '/v1/admin/reload');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'USM_ERR_RELOAD_REFUSED', errors: [{ path: '/partners/2/jwksUrl' }] });

    await writeFile(a.configFile!, 'partners: [unclosed');
    const notYaml = await a.admin('POST', '/v1/admin/reload');
    expect(notYaml.status).toBe(422);
    expect(notYaml.body).toMatchObject({ code: 'USM_ERR_RELOAD_REFUSED' });

    await rewrite((c) => {
      c.signing = { ...c.signing, next: { keyFile: './missing.private.jwk', activateAt: '2030-01-01T00:00:00Z' } };
    });
    const noKey = await a.admin('POST', '/v1/admin/reload');
    expect(noKey.status).toBe(422);
    expect(noKey.body).toMatchObject({ code: 'USM_ERR_RELOAD_REFUSED', errors: [{ path: '/signing' }] });

    // The route of now still forks the clinic's calls to the exchange.
    const before = (await b.desk('GET', '/v1/desk/calls')).body.items.length;
    expect((await submit(clinic, 'clinic-agreement')).status).toBe(201);
    await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items.length === before + 1);
  });
});

describe('a switch', () => {
  it('lets what runs pinned finish on the value it started with', async () => {
    const routes = createSwitch('old');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = routes.pinned(async () => {
      await gate;
      return routes.now();
    });
    routes.swap('new');
    expect(routes.now()).toBe('new');
    release();
    expect(await running).toBe('old');
  });
});

describe('SIGHUP to a running usm-link start', () => {
  it('reloads the config file: a partner added is taken without a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-test-'));
    const clinic = await makePartner('clinic');
    const config = {
      party: { id: 'provider', name: 'Provider' },
      listen: { host: '127.0.0.1', port: await freePort() },
      storage: 'sqlite:./gateway.db',
      signing: { keyFile: './gateway.private.jwk', createIfMissing: true },
      services: [{ id: 'workplace', name: 'Digital workplace' }],
      partners: [] as unknown[],
      agreements: [] as unknown[],
      log: { level: 'warn' },
    };
    const gateway = await spawnGateway(dir, config);
    try {
      const client = createPartnerClient({ baseUrl: gateway.url, from: 'clinic', to: 'provider', key: clinic.key });
      const submit = () => client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'clinic-agreement' }, 'clinic')));
      expect((await submit()).status).toBe(401);
      config.partners.push({ id: 'clinic', name: 'Clinic', roles: ['customer'], jwks: { keys: [publicJwkOf(clinic.jwk)] } });
      config.agreements.push({ id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: SERVICE_LEVELS });
      await writeFile(join(dir, 'config.yaml'), JSON.stringify(config));
      gateway.child.kill('SIGHUP');
      await eventually(async () => (await submit()).status === 201);
    } finally {
      await gateway.kill();
      await removeDir(dir);
    }
  });
});
