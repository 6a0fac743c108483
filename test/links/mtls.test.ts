import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerClient } from '../../src/client/partner-client.js';
import { certificateSha256, spkiSha256 } from '../../src/keys/tls-files.js';
import {
  eventually,
  gatewayNode as node,
  gatewayPartner,
  incident,
  makePartner,
  removeDir,
  SERVICE_LEVELS,
  startGateway,
  type GatewayFixture,
  type GatewayNode,
  type TestPartner,
} from '../support/gateway-fixture.js';

const run = promisify(execFile);
const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

/** A certificate made here: its files, and its SHA-256 fingerprint and SPKI pin. */
interface Made {
  readonly cert: string;
  readonly key: string;
  readonly sha256: string;
  readonly spki: string;
}

/** Certificates made at test time with openssl: two CAs, and leaves signed by one of them (SAN 127.0.0.1). */
async function makeCertificates(dir: string) {
  const ssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const ca = async (name: string): Promise<Made> => {
    await ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`);
    return made(name);
  };
  const leaf = async (name: string, by: string): Promise<Made> => {
    await ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name.split('-')[0]}`);
    await writeFile(join(dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    await ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${by}.crt`, '-CAkey', `${by}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
    return made(name);
  };
  const made = async (name: string): Promise<Made> => {
    const der = Buffer.from(new X509Certificate(await readFile(join(dir, `${name}.crt`))).raw);
    return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`), sha256: certificateSha256(der), spki: spkiSha256(der) };
  };
  const network = await ca('network-ca');
  const rogue = await ca('rogue-ca');
  return {
    network,
    provider: await leaf('provider', 'network-ca'),
    supplier: await leaf('supplier', 'network-ca'),
    clinic: await leaf('clinic', 'network-ca'),
    // Says it is the provider (its CN), but another CA signed it.
    impostor: await leaf('provider-impostor', 'rogue-ca'),
    rogue,
  };
}

type Certificates = Awaited<ReturnType<typeof makeCertificates>>;

/** An undici Agent that trusts the network CA, with a client certificate when given. */
async function agentWith(ca: Made, client?: Made): Promise<Agent> {
  return new Agent({ connect: { ca: await readFile(ca.cert, 'utf8'), ...(client !== undefined ? { cert: await readFile(client.cert, 'utf8'), key: await readFile(client.key, 'utf8') } : {}) } });
}

const https = (n: GatewayNode) => `https://127.0.0.1:${n.port}`;

describe('mutual TLS between gateways', () => {
  let dir: string;
  let certs: Certificates;
  const agents: Agent[] = [];
  const open: GatewayFixture[] = [];
  let clinic: TestPartner;
  let p: GatewayNode;
  let s: GatewayNode;
  let provider: GatewayFixture;
  let supplier: GatewayFixture;

  const agent = async (client?: Made): Promise<Agent> => {
    const made = await agentWith(certs.network, client);
    agents.push(made);
    return made;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-mtls-'));
    certs = await makeCertificates(dir);
    clinic = await makePartner('clinic');
    [p, s] = await Promise.all([node('provider'), node('supplier')]);
    // The supplier asks for client certificates but lets the handshake through without one: the binding refuses.
    supplier = await startGateway({
      partyId: s.id,
      port: s.port,
      signing: s.key,
      partners: [],
      dispatcher: await agent(),
      config: {
        listen: { host: '127.0.0.1', port: s.port, tls: { cert: certs.supplier.cert, key: certs.supplier.key, ca: certs.network.cert } },
        services: HOSTING,
        partners: [
          {
            ...gatewayPartner(p, ['customer']),
            url: https(p),
            tls: { clientCertSha256: [certs.provider.sha256.toUpperCase().replace(/(..)(?!$)/g, '$1:')], clientCert: certs.supplier.cert, clientKey: certs.supplier.key, ca: certs.network.cert, pinSha256: [certs.provider.spki] },
          },
        ],
        agreements: [{ id: `${p.id}-${s.id}`, customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    open.push(supplier);
    // The provider requires a client certificate in the handshake; its server key comes from the environment.
    provider = await startGateway({
      partyId: p.id,
      port: p.port,
      signing: p.key,
      partners: [clinic],
      dispatcher: await agent(certs.clinic),
      env: { PROVIDER_TLS_KEY: await readFile(certs.provider.key, 'utf8') },
      config: {
        listen: { host: '127.0.0.1', port: p.port, tls: { cert: certs.provider.cert, keyEnv: 'PROVIDER_TLS_KEY', ca: certs.network.cert, requireClientCert: true } },
        partners: [
          { id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] }, tls: { clientCertSubject: 'clinic' } },
          {
            ...gatewayPartner(s, ['supplier'], HOSTING),
            url: https(s),
            tls: { clientCertSha256: [certs.supplier.spki], clientCert: certs.provider.cert, clientKey: certs.provider.key, ca: certs.network.cert, pinSha256: [certs.supplier.spki] },
          },
        ],
        underpinning: [{ id: `${p.id}-${s.id}`, supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: `${p.id}-${s.id}` }],
      },
    });
    open.push(provider);
  });

  afterAll(async () => {
    for (const g of open.splice(0)) await g.close();
    await Promise.all(agents.map((a) => a.close()));
    if (dir !== undefined) await removeDir(dir);
  });

  it('serves HTTPS and carries a call to the supplier and its status back, both ways over mutual TLS with pinned servers', async () => {
    expect(provider.url).toMatch(/^https:/);
    const client = provider.client(clinic);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({}, clinic.id)));
    expect(submitted.status).toBe(201);
    const id = (submitted.body as any).call.id;
    await provider.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await provider.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect((await provider.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s.id })).status).toBe(201);

    const atSupplier = await eventually(async () => (await supplier.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect((await supplier.desk('POST', `/v1/desk/calls/${atSupplier.id}/advance`, {})).status).toBe(200);
    const link = await eventually(async () => {
      const call = (await provider.desk('GET', `/v1/desk/calls/${id}`)).body;
      return call.links[0]?.status === 'inProgress' ? call.links[0] : false;
    });
    expect(link.supplier).toBe(s.id);
    expect((await provider.admin('GET', '/v1/admin/outbox')).body.items).toEqual([]);
    expect((await supplier.admin('GET', '/v1/admin/outbox')).body.items).toEqual([]);
    // The other calls to the partner's gateway go with its TLS too: the chain trace, the log witness, the neighbours probe.
    const trace = (await provider.desk('GET', `/v1/desk/calls/${id}/trace`)).body;
    expect(trace.forwarded[0].next.gateway).toBe(s.id);
    expect((await provider.app.gateway.witness.runOnce()).find((o) => o.partner === s.id)?.outcome).toBe('kept');
    expect((await supplier.app.gateway.witness.runOnce()).find((o) => o.partner === p.id)?.outcome).toBe('kept');
    const neighbour = (await provider.admin('GET', '/v1/admin/neighbours')).body.items.find((n: any) => n.partner === s.id);
    expect(neighbour.reachable).toBe(true);
  });

  it("refuses a partner's signed message over another certificate before reading the body, and stores nothing", async () => {
    const before = await supplier.app.gateway.store.logSize();
    const calls = (await supplier.desk('GET', '/v1/desk/calls')).body.items.length;
    const asProvider = (dispatcher: Agent) => createPartnerClient({ baseUrl: supplier.url, from: p.id, to: s.id, key: p.key.key, dispatcher });
    for (const presented of [certs.clinic, certs.impostor, undefined]) {
      const client = asProvider(await agent(presented));
      // Not even JSON: were the body read first, this would be a 400.
      const body = '{"not json';
      const answer = await client.sendRaw('/v1/calls', body, { 'content-type': 'application/json', 'usm-signature': client.sign(body) });
      expect(answer.status, `presenting ${presented?.cert ?? 'no certificate'}`).toBe(403);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((answer.body as any).code).toBe('USM_ERR_CLIENT_CERTIFICATE');
      // A well-formed call is refused the same way, and so is a read token.
      const envelope = client.envelope('call.submit', { ...incident({}, p.id), service: 'hosting' });
      expect(((await client.send('/v1/calls', envelope)).body as any).code).toBe('USM_ERR_CLIENT_CERTIFICATE');
      expect(((await client.get('/v1/calls')).body as any).code).toBe('USM_ERR_CLIENT_CERTIFICATE');
    }
    expect(await supplier.app.gateway.store.logSize()).toBe(before);
    expect((await supplier.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(calls);
    // With the provider's own certificate, the same unreadable body is read and refused for what it is.
    const own = asProvider(await agent(certs.provider));
    const body = '{"not json';
    expect((await own.sendRaw('/v1/calls', body, { 'content-type': 'application/json', 'usm-signature': own.sign(body) })).status).toBe(400);
  });

  it('does not start on a TLS file that is not a certificate or a key, or a key variable that is not set', async () => {
    const tls = async (extra: Record<string, unknown>) => startGateway({ dir: await mkdtemp(join(dir, 'boot-')), partners: [], config: { listen: { host: '127.0.0.1', port: 0, tls: { cert: certs.provider.cert, key: certs.provider.key, ...extra } } } });
    await expect(tls({ cert: join(dir, 'provider.ext') })).rejects.toMatchObject({ code: 'USM_BOOT_KEY', message: expect.stringMatching(/provider\.ext is not PEM \(listen\.tls\.cert\)/) });
    await expect(tls({ key: certs.provider.cert })).rejects.toMatchObject({ code: 'USM_BOOT_KEY', message: expect.stringMatching(/is not a private key in PEM \(listen\.tls\.key\)/) });
    await expect(tls({ key: undefined, keyEnv: 'NO_SUCH_TLS_KEY' })).rejects.toMatchObject({ code: 'USM_BOOT_KEY', message: 'set NO_SUCH_TLS_KEY to listen.tls.key (PEM)' });
    await expect(tls({ ca: join(dir, 'nowhere.pem') })).rejects.toMatchObject({ code: 'USM_BOOT_KEY', message: expect.stringMatching(/cannot read listen\.tls\.ca .*nowhere\.pem \(ENOENT\)/) });
  });

  it('with requireClientCert, the handshake refuses a client without a certificate or with one of another CA', async () => {
    for (const presented of [undefined, certs.impostor]) {
      const dispatcher = await agent(presented);
      await expect(request(`${provider.url}/healthz`, { dispatcher }).then((r) => r.body.text())).rejects.toThrow();
    }
    const ok = await request(`${provider.url}/healthz`, { dispatcher: await agent(certs.clinic) });
    expect(ok.statusCode).toBe(200);
    await ok.body.dump();
  });

  it('keeps retrying a message the supplier refuses for our client certificate, and delivers none of it', async () => {
    // The provider's party and key, but toward the supplier with the clinic's certificate (same CA: the handshake passes, the binding does not).
    const again = await node('provider');
    const wrong = await startGateway({
      partyId: p.id,
      port: again.port,
      signing: p.key,
      partners: [clinic],
      config: {
        partners: [
          { id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] } },
          { ...gatewayPartner(s, ['supplier'], HOSTING), url: https(s), tls: { clientCert: certs.clinic.cert, clientKey: certs.clinic.key, ca: certs.network.cert, pinSha256: [certs.supplier.spki] } },
        ],
        underpinning: [{ id: `${p.id}-${s.id}`, supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: `${p.id}-${s.id}` }],
        delivery: { backoffBaseMs: 20, backoffMaxMs: 50, circuitCooldownMs: 50, timeoutMs: 1000, maxAttempts: 50 },
      },
    });
    open.push(wrong);
    const before = await supplier.app.gateway.store.logSize();
    const client = wrong.client(clinic);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, clinic.id)))).body as any).call.id;
    await wrong.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await wrong.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect((await wrong.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s.id })).status).toBe(201);
    const waiting = await eventually(async () => {
      const items = (await wrong.admin('GET', '/v1/admin/outbox')).body.items;
      return items.length === 1 && items[0].attempts > 1 ? items[0] : false;
    });
    expect(waiting.lastError).toBe('HTTP 403 USM_ERR_CLIENT_CERTIFICATE');
    expect((await wrong.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
    expect(await supplier.app.gateway.store.logSize()).toBe(before);
    await wrong.close();
  });

  it('refuses a supplier whose server certificate does not match the pin: the message stays in the outbox and the reason says why', async () => {
    const p2 = await node('provider-two');
    const logged: { msg: string; error?: string; partner?: string }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const pinned = await startGateway({
      logger: pino({ level: 'warn' }, stream),
      partyId: p2.id,
      port: p2.port,
      signing: p2.key,
      partners: [clinic],
      config: {
        partners: [
          { id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] } },
          // The supplier's CA is right, its certificate valid, but the pin is another key's.
          { ...gatewayPartner(s, ['supplier'], HOSTING), url: https(s), tls: { clientCert: certs.provider.cert, clientKey: certs.provider.key, ca: certs.network.cert, pinSha256: [certs.clinic.spki] } },
        ],
        underpinning: [{ id: `${p2.id}-${s.id}`, supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: `${p2.id}-${s.id}` }],
        delivery: { backoffBaseMs: 20, backoffMaxMs: 50, circuitCooldownMs: 50, timeoutMs: 1000, maxAttempts: 3 },
      },
    });
    open.push(pinned);
    const before = await supplier.app.gateway.store.logSize();
    const client = pinned.client(clinic);
    const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, clinic.id)))).body as any).call.id;
    await pinned.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await pinned.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect((await pinned.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: s.id })).status).toBe(201);
    const waiting = await eventually(async () => {
      const items = (await pinned.admin('GET', '/v1/admin/outbox')).body.items;
      return items.length === 1 && items[0].attempts > 0 ? items[0] : false;
    });
    expect(waiting.lastError).toMatch(/^ERR_TLS_CERT_PIN_MISMATCH: the server certificate of supplier at 127\.0\.0\.1 .*matches none of its tls\.pinSha256/);
    const dead = await eventually(async () => (await pinned.admin('GET', '/v1/admin/dead-letters')).body.items[0]);
    expect(dead.lastError).toMatch(/gave up after 3 attempts: ERR_TLS_CERT_PIN_MISMATCH/);
    expect(logged.find((l) => l.partner === s.id && l.error?.startsWith('ERR_TLS_CERT_PIN_MISMATCH'))?.msg).toMatch(/^outbox: TLS with supplier's gateway failed \(ERR_TLS_CERT_PIN_MISMATCH: .*\); the message stays in the outbox and is retried$/);
    expect(await supplier.app.gateway.store.logSize()).toBe(before);
  });
});
