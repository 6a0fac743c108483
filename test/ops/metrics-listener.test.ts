import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, removeDir } from '../support/gateway-fixture.js';
import { parseExposition, valueOf } from '../metrics/exposition.js';
import { processConfig, startProcess, type StartedProcess } from './started-process.js';

const TOKENS = { desk: 'desk-token-for-metrics-0123456789', admin: 'admin-token-for-metrics-0123456789' };
const CLI = new URL('../../src/cli.ts', import.meta.url).pathname;

describe('the metrics listener (metrics.listen)', () => {
  const dirs: string[] = [];
  const running: StartedProcess[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.stop();
    for (const dir of dirs.splice(0)) await removeDir(dir);
  });

  it('serves the same figures without a token on 127.0.0.1, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-metrics-'));
    dirs.push(dir);
    const [port, metricsPort] = [await freePort(), await freePort()];
    const gateway = await startProcess(dir, { ...(await processConfig(dir, port, TOKENS)), metrics: { listen: { port: metricsPort } } });
    running.push(gateway);
    const [line] = await gateway.lines(/metrics at /);
    expect(line).toContain(`http://127.0.0.1:${metricsPort}/metrics`);

    for (let i = 0; i < 3; i++) expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const answer = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parseExposition(await answer.text());
    expect(valueOf(samples, 'usm_link_http_requests_total', { operation: 'getHealth', status: '200' })).toBe(3);
    expect(valueOf(samples, 'usm_link_build_info', { party: 'provider' })).toBe(1);

    // The API port still wants the admin token; the metrics port serves nothing of the API.
    expect((await fetch(`${gateway.url}/metrics`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/desk/calls`, { headers: { authorization: `Bearer ${TOKENS.desk}` } })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses to start when it cannot listen there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-metrics-'));
    dirs.push(dir);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const metricsPort = (taken.address() as { port: number }).port;
    try {
      const file = join(dir, 'config.yaml');
      await writeFile(file, JSON.stringify({ ...(await processConfig(dir, await freePort(), TOKENS)), metrics: { listen: { port: metricsPort } } }));
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const { USM_LINK_DEBUG: _debug, ...env } = process.env;
        execFile(process.execPath, ['--import', 'tsx', CLI, 'start', '--config', file], { env, timeout: 20_000 }, (error, _stdout, stderr) =>
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stderr }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`usm-link: USM_BOOT_LISTEN cannot listen on 127.0.0.1:${metricsPort} (metrics.listen) (EADDRINUSE)\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
