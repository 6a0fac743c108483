import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { createPartnerClient } from '../../src/client/partner-client.js';
import { ADMIN_TOKEN, DESK_TOKEN, eventually, freePort, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process.js';
import { postgresSchema } from '../support/postgres.js';

const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

async function bearer(url: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

describe('two replicas on one PostgreSQL database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('deliver every accepted call to the supplier exactly once and in per-call order, though one is SIGKILLed mid-stream', async () => {
    const schema = postgresSchema();
    cleanups.push(schema.drop);
    const clinic = await makePartner('clinic');
    const provider = await gatewayNode('provider');
    const supplier = await gatewayNode('supplier');
    const ports = [await freePort(), await freePort()];

    const hosting: GatewayFixture = await startGateway({
      partyId: supplier.id,
      port: supplier.port,
      signing: supplier.key,
      partners: [],
      // The provider's updates go to replica 2 (a load balancer would pick either).
      config: {
        services: HOSTING,
        partners: [{ ...gatewayPartner(provider, ['customer']), url: `http://127.0.0.1:${ports[1]}` }],
        agreements: [{ id: 'provider-supplier', customer: provider.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    cleanups.push(async () => {
      await hosting.close();
      await removeDir(hosting.dir);
    });

    const dir = await mkdtemp(join(tmpdir(), 'usm-link-replicas-'));
    cleanups.push(() => removeDir(dir));
    await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(provider.key.jwk), { mode: 0o600 });
    await writeFile(join(dir, 'desk-token'), DESK_TOKEN);
    await writeFile(join(dir, 'admin-token'), ADMIN_TOKEN);
    const configFor = (port: number) => ({
      party: { id: provider.id, name: 'Provider' },
      listen: { host: '127.0.0.1', port },
      storage: schema.url,
      signing: { keyFile: join(dir, 'gateway.private.jwk') },
      services: [{ id: 'workplace', name: 'Workplace' }],
      partners: [
        { id: 'clinic', name: 'Clinic', roles: ['customer'], jwks: { keys: [publicJwkOf(clinic.jwk)] } },
        gatewayPartner(supplier, ['supplier'], HOSTING),
      ],
      agreements: [{ id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
      underpinning: [{ id: 'provider-supplier', supplier: supplier.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      routes: [{ service: 'workplace', supplier: supplier.id, supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
      desk: { tokens: [{ name: 'desk', file: join(dir, 'desk-token') }] },
      admin: { tokens: [{ name: 'admin', file: join(dir, 'admin-token') }] },
      delivery: { backoffBaseMs: 20, backoffMaxMs: 200, circuitCooldownMs: 200, leaseMs: 1500 },
      log: { level: 'warn' },
    });
    const replicas: GatewayProcess[] = [];
    for (const [i, port] of ports.entries()) replicas.push(await spawnGateway(join(dir, `r${i}`), configFor(port)));
    cleanups.push(async () => {
      for (const r of replicas) await r.kill('SIGKILL');
    });

    const accepted: { callId: string; via: number }[] = [];
    const TOTAL = 40;
    for (let i = 0; i < TOTAL; i++) {
      if (i === 15) await replicas[0]!.kill('SIGKILL');
      const via = i < 15 ? i % 2 : 1;
      const client = createPartnerClient({ baseUrl: replicas[via]!.url, from: 'clinic', to: provider.id, key: clinic.key });
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` }, 'clinic'))).catch(() => undefined);
      if (answer?.status === 201) accepted.push({ callId: (answer.body as any).call.id, via });
    }
    expect(accepted.length).toBe(TOTAL);

    // Per call, a desk note to the supplier through the surviving replica: it must arrive after the sub-call, once.
    const live = replicas[1]!.url;
    for (const { callId } of accepted) {
      const forks = await eventually(async () => {
        const items = (await bearer(live, DESK_TOKEN, 'GET', `/v1/desk/calls/${callId}/forks`)).body.items;
        return items.length === 1 ? items : false;
      });
      expect((await bearer(live, DESK_TOKEN, 'POST', `/v1/desk/calls/${callId}/forks/${forks[0].id}/notes`, { text: `note for ${callId}` })).status).toBe(202);
    }
    await eventually(async () => (await bearer(live, ADMIN_TOKEN, 'GET', '/v1/admin/outbox')).body.items.length === 0, 30_000);
    expect((await bearer(live, ADMIN_TOKEN, 'GET', '/v1/admin/dead-letters')).body.items).toEqual([]);

    const atSupplier = (await hosting.desk('GET', '/v1/desk/calls?limit=200')).body.items;
    expect(atSupplier).toHaveLength(TOTAL);
    const links = new Set(atSupplier.map((c: any) => c.externalRef));
    expect(links.size).toBe(TOTAL);
    for (const call of atSupplier) {
      const notes = (await hosting.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items;
      expect(notes).toHaveLength(1);
    }
    const texts = new Set<string>();
    for (const call of atSupplier) for (const n of (await hosting.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items) texts.add(n.text);
    expect([...texts].sort()).toEqual(accepted.map((a) => `note for ${a.callId}`).sort());
  }, 90_000);
});
