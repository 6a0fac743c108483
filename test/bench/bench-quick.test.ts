import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { markdownTable, withTable } from '../../bench/readme-table.js';

const run = promisify(execFile);

describe('npm run bench (quick version)', () => {
  it('measures the proxy and the link in one run and writes every figure', async () => {
    const script = new URL('../../bench/run.ts', import.meta.url).pathname;
    await run(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, BENCH_QUICK: '1' }, timeout: 420_000 });
    const results = JSON.parse(await readFile(new URL('../../bench/results/quick.json', import.meta.url), 'utf8'));
    expect(results.hop.rps).toBeGreaterThan(0);
    expect(results.proxy.rps).toBeGreaterThan(0);
    expect(results.hop.ratio_vs_plain_proxy).toBeCloseTo(results.hop.rps / results.proxy.rps, 1);
    for (const key of ['added_p50_ms', 'added_p99_ms', 'cpu_us_per_call']) expect(typeof results.hop[key]).toBe('number');
    // Latency as a ratio to the plain proxy's at the same offered rate.
    for (const at of [results.hop, results.hop.at_half_link_peak]) {
      expect(at.proxy_p50_ms).toBeGreaterThan(0);
      expect(at.proxy_p99_ms).toBeGreaterThanOrEqual(at.proxy_p50_ms);
      expect(at.p99_ratio_vs_proxy).toBeCloseTo(at.link_p99_ms / at.proxy_p99_ms, 1);
    }
    // Start-up against a bare fastify server.
    expect(results.startup.bare_fastify_ms).toBeGreaterThan(0);
    expect(results.startup.ratio_vs_bare_fastify).toBeCloseTo(results.startup.gateway_ms / results.startup.bare_fastify_ms, 1);
    expect(results.chain.submit_to_supplier_p50_ms).toBeGreaterThanOrEqual(0);
    expect(results.outbox.drain_per_s).toBeGreaterThan(0);
    expect(results.outbox.rss_peak_mb).toBeGreaterThan(0);
    expect(results.store.list_p99_ms).toBeGreaterThan(0);
    expect(results.rss_peak_mb).toBeGreaterThan(0);
    expect(results.durability).toContain('fsynced before the answer');
    expect(results.replicas.postgres_2_rps).toBeGreaterThan(0);
    expect(results.replicas.postgres_vs_sqlite).toBeCloseTo(results.replicas.postgres_1_rps / results.replicas.sqlite_1_rps, 2);
    // PostgreSQL at a fixed offered load: figures counted on the wire and read from /proc.
    const fixed = results.replicas_fixed_load;
    expect(fixed.at_rps).toBeGreaterThan(0);
    for (const [name, replicas] of [['postgres_1', 1], ['postgres_2', 2]] as const) {
      const f = fixed[name];
      expect(f.achieved_rps).toBeGreaterThan(0);
      expect(f.cpu_us_per_call_per_replica).toHaveLength(replicas);
      for (const cpu of f.cpu_us_per_call_per_replica) expect(cpu).toBeGreaterThan(0);
      expect(f.postgres_cpu_us_per_call).toBeGreaterThan(0);
      // Each call commits at least once, and each commit waits for the server at least once (its statements are pipelined).
      expect(f.commits).toBeGreaterThanOrEqual(fixed.calls);
      expect(f.round_trips_per_commit).toBeGreaterThanOrEqual(1);
      expect(f.lock_waits).toBeGreaterThanOrEqual(0);
      expect(f.lock_waits_per_commit).toBeCloseTo(f.lock_waits / f.commits, 3);
    }
    expect(fixed.two_replicas_cpu_per_call_vs_one).toBeGreaterThan(0);
    // Many configured partners, some calling.
    expect(results.partners.configured).toBeGreaterThan(results.partners.active);
    expect(results.partners.rps).toBeGreaterThan(0);
    expect(results.partners.rss_peak_mb).toBeGreaterThan(0);
    // The long modes, small.
    expect(results.log.records).toBeGreaterThanOrEqual(results.log.requested_records);
    expect(results.log.append_per_s_empty).toBeGreaterThan(0);
    expect(results.log.append_ratio_at_size_vs_empty).toBeCloseTo(results.log.append_per_s_at_size / results.log.append_per_s_empty, 2);
    expect(results.log.inclusion_proof_hashes).toBeGreaterThan(10);
    expect(results.log.verify_log_records_per_s).toBeGreaterThan(0);
    expect(results.soak.windows).toHaveLength(2);
    for (const w of results.soak.windows) {
      expect(w.rss_mb).toBeGreaterThan(0);
      expect(w.p99_ms).toBeGreaterThan(0);
    }
    // The README table: every figure of the run, none missing.
    const table = markdownTable(results);
    expect(table).not.toContain('not measured');
    expect(table).toContain(String(results.replicas_fixed_load.postgres_2.round_trips_per_call));
    const readme = withTable('before\n<!-- bench-table:start (written by bench/readme-table.ts from bench/results/latest.json) -->\nold\n<!-- bench-table:end -->\nafter\n', results);
    expect(readme).toContain(table);
    expect(readme).not.toContain('old');
  }, 420_000);
});
