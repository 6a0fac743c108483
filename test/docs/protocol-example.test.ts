import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const SCRIPT = fileURLToPath(new URL('../../docs/examples/partner-with-openssl.sh', import.meta.url));
const PROTOCOL = fileURLToPath(new URL('../../docs/protocol.md', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs bash with only the given environment (and PATH), stdin closed (a socket there would make bash
 * read the user's ~/.bashrc); never throws, so a failure shows its output.
 */
function bash(args: readonly string[], env: Record<string, string>, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15_000,
      ...(cwd !== undefined ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr: signal === null ? stderr : `${stderr}\n(killed by ${signal})` }));
  });
}

function partnerConfig(jwks: { keys: unknown[] }) {
  return {
    partners: [{ id: 'shell-partner', name: 'Shell partner', roles: ['customer'], jwks }],
    agreements: [{ id: 'shell-agreement', customer: 'shell-partner', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } }],
  };
}

describe('the tools the examples need', () => {
  it('has OpenSSL 3, curl, jq and GNU date on this machine', async () => {
    const run = await bash(['-c', 'openssl version && curl --version && jq --version && date +%s%3N'], {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OpenSSL 3\./);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^\d{13}$/);
  });
});

describe('docs/examples/partner-with-openssl.sh against a real gateway', () => {
  let dir: string;
  let keyPem: string;
  let jwk: Record<string, string>;
  const gateways: GatewayFixture[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-shell-'));
    keyPem = join(dir, 'partner.pem');
    const run = await bash([SCRIPT, 'jwk'], { KEY_PEM: keyPem });
    expect(run.code, run.stderr).toBe(0);
    jwk = JSON.parse(run.stdout);
  });
  afterAll(async () => {
    for (const gateway of gateways) {
      await gateway.close();
      await removeDir(gateway.dir);
    }
    if (dir !== undefined) await removeDir(dir);
  });

  async function gatewayFor(options: { signing?: Awaited<ReturnType<typeof makePartner>> } = {}): Promise<GatewayFixture> {
    const gateway = await startGateway({ partners: [], config: partnerConfig({ keys: [jwk] }), ...options });
    gateways.push(gateway);
    return gateway;
  }

  function submit(gateway: GatewayFixture, extra: Record<string, string> = {}): Promise<Run> {
    return bash([SCRIPT, 'submit'], {
      KEY_PEM: keyPem,
      GATEWAY_URL: gateway.url,
      GATEWAY_ID: gateway.partyId,
      PARTNER_ID: 'shell-partner',
      SERVICE: 'workplace',
      AGREEMENT: 'shell-agreement',
      ...extra,
    });
  }

  it('jwk: makes a private key only its owner reads and prints its public JWK, kid = RFC 7638 thumbprint', async () => {
    expect(Object.keys(jwk)).toEqual(['kty', 'crv', 'x', 'kid', 'alg', 'use']);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jwk.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }));
    expect((await stat(keyPem)).mode & 0o077).toBe(0);
    const again = await bash([SCRIPT, 'jwk'], { KEY_PEM: keyPem });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(jwk);
  });

  it('submit: submits an incident, checks the receipt, reads the call back with a JWT', async () => {
    const gateway = await gatewayFor();
    const run = await submit(gateway, { SUMMARY: 'Printers say "offline" & won\'t print' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { submitted, read } = JSON.parse(run.stdout);
    expect(submitted.call.status).toBe('acknowledged');
    expect(submitted.call.summary).toBe('Printers say "offline" & won\'t print');
    expect(submitted.receipt).toMatchObject({ gateway: gateway.partyId, digest: expect.stringMatching(/^sha-256=[A-Za-z0-9_-]{43}$/) });
    expect(submitted.receipt.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(read.id).toBe(submitted.call.id);
    expect(read.status).toBe('acknowledged');

    const desk = await gateway.desk('GET', '/v1/desk/calls');
    expect(desk.status).toBe(200);
    expect(desk.body.items).toHaveLength(1);
    expect(desk.body.items[0]).toMatchObject({ id: submitted.call.id, customer: 'shell-partner', service: 'workplace' });
  });

  it('submit: checks the receipt of a gateway that signs with ES256 (R||S turned into DER for openssl)', async () => {
    const gateway = await gatewayFor({ signing: await makePartner('es-gateway', 'ES256') });
    const keys = (await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json()) as { keys: { kty: string }[] };
    expect(keys.keys[0]!.kty).toBe('EC');
    const run = await submit(gateway);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).read.status).toBe('acknowledged');
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(1);
  });

  it('submit: exits 1 with the problem when the gateway refuses, and 2 without its inputs', async () => {
    const gateway = await gatewayFor();
    const refused = await submit(gateway, { AGREEMENT: 'no-such-agreement' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('USM_ERR_AGREEMENT_INVALID');
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(0);

    const missing = await bash([SCRIPT, 'submit'], { KEY_PEM: keyPem });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('GATEWAY_URL');
    expect((await bash([SCRIPT], {})).code).toBe(2);
  });
});

describe('the worked example in docs/protocol.md, run as written', () => {
  let dir: string | undefined;
  let gateway: GatewayFixture | undefined;
  afterAll(async () => {
    if (gateway !== undefined) {
      await gateway.close();
      await removeDir(gateway.dir);
    }
    if (dir !== undefined) await removeDir(dir);
  });

  it('makes a key, submits, checks the receipt, replays, and reads the call back', async () => {
    const doc = await readFile(PROTOCOL, 'utf8');
    const example = doc.slice(doc.indexOf('## Worked example'));
    const blocks = [...example.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks[0]).toContain('openssl genpkey');
    dir = await mkdtemp(join(tmpdir(), 'usm-link-doc-'));

    // Step 1 alone: the key and the JWKS the provider configures.
    const keys = await bash(['-euo', 'pipefail', '-c', blocks[0]!], {}, dir);
    expect(keys.code, keys.stderr).toBe(0);
    const jwks = JSON.parse(await readFile(join(dir, 'partner.jwks.json'), 'utf8'));
    gateway = await startGateway({ partners: [], config: partnerConfig(jwks) });

    // Then every step in one shell, as a reader would (step 1 again keeps the key it made).
    const env = { GATEWAY_URL: gateway.url, GATEWAY_ID: gateway.partyId, PARTNER_ID: 'shell-partner' };
    const run = await bash(['-euo', 'pipefail', '-c', blocks.join('\n')], env, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Signature Verified Successfully');
    expect(run.stdout).toMatch(/^usm-replay: true/im);
    expect(run.stdout).toContain('USM_ERR_SIGNATURE_INVALID');

    const answer = JSON.parse(await readFile(join(dir, 'answer.json'), 'utf8'));
    const read = JSON.parse(await readFile(join(dir, 'read.json'), 'utf8'));
    expect(answer.call.status).toBe('acknowledged');
    expect(read).toMatchObject({ id: answer.call.id, status: 'acknowledged', priority: 1 });
    const digest = run.stdout.match(/my digest: (sha-256=\S+)/)?.[1];
    expect(digest).toBe(answer.receipt.digest);
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(1);
  });
});
