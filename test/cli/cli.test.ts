import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the usm-link CLI', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let dir: string;
  let keyFile: string;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
    dir = await mkdtemp(join(tmpdir(), 'usm-link-cli-'));
    keyFile = join(dir, 'hospital.jwk');
    await writeFile(keyFile, JSON.stringify(hospital.jwk), { mode: 0o600 });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
    await removeDir(dir);
  });

  const as = () => ['--url', gateway.url, '--to', gateway.partyId, '--as', 'hospital', '--key', keyFile];

  it('sends an incident that the desk takes through workflow 4, and confirms the resolution', async () => {
    const sent = await cli(['send', 'call', ...as(), '--type', 'incident', '--summary', 'VPN down', '--service', 'workplace', '--agreement', 'hospital-agreement', '--impact', 'high', '--urgency', 'high']);
    expect(sent.code, sent.stderr).toBe(0);
    const { call } = JSON.parse(sent.stdout);
    expect(call.status).toBe('acknowledged');
    expect(call.priority).toBe(1);

    for (let i = 0; i < 4; i++) expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, {})).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, { branch: 'operate' })).body.workflow).toBe(4);
    for (let i = 0; i < 5; i++) expect((await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, {})).status).toBe(200);
    const resolved = await gateway.desk('POST', `/v1/desk/calls/${call.id}/resolve`, { summary: 'VPN concentrator restarted' });
    expect(resolved.body).toMatchObject({ status: 'resolved', process: 'recover', step: 6 });

    const read = await cli(['get', `/v1/calls/${call.id}`, ...as()]);
    expect(JSON.parse(read.stdout).status).toBe('resolved');
    const confirmed = await cli(['send', 'confirm', '--call', call.id, '--feedback', 'works again', ...as()]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout).call.status).toBe('closed');
  });

  it('exits non-zero with the problem when the gateway refuses', async () => {
    const refused = await cli(['send', 'confirm', '--call', '01900000-0000-7000-8000-000000000000', ...as()]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).code).toBe('USM_ERR_CALL_NOT_FOUND');
  });

  it('generates a key pair: the private JWK in a 0600 file, the public JWKS on stdout', async () => {
    const out = join(dir, 'new.jwk');
    const generated = await cli(['keys', 'generate', '--out', out]);
    expect(generated.code, generated.stderr).toBe(0);
    const jwks = JSON.parse(generated.stdout);
    const priv = JSON.parse(await readFile(out, 'utf8'));
    expect(jwks.keys[0].d).toBeUndefined();
    expect(jwks.keys[0].kid).toBe(priv.kid);
    expect(priv.d).toBeTypeOf('string');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await cli(['keys', 'generate', '--out', out])).code).not.toBe(0);
  });

  it('refuses a bad config file, naming the offending key', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'party: { id: p, name: P }\nstorage: sqlite:./x.db\nsigning: { keyFile: ./k.jwk }\nservices: []\npartners:\n  - { id: c, name: C, roles: [customer], devKeyFile: ./c.jwk, colour: blue }\n');
    const started = await cli(['start', '--config', bad]);
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('config /partners/0');
    expect(started.stderr).toContain('colour');
  });
});
