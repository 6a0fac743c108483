import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createPartnerClient } from '../../src/client/partner-client.js';
import { DESK_TOKEN, freePort, incident, makePartner, removeDir, SERVICE_LEVELS } from '../support/gateway-fixture.js';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process.js';
import { recordFigures } from './fault-figures.js';

const BOUND_MB = 400;

function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

describe('a flood of requests', () => {
  let gateway: GatewayProcess | undefined;
  let dir: string;
  afterAll(async () => {
    await gateway?.kill('SIGKILL');
    if (dir) await removeDir(dir);
  });

  it(`keeps the gateway's memory under ${BOUND_MB} MB and answers every request`, async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-flood-'));
    const hospital = await makePartner('hospital');
    await writeFile(join(dir, 'token'), DESK_TOKEN);
    const port = await freePort();
    gateway = await spawnGateway(dir, {
      party: { id: 'provider', name: 'Provider' },
      listen: { host: '127.0.0.1', port },
      storage: `sqlite:${join(dir, 'gateway.db')}`,
      signing: { keyFile: join(dir, 'gateway.private.jwk'), createIfMissing: true },
      services: [{ id: 'workplace', name: 'Workplace' }],
      partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [hospital.key.jwk] } }],
      agreements: [{ id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
      desk: { tokens: [{ name: 'desk', file: join(dir, 'token') }] },
      limits: { partnerRequestsPerSecond: 300, partnerBurst: 300, bodyBytes: 65_536 },
      log: { level: 'fatal' },
    });
    const client = createPartnerClient({ baseUrl: gateway.url, from: 'hospital', to: 'provider', key: hospital.key });
    const bodies = Array.from({ length: 3000 }, (_, i) => {
      const body = JSON.stringify(client.envelope('call.submit', incident({ summary: `flood ${i}`, description: 'z'.repeat(i % 3 === 0 ? 60_000 : 1000) })));
      return { body, signature: i % 2 === 0 ? client.sign(body) : 'x..y' };
    });
    const pool = new Pool(gateway.url, { connections: 200, pipelining: 1 });
    const statuses = new Map<number, number>();
    let next = 0;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (next < bodies.length) {
          const { body, signature } = bodies[next++]!;
          sent++;
          const response = await pool.request({ path: '/v1/calls', method: 'POST', headers: { 'content-type': 'application/json', 'usm-signature': signature }, body });
          await response.body.dump();
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        }
      }),
    );
    await pool.close();
    const peak = peakRssMb(gateway.child.pid!);
    const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
    await recordFigures('flood', { sent, requests: answered, accepted: statuses.get(201) ?? 0, peakRssMb: Math.round(peak) });
    expect(sent).toBe(bodies.length);
    expect(answered).toBe(sent);
    expect([...statuses.keys()].filter((s) => ![201, 400, 401, 413, 429].includes(s)), JSON.stringify([...statuses])).toEqual([]);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect(peak).toBeLessThan(BOUND_MB);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  }, 600_000);
});
