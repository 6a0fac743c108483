import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDirectory } from '../../src/directory/directory-signing.js';
import { makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { operatorKeyFiles } from '../support/operator-keys.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const chain = new URL('../../config/examples/health-chain/', import.meta.url).pathname;

describe('a gateway serving the network directory at /.well-known/usm-link-directory', () => {
  let serving: GatewayFixture;
  let plain: GatewayFixture;
  let operator: { key: string; keys: string };
  beforeAll(async () => {
    const hospital = await makePartner('hospital');
    serving = await startGateway({ partners: [hospital], config: { network: { serveFile: './directory.jws' } } });
    plain = await startGateway({ partners: [hospital] });
    operator = await operatorKeyFiles(plain.dir, 'health-chain');
  });
  afterAll(async () => {
    await serving.close();
    await plain.close();
    await removeDir(serving.dir);
    await removeDir(plain.dir);
  });

  const publish = (sequence: number) =>
    run(process.execPath, [CLI, 'network', 'publish', chain, '--key', operator.key, '--out', join(serving.dir, 'directory.jws'), '--sequence', String(sequence)], { timeout: 30_000 });

  it('answers 404 while the file is missing, then serves the published file byte for byte, and a newer one without a restart', async () => {
    const missing = await fetch(`${serving.url}/.well-known/usm-link-directory`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('USM_ERR_NOT_FOUND');

    await publish(1);
    const keys = JSON.parse(await readFile(operator.keys, 'utf8')).keys;
    const first = await fetch(`${serving.url}/.well-known/usm-link-directory`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/jose/);
    const text = await first.text();
    expect(text).toBe((await readFile(join(serving.dir, 'directory.jws'), 'utf8')).trim());
    expect(verifyDirectory(text, { operatorKeys: keys, now: Math.floor(Date.now() / 1000) }).sequence).toBe(1);

    await publish(2);
    const second = await (await fetch(`${serving.url}/.well-known/usm-link-directory`)).text();
    expect(verifyDirectory(second, { operatorKeys: keys, now: Math.floor(Date.now() / 1000), after: verifyDirectory(text, { operatorKeys: keys, now: Math.floor(Date.now() / 1000) }) }).sequence).toBe(2);
  });

  it('answers 404 USM_ERR_NOT_FOUND when its config names no file to serve', async () => {
    const answer = await fetch(`${plain.url}/.well-known/usm-link-directory`);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { code: string }).code).toBe('USM_ERR_NOT_FOUND');
  });

  it('resolves network.serveFile against the config file', async () => {
    expect(serving.config.network?.serveFile).toBe(join(serving.dir, 'directory.jws'));
  });
});
