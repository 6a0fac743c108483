import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk, publicJwkOf } from '../../src/keys/jwk.js';
import { openStore } from '../../src/storage/open-store.js';
import { freePort, removeDir } from '../support/gateway-fixture.js';
import { spawnGateway } from '../support/gateway-process.js';
import { POSTGRES_URL } from '../support/postgres.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/usm-link.js');
const DESK_TOKEN = 'desk-token-for-boot-tests-0123456789';
const ADMIN_TOKEN = 'admin-token-for-boot-tests-0123456789';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a process of its own; a gateway that starts after all is killed by the timeout (code null). */
function cli(args: string[], env: Record<string, string> = {}, bin = CLI): Promise<Run> {
  return new Promise((resolve) => {
    const { USM_LINK_DEBUG: _debug, USM_DESK_TOKEN: _desk, USM_ADMIN_TOKEN: _admin, ...inherited } = process.env;
    execFile(process.execPath, [bin, ...args], { env: { ...inherited, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exit 1, exactly one line on stderr, `usm-link: <code> <message>`, and no stack trace; the message. */
function expectBootFailure(run: Run, code: string): string {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toContain('    at ');
  const lines = run.stderr.split('\n');
  expect(lines, run.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  const match = /^usm-link: (\S+) (.+)$/.exec(lines[0]!);
  expect(match, lines[0]).not.toBeNull();
  expect(match![1]).toBe(code);
  return match![2]!;
}

describe('usm-link start refuses to boot with one coded line', () => {
  let dir: string;
  let config: Record<string, unknown>;
  let n = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-boot-'));
    await writeFile(join(dir, 'desk-token'), DESK_TOKEN, { mode: 0o600 });
    await writeFile(join(dir, 'admin-token'), ADMIN_TOKEN, { mode: 0o600 });
    await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(await generatePrivateJwk()), { mode: 0o600 });
    config = {
      party: { id: 'provider', name: 'Provider' },
      listen: { host: '127.0.0.1', port: 0 },
      storage: 'sqlite:./gateway.db',
      signing: { keyFile: './gateway.private.jwk' },
      services: [{ id: 'workplace', name: 'Digital workplace' }],
      partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(await generatePrivateJwk())] } }],
      desk: { tokens: [{ name: 'desk', file: './desk-token' }] },
      admin: { tokens: [{ name: 'admin', file: './admin-token' }] },
      log: { level: 'warn' },
    };
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  /** Writes the config with `changes` (top-level keys replaced) and starts it. */
  async function start(changes: Record<string, unknown>, env: Record<string, string> = {}): Promise<Run> {
    const file = join(dir, `config-${++n}.yaml`);
    await writeFile(file, JSON.stringify({ ...config, ...changes }));
    return cli(['start', '--config', file], env);
  }

  it('starts with the base config (so that each refusal below is its own fault)', async () => {
    const gateway = await spawnGateway(dir, { ...config, listen: { host: '127.0.0.1', port: await freePort() } });
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    await gateway.kill();
  });

  it('USM_BOOT_TOKEN: a desk token file that does not exist', async () => {
    const message = expectBootFailure(await start({ desk: { tokens: [{ name: 'desk', file: './no-such-token' }] } }), 'USM_BOOT_TOKEN');
    expect(message).toContain(join(dir, 'no-such-token'));
  });

  it('USM_BOOT_TOKEN: an admin token that is too short, without printing it', async () => {
    const run = await start({ admin: { tokens: [{ name: 'admin', env: 'USM_ADMIN_TOKEN' }] } }, { USM_ADMIN_TOKEN: 'tiny-secret' });
    const message = expectBootFailure(run, 'USM_BOOT_TOKEN');
    expect(message).toContain('admin');
    expect(run.stderr + run.stdout).not.toContain('tiny-secret');
  });

  it('USM_BOOT_TOKEN: a token file that cannot be read (a directory)', async () => {
    await mkdir(join(dir, 'token-dir'), { recursive: true });
    const message = expectBootFailure(await start({ desk: { tokens: [{ name: 'desk', file: './token-dir' }] } }), 'USM_BOOT_TOKEN');
    expect(message).toContain('EISDIR');
  });

  it('USM_BOOT_KEY: a signing key file that does not exist', async () => {
    const message = expectBootFailure(await start({ signing: { keyFile: './missing.private.jwk' } }), 'USM_BOOT_KEY');
    expect(message).toContain(join(dir, 'missing.private.jwk'));
  });

  it('USM_BOOT_KEY: a signing key file that is not JSON, without printing it', async () => {
    await writeFile(join(dir, 'broken.private.jwk'), '{"kty":"OKP","crv":"Ed25519","d":"s3cret-key-material', { mode: 0o600 });
    const run = await start({ signing: { keyFile: './broken.private.jwk' } });
    expect(expectBootFailure(run, 'USM_BOOT_KEY')).toContain('broken.private.jwk');
    expect(run.stderr).not.toContain('s3cret-key-material');
  });

  it('USM_BOOT_KEY: a signing key in the environment that is not a usable key, without printing it', async () => {
    const jwk = await generatePrivateJwk();
    const bad = JSON.stringify({ ...jwk, d: 'c2hvcnQtc2VjcmV0LWtleQ' });
    const run = await start({ signing: { keyEnv: 'USM_SIGNING_KEY' } }, { USM_SIGNING_KEY: bad });
    expectBootFailure(run, 'USM_BOOT_KEY');
    expect(run.stderr).not.toContain('c2hvcnQtc2VjcmV0LWtleQ');
  });

  it('USM_BOOT_KEY: a partner JWKS file that does not exist', async () => {
    const partners = [{ id: 'clinic', name: 'Clinic', roles: ['customer'], jwksFile: './clinic.jwks.json' }];
    const message = expectBootFailure(await start({ partners }), 'USM_BOOT_KEY');
    expect(message).toContain(join(dir, 'clinic.jwks.json'));
    expect(message).toContain('ENOENT');
  });

  it('USM_BOOT_KEY: a partner JWKS file that is not JSON', async () => {
    await writeFile(join(dir, 'lab.jwks.json'), '{"keys": [');
    const partners = [{ id: 'lab', name: 'Lab', roles: ['customer'], jwksFile: './lab.jwks.json' }];
    expect(expectBootFailure(await start({ partners }), 'USM_BOOT_KEY')).toContain('lab.jwks.json');
  });

  it('USM_BOOT_CONFIG: a config with an unknown key, naming it', async () => {
    const partners = [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [] }, colour: 'blue' }];
    const message = expectBootFailure(await start({ partners }), 'USM_BOOT_CONFIG');
    expect(message).toContain('config /partners/0');
    expect(message).toContain('colour');
  });

  it('USM_BOOT_CONFIG: a config file that does not exist', async () => {
    const message = expectBootFailure(await cli(['start', '--config', join(dir, 'absent.yaml')]), 'USM_BOOT_CONFIG');
    expect(message).toContain('ENOENT');
  });

  it('USM_BOOT_CONFIG: a config that is not YAML, without printing the line it broke on', async () => {
    const file = join(dir, 'not-yaml.yaml');
    await writeFile(file, 'party: { id: p, name: P }\nstorage: postgres://usm:pa55word@db/usm: [\n');
    const run = await cli(['start', '--config', file]);
    expect(expectBootFailure(run, 'USM_BOOT_CONFIG')).toContain('not valid YAML');
    expect(run.stderr).not.toContain('pa55word');
  });

  it('USM_BOOT_CONFIG: a storage setting of an unknown scheme', async () => {
    expect(expectBootFailure(await start({ storage: 'mysql://db/usm' }), 'USM_BOOT_CONFIG')).toContain('/storage');
  });

  it('USM_BOOT_STORE: a storage scheme openStore does not know (the config refuses it first)', async () => {
    await expect(openStore('mysql://db/usm')).rejects.toMatchObject({ code: 'USM_BOOT_STORE' });
  });

  it('USM_BOOT_STORE: a SQLite file that cannot be created', async () => {
    await writeFile(join(dir, 'plain-file'), '');
    expect(expectBootFailure(await start({ storage: 'sqlite:./plain-file/gateway.db' }), 'USM_BOOT_STORE')).toContain('sqlite');
  });

  it('USM_BOOT_STORE: a PostgreSQL server that cannot be reached, without printing the password', async () => {
    const port = await freePort();
    const run = await start({ storage: `postgres://usm:pg-pa55word@127.0.0.1:${port}/usm` });
    expect(expectBootFailure(run, 'USM_BOOT_STORE')).toContain('ECONNREFUSED');
    expect(run.stderr + run.stdout).not.toContain('pg-pa55word');
  });

  it('USM_BOOT_STORE: a PostgreSQL database that does not exist', async () => {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/usm_link_absent_${process.pid}`;
    expect(expectBootFailure(await start({ storage: url.toString() }), 'USM_BOOT_STORE')).toContain('does not exist');
  });

  describe('with a port already taken', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('USM_BOOT_LISTEN: the port is in use', async () => {
      const message = expectBootFailure(await start({ listen: { host: '127.0.0.1', port } }), 'USM_BOOT_LISTEN');
      expect(message).toContain(`127.0.0.1:${port}`);
      expect(message).toContain('EADDRINUSE');
    });
  });

  it('a misspelt option is a usage error: exit 2, one line, no stack', async () => {
    const run = await cli(['start', '--conifg', join(dir, 'config-1.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('    at ');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^usm-link: .*--conifg/);
  });

  it('every boot code is documented in docs/deploy.md', async () => {
    const { BOOT_CODES } = await import('../../src/kernel/boot-codes.js');
    const deploy = await readFile(join(ROOT, 'docs/deploy.md'), 'utf8');
    expect(Object.keys(BOOT_CODES).length).toBeGreaterThanOrEqual(6);
    for (const code of Object.keys(BOOT_CODES)) expect(deploy, code).toMatch(new RegExp(`\\| \`${code}\` \\|`));
  });
});

describe('an error usm-link does not know at boot', () => {
  let copy: string;

  // A copy of the package that was installed without openapi/: the gateway cannot load its contract.
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'usm-link-broken-install-'));
    for (const part of ['bin', 'src', 'config', 'package.json', 'tsconfig.json']) await cp(join(ROOT, part), join(copy, part), { recursive: true });
    await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(async () => {
    await removeDir(copy);
  });

  it('prints one USM_BOOT_INTERNAL line without the stack', async () => {
    const message = expectBootFailure(await cli(['start', '--config', join(copy, 'config/default.yaml')], {}, join(copy, 'bin/usm-link.js')), 'USM_BOOT_INTERNAL');
    expect(message).toContain('usm-link.yaml');
  });

  it('prints the stack as well with USM_LINK_DEBUG=1', async () => {
    const run = await cli(['start', '--config', join(copy, 'config/default.yaml')], { USM_LINK_DEBUG: '1' }, join(copy, 'bin/usm-link.js'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^usm-link: USM_BOOT_INTERNAL .*usm-link\.yaml/);
    expect(run.stderr).toContain('    at ');
  });
});
