import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, prettyWanted, withoutPassword } from '../../src/kernel/logger.js';
import { freePort, removeDir } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';
import { plain, processConfig, startProcess, type StartedProcess } from './started-process.js';

const TOKENS = { desk: 'desk-token-for-log-tests-0123456789', admin: 'admin-token-for-log-tests-0123456789' };
const ENV_ADMIN_TOKEN = 'admin-token-from-the-environment-0123456789';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** Lines that are JSON log records, parsed; the others are left out. */
function records(output: string): { level: number; msg: string; [key: string]: unknown }[] {
  return plain(output)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

describe('readable logs', () => {
  it('prints readable lines when asked, and redacts them as it redacts JSON', async () => {
    const { stream, text } = capture();
    const logger = createLogger('info', stream, { pretty: true });
    logger.info({ req: { headers: { authorization: 'Bearer s3cr3t-token' } }, webhook: { secret: 'hook-secret' } }, 'a request came in');
    logger.warn({ start: { storage: 'sqlite:/x' } }, 'data in sqlite:/x');
    await new Promise((resolve) => setImmediate(resolve));
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: a request came in \{.*\}$/);
    expect(lines[0]).toContain('[redacted]');
    expect(lines[1]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: data in sqlite:\/x$/);
    for (const secret of ['s3cr3t-token', 'hook-secret']) expect(text()).not.toContain(secret);
    expect(text()).not.toContain('"level"');
  });

  it('chooses readable lines from the config, else from whether standard output is a terminal', () => {
    expect(prettyWanted(undefined, true)).toBe(true);
    expect(prettyWanted(undefined, false)).toBe(false);
    expect(prettyWanted(undefined, undefined)).toBe(false);
    expect(prettyWanted(true, false)).toBe(true);
    expect(prettyWanted(false, true)).toBe(false);
  });

  it('blanks the password of a storage URL', () => {
    expect(withoutPassword('postgres://usm:pa%40ss@db.internal:5432/usm?schema=usm_link')).toBe('postgres://usm:***@db.internal:5432/usm?schema=usm_link');
    expect(withoutPassword('postgresql://usm@db/usm?password=hunter2&schema=s')).toBe('postgresql://usm@db/usm?password=***&schema=s');
    expect(withoutPassword('postgres://usm@db/usm')).toBe('postgres://usm@db/usm');
    expect(withoutPassword('sqlite:/var/lib/usm-link/usm-link.db')).toBe('sqlite:/var/lib/usm-link/usm-link.db');
    expect(withoutPassword('postgres://us:er:pa ss@[bad')).toBe('postgres://***');
  });
});

describe('usm-link start says where things are', () => {
  const dirs: string[] = [];
  const running: StartedProcess[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.stop();
    for (const dir of dirs.splice(0)) await removeDir(dir);
  });

  async function start(changes: Record<string, unknown>, options: { tty?: boolean } = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-logs-'));
    dirs.push(dir);
    const port = await freePort();
    const config = {
      ...(await processConfig(dir, port, TOKENS)),
      // The admin token comes from the environment (its file is the fallback).
      admin: { tokens: [{ name: 'operators', env: 'USM_TEST_ADMIN_TOKEN', file: './admin-token' }] },
      ...changes,
    };
    const gateway = await startProcess(dir, config, { ...options, env: { USM_TEST_ADMIN_TOKEN: ENV_ADMIN_TOKEN } });
    running.push(gateway);
    return { gateway, dir, port };
  }

  function expectNoSecret(output: string): void {
    for (const secret of [TOKENS.desk, TOKENS.admin, ENV_ADMIN_TOKEN, '"d":']) expect(output).not.toContain(secret);
  }

  it('in JSON lines when standard output is not a terminal: the API and docs, the data, the tokens', async () => {
    const { gateway, dir, port } = await start({ publicUrl: 'https://provider.example' });
    await gateway.lines(/admin tokens/);
    // A request: its log lines are JSON as well, and carry no token.
    expect((await fetch(`${gateway.url}/v1/desk/calls`, { headers: { authorization: `Bearer ${TOKENS.desk}` } })).status).toBe(200);
    await gateway.lines(/request completed/);
    const output = gateway.output();
    expect(plain(output).split('\n').filter((line) => line !== '').every((line) => line.startsWith('{'))).toBe(true);
    const first = records(output).slice(0, 5);
    expect(first.map((r) => r.msg)).toEqual([
      `API at http://127.0.0.1:${port}, console at http://127.0.0.1:${port}/console, docs at http://127.0.0.1:${port}/docs`,
      'partners reach this gateway at https://provider.example',
      `data in sqlite:${join(dir, 'gateway.db')}`,
      `desk tokens: desk from file ${join(dir, 'desk-token')}`,
      'admin tokens: operators from env USM_TEST_ADMIN_TOKEN',
    ]);
    expect(first.every((r) => r.level === 30)).toBe(true);
    expect(first[2]!.start).toEqual({ storage: `sqlite:${join(dir, 'gateway.db')}` });
    expect(first[4]!.start).toEqual({ adminTokens: [{ name: 'operators', from: 'env USM_TEST_ADMIN_TOKEN' }] });
    expectNoSecret(output);
  });

  it('in readable lines on a terminal, and as JSON there when log.pretty is false', async () => {
    const { gateway, dir, port } = await start({}, { tty: true });
    const lines = await gateway.lines(/admin tokens/);
    const text = plain(gateway.output());
    const info = text.split('\n').filter((line) => /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: /.test(line));
    expect(info.slice(0, 4).map((line) => line.replace(/^\[[^\]]+\] INFO: /, ''))).toEqual([
      `API at http://127.0.0.1:${port}, console at http://127.0.0.1:${port}/console, docs at http://127.0.0.1:${port}/docs`,
      `data in sqlite:${join(dir, 'gateway.db')}`,
      `desk tokens: desk from file ${join(dir, 'desk-token')}`,
      'admin tokens: operators from env USM_TEST_ADMIN_TOKEN',
    ]);
    expect(lines[0]).not.toContain('{');
    expect(text).not.toContain('"level"');
    // Coloured, as a terminal shows it.
    expect(gateway.output()).toContain('\u001b[');
    expectNoSecret(gateway.output());

    const json = await start({ log: { level: 'info', pretty: false } }, { tty: true });
    await json.gateway.lines(/admin tokens/);
    expect(records(json.gateway.output()).map((r) => r.msg)).toContain('admin tokens: operators from env USM_TEST_ADMIN_TOKEN');
  });

  it('in readable lines without a terminal when log.pretty is true, with the password of the database blanked', async () => {
    const schema = postgresSchema();
    try {
      const password = 'pg-password-never-logged';
      const url = new URL(schema.url);
      url.password = password;
      const { gateway } = await start({ storage: url.toString(), log: { level: 'info', pretty: true } });
      const [line] = await gateway.lines(/data in /);
      expect(line).toMatch(/INFO: data in postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432\/test\?schema=t_[0-9a-f]+$/);
      expect(gateway.output()).not.toContain('"level"');
      expect(gateway.output()).not.toContain('\u001b[');
      expect(gateway.output()).not.toContain(password);
      expectNoSecret(gateway.output());
      await gateway.stop();
    } finally {
      await schema.drop();
    }
  });
});
