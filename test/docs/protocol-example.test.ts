import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const run = promisify(execFile);

/** The worked example in docs/protocol.md, run as written (openssl, curl, jq) against a real gateway. */
describe('the worked example in docs/protocol.md', () => {
  let gateway: GatewayFixture | undefined;
  let dir: string;
  afterAll(async () => {
    await gateway?.close();
    if (gateway) await removeDir(gateway.dir);
    if (dir) await removeDir(dir);
  });

  it('submits a call and reads it back with nothing but common tools', async () => {
    const doc = await readFile(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const [keys, submit] = blocks.slice(-2) as [string, string];
    expect(keys).toContain('openssl genpkey');
    dir = await mkdtemp(join(tmpdir(), 'usm-link-shell-'));
    const bash = (script: string) =>
      run('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, timeout: 30_000 }).catch((error: { stderr?: string; stdout?: string }) => {
        throw new Error(`the example failed: ${error.stderr ?? ''} ${error.stdout ?? ''}`);
      });

    await bash(keys);
    const jwks = JSON.parse(await readFile(join(dir, 'me.jwks.json'), 'utf8'));
    gateway = await startGateway({
      partners: [],
      config: {
        partners: [{ id: 'shell-partner', name: 'Shell partner', roles: ['customer'], jwks }],
        agreements: [{ id: 'shell-agreement', customer: 'shell-partner', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } }],
      },
    });
    const setup = keys
      .split('\n')
      .filter((line) => !line.startsWith('openssl genpkey'))
      .join('\n')
      .replace('GW=http://127.0.0.1:8080; TO=demo-provider', `GW=${gateway.url}; TO=${gateway.partyId}`);
    const { stdout } = await bash(`${setup}\n${submit}`);
    const read = JSON.parse(stdout);
    const answer = JSON.parse(await readFile(join(dir, 'answer.json'), 'utf8'));
    expect(answer.call.status).toBe('acknowledged');
    expect(read).toEqual({ id: answer.call.id, status: 'acknowledged', priority: 1 });
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(1);
  });
});
