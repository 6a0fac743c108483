import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { networkCommand } from '../../src/cli/network-command.js';
import { eventually, freePort, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const examples = new URL('../../config/examples/', import.meta.url).pathname;

describe('the live view of a gateway\'s neighbours', () => {
  const open: GatewayFixture[] = [];
  afterAll(async () => {
    for (const g of open) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('shows which partner gateways answer, the last message each way, queue depth and circuit state', async () => {
    const clinic = await makePartner('clinic');
    const [p, up, down] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier-up'), gatewayNode('supplier-down')]);
    const hosting = [{ id: 'hosting', name: 'Hosting' }];
    const supplierGateway = await startGateway({
      partyId: up.id,
      port: up.port,
      signing: up.key,
      partners: [],
      config: { services: hosting, partners: [gatewayPartner(p, ['customer'])], agreements: [{ id: 'p-up', customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
    });
    const gateway = await startGateway({
      partyId: p.id,
      port: p.port,
      signing: p.key,
      partners: [clinic],
      config: {
        partners: [{ id: 'clinic', name: 'clinic', roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(up, ['supplier'], hosting), gatewayPartner(down, ['supplier'], hosting)],
        underpinning: [
          { id: 'p-up', supplier: up.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS },
          { id: 'p-down', supplier: down.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS },
        ],
        routes: [{ service: 'workplace', supplier: up.id, supplierService: 'hosting', agreement: 'p-up' }, { service: 'workplace', supplier: down.id, supplierService: 'hosting', agreement: 'p-down' }],
      },
    });
    open.push(gateway, supplierGateway);
    const client = gateway.client(clinic);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, 'clinic')))).body as any).call.id;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: up.id });
    await gateway.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: down.id });
    // The supplier takes up its sub-call: that status change is a message back to the provider.
    const atUp = await eventually(async () => (await supplierGateway.desk('GET', '/v1/desk/calls')).body.items[0]);
    await supplierGateway.desk('POST', `/v1/desk/calls/${atUp.id}/advance`, {});

    const view = await eventually(async () => {
      const items = (await gateway.admin('GET', '/v1/admin/neighbours')).body.items;
      const u = items.find((n: any) => n.partner === up.id);
      return u.lastSentAt !== null && u.lastReceivedAt !== null ? items : false;
    });
    const upView = view.find((n: any) => n.partner === up.id);
    const downView = view.find((n: any) => n.partner === down.id);
    expect(upView).toMatchObject({ reachable: true, pending: 0, circuit: 'closed', roles: ['supplier'] });
    expect(downView).toMatchObject({ reachable: false, lastSentAt: null, lastReceivedAt: null, pending: 1 });
    expect(downView.error).toMatch(/ECONNREFUSED|UND_ERR/);
    expect((await gateway.desk('GET', '/v1/admin/neighbours')).status).toBe(401);
  });
});

describe('usm-link network check --online', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  it('compares the keys each gateway serves at /.well-known/jwks.json with what its partners trust', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-online-'));
    await cp(join(examples, 'health-chain'), dir, { recursive: true });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
    const parties = files.map((f) => f.replace('.yaml', ''));
    const served = new Map<string, string>();
    for (const party of parties) served.set(party, await readFile(join(dir, `${party}.jwks.json`), 'utf8'));
    // The exchange's gateway has rotated to a key its partners do not know yet.
    const rotated = await makePartner('regional-hie');
    served.set('regional-hie', JSON.stringify({ keys: [rotated.key.jwk] }));
    const ports = new Map<string, number>();
    for (const party of parties) {
      const port = await freePort();
      ports.set(party, port);
      const server = createServer((req, res) => {
        if (req.url === '/.well-known/jwks.json') res.writeHead(200, { 'content-type': 'application/json' }).end(served.get(party));
        else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      servers.push(server);
    }
    for (const file of files) {
      let text = await readFile(join(dir, file), 'utf8');
      for (const party of parties) text = text.replaceAll(`https://${party}.example.org`, `http://127.0.0.1:${ports.get(party)}`);
      await writeFile(join(dir, file), text);
    }
    let out = '';
    const offline = await networkCommand(['check', dir, '--json'], (t) => (out += t));
    expect(offline).toBe(0);
    out = '';
    const online = await networkCommand(['check', dir, '--online', '--json'], (t) => (out += t));
    expect(online).toBe(1);
    const codes = JSON.parse(out).findings.filter((f: any) => f.severity === 'error').map((f: any) => `${f.code} ${f.party}`);
    expect(codes.sort()).toEqual(['NET_KEY_MISMATCH nordic-hosting', 'NET_KEY_MISMATCH st-olav-hospital']);
    await removeDir(dir);
  });
});

describe('usm-link init', () => {
  it('scaffolds a provider that starts and publishes the key it printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-init-'));
    const port = await freePort();
    const { stdout } = await run(process.execPath, [CLI, 'init', '--party', 'new-provider', '--name', 'New Provider', '--dir', dir, '--port', String(port)]);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({ partyId: 'new-provider', url: `http://127.0.0.1:${port}` });
    expect(printed.jwks.keys[0].d).toBeUndefined();
    const child = spawn(process.execPath, [CLI, 'start', '--config', join(dir, 'new-provider.yaml')], {
      env: { ...process.env, USM_DESK_TOKEN: 'a-desk-token-of-some-length', USM_ADMIN_TOKEN: 'an-admin-token-of-some-length', USM_LINK_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      const keys = await eventually(async () => (await (await fetch(`${printed.url}/.well-known/jwks.json`)).json()) as any, 15_000);
      expect(keys.keys).toEqual(printed.jwks.keys);
      expect((await run(process.execPath, [CLI, 'init', '--party', 'new-provider', '--name', 'Again', '--dir', dir]).catch((e) => e)).code).toBe(2);
    } finally {
      child.kill('SIGTERM');
      await removeDir(dir);
    }
  }, 30_000);
});
