import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryMember } from '../../src/directory/directory-document.js';
import { createPartnerClient, type PartnerClient } from '../../src/client/partner-client.js';
import { fromBase64url, toBase64url } from '../../src/kernel/base64url.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { ADMIN_TOKEN, eventually, gatewayNode, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from '../support/gateway-fixture.js';
import { startOperator, testDirectory, type TestOperator } from '../support/network-operator.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

/**
 * Gateways that take every partner gateway from the operator's directory (config network.url, a
 * refresh a second): a ward -> its hospital -> the regional exchange -> hosting, a clinic (a member
 * whose messages the test signs) and an archive that joins later. No gateway lists another in its
 * config; the ward, which has no gateway, is the hospital's own.
 */
describe('gateways following the network directory', () => {
  let operator: TestOperator;
  let hospital: GatewayNode, exchange: GatewayNode, hosting: GatewayNode, archive: GatewayNode;
  let ward: TestPartner, clinicOld: TestPartner, clinicNew: TestPartner;
  let a: GatewayFixture, b: GatewayFixture, c: GatewayFixture, d: GatewayFixture;
  let sequence = 0;
  let clinicKeys: TestPartner[];
  let withArchive = false;
  let clinicRevoked = false;
  let revokedKeys: { member: string; kid: string; reason?: string }[] = [];

  const member = (node: { id: string; port: number }, keys: TestPartner[], services: string[] = []): DirectoryMember => ({
    id: node.id,
    name: node.id,
    url: node.id === 'clinic' ? `${operator.url.replace('/directory.jws', '')}/clinic` : `http://127.0.0.1:${node.port}`,
    roles: [],
    keys: keys.map((k) => ({ jwk: publicJwkOf(k.jwk) })),
    services: services.map((id) => ({ id, name: id })),
  });
  /** The network as it stands, published with the next sequence. */
  const publish = (): number => {
    sequence++;
    const clinic = { id: 'clinic', port: 0 };
    operator.publish(
      testDirectory({
        sequence,
        members: [
          member(hospital, [hospital.key]),
          member(exchange, [exchange.key], ['records', 'advice', 'archiving']),
          member(hosting, [hosting.key], ['hosting']),
          ...(clinicRevoked ? [] : [member(clinic, clinicKeys)]),
          ...(withArchive ? [member(archive, [archive.key], ['archiving'])] : []),
        ].map((m) => ({ ...m, roles: [] })),
        links: [
          { customer: hospital.id, supplier: exchange.id, agreement: 'hospital-exchange', services: ['records'] },
          { customer: exchange.id, supplier: hosting.id, agreement: 'exchange-hosting', services: ['hosting'] },
          ...(clinicRevoked ? [] : [{ customer: 'clinic', supplier: exchange.id, agreement: 'clinic-exchange', services: ['advice', 'archiving'] }]),
          ...(withArchive ? [{ customer: exchange.id, supplier: archive.id, agreement: 'exchange-archive', services: ['archiving'] }] : []),
        ],
        revocations: { keys: revokedKeys, members: clinicRevoked ? [{ id: 'clinic', reason: 'left the network' }] : [] },
      }),
    );
    return sequence;
  };
  const follow = () => ({ network: { url: operator.url, operatorKeys: operator.keys, refreshSeconds: 1 } });
  const held = async (g: GatewayFixture): Promise<number> => (await g.admin('GET', '/v1/admin/directory')).body.sequence;
  const clinicClient = (key: TestPartner): PartnerClient => createPartnerClient({ baseUrl: b.url, from: 'clinic', to: exchange.id, key: key.key });
  let refs = 0;
  /** The clinic runs a gateway (its URL is in the directory): its calls name their reference there. */
  const ask = (client: PartnerClient, summary: string, service = 'advice', agreement = 'clinic-exchange') =>
    client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request', service, agreement, summary, externalRef: `CL-${++refs}` }, 'clinic')));

  beforeAll(async () => {
    operator = await startOperator();
    [hospital, exchange, hosting, archive] = await Promise.all([gatewayNode('hospital'), gatewayNode('exchange'), gatewayNode('hosting'), gatewayNode('archive')]);
    [ward, clinicOld, clinicNew] = await Promise.all([makePartner('ward'), makePartner('clinic'), makePartner('clinic')]);
    clinicKeys = [clinicOld];
    publish();
    const auto = { callTypes: ['service_request'], mode: 'auto' };
    c = await startGateway({
      partyId: hosting.id,
      port: hosting.port,
      signing: hosting.key,
      partners: [],
      config: { ...follow(), services: [{ id: 'hosting', name: 'Hosting' }], partners: [], agreements: [{ id: 'exchange-hosting', customer: exchange.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
    });
    d = await startGateway({
      partyId: archive.id,
      port: archive.port,
      signing: archive.key,
      partners: [],
      config: { ...follow(), services: [{ id: 'archiving', name: 'Archiving' }], partners: [], agreements: [{ id: 'exchange-archive', customer: exchange.id, services: ['archiving'], serviceLevels: SERVICE_LEVELS }] },
    });
    b = await startGateway({
      partyId: exchange.id,
      port: exchange.port,
      signing: exchange.key,
      partners: [],
      config: {
        ...follow(),
        services: [
          { id: 'records', name: 'Patient record exchange' },
          { id: 'advice', name: 'Advice' },
          { id: 'archiving', name: 'Archiving' },
        ],
        partners: [],
        agreements: [
          { id: 'hospital-exchange', customer: hospital.id, services: ['records'], serviceLevels: SERVICE_LEVELS },
          { id: 'clinic-exchange', customer: 'clinic', services: ['advice', 'archiving'], serviceLevels: SERVICE_LEVELS },
          // Held here, but no link of the directory names it: the config cannot widen what the directory allows.
          { id: 'clinic-records', customer: 'clinic', services: ['records'], serviceLevels: SERVICE_LEVELS },
        ],
        underpinning: [
          { id: 'exchange-hosting', supplier: hosting.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS },
          { id: 'exchange-archive', supplier: archive.id, services: ['archiving'], serviceLevels: SERVICE_LEVELS },
        ],
        routes: [
          { service: 'records', supplier: hosting.id, supplierService: 'hosting', agreement: 'exchange-hosting', ...auto },
          { service: 'archiving', supplier: archive.id, supplierService: 'archiving', agreement: 'exchange-archive', ...auto },
        ],
      },
    });
    a = await startGateway({
      partyId: hospital.id,
      port: hospital.port,
      signing: hospital.key,
      partners: [],
      config: {
        ...follow(),
        services: [{ id: 'workplace', name: 'Clinical workplace' }],
        partners: [{ id: 'ward', name: 'Ward 7', roles: ['customer'], jwks: { keys: [publicJwkOf(ward.jwk)] } }],
        agreements: [{ id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
        underpinning: [{ id: 'hospital-exchange', supplier: exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: exchange.id, supplierService: 'records', agreement: 'hospital-exchange', ...auto }],
      },
    });
  });
  afterAll(async () => {
    for (const g of [a, b, c, d]) {
      if (g === undefined) continue;
      await g.close();
      await removeDir(g.dir);
    }
    await operator?.close();
  });

  it('takes every partner gateway from the directory: a call flows ward -> hospital -> exchange -> hosting', async () => {
    const status = (await b.admin('GET', '/v1/admin/directory')).body;
    expect(status).toMatchObject({ sequence: 1, network: { id: 'test-network' }, expired: false, url: operator.url });
    expect(status.partners).toEqual(expect.arrayContaining([{ id: 'hospital', source: 'directory' }, { id: 'hosting', source: 'directory' }, { id: 'clinic', source: 'directory' }]));
    const neighbours = (await a.admin('GET', '/v1/admin/neighbours')).body;
    expect(neighbours.directory.sequence).toBe(1);
    expect(neighbours.items).toEqual([expect.objectContaining({ partner: 'exchange', roles: ['supplier'], source: 'directory', url: `http://127.0.0.1:${exchange.port}` })]);

    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request', summary: 'Record export for the ward' }, 'ward')));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const atHosting = await eventually(async () => (await c.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(atHosting.customer).toBe('exchange');
    expect((await a.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', checks: { directory: 'ok' } });
  });

  it('refuses a call under an agreement the config holds but no link of the directory allows', async () => {
    const refused = await ask(clinicClient(clinicOld), 'Records under an agreement the operator never linked', 'records', 'clinic-records');
    expect(refused.body).toMatchObject({ status: 422, code: 'USM_ERR_AGREEMENT_INVALID', detail: 'the network directory allows clinic no link under clinic-records for service records' });
    expect((await ask(clinicClient(clinicOld), 'Advice under the linked agreement')).status).toBe(201);
  });

  it('a member joins: within a refresh the exchange forks a call to it, no gateway restarted', async () => {
    // Before it joins, the exchange's route to the archive leads nowhere.
    const before = await ask(clinicClient(clinicOld), 'Archive the 2019 letters', 'archiving');
    expect(before.body).toMatchObject({ status: 422, code: 'USM_ERR_ROUTE_NOT_FOUND', detail: 'archive is not a supplier with a gateway or a team' });
    withArchive = true;
    const joined = publish();
    // No refresh asked for: the gateways' own timer (refreshSeconds 1) takes it.
    await eventually(async () => (await held(b)) === joined && (await held(d)) === joined, 10_000);
    const submitted = await ask(clinicClient(clinicOld), 'Archive the 2020 letters', 'archiving');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const atArchive = await eventually(async () => (await d.desk('GET', '/v1/desk/calls')).body.items.find((call: any) => call.summary === 'Archive the 2020 letters'));
    expect(atArchive.customer).toBe('exchange');
    expect((await d.admin('GET', '/v1/admin/directory')).body.partners).toEqual([{ id: 'exchange', source: 'directory' }]);
  });

  it('shows the directory in usm-link network live, and network check --online names each gateway that differs from it', async () => {
    const cliConfig = join(b.dir, 'cli.yaml');
    await writeFile(cliConfig, ['party: { id: exchange, name: Exchange }', 'storage: sqlite:./cli-only.db', 'signing: { keyFile: ./gateway.private.jwk }', 'services: []', 'partners: []', ''].join('\n'));
    const env = { ...process.env, USM_ADMIN_TOKEN: ADMIN_TOKEN };
    const live = await run(process.execPath, [CLI, 'network', 'live', '--config', cliConfig, '--url', b.url], { env, timeout: 30_000 });
    expect(live.stdout).toMatch(new RegExp(`directory test-network sequence ${sequence}, issued \\d{4}-\\S+, expires \\d{4}-\\S+ \\(from ${operator.url}\\)`));
    expect(live.stdout.split('\n').find((line) => line.includes('hosting'))).toMatch(/hosting\s+supplier\s+directory\s+up/);

    const keys = join(b.dir, 'operator.jwks.json');
    await writeFile(keys, JSON.stringify(operator.keys));
    const check = await run(process.execPath, [CLI, 'network', 'check', '--online', '--directory', operator.url, '--operator-keys', keys, '--json'], { timeout: 30_000 }).catch((error: { code: number; stdout: string }) => error);
    expect((check as { code?: number }).code).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(report).toMatchObject({ ok: false, network: 'test-network', sequence });
    // The clinic's URL is no gateway: the one difference. Every running gateway signs with a key the directory lists.
    expect(report.differences).toEqual([expect.objectContaining({ member: 'clinic', kind: 'unreachable', severity: 'error' })]);
  });

  it("rotates a member's key through the directory under load without refusing a message", async () => {
    let key = clinicOld;
    let running = true;
    const answers: { status: number; key: TestPartner; lane: number; body: unknown }[] = [];
    const sender = async (lane: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const signedWith = key;
        const answer = await ask(clinicClient(signedWith), `load ${lane}.${i}`);
        answers.push({ status: answer.status, key: signedWith, lane, body: answer.body });
      }
    };
    const lanes = [sender(0), sender(1), sender(2)];
    const sent = (k: TestPartner) => answers.filter((x) => x.key === k).length;
    await eventually(async () => sent(clinicOld) >= 10);

    clinicKeys = [clinicOld, clinicNew];
    const both = publish();
    await eventually(async () => (await held(b)) === both, 10_000);
    key = clinicNew;
    // Every lane has had answers to the new key: none still waits on a message signed with the old one.
    await eventually(async () => sent(clinicNew) >= 10 && [0, 1, 2].every((lane) => answers.some((x) => x.lane === lane && x.key === clinicNew)));

    revokedKeys = [{ member: 'clinic', kid: clinicOld.key.kid, reason: 'rotated' }];
    clinicKeys = [clinicNew];
    const onlyNew = publish();
    await eventually(async () => (await held(b)) === onlyNew, 10_000);
    const after = sent(clinicNew);
    await eventually(async () => sent(clinicNew) >= after + 10);
    running = false;
    await Promise.all(lanes);

    const refused = answers.filter((x) => x.status !== 201);
    expect(refused, JSON.stringify(refused.slice(0, 3))).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(30);
    // The old key, revoked, is refused now.
    const old = await ask(clinicClient(clinicOld), 'signed with the revoked key');
    expect(old.status).toBe(401);
    expect((old.body as { code: string }).code).toBe('USM_ERR_UNKNOWN_KEY');
  });

  it('a revoked member is refused within one refresh', async () => {
    const client = clinicClient(clinicNew);
    expect((await ask(client, 'before the revocation')).status).toBe(201);
    clinicRevoked = true;
    const published = Date.now();
    publish();
    const answer = await eventually(async () => {
      const attempt = await ask(client, 'after the revocation');
      return attempt.status === 201 ? false : attempt;
    }, 10_000);
    const tookMs = Date.now() - published;
    expect(answer.status).toBe(401);
    // One refresh is a second; a refresh under way and a slow machine may add a second or two.
    expect(tookMs).toBeLessThan(4_000);
    expect((await b.admin('GET', '/v1/admin/directory')).body.partners.map((p: { id: string }) => p.id)).not.toContain('clinic');
  });

  it('refuses a directory signed by another key, an older one, an expired one and a tampered one, keeping the last good one', async () => {
    const good = sequence;
    const goodJws = operator.publish(
      testDirectory({
        sequence: good,
        members: [member(hospital, [hospital.key]), member(exchange, [exchange.key], ['records']), member(hosting, [hosting.key], ['hosting'])],
        links: [],
      }),
    );
    // goodJws is not served as it stands (the same sequence as the held one would be a rollback): it is the base of the forgeries.
    const [header, payload, signature] = goodJws.split('.') as [string, string, string];
    const body = JSON.parse(fromBase64url(payload)!.toString('utf8'));
    const now = Math.floor(Date.now() / 1000);
    const stranger = await makePartner('stranger');
    const cases: { name: string; serve: () => void; code: string }[] = [
      { name: 'another key', serve: () => operator.publish({ ...body, sequence: good + 1 }, stranger.key), code: 'DIR_SIGNATURE' },
      { name: 'an older sequence', serve: () => operator.publish({ ...body, sequence: good - 1 }), code: 'DIR_ROLLBACK' },
      { name: 'expired', serve: () => operator.publish({ ...body, sequence: good + 1, iat: now - 7200, exp: now - 3600 }), code: 'DIR_EXPIRED' },
      {
        name: 'tampered',
        serve: () => operator.serve(`${header}.${toBase64url(Buffer.from(JSON.stringify({ ...body, sequence: good + 1, members: [] })))}.${signature}`),
        code: 'DIR_SIGNATURE',
      },
    ];
    for (const refusal of cases) {
      refusal.serve();
      const status = (await b.admin('POST', '/v1/admin/directory/refresh')).body;
      expect(status.lastRefresh, refusal.name).toMatchObject({ outcome: 'refused', code: refusal.code });
      expect(status.sequence, refusal.name).toBe(good);
      expect(status.partners.map((p: { id: string }) => p.id).sort(), refusal.name).toEqual(['archive', 'hospital', 'hosting']);
    }
    const metrics = await (await fetch(`${b.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    for (const code of ['DIR_SIGNATURE', 'DIR_ROLLBACK', 'DIR_EXPIRED']) expect(metrics).toMatch(new RegExp(`usm_link_directory_refreshes_total\\{outcome="refused",code="${code}"\\} [1-9]`));
    expect(metrics).toMatch(new RegExp(`usm_link_directory_sequence ${good}\\b`));
    // A partner only the directory names is a value of the partner label like a configured one.
    expect(metrics).toMatch(/usm_link_messages_received_total\{partner="clinic",type="call.submit",outcome="accepted",code=""\} [1-9]/);
    expect((await b.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    // A restart starts from the last good one, kept in the store, while the operator serves a forgery.
    b = await b.restart();
    const restarted = (await b.admin('GET', '/v1/admin/directory')).body;
    expect(restarted, JSON.stringify(restarted)).toMatchObject({ sequence: good, lastRefresh: { outcome: 'refused', code: 'DIR_SIGNATURE' } });
    expect(restarted.partners.map((p: { id: string }) => p.id).sort()).toEqual(['archive', 'hospital', 'hosting']);
  });

  it('says in /readyz when the last good directory has expired, and is ready again with a fresh one', async () => {
    const now = Math.floor(Date.now() / 1000);
    withArchive = false;
    sequence++;
    const short = testDirectory({ sequence, iat: now - 1, exp: now + 4, members: [member(hospital, [hospital.key]), member(exchange, [exchange.key], ['records'])], links: [{ customer: hospital.id, supplier: exchange.id, agreement: 'hospital-exchange', services: ['records'] }] });
    operator.publish(short);
    expect((await b.admin('POST', '/v1/admin/directory/refresh')).body.sequence).toBe(sequence);
    const unready = await eventually(async () => {
      const answer = await b.app.inject({ method: 'GET', url: '/readyz' });
      return answer.statusCode === 503 ? (answer.json() as { details: { directory: string } }) : false;
    }, 10_000);
    expect(unready).toMatchObject({ status: 'unavailable', checks: { directory: 'failing' } });
    expect(unready.details.directory).toMatch(new RegExp(`last good network directory \\(sequence ${sequence}\\) expired`));
    // Still used meanwhile: the hospital is a partner.
    expect((await b.admin('GET', '/v1/admin/directory')).body).toMatchObject({ expired: true, partners: [{ id: 'hospital', source: 'directory' }] });
    operator.publish({ ...short, sequence: ++sequence, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600 });
    await b.admin('POST', '/v1/admin/directory/refresh');
    expect((await b.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
