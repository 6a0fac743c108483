/**
 * The README's benchmark table from bench/results/latest.json: every figure beside its target, and
 * the machine it was measured on, written between the README's `bench-table` markers.
 *
 *   node --import tsx bench/readme-table.ts [results.json] [README.md]
 *
 * `npm run bench` prints the same table when it finishes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START = '<!-- bench-table:start (written by bench/readme-table.ts from bench/results/latest.json) -->';
const END = '<!-- bench-table:end -->';

type Results = Record<string, any>;

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target?: string;
  /** Whether the target is met; undefined when the figure is missing or has no target. */
  readonly met?: boolean;
}

/** The rows of the table; a figure the results do not have is shown as "not measured". */
export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, value: () => string, target?: string, met?: () => boolean): void => {
    try {
      const text = value();
      if (text.includes('undefined')) throw new Error('missing');
      rows.push({ figure, value: text, ...(target !== undefined ? { target } : {}), ...(met !== undefined ? { met: met() } : {}) });
    } catch {
      rows.push({ figure, value: 'not measured', ...(target !== undefined ? { target } : {}) });
    }
  };
  const hop = r.hop ?? {};
  const half = hop.at_half_link_peak ?? {};
  const fixed = r.replicas_fixed_load ?? {};
  add('hop.ratio_vs_plain_proxy (link rps / proxy rps, median of the runs)', () => `${hop.ratio_vs_plain_proxy} (${hop.rps} / ${r.proxy.rps} calls/s)`, '>= 0.5', () => hop.ratio_vs_plain_proxy >= 0.5);
  add('hop.cpu_us_per_call: gateway A / gateway B / load client (proxy)', () => `${hop.cpu_us_per_call} / ${hop.cpu_us_per_call_supplier} / ${hop.cpu_us_per_call_client} (${r.proxy.cpu_us_per_call})`);
  add(
    `added p50 / p99 ms at half the link's peak (${half.at_rps}/s)`,
    () => `${half.added_p50_ms} / ${half.added_p99_ms}; ${half.p50_ratio_vs_proxy}x / ${half.p99_ratio_vs_proxy}x the proxy's ${half.proxy_p50_ms} / ${half.proxy_p99_ms} at that rate`,
    'p99 <= 5 ms',
    () => half.added_p99_ms <= 5,
  );
  add(
    `added p50 / p99 ms at half the proxy's peak (${hop.at_rps}/s)`,
    () => `${hop.added_p50_ms} / ${hop.added_p99_ms}; ${hop.p50_ratio_vs_proxy}x / ${hop.p99_ratio_vs_proxy}x the proxy's ${hop.proxy_p50_ms} / ${hop.proxy_p99_ms}`,
  );
  add('rss_peak_mb, gateway A under load (highest of the runs / median)', () => `${r.rss_peak_mb} / ${r.rss_peak_mb_median}`, '<= 150', () => r.rss_peak_mb <= 150);
  add(
    'start-up, spawn to first answer: gateway / bare fastify (same Node options)',
    () => `${r.startup.gateway_ms} ms / ${r.startup.bare_fastify_ms} ms = ${r.startup.ratio_vs_bare_fastify}x`,
    '<= 3x',
    () => r.startup.ratio_vs_bare_fastify <= 3,
  );
  add('chain (3 gateways): submit to supplier / resolve to origin, p50 ms', () => `${r.chain.submit_to_supplier_p50_ms} / ${r.chain.resolve_to_origin_p50_ms}`, '<= 15', () => Math.max(r.chain.submit_to_supplier_p50_ms, r.chain.resolve_to_origin_p50_ms) <= 15);
  add(
    'peak rps: SQLite / PostgreSQL / 2 PostgreSQL replicas',
    () => `${r.replicas.sqlite_1_rps} / ${r.replicas.postgres_1_rps} / ${r.replicas.postgres_2_rps}`,
  );
  add('postgres_vs_sqlite (peak rps, 1 replica; 2 replicas)', () => `${r.replicas.postgres_vs_sqlite}; ${r.replicas.postgres_2_vs_sqlite}`, '>= 0.6', () => r.replicas.postgres_vs_sqlite >= 0.6);
  for (const name of ['sqlite_1', 'postgres_1', 'postgres_2']) {
    const f = fixed[name];
    if (f === undefined) continue;
    add(
      `at ${fixed.at_rps}/s offered, ${name.replace('_', ', ')} replica(s): achieved rps, p50 / p99 ms, CPU µs per call in each replica / B${f.postgres_cpu_us_per_call !== undefined ? ' / PostgreSQL backends' : ''}`,
      () =>
        `${f.achieved_rps}, ${f.p50_ms} / ${f.p99_ms}, ${f.cpu_us_per_call_per_replica.join(' + ')} / ${f.cpu_us_per_call_supplier}` +
        (f.postgres_cpu_us_per_call !== undefined ? ` / ${f.postgres_cpu_us_per_call}` : ''),
    );
    if (f.round_trips_per_call !== undefined) {
      add(`${name}: round trips per call (per commit), commits per call`, () => `${f.round_trips_per_call} (${f.round_trips_per_commit}), ${f.commits_per_call}`);
      add(`${name}: lock waits per commit`, () => `${f.lock_waits_per_commit} (${f.lock_waits} of ${f.commits}: ${Object.entries(f.lock_waits_by_event).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`, '0', () => f.lock_waits === 0);
    }
  }
  add('2 replicas: CPU per call in each / with 1 replica', () => `${fixed.two_replicas_cpu_per_call_vs_one}`, '<= 1', () => fixed.two_replicas_cpu_per_call_vs_one <= 1);
  add(
    `${r.partners?.configured} configured partners, ${r.partners?.active} calling: rss_peak_mb, rps (start-up)`,
    () => `${r.partners.rss_peak_mb}, ${r.partners.rps} (${r.partners.startup_ms} ms)`,
    'RSS <= 250 MB',
    () => r.partners.rss_peak_mb <= 250,
  );
  add(`outbox: ${r.outbox?.queued} queued, drain rate; A's RSS peak`, () => `${r.outbox.drain_per_s}/s; ${r.outbox.rss_peak_mb} MB`);
  add(
    `message log at ${r.log?.records} records: append rate vs an empty log`,
    () =>
      `${r.log.append_per_s_at_size}/s vs ${r.log.append_per_s_empty}/s (medians of ${r.log.append_runs.empty.length} rounds) = ${r.log.append_ratio_at_size_vs_empty}; ` +
      `median of the rounds' ratios ${r.log.append_ratio_median_of_rounds}`,
    '>= 0.8 at 10M',
    () => r.log.append_ratio_median_of_rounds >= 0.8 && r.log.records >= 10_000_000,
  );
  add('message log: inclusion proof p50 / p99 ms, its check p50 µs; whole log verified', () => `${r.log.inclusion_proof_p50_ms} / ${r.log.inclusion_proof_p99_ms}, ${r.log.inclusion_verify_p50_us}; ${r.log.verify_log_s} s`);
  add(
    `soak: ${r.soak?.minutes} min at ${r.soak?.at_rps}/s (half the link's peak): RSS first / last minute, slope`,
    () => `${r.soak.rss_first_mb} / ${r.soak.rss_last_mb} MB, ${perMinute(r.soak.rss_slope_mb_per_window, r.soak.window_s)} MB/min`,
  );
  add('soak: p99 first / last minute, slope', () => `${r.soak.p99_first_ms} / ${r.soak.p99_last_ms} ms, ${perMinute(r.soak.p99_slope_ms_per_window, r.soak.window_s)} ms/min`);
  add(`store.list_p99_ms (${r.store?.rows} calls, filtered page)`, () => `${r.store.list_p99_ms}`, '<= 20', () => r.store.list_p99_ms <= 20);
  add('store.insert_per_s (one commit at a time, each fsynced)', () => `${r.store.insert_per_s}`);
  add(
    `store.agreements: a call's agreement lookups, µs with ${r.store?.agreements?.negotiated} negotiated agreements / with none`,
    () => `${r.store.agreements.us_per_call_negotiated} / ${r.store.agreements.us_per_call_none} = ${r.store.agreements.ratio_vs_none}x`,
  );
  return rows;
}

/** A slope per load window as a slope per minute (the soak's windows are a minute long, the quick run's shorter). */
function perMinute(perWindow: number, windowSeconds: number): number {
  return Math.round(((perWindow * 60) / windowSeconds) * 100) / 100;
}

export function machineLine(r: Results): string {
  const m = r.machine ?? {};
  const load = m.load_average !== undefined ? `, load average ${m.load_average.start} at the start and ${m.load_average.end} at the end` : '';
  return `Measured with \`npm run bench\` (${r.took_s} s) on ${m.cpus} CPUs (${m.cpu}), ${m.memory_gb} GB, Node ${m.node}${load}.`;
}

export function markdownTable(r: Results): string {
  const lines = ['| figure | value | target | |', '|---|---|---|---|'];
  for (const row of tableRows(r)) lines.push(`| ${row.figure} | ${row.value} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'met' : 'missed'} |`);
  return lines.join('\n');
}

/** The README with its marked section replaced by the table of these results. */
export function withTable(readme: string, r: Results): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no section between "${START}" and "${END}"`);
  return `${readme.slice(0, start)}${START}\n${machineLine(r)}\n\n${markdownTable(r)}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const resultsFile = process.argv[2] ?? new URL('results/latest.json', import.meta.url).pathname;
  const readmeFile = process.argv[3] ?? new URL('../README.md', import.meta.url).pathname;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  writeFileSync(readmeFile, withTable(readFileSync(readmeFile, 'utf8'), results));
  process.stderr.write(`wrote the benchmark table of ${resultsFile} into ${readmeFile}\n`);
}
