import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDirectory } from '../../src/directory/directory-signing.js';
import { removeDir } from '../support/gateway-fixture.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/usm-link.js');
const EXAMPLE = join(ROOT, 'config/examples/health-chain');

/** The shell block under the README's onboarding marker, one command a line. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- onboarding:');
  expect(marker).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(marker))![1]!;
  return block.split('\n').filter((line) => line.trim() !== '');
}

describe('the README: an operator onboards a new provider in five commands', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir !== undefined) await removeDir(dir);
  });

  it('runs exactly those commands (the CLI by node in a temporary folder) and publishes the newcomer', async () => {
    const commands = await readmeCommands();
    expect(commands).toHaveLength(5);
    dir = await mkdtemp(join(tmpdir(), 'usm-link-onboarding-'));
    // The starting point: the health chain's source folder, the operator's key pair and its directory in force.
    await mkdir(join(dir, 'network', 'operator'), { recursive: true });
    for (const file of ['nordic-hosting.yaml', 'nordic-hosting.jwks.json', 'regional-hie.yaml', 'regional-hie.jwks.json', 'st-olav-hospital.yaml', 'st-olav-hospital.jwks.json']) {
      await cp(join(EXAMPLE, file), join(dir, 'network', file));
    }
    await cp(join(EXAMPLE, 'operator', 'network.yaml'), join(dir, 'network', 'operator', 'network.yaml'));
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'usm-link'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    await chmod(join(dir, 'bin', 'usm-link'), 0o755);
    const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` };
    const shell = (command: string) => run('/bin/sh', ['-c', command], { cwd: dir, env, timeout: 60_000 });
    await writeFile(join(dir, 'operator.jwks.json'), (await shell('usm-link keys generate --out operator.jwk')).stdout);
    await shell('usm-link network publish network --key operator.jwk --out directory.jws');

    const outputs: string[] = [];
    for (const command of commands) outputs.push((await shell(command)).stdout);

    const operatorKeys = JSON.parse(await readFile(join(dir, 'operator.jwks.json'), 'utf8')).keys;
    const now = Math.floor(Date.now() / 1000);
    const before = verifyDirectory(await readFile(join(dir, 'previous.jws'), 'utf8'), { operatorKeys, now });
    const after = verifyDirectory(await readFile(join(dir, 'directory.jws'), 'utf8'), { operatorKeys, now, after: before });
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.members.find((m) => m.id === 'city-clinic')).toMatchObject({ name: 'City clinic', url: 'https://clinic.example.org' });
    expect(outputs[4]).toContain('member-added           city-clinic (City clinic) joins at https://clinic.example.org');
  });
});
