import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPartnerClient } from '../../src/client/partner-client.js';
import type { Envelope } from '../../src/messages/envelope.js';
import { ADMIN_TOKEN, DESK_TOKEN, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process.js';
import { recordFigures } from './fault-figures.js';
import { until } from './until.js';

/** Kills of the provider: 20 in the suite; `npm run test:faults:long` kills it 50 times. */
const KILLS = Number(process.env.USM_LINK_FAULT_KILLS ?? 20);
const MAX_RESENDS = 5000;
/** A last resort only: every step waits for its condition, so a slow machine makes the test slower, not red. */
const TIMEOUT_MS = 30 * 60_000;
const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

async function bearer(url: string, token: string, path: string): Promise<any> {
  return (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
}

/** Every item of a paged listing. */
async function everyPage(page: (cursor: string | null) => Promise<{ items: any[]; nextCursor: string | null }>): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor !== null);
  return items;
}

describe('crashes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it(`loses and doubles nothing when the provider is SIGKILLed ${KILLS} times under load`, async () => {
    const clinic = await makePartner('clinic');
    const provider = await gatewayNode('provider');
    const supplier = await gatewayNode('supplier');
    const hosting: GatewayFixture = await startGateway({
      partyId: supplier.id,
      port: supplier.port,
      signing: supplier.key,
      partners: [],
      config: {
        services: HOSTING,
        partners: [gatewayPartner(provider, ['customer'])],
        agreements: [{ id: 'p-s', customer: provider.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        // Keep retrying through every restart: 1000 attempts at up to 500 ms apart outlast many kills on a slow machine.
        delivery: { backoffBaseMs: 20, backoffMaxMs: 500, circuitCooldownMs: 100, maxAttempts: 1000 },
      },
    });
    cleanups.push(async () => {
      await hosting.close();
      await removeDir(hosting.dir);
    });
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-crash-'));
    cleanups.push(() => removeDir(dir));
    await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(provider.key.jwk), { mode: 0o600 });
    await writeFile(join(dir, 'token'), DESK_TOKEN);
    await writeFile(join(dir, 'admin'), ADMIN_TOKEN);
    const config = {
      party: { id: provider.id, name: 'Provider' },
      listen: { host: '127.0.0.1', port: provider.port },
      storage: `sqlite:${join(dir, 'gateway.db')}`,
      signing: { keyFile: join(dir, 'gateway.private.jwk') },
      services: [{ id: 'workplace', name: 'Workplace' }],
      partners: [{ id: 'clinic', name: 'Clinic', roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(supplier, ['supplier'], HOSTING)],
      agreements: [{ id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
      underpinning: [{ id: 'p-s', supplier: supplier.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      routes: [{ service: 'workplace', supplier: supplier.id, supplierService: 'hosting', agreement: 'p-s', callTypes: ['incident'], mode: 'auto' }],
      desk: { tokens: [{ name: 'desk', file: join(dir, 'token') }] },
      admin: { tokens: [{ name: 'admin', file: join(dir, 'admin') }] },
      delivery: { backoffBaseMs: 20, backoffMaxMs: 500, circuitCooldownMs: 100, leaseMs: 1000, maxAttempts: 1000 },
      log: { level: 'fatal' },
    };
    let gateway: GatewayProcess = await spawnGateway(join(dir, 'run'), config);
    cleanups.push(() => gateway.kill('SIGKILL'));
    const url = `http://127.0.0.1:${provider.port}`;
    const client = createPartnerClient({ baseUrl: url, from: 'clinic', to: provider.id, key: clinic.key });

    // The load: calls sent one after another, each resent as the same message until it gets a 2xx.
    const acknowledged = new Set<string>();
    let resends = 0;
    let stop = false;
    const load = (async () => {
      let i = 0;
      while (!stop) {
        const envelope: Envelope = client.envelope('call.submit', incident({ summary: `call ${i++}` }, 'clinic'));
        for (let attempt = 1; ; attempt++) {
          const answer = await client.send('/v1/calls', envelope).catch(() => undefined);
          if (answer !== undefined && answer.status === 201) {
            acknowledged.add((answer.body as any).call.id);
            break;
          }
          if (attempt === MAX_RESENDS) throw new Error(`call ${i - 1} was not acknowledged after ${attempt} attempts (last: ${answer?.status})`);
          resends++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    })();

    // Each kill comes after the restarted gateway has acknowledged one to three more calls (counted,
    // not timed), while the next call and the deliveries to the supplier are under way.
    let kills = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const target = acknowledged.size + 1 + Math.floor(Math.random() * 3);
      await until(async () => ({ acknowledged: acknowledged.size, resends }), (seen) => seen.acknowledged >= target, `${target} calls acknowledged before kill ${kill + 1}`);
      await gateway.kill('SIGKILL');
      kills++;
      gateway = await spawnGateway(join(dir, 'run'), config);
    }
    stop = true;
    await load;

    // Reconcile: every acknowledged call is there once, reached the supplier once, and its status came back.
    const all = await everyPage((cursor) => bearer(url, DESK_TOKEN, `/v1/desk/calls?limit=200${cursor ? `&cursor=${cursor}` : ''}`));
    const ids = all.map((c) => c.id as string);
    await until(async () => ((await bearer(url, ADMIN_TOKEN, '/v1/admin/outbox?limit=200')).items as any[]).map((m) => m.id), (pending) => pending.length === 0, 'the outbox to drain');
    const dead = (await bearer(url, ADMIN_TOKEN, '/v1/admin/dead-letters')).items as any[];
    const supplierCalls = await everyPage(async (cursor) => (await hosting.desk('GET', `/v1/desk/calls?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body);
    const refs = supplierCalls.map((c) => c.externalRef as string);
    // Every status change the supplier made (it acknowledged each sub-call) reaches the provider.
    const forksOf = async (id: string) => (await bearer(url, DESK_TOKEN, `/v1/desk/calls/${id}/forks`)).items as any[];
    const acknowledgedForks = async () => {
      let count = 0;
      for (const id of ids) {
        const forks = await forksOf(id);
        if (forks.length === 1 && forks[0].status === 'acknowledged') count++;
      }
      return count;
    };
    const backUp = await until(acknowledgedForks, (count) => count === ids.length, 'every sub-call acknowledged at the provider', { patience: 100 });
    const links = new Set<string>();
    for (const id of ids) for (const fork of await forksOf(id)) links.add(fork.id);

    // The figures, counted from what was seen, before they are judged.
    const present = new Set(ids);
    const lost = [...acknowledged].filter((id) => !present.has(id)).length + [...links].filter((l) => !refs.includes(l)).length;
    const duplicated = ids.length - present.size + (refs.length - new Set(refs).size);
    await recordFigures('crash', { kills, acknowledged: acknowledged.size, stored: present.size, atSupplier: new Set(refs).size, statusBack: backUp, lost, duplicated, dead: dead.length, resends });
    expect(kills).toBe(KILLS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(present).toEqual(acknowledged);
    expect(dead).toEqual([]);
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(refs)).toEqual(links);
    expect(links.size).toBe(acknowledged.size);
    expect(lost).toBe(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
  }, TIMEOUT_MS);
});
