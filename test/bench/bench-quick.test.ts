import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run bench (quick version)', () => {
  it('measures the proxy and the link in one run and writes every figure', async () => {
    const script = new URL('../../bench/run.ts', import.meta.url).pathname;
    await run(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, BENCH_QUICK: '1' }, timeout: 240_000 });
    const results = JSON.parse(await readFile(new URL('../../bench/results/quick.json', import.meta.url), 'utf8'));
    expect(results.hop.rps).toBeGreaterThan(0);
    expect(results.proxy.rps).toBeGreaterThan(0);
    expect(results.hop.ratio_vs_plain_proxy).toBeCloseTo(results.hop.rps / results.proxy.rps, 1);
    for (const key of ['added_p50_ms', 'added_p99_ms', 'cpu_us_per_call']) expect(typeof results.hop[key]).toBe('number');
    expect(results.chain.submit_to_supplier_p50_ms).toBeGreaterThanOrEqual(0);
    expect(results.outbox.drain_per_s).toBeGreaterThan(0);
    expect(results.store.list_p99_ms).toBeGreaterThan(0);
    expect(results.rss_peak_mb).toBeGreaterThan(0);
    expect(results.durability).toContain('fsynced before the answer');
    expect(results.replicas.postgres_2_rps).toBeGreaterThan(0);
  }, 240_000);
});
