import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 90_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr: signal === null ? stderr : `${stderr}\n(killed by ${signal})` }));
  });
}

/**
 * The package as it is built and installed: `npm run build`'s compilation (tsconfig.build.json)
 * into a package directory of its own with this package.json's name and `exports`, inside the
 * checkout so that its dependencies resolve. Node resolves `usm-link/client` there by the
 * package's own name (self-reference through `exports`), as it would in a consumer's node_modules.
 */
describe('the usm-link/client package export', () => {
  const dir = join(ROOT, '.tmp', `client-package-${process.pid}`);
  let exportsField: Record<string, unknown>;

  beforeAll(async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    exportsField = pkg.exports;
    await mkdir(join(dir, 'examples'), { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, type: pkg.type, exports: pkg.exports }, null, 2));
    const build = await run([TSC, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], { cwd: ROOT });
    expect(build.stdout + build.stderr).toBe('');
    expect(build.code).toBe(0);
    await copyFile(join(ROOT, 'docs', 'examples', 'client.ts'), join(dir, 'examples', 'client.ts'));
  }, 120_000);
  afterAll(async () => {
    await removeDir(dir);
  });

  it('points at files the build emits: the module and its types', async () => {
    expect(exportsField['./client']).toEqual({ types: './dist/client/index.d.ts', default: './dist/client/index.js' });
    for (const target of Object.values(exportsField['./client'] as Record<string, string>)) expect((await stat(join(dir, target))).isFile(), target).toBe(true);
  });

  it('is what `usm-link/client` imports (and nothing deeper is exported)', async () => {
    const script = [
      "const resolved = import.meta.resolve('usm-link/client');",
      "const client = await import('usm-link/client');",
      "let deep = 'importable';",
      "try { await import('usm-link/dist/client/index.js'); } catch (error) { deep = error.code; }",
      'console.log(JSON.stringify({ resolved, names: Object.keys(client).sort(), kinds: [typeof client.createGatewayClient, typeof client.GatewayClientError], deep }));',
    ].join('\n');
    const imported = await run(['--input-type=module', '-e', script], { cwd: dir });
    expect(imported.stderr).toBe('');
    const { resolved, names, kinds, deep } = JSON.parse(imported.stdout);
    expect(resolved).toBe(`file://${join(dir, 'dist', 'client', 'index.js')}`);
    expect(names).toEqual(['DEFAULT_RETRY', 'GatewayClientError', 'SIGNING_ALGORITHMS', 'bodyDigest', 'checkReceipt', 'createGatewayClient', 'createGatewayKeys', 'generatePrivateJwk', 'publicJwkOf', 'signingKeyOf', 'verifyConsistency', 'verifyInclusion']);
    expect(kinds).toEqual(['function', 'function']);
    expect(deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('types what it exports: the example compiles under strict NodeNext, a wrong request body does not', async () => {
    const compilerOptions = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--types', 'node', '--skipLibCheck'];
    const example = await run([TSC, ...compilerOptions, 'examples/client.ts'], { cwd: dir });
    expect(example.stdout + example.stderr).toBe('');
    expect(example.code).toBe(0);
    await writeFile(
      join(dir, 'examples', 'wrong.ts'),
      [
        "import { createGatewayClient, generatePrivateJwk, signingKeyOf } from 'usm-link/client';",
        "const client = createGatewayClient({ baseUrl: 'http://127.0.0.1:1', from: 'a', to: 'b', key: signingKeyOf(await generatePrivateJwk()) });",
        "const sent = await client.submitCall({ type: 'incident', service: 'workplace', summary: 'no agreement, no impact' });",
        'const status: number = sent.body.call.summary;',
        'export { status };',
      ].join('\n'),
    );
    const wrong = await run([TSC, ...compilerOptions, 'examples/wrong.ts'], { cwd: dir });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(3,\d+\): error TS2345: /);
    expect(wrong.stdout).toMatch(/is missing the following properties from type .*: agreement, impact, urgency, requester\n/);
    expect(wrong.stdout).toMatch(/wrong\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  describe('docs/examples/client.ts against a real gateway', () => {
    let gateway: GatewayFixture;
    let hospital: TestPartner;
    let keyFile: string;

    beforeAll(async () => {
      hospital = await makePartner('hospital');
      gateway = await startGateway({ partners: [hospital] });
      keyFile = join(dir, 'hospital.private.jwk');
      await writeFile(keyFile, JSON.stringify(hospital.jwk), { mode: 0o600 });
    });
    afterAll(async () => {
      await gateway.close();
      await removeDir(gateway.dir);
    });

    const example = (env: Record<string, string>) =>
      run(['--import', 'tsx', 'examples/client.ts'], {
        cwd: dir,
        env: { GATEWAY_URL: gateway.url, GATEWAY_ID: gateway.partyId, PARTNER_ID: hospital.id, PARTNER_KEY: keyFile, SERVICE: 'workplace', AGREEMENT: 'hospital-agreement', ...env },
      });

    it('submits, resends, notes and reads back, printing what happened', async () => {
      const done = await example({});
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      const printed = JSON.parse(done.stdout);
      expect(printed).toMatchObject({
        call: { status: 'acknowledged', priority: 2 },
        receipt: { gateway: gateway.partyId },
        resend: { replayed: true, sameCall: true },
        note: { status: 200, notes: 1 },
        listed: true,
      });
      const desk = (await gateway.desk('GET', '/v1/desk/calls')).body.items as { id: string }[];
      expect(desk.map((c) => c.id)).toEqual([printed.call.id]);
    });

    it('exits 1 with the gateway\'s code when refused, and 2 without its inputs', async () => {
      const refused = await example({ AGREEMENT: 'no-such-agreement' });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^client example: USM_ERR_AGREEMENT_INVALID \(HTTP 422\)/);
      const bare = await run(['--import', 'tsx', 'examples/client.ts'], { cwd: dir });
      expect(bare.code).toBe(2);
      expect(bare.stderr).toMatch(/set GATEWAY_URL, GATEWAY_ID, PARTNER_ID, PARTNER_KEY, SERVICE, AGREEMENT/);
    });
  });
});
