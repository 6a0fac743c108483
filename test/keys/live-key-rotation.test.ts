import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gatewayNode, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from '../support/gateway-fixture.js';

/** The series of a metrics exposition whose name and labels match, with a count above zero. */
function nonZero(exposition: string, pattern: RegExp): string[] {
  return exposition.split('\n').filter((line) => pattern.test(line) && Number(line.split(' ').at(-1)) > 0);
}

function sumOf(exposition: string, pattern: RegExp): number {
  return exposition.split('\n').filter((line) => pattern.test(line)).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const jwksOf = (node: GatewayNode): string => `http://127.0.0.1:${node.port}/.well-known/jwks.json`;

/**
 * Both sides of a live link roll their signing keys over (`signing.next`, taken by a reload) while calls flow on several
 * lanes; each side knows the other's keys only from its JWKS, fetched every second. No message is
 * refused, no delivery is retried.
 */
describe('keys rotated on both sides of a live link under load', () => {
  let ward: TestPartner;
  let hospital: GatewayNode;
  let exchange: GatewayNode;
  let nextHospital: TestPartner;
  let nextExchange: TestPartner;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let activateAt: number;

  beforeAll(async () => {
    ward = await makePartner('ward');
    [hospital, exchange] = await Promise.all([gatewayNode('hospital'), gatewayNode('exchange')]);
    [nextHospital, nextExchange] = await Promise.all([makePartner('hospital'), makePartner('exchange')]);
    const [dirA, dirB] = await Promise.all([mkdtemp(join(tmpdir(), 'usm-link-test-')), mkdtemp(join(tmpdir(), 'usm-link-test-'))]);
    b = await startGateway({
      partyId: exchange.id,
      port: exchange.port,
      signing: exchange.key,
      dir: dirB,
      partners: [],
      fromFile: true,
      config: {
        services: [{ id: 'records', name: 'Patient record exchange' }],
        partners: [{ id: hospital.id, name: hospital.id, roles: ['customer'], url: `http://127.0.0.1:${hospital.port}`, jwksUrl: jwksOf(hospital), jwksRefreshSeconds: 1 }],
        agreements: [{ id: 'hospital-exchange', customer: hospital.id, services: ['records'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    a = await startGateway({
      partyId: hospital.id,
      port: hospital.port,
      signing: hospital.key,
      dir: dirA,
      partners: [],
      fromFile: true,
      config: {
        services: [{ id: 'workplace', name: 'Clinical workplace' }],
        partners: [
          { id: 'ward', name: 'Ward 7', roles: ['customer'], jwks: { keys: [ward.key.jwk] } },
          {
            id: exchange.id,
            name: exchange.id,
            roles: ['supplier'],
            url: `http://127.0.0.1:${exchange.port}`,
            jwksUrl: jwksOf(exchange),
            jwksRefreshSeconds: 1,
            services: [{ id: 'records', name: 'Patient record exchange' }],
          },
        ],
        agreements: [{ id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
        underpinning: [{ id: 'hospital-exchange', supplier: exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: exchange.id, supplierService: 'records', agreement: 'hospital-exchange', callTypes: ['incident'], mode: 'auto' }],
      },
    });
    // The exchange started first: it has the hospital's keys from its next fetch.
    await eventually(async () => b.app.gateway.partners.get(hospital.id) !== undefined);
    // Both roll over to a next key (taken by a reload) a few refreshes ahead: each side fetches the other's JWKS every second.
    activateAt = Date.now() + 3000;
    for (const [g, key] of [[a, nextHospital], [b, nextExchange]] as const) {
      await writeFile(join(g.dir, 'next.private.jwk'), JSON.stringify(key.jwk), { mode: 0o600 });
      const file = JSON.parse(await readFile(g.configFile!, 'utf8'));
      file.signing = { keyFile: './gateway.private.jwk', next: { keyFile: './next.private.jwk', activateAt: new Date(activateAt).toISOString() } };
      await writeFile(g.configFile!, JSON.stringify(file));
      const reloaded = await g.admin('POST', '/v1/admin/reload');
      expect(reloaded.status, JSON.stringify(reloaded.body)).toBe(200);
    }
  });
  afterAll(async () => {
    for (const g of [a, b]) {
      await g?.close();
      if (g !== undefined) await removeDir(g.dir);
    }
  });

  it('publishes the next key before the switch, signs with it after, and loses no message', async () => {
    const before = (await (await fetch(jwksOf(hospital))).json()) as { keys: { kid: string }[] };
    expect(before.keys.map((k) => k.kid)).toEqual([hospital.key.key.kid, nextHospital.key.kid]);

    const client = a.client(ward);
    const lanes = 4;
    const sent: number[] = [];
    const refused: string[] = [];
    const stopAt = activateAt + 2000;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        while (Date.now() < stopAt) {
          const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: `lane ${lane}` }, 'ward')));
          if (answer.status === 201) sent.push(Date.now());
          else refused.push(`${answer.status} ${JSON.stringify(answer.body)}`);
        }
      }),
    );
    expect(refused).toEqual([]);
    // Calls went before and after the switch.
    expect(sent.some((t) => t < activateAt)).toBe(true);
    expect(sent.some((t) => t > activateAt + 500)).toBe(true);

    // Every call reached the exchange, and every status the exchange sent back reached the hospital.
    const drained = async () => [...(await a.app.gateway.store.outboxSummary()), ...(await b.app.gateway.store.outboxSummary())].every((s) => s.pending === 0);
    const forked = async () => sumOf(await b.app.gateway.metrics.exposition(), /^usm_link_messages_received_total\{.*partner="hospital".*type="call.submit".*outcome="accepted"/);
    await eventually(async () => (await forked()) === sent.length && (await drained())).catch(async (error: Error) => {
      const figures = await Promise.all([a, b].map(async (g) => nonZero(await g.app.gateway.metrics.exposition(), /^usm_link_(messages_sent_total|message_refusals_total|messages_received_total)/)));
      throw new Error(`${error.message}: sent ${sent.length}; outboxes ${JSON.stringify([await a.app.gateway.store.outboxSummary(), await b.app.gateway.store.outboxSummary()])}; ${JSON.stringify(figures)}`);
    });
    expect(await forked()).toBe(sent.length);
    for (const g of [a, b]) {
      const exposition = await g.app.gateway.metrics.exposition();
      expect(nonZero(exposition, /^usm_link_message_refusals_total/)).toEqual([]);
      expect(nonZero(exposition, /^usm_link_messages_received_total\{.*outcome="refused"/)).toEqual([]);
      expect(nonZero(exposition, /^usm_link_messages_sent_total\{.*outcome="(retried|dead)"/)).toEqual([]);
      expect((await g.app.gateway.store.outboxSummary()).every((s) => s.dead === 0)).toBe(true);
    }

    // After the switch: the next key signs, the old one is still published (receipts signed with it still verify).
    const after = (await (await fetch(jwksOf(hospital))).json()) as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid)).toEqual([nextHospital.key.kid, hospital.key.key.kid]);
    expect(a.app.gateway.signingKey.kid).toBe(nextHospital.key.kid);
    expect(b.app.gateway.signingKey.kid).toBe(nextExchange.key.kid);
    expect(a.app.gateway.partners.get(exchange.id)!.keys.map((k) => k.kid).sort()).toEqual([exchange.key.key.kid, nextExchange.key.kid].sort());
  });
});
