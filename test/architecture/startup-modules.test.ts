import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk, publicJwkOf } from '../../src/keys/jwk.js';
import { removeDir } from '../support/gateway-fixture.js';
import { freePorts } from '../../scripts/free-ports.js';
import { processConfig, startProcess, type StartedProcess } from '../ops/started-process.js';

/** Loader hooks that note every module URL the process loads (ES modules, and CommonJS ones imported from them). */
const RECORDER = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.USM_TEST_MODULES_FILE, url + '\\n');
  return next(url, context);
}
`;

/** Libraries a gateway needs only later or rarely, loaded on first use (docs/architecture.md, kernel/lazy-module.ts). */
const LATER = ['undici', 'jose', 'cloudevents', 'pkijs', 'asn1js', 'yaml', '@fastify/swagger', '@fastify/swagger-ui'];

describe('a gateway starting', () => {
  let gateway: StartedProcess | undefined;
  let dir: string;
  afterAll(async () => {
    await gateway?.stop();
    if (dir !== undefined) await removeDir(dir);
  });

  it('answers /readyz without loading the libraries it needs only later; the Swagger UI loads its own on its first request', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-startup-'));
    const [port, supplierPort] = await freePorts(2);
    await writeFile(join(dir, 'recorder.mjs'), RECORDER);
    await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'recorder.mjs')).href)});\n`);
    const modules = join(dir, 'modules.txt');
    const levels = { supportHours: '24x7', targets: [{ priority: 3, responseMinutes: 60, resolutionMinutes: 480 }] };
    const config = await processConfig(dir, port!, { desk: 'desk-token-for-tests-0123456789', admin: 'admin-token-for-tests-0123456789' });
    const supplier = { id: 'supplier', name: 'Supplier', roles: ['supplier'], url: `http://127.0.0.1:${supplierPort}`, jwks: { keys: [publicJwkOf(await generatePrivateJwk())] }, services: [{ id: 'hosting', name: 'Hosting' }] };
    gateway = await startProcess(
      dir,
      {
        ...config,
        partners: [...(config.partners as unknown[]), supplier],
        agreements: [{ id: 'hospital-workplace', customer: 'hospital', services: ['workplace'], serviceLevels: levels }],
        underpinning: [{ id: 'provider-supplier', supplier: 'supplier', services: ['hosting'], serviceLevels: levels }],
        routes: [{ service: 'workplace', supplier: 'supplier', supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
      },
      { env: { NODE_OPTIONS: `--import ${pathToFileURL(join(dir, 'register.mjs')).href}`, USM_TEST_MODULES_FILE: modules } },
    );
    const packagesLoaded = async (): Promise<Set<string>> =>
      new Set([...(await readFile(modules, 'utf8')).matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!));

    const atStart = await packagesLoaded();
    // The record is whole: what the gateway does load at start is in it.
    expect([...atStart]).toEqual(expect.arrayContaining(['fastify', 'better-sqlite3', 'prom-client']));
    expect(LATER.filter((name) => atStart.has(name))).toEqual([]);

    expect((await fetch(`${gateway.url}/docs/`)).status).toBe(200);
    expect([...(await packagesLoaded())]).toEqual(expect.arrayContaining(['@fastify/swagger', '@fastify/swagger-ui']));
  });
});
