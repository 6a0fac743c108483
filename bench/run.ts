/**
 * npm run bench: what a signed, durable hop costs against a plain proxy measured in the same run.
 *
 * Baseline: load client -> plain fastify + undici proxy -> echo upstream.
 * Link:     load client -> gateway A (verify, commit durably, receipt, auto-route) -> gateway B.
 * Runs alternate (baseline, link, baseline, ...); medians and spread are reported, with CPU time per
 * call in each process read from /proc. Results go to bench/results/latest.json.
 *
 * BENCH_QUICK=1 runs a small version (seconds) that the test suite uses so the benchmark never rots;
 * BENCH_ONLY=store re-measures only the store figures into the last full results; BENCH_ONLY=hop prints
 * one baseline and one link run, BENCH_ONLY=latency the added latency at BENCH_RATE calls a second, BENCH_ONLY=replicas re-measures the
 * link on SQLite and PostgreSQL (its fixed load at BENCH_RATE when set). BENCH_NODE_OPTIONS is passed to the gateway processes (say, --cpu-prof).
 */
import { freePorts } from '../scripts/free-ports.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPartnerClient } from '../src/client/partner-client.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningKey } from '../src/keys/jwk.js';
import { openSqliteStore } from '../src/storage/sqlite-store.js';
import { createAgreementRegistry } from '../src/agreements/agreement-registry.js';
import { logScaleRun } from './log-scale.js';
import { machineLine, markdownTable } from './readme-table.js';
import { cpuMicros, rssMb, rssPeakMb } from './proc.js';
import { sampleServer, startCountingProxy, type CountingProxy } from './pg-counter.js';
import { startCall } from '../src/usm/call-lifecycle.js';
import { uuidv7 } from '../src/kernel/uuid-v7.js';
import { median, percentile, spread, round } from './stats.js';
import type { CallRecord } from '../src/ports/call.js';

const QUICK = process.env.BENCH_QUICK === '1';
const SETTINGS = QUICK
  ? { calls: 200, runs: 1, concurrency: 16, drain: 200, listRows: 20_000, inserts: 200, latencyCalls: 100, warmupCalls: 50, fixedSeconds: 2, partners: 20, activePartners: 5, partnerCalls: 50, startups: 1, negotiated: 100 }
  : { calls: 3000, runs: 5, concurrency: 32, drain: 100_000, listRows: 1_000_000, inserts: 2000, latencyCalls: 1500, warmupCalls: 1000, fixedSeconds: 20, partners: 1000, activePartners: 100, partnerCalls: 5000, startups: 5, negotiated: 1000 };
/** The long modes, outside the full run (BENCH_ONLY=log, BENCH_ONLY=soak); the quick run has small versions. */
const LOG_SETTINGS = QUICK ? { records: 20_000, appends: 300, concurrency: 32, rounds: 1, proofs: 20 } : { records: 10_000_000, appends: 5000, concurrency: 32, rounds: 3, proofs: 500 };
const SOAK_SETTINGS = QUICK ? { windows: 2, windowSeconds: 2 } : { windows: Number(process.env.BENCH_SOAK_MINUTES ?? 10), windowSeconds: 60 };
const TOKEN = 'bench-admin-and-desk-token-0123456789';
const LEVELS = { supportHours: '24x7', targets: [{ priority: 3, responseMinutes: 60, resolutionMinutes: 480 }] };
const here = new URL('.', import.meta.url).pathname;

interface Proc {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly startupMs: number;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'usm-link-bench-'));
  const results: Record<string, unknown> = {};
  const started = Date.now();
  // Other work on the machine shows in the figures: the load average says how much there was.
  const loadAtStart = round(loadavg()[0]!, 2);
  try {
    if (process.env.BENCH_ONLY === 'store') {
      // Re-measure only the store figures, into the last full results.
      await intoLatest('store', await storeRun(root));
      return;
    }
    if (process.env.BENCH_ONLY === 'log') {
      // The message log at 10 million records (BENCH_LOG_RECORDS), into the last full results.
      await intoLatest('log', await logScaleRun(root, { ...LOG_SETTINGS, records: Number(process.env.BENCH_LOG_RECORDS ?? LOG_SETTINGS.records), log }));
      return;
    }
    const clientKey = signingKeyOf(await generatePrivateJwk());
    await buildGateway();
    if (process.env.BENCH_ONLY === 'soak') {
      // At least 10 minutes (BENCH_SOAK_MINUTES) at half the link's peak, into the last full results.
      await intoLatest('soak', await soakRun(root, clientKey));
      return;
    }
    if (process.env.BENCH_ONLY === 'replicas') {
      // Re-measure the replica figures (peaks and the fixed load), into the last full results.
      const replicas = await replicaRun(root, clientKey);
      await intoLatest('replicas', replicas.peaks);
      await intoLatest('replicas_fixed_load', replicas.fixed);
      return;
    }
    if (process.env.BENCH_ONLY === 'latency') {
      // Added latency at one rate (BENCH_RATE calls a second), printed.
      process.stdout.write(`${JSON.stringify((await latencyRun(root, clientKey, [Number(process.env.BENCH_RATE ?? 300)]))[0])}\n`);
      return;
    }
    if (process.env.BENCH_ONLY === 'hop') {
      // One baseline and one link run, printed, not written: a quick loop while working on the hop.
      const proxy = await proxyRun(clientKey);
      const hop = await linkRun(root, 'hop', clientKey);
      process.stdout.write(`${JSON.stringify({ ratio: round(hop.rps / proxy.rps, 3), proxy, hop })}\n`);
      return;
    }
    const proxyRuns: Run[] = [];
    const linkRuns: Run[] = [];
    for (let run = 0; run < SETTINGS.runs; run++) {
      proxyRuns.push(await proxyRun(clientKey));
      linkRuns.push(await linkRun(root, `run${run}`, clientKey));
      log(`run ${run + 1}/${SETTINGS.runs}: proxy ${proxyRuns.at(-1)!.rps.toFixed(0)}/s, link ${linkRuns.at(-1)!.rps.toFixed(0)}/s`);
    }
    const proxyRps = median(proxyRuns.map((r) => r.rps));
    const linkRps = median(linkRuns.map((r) => r.rps));
    results.proxy = { rps: round(proxyRps), spread: spread(proxyRuns.map((r) => r.rps)), cpu_us_per_call: round(median(proxyRuns.map((r) => r.cpuUsPerCall.server))) };
    results.hop = {
      ratio_vs_plain_proxy: round(linkRps / proxyRps, 3),
      rps: round(linkRps),
      spread: spread(linkRuns.map((r) => r.rps)),
      cpu_us_per_call: round(median(linkRuns.map((r) => r.cpuUsPerCall.server))),
      cpu_us_per_call_supplier: round(median(linkRuns.map((r) => r.cpuUsPerCall.supplier ?? 0))),
      cpu_us_per_call_client: round(median(linkRuns.map((r) => r.cpuUsPerCall.client))),
    };
    // At half the proxy's peak, and at half the link's own peak (what a call waits when the link is not over its capacity), on the same processes.
    const [atHalfProxyPeak, atHalfLinkPeak] = await latencyRun(root, clientKey, [proxyRps / 2, linkRps / 2]);
    Object.assign(results.hop as object, atHalfProxyPeak, { at_half_link_peak: atHalfLinkPeak });
    results.rss_peak_mb = round(Math.max(...linkRuns.map((r) => r.rssPeakMb)), 1);
    results.rss_peak_mb_median = round(median(linkRuns.map((r) => r.rssPeakMb)), 1);
    results.startup_ms = round(median(linkRuns.map((r) => r.startupMs)));
    const bare = await bareStartupRun();
    results.startup = { gateway_ms: results.startup_ms, bare_fastify_ms: bare, ratio_vs_bare_fastify: round((results.startup_ms as number) / bare, 2) };
    results.chain = await chainRun(root, clientKey);
    const replicas = await replicaRun(root, clientKey);
    results.replicas = replicas.peaks;
    results.replicas_fixed_load = replicas.fixed;
    results.partners = await partnersRun(root);
    results.outbox = await drainRun(root, clientKey);
    results.store = await storeRun(root);
    if (QUICK) {
      // The long modes' code paths, small: the full run keeps the figures of their last own runs.
      results.log = await logScaleRun(root, { ...LOG_SETTINGS, log });
      results.soak = await soakRun(root, clientKey, linkRps);
    } else {
      const last = lastResults();
      for (const key of ['log', 'soak'] as const) if (last?.[key] !== undefined) results[key] = last[key];
    }
    results.durability = 'every 2xx is committed to SQLite in WAL mode and its WAL fsynced before the answer (group commit; the fsync runs off the event loop)';
    results.machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memory_gb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      quick: QUICK,
      load_average: { start: loadAtStart, end: round(loadavg()[0]!, 2) },
    };
    results.settings = SETTINGS;
    results.took_s = round((Date.now() - started) / 1000, 1);
    await mkdir(join(here, 'results'), { recursive: true });
    const file = join(here, 'results', QUICK ? 'quick.json' : 'latest.json');
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${file}`);
    process.stdout.write(`${machineLine(results)}\n\n${markdownTable(results)}\n`);
  } finally {
    stopAll();
    if (buildDir !== undefined) await rm(buildDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP === undefined) await rm(root, { recursive: true, force: true });
    else log(`kept ${root}`);
  }
}

interface Run {
  readonly rps: number;
  /** For the link: the rate A answered the client, before its outbox to B drained. */
  readonly acceptedRps?: number;
  readonly cpuUsPerCall: { server: number; supplier?: number; client: number };
  readonly rssPeakMb: number;
  readonly startupMs: number;
}

async function proxyRun(clientKey: SigningKey): Promise<Run> {
  const [echoPort, proxyPort] = await freePorts(2);
  const echo = await start(['echo', String(echoPort)]);
  const proxy = await start(['proxy', String(proxyPort), `http://127.0.0.1:${echoPort}`]);
  try {
    const requests = prepare(clientKey, 'provider', SETTINGS.calls);
    const before = [cpuMicros(proxy.pid), cpuMicros(echo.pid)];
    const load = await runLoad(`http://127.0.0.1:${proxyPort}`, requests, { concurrency: SETTINGS.concurrency });
    if (load.failed > 0) throw new Error(`proxy: ${load.failed} failed`);
    return {
      rps: load.ok / (load.elapsedMs / 1000),
      cpuUsPerCall: { server: (cpuMicros(proxy.pid) - before[0]!) / load.ok, client: load.clientCpuUs / load.ok },
      rssPeakMb: rssPeakMb(proxy.pid),
      startupMs: proxy.startupMs,
    };
  } finally {
    stop(proxy, echo);
  }
}

/** Gateway A (with an automatic route) and its supplier gateway B, each in its own directory and process. */
async function link(
  root: string,
  name: string,
  clientKey: SigningKey,
  options: { supplierDown?: boolean; storage?: string; replicas?: number; customers?: readonly { id: string; jwk: unknown }[] } = {},
) {
  const customers = options.customers ?? [];
  const dir = join(root, name);
  const [portA, portB, ...more] = await freePorts(1 + (options.replicas ?? 1));
  const keyA = await generatePrivateJwk();
  const keyB = await generatePrivateJwk();
  const supplierConfig = await writeGatewayConfig(join(dir, 'b'), {
    party: { id: 'supplier', name: 'Supplier' },
    listen: { host: '127.0.0.1', port: portB },
    key: keyB,
    services: [{ id: 'hosting', name: 'Hosting' }],
    partners: [{ id: 'provider', name: 'Provider', roles: ['customer'], url: `http://127.0.0.1:${portA}`, jwks: { keys: [publicJwkOf(keyA)] } }],
    agreements: [{ id: 'provider-supplier', customer: 'provider', services: ['hosting'], serviceLevels: LEVELS }],
  });
  const providerSpec = (port: number) => ({
    party: { id: 'provider', name: 'Provider' },
    listen: { host: '127.0.0.1', port },
    ...(options.storage !== undefined ? { storage: options.storage } : {}),
    key: keyA,
    services: [{ id: 'workplace', name: 'Workplace' }],
    partners: [
      { id: 'bench-client', name: 'Client', roles: ['customer'], jwks: { keys: [clientKey.jwk] } },
      ...customers.map((c) => ({ id: c.id, name: `Customer ${c.id}`, roles: ['customer'], jwks: { keys: [c.jwk] } })),
      { id: 'supplier', name: 'Supplier', roles: ['supplier'], url: `http://127.0.0.1:${portB}`, jwks: { keys: [publicJwkOf(keyB)] }, services: [{ id: 'hosting', name: 'Hosting' }] },
    ],
    agreements: [
      { id: 'client-agreement', customer: 'bench-client', services: ['workplace'], serviceLevels: LEVELS },
      ...customers.map((c) => ({ id: `${c.id}-agreement`, customer: c.id, services: ['workplace'], serviceLevels: LEVELS })),
    ],
    underpinning: [{ id: 'provider-supplier', supplier: 'supplier', services: ['hosting'], serviceLevels: LEVELS }],
    routes: [{ service: 'workplace', supplier: 'supplier', supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
  });
  const providerConfig = await writeGatewayConfig(join(dir, 'a'), providerSpec(portA!));
  const b = options.supplierDown ? undefined : await startGateway(supplierConfig);
  const a = await startGateway(providerConfig);
  const others: Proc[] = [];
  for (const [i, port] of (more as number[]).entries()) others.push(await startGateway(await writeGatewayConfig(join(dir, `a${i + 2}`), providerSpec(port))));
  const urls = [portA!, ...(more as number[])].map((port) => `http://127.0.0.1:${port}`);
  return { a, b, others, portA, portB, supplierConfig, url: urls[0]!, urls };
}

async function linkRun(root: string, name: string, clientKey: SigningKey): Promise<Run> {
  const net = await link(root, name, clientKey);
  try {
    const requests = prepare(clientKey, 'provider', SETTINGS.calls);
    const before = [cpuMicros(net.a.pid), cpuMicros(net.b!.pid)];
    const started = performance.now();
    const load = await runLoad(net.url, requests, { concurrency: SETTINGS.concurrency });
    if (load.failed > 0) throw new Error(`link: ${load.failed} failed`);
    await drained(net.url);
    const elapsed = performance.now() - started;
    return {
      acceptedRps: load.ok / (load.elapsedMs / 1000),
      rps: load.ok / (elapsed / 1000),
      cpuUsPerCall: { server: (cpuMicros(net.a.pid) - before[0]!) / load.ok, supplier: (cpuMicros(net.b!.pid) - before[1]!) / load.ok, client: load.clientCpuUs / load.ok },
      rssPeakMb: rssPeakMb(net.a.pid),
      startupMs: net.a.startupMs,
    };
  } finally {
    stop(net.a, net.b);
  }
}

/**
 * The link with gateway A on SQLite, on PostgreSQL and as two replicas on one PostgreSQL database
 * (load split between them): first each one's peak (closed loop), then, on the same gateways, one
 * offered rate all three sustain (half the lower PostgreSQL peak): what it achieved, CPU per call in
 * each replica, in gateway B and in PostgreSQL (the backends serving the replicas), lock waits per
 * commit and round trips per call, counted on the wire by a proxy in front of PostgreSQL
 * (pg-counter.ts; it stays in front for the peaks too).
 */
async function replicaRun(root: string, clientKey: SigningKey) {
  const postgres = process.env.USM_LINK_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const server = new URL(postgres);
  const peaks: Record<string, number> = {};
  const setups: { name: string; schema?: string; proxy?: CountingProxy; net?: Awaited<ReturnType<typeof link>> }[] = [];
  const fixed: Record<string, unknown> = {};
  try {
    for (const [name, engine, replicas] of [['sqlite_1', 'sqlite', 1], ['postgres_1', 'postgres', 1], ['postgres_2', 'postgres', 2]] as const) {
      const setup: (typeof setups)[number] = { name };
      setups.push(setup);
      let storage: string | undefined;
      if (engine === 'postgres') {
        setup.schema = `bench_${randomBytes(5).toString('hex')}`;
        setup.proxy = await startCountingProxy({ host: server.hostname, port: Number(server.port || 5432) });
        storage = `postgres://${server.username}@127.0.0.1:${setup.proxy.port}${server.pathname}?schema=${setup.schema}`;
      }
      const net = await link(root, name, clientKey, { replicas, ...(storage !== undefined ? { storage } : {}) });
      setup.net = net;
      const started = performance.now();
      const load = await runLoad(net.urls, prepare(clientKey, 'provider', SETTINGS.calls), { concurrency: SETTINGS.concurrency });
      if (load.failed > 0) throw new Error(`${name}: ${load.failed} failed`);
      await drained(net.url);
      peaks[`${name}_rps`] = round(load.ok / ((performance.now() - started) / 1000));
      log(`replicas: ${name} ${peaks[`${name}_rps`]}/s`);
    }
    peaks.postgres_vs_sqlite = round(peaks.postgres_1_rps! / peaks.sqlite_1_rps!, 3);
    peaks.postgres_2_vs_sqlite = round(peaks.postgres_2_rps! / peaks.sqlite_1_rps!, 3);
    // BENCH_RATE sets the fixed load (to compare two versions at the same rate); else half the lower peak.
    const rate = process.env.BENCH_RATE !== undefined ? Number(process.env.BENCH_RATE) : Math.max(10, Math.round(Math.min(peaks.postgres_1_rps!, peaks.postgres_2_rps!) / 2));
    const calls = Math.max(20, Math.round(rate * SETTINGS.fixedSeconds));
    Object.assign(fixed, { at_rps: rate, calls });
    // The quick run leaves out SQLite here: its path is PostgreSQL's without the wire counter.
    for (const setup of QUICK ? setups.slice(1) : setups) {
      fixed[setup.name] = await fixedLoad(setup.net!, setup.proxy, postgres, clientKey, rate, calls);
      log(`fixed load ${rate}/s: ${setup.name} ${JSON.stringify(fixed[setup.name])}`);
    }
  } finally {
    for (const setup of setups) {
      stop(setup.net?.a, setup.net?.b, ...(setup.net?.others ?? []));
      await setup.proxy?.close();
      if (setup.schema !== undefined) await dropSchema(postgres, setup.schema);
    }
  }
  const cpuOf = (name: string) => (fixed[name] as { cpu_us_per_call_per_replica: number[] }).cpu_us_per_call_per_replica;
  if (!QUICK) fixed.postgres_vs_sqlite_cpu_per_call = round(cpuOf('postgres_1')[0]! / cpuOf('sqlite_1')[0]!, 2);
  fixed.two_replicas_cpu_per_call_vs_one = round(Math.max(...cpuOf('postgres_2')) / cpuOf('postgres_1')[0]!, 2);
  fixed.lock_wait_method =
    "pg_stat_activity of the replicas' backends (their client ports are the counting proxy's) sampled every 10 ms; a transaction seen with wait_event_type = 'Lock' counts once";
  fixed.round_trip_method = 'frontend messages counted on the wire by a proxy in front of PostgreSQL: each Sync and each simple Query is one round trip';
  return { peaks, fixed };
}

/** One run at a fixed offered rate on a running link (its replicas, B and, on PostgreSQL, the server). */
async function fixedLoad(net: Awaited<ReturnType<typeof link>>, proxy: CountingProxy | undefined, postgres: string, clientKey: SigningKey, rate: number, calls: number) {
  const gateways = [net.a, ...net.others];
  const requests = prepare(clientKey, 'provider', calls);
  const wireBefore = proxy === undefined ? undefined : { ...proxy.counts };
  const sampler = proxy === undefined ? undefined : await sampleServer(postgres, proxy);
  const before = gateways.map((g) => cpuMicros(g.pid));
  const supplierBefore = cpuMicros(net.b!.pid);
  const started = performance.now();
  const load = await runLoad(net.urls, requests, { ratePerSecond: rate });
  if (load.failed > 0) throw new Error(`at ${rate}/s: ${load.failed} failed`);
  await drained(net.url);
  const seconds = (performance.now() - started) / 1000;
  const pgSample = await sampler?.stop();
  // load.ts sends request i to replica i % replicas.
  const handled = gateways.map((_, r) => Math.ceil((load.ok - r) / gateways.length));
  const figures: Record<string, unknown> = {
    achieved_rps: round(load.ok / seconds),
    offered_rps: rate,
    p50_ms: round(percentile(load.latencies, 50), 2),
    p99_ms: round(percentile(load.latencies, 99), 2),
    cpu_us_per_call_per_replica: gateways.map((g, r) => round((cpuMicros(g.pid) - before[r]!) / handled[r]!)),
    cpu_us_per_call_supplier: round((cpuMicros(net.b!.pid) - supplierBefore) / load.ok),
  };
  if (proxy !== undefined && wireBefore !== undefined && pgSample !== undefined) {
    const commits = proxy.counts.commits - wireBefore.commits;
    const roundTrips = proxy.counts.roundTrips - wireBefore.roundTrips;
    Object.assign(figures, {
      postgres_cpu_us_per_call: round(pgSample.backendCpuUs / load.ok),
      postgres_backends: pgSample.backends,
      postgres_background_cpu_us_per_call: round(pgSample.auxiliaryCpuUs / load.ok),
      commits,
      commits_per_call: round(commits / load.ok, 2),
      round_trips_per_call: round(roundTrips / load.ok, 1),
      round_trips_per_commit: round(roundTrips / Math.max(1, commits), 1),
      lock_waits: pgSample.lockWaits,
      lock_waits_per_commit: round(pgSample.lockWaits / Math.max(1, commits), 4),
      lock_waits_by_event: pgSample.lockWaitsByEvent,
      lock_wait_samples: `${pgSample.samplesWithLockWait} of ${pgSample.samples}`,
    });
  }
  return figures;
}

async function dropSchema(postgres: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgres });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/**
 * Gateway A with 1,000 configured customers (a key and an agreement each), 100 of them calling
 * (each signing its own calls): A's resident memory and throughput, and its start-up.
 */
async function partnersRun(root: string) {
  const keys = await Promise.all(Array.from({ length: SETTINGS.partners }, async (_, i) => ({ id: `customer-${i}`, key: signingKeyOf(await generatePrivateJwk()) })));
  const net = await link(root, 'partners', signingKeyOf(await generatePrivateJwk()), { customers: keys.map((k) => ({ id: k.id, jwk: k.key.jwk })) });
  try {
    const active = keys.slice(0, SETTINGS.activePartners);
    const per = Math.ceil(SETTINGS.partnerCalls / active.length);
    const byPartner = active.map((k) => prepare(k.key, 'provider', per, k.id, `${k.id}-agreement`));
    // Interleaved, so every active partner calls all along.
    const requests = Array.from({ length: per }, (_, i) => byPartner.map((list) => list[i]!)).flat();
    const rssIdle = rssMb(net.a.pid);
    const started = performance.now();
    const load = await runLoad(net.url, requests, { concurrency: SETTINGS.concurrency });
    if (load.failed > 0) throw new Error(`partners: ${load.failed} failed`);
    await drained(net.url);
    const seconds = (performance.now() - started) / 1000;
    return {
      configured: keys.length,
      active: active.length,
      calls: load.ok,
      rps: round(load.ok / seconds),
      accepted_rps: round(load.ok / (load.elapsedMs / 1000)),
      rss_idle_mb: round(rssIdle, 1),
      rss_peak_mb: round(rssPeakMb(net.a.pid), 1),
      startup_ms: net.a.startupMs,
    };
  } finally {
    stop(net.a, net.b);
  }
}

/** Spawn to first answer of a bare fastify server, with the gateway's Node options, timed as the gateway's start-up is. */
async function bareStartupRun(): Promise<number> {
  if (buildDir === undefined) throw new Error('the gateway is not built');
  const script = join(buildDir, 'bare-fastify.mjs');
  await writeFile(
    script,
    [
      "import fastify from 'fastify';",
      'const app = fastify({ logger: false });',
      "app.get('/readyz', async () => ({ ok: true }));",
      "await app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) });",
    ].join('\n'),
  );
  const times: number[] = [];
  for (let i = 0; i < SETTINGS.startups; i++) {
    const [port] = await freePorts(1);
    const began = performance.now();
    const child = spawn(process.execPath, [...DEPLOYED_NODE_OPTIONS, script, String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      await poll(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined), 30_000, 2);
      times.push(performance.now() - began);
    } finally {
      child.kill('SIGKILL');
    }
  }
  return round(median(times));
}

/**
 * BENCH_ONLY=soak: the link at half its peak for BENCH_SOAK_MINUTES (10), one load window a minute;
 * gateway A's resident memory and the window's p99, first against last minute, and their slopes.
 */
async function soakRun(root: string, clientKey: SigningKey, knownPeak?: number) {
  const net = await link(root, 'soak', clientKey);
  try {
    let peak = knownPeak ?? 0;
    if (knownPeak === undefined) {
      // The link's own peak, measured on these gateways after a warm-up.
      await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.warmupCalls), { concurrency: SETTINGS.concurrency });
      await drained(net.url);
      const peakStarted = performance.now();
      const peakLoad = await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.calls), { concurrency: SETTINGS.concurrency });
      await drained(net.url);
      peak = peakLoad.ok / ((performance.now() - peakStarted) / 1000);
    }
    const rate = Math.max(5, Math.round(peak / 2));
    log(`soak: link peak ${peak.toFixed(0)}/s, soaking at ${rate}/s for ${SOAK_SETTINGS.windows} windows of ${SOAK_SETTINGS.windowSeconds} s`);
    const windows: { minute: number; rss_mb: number; rss_max_mb: number; p50_ms: number; p99_ms: number; cpu_us_per_call: number; calls: number }[] = [];
    for (let w = 0; w < SOAK_SETTINGS.windows; w++) {
      const requests = prepare(clientKey, 'provider', rate * SOAK_SETTINGS.windowSeconds);
      let rssMax = 0;
      const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(net.a.pid))), 1000);
      const cpuBefore = cpuMicros(net.a.pid);
      const load = await runLoad(net.url, requests, { ratePerSecond: rate }).finally(() => clearInterval(sampler));
      if (load.failed > 0) throw new Error(`soak: ${load.failed} failed`);
      const rss = rssMb(net.a.pid);
      windows.push({
        minute: w + 1,
        rss_mb: round(rss, 1),
        rss_max_mb: round(Math.max(rssMax, rss), 1),
        p50_ms: round(percentile(load.latencies, 50), 2),
        p99_ms: round(percentile(load.latencies, 99), 2),
        cpu_us_per_call: round((cpuMicros(net.a.pid) - cpuBefore) / load.ok),
        calls: load.ok,
      });
      log(`soak: window ${w + 1}/${SOAK_SETTINGS.windows}: ${JSON.stringify(windows.at(-1))}`);
    }
    await drained(net.url);
    const first = windows[0]!;
    const last = windows.at(-1)!;
    return {
      link_peak_rps: round(peak),
      at_rps: rate,
      minutes: round((SOAK_SETTINGS.windows * SOAK_SETTINGS.windowSeconds) / 60, 2),
      window_s: SOAK_SETTINGS.windowSeconds,
      calls: windows.reduce((sum, w) => sum + w.calls, 0),
      rss_first_mb: first.rss_mb,
      rss_last_mb: last.rss_mb,
      rss_slope_mb_per_window: round(slope(windows.map((w) => w.rss_mb)), 2),
      p99_first_ms: first.p99_ms,
      p99_last_ms: last.p99_ms,
      p99_slope_ms_per_window: round(slope(windows.map((w) => w.p99_ms)), 3),
      rss_peak_mb: round(rssPeakMb(net.a.pid), 1),
      windows,
    };
  } finally {
    stop(net.a, net.b);
  }
}

/** The least-squares slope of values taken at 1, 2, 3, ... */
function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n + 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, i) => {
    num += (i + 1 - meanX) * (y - meanY);
    den += (i + 1 - meanX) ** 2;
  });
  return num / den;
}

/**
 * Added latency of a hop at a rate (half the proxy's peak): link p50/p99 minus proxy p50/p99 under the
 * same open-loop load, each measured after a warm-up at that rate (code compiled, pools open).
 */
async function latencyRun(root: string, clientKey: SigningKey, rates: readonly number[]) {
  const [echoPort, proxyPort] = await freePorts(2);
  const echo = await start(['echo', String(echoPort)]);
  const proxy = await start(['proxy', String(proxyPort), `http://127.0.0.1:${echoPort}`]);
  const viaProxy: Load[] = [];
  try {
    for (const rate of rates) {
      await runLoad(`http://127.0.0.1:${proxyPort}`, prepare(clientKey, 'provider', SETTINGS.warmupCalls), { ratePerSecond: rate });
      viaProxy.push(await runLoad(`http://127.0.0.1:${proxyPort}`, prepare(clientKey, 'provider', SETTINGS.latencyCalls), { ratePerSecond: rate }));
    }
  } finally {
    stop(proxy, echo);
  }
  const net = await link(root, 'latency', clientKey);
  try {
    const results = [];
    for (const [r, rate] of rates.entries()) {
      await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.warmupCalls), { ratePerSecond: rate });
      await drained(net.url);
      const viaLink = await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.latencyCalls), { ratePerSecond: rate });
      await drained(net.url);
      const base = viaProxy[r]!.latencies;
      results.push({
        at_rps: round(rate),
        added_p50_ms: round(percentile(viaLink.latencies, 50) - percentile(base, 50), 2),
        added_p99_ms: round(percentile(viaLink.latencies, 99) - percentile(base, 99), 2),
        link_p50_ms: round(percentile(viaLink.latencies, 50), 2),
        link_p99_ms: round(percentile(viaLink.latencies, 99), 2),
        proxy_p50_ms: round(percentile(base, 50), 2),
        proxy_p99_ms: round(percentile(base, 99), 2),
        p50_ratio_vs_proxy: round(percentile(viaLink.latencies, 50) / percentile(base, 50), 2),
        p99_ratio_vs_proxy: round(percentile(viaLink.latencies, 99) / percentile(base, 99), 2),
        ...(process.env.BENCH_ONLY === 'latency'
          ? { spread: [90, 95, 98, 99, 99.5, 100].map((p) => [p, round(percentile(base, p), 1), round(percentile(viaLink.latencies, p), 1)]) }
          : {}),
      });
    }
    return results;
  } finally {
    stop(net.a, net.b);
  }
}

/** Three gateways, low load: submit at A to visible at C, and C's resolution to A. */
async function chainRun(root: string, clientKey: SigningKey) {
  const dir = join(root, 'chain');
  const ports = await freePorts(3);
  const keys = await Promise.all([generatePrivateJwk(), generatePrivateJwk(), generatePrivateJwk()]);
  const url = (i: number) => `http://127.0.0.1:${ports[i]}`;
  const ids = ['origin', 'middle', 'end'];
  const configs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const customer = i === 0 ? { id: 'bench-client', name: 'Client', roles: ['customer'], jwks: { keys: [clientKey.jwk] } } : { id: ids[i - 1], name: ids[i - 1], roles: ['customer'], url: url(i - 1), jwks: { keys: [publicJwkOf(keys[i - 1]!)] } };
    const supplier = i < 2 ? [{ id: ids[i + 1], name: ids[i + 1], roles: ['supplier'], url: url(i + 1), jwks: { keys: [publicJwkOf(keys[i + 1]!)] }, services: [{ id: 'svc', name: 'Service' }] }] : [];
    configs.push(
      await writeGatewayConfig(join(dir, ids[i]!), {
        party: { id: ids[i], name: ids[i] },
        listen: { host: '127.0.0.1', port: ports[i] },
        key: keys[i],
        services: [{ id: 'svc', name: 'Service' }],
        partners: [customer, ...supplier],
        agreements: [{ id: `${customer.id}-${ids[i]}`, customer: customer.id, services: ['svc'], serviceLevels: LEVELS }],
        ...(i < 2
          ? {
              underpinning: [{ id: `${ids[i]}-${ids[i + 1]}`, supplier: ids[i + 1], services: ['svc'], serviceLevels: LEVELS }],
              routes: [{ service: 'svc', supplier: ids[i + 1], supplierService: 'svc', agreement: `${ids[i]}-${ids[i + 1]}`, callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve' }],
            }
          : {}),
      }),
    );
  }
  const procs = [await startGateway(configs[2]!), await startGateway(configs[1]!), await startGateway(configs[0]!)];
  const down: number[] = [];
  const up: number[] = [];
  try {
    const client = createPartnerClient({ baseUrl: url(0), from: 'bench-client', to: 'origin', key: clientKey });
    const rounds = QUICK ? 5 : 30;
    for (let r = 0; r < rounds; r++) {
      const submitted = await client.send('/v1/calls', client.envelope('call.submit', call(`chain ${r}`, 'bench-client-origin')));
      const origin = (submitted.body as { call: { id: string; createdAt: string } }).call;
      const atEnd = await poll(async () => (await desk(url(2), 'GET', '/v1/desk/calls?status=acknowledged')).items[0]);
      down.push(Date.parse(atEnd.createdAt) - Date.parse(origin.createdAt));
      for (let i = 0; i < 4; i++) await desk(url(2), 'POST', `/v1/desk/calls/${atEnd.id}/advance`, {});
      await desk(url(2), 'POST', `/v1/desk/calls/${atEnd.id}/advance`, { branch: 'operate' });
      for (let i = 0; i < 5; i++) await desk(url(2), 'POST', `/v1/desk/calls/${atEnd.id}/advance`, {});
      const resolved = await desk(url(2), 'POST', `/v1/desk/calls/${atEnd.id}/resolve`, { summary: 'fixed' });
      const back = await poll(async () => {
        const c = await desk(url(0), 'GET', `/v1/desk/calls/${origin.id}`);
        return c.status === 'resolved' ? c : undefined;
      });
      up.push(Date.parse(back.updatedAt) - Date.parse(resolved.updatedAt));
    }
    return { submit_to_supplier_p50_ms: percentile(down, 50), resolve_to_origin_p50_ms: percentile(up, 50), rounds };
  } finally {
    stop(...procs);
  }
}

/** Queue messages while the supplier is down (loaded in batches), then start it and time the drain; A's memory through both. */
async function drainRun(root: string, clientKey: SigningKey) {
  const net = await link(root, 'drain', clientKey, { supplierDown: true });
  try {
    let queued = 0;
    const queueStarted = performance.now();
    for (let left = SETTINGS.drain; left > 0; left -= 10_000) {
      const load = await runLoad(net.url, prepare(clientKey, 'provider', Math.min(10_000, left)), { concurrency: SETTINGS.concurrency });
      if (load.failed > 0) throw new Error(`drain: ${load.failed} failed`);
      queued += load.ok;
    }
    const queueSeconds = (performance.now() - queueStarted) / 1000;
    const rssQueued = rssMb(net.a.pid);
    const b = await startGateway(net.supplierConfig);
    const started = performance.now();
    let rssDraining = 0;
    const sampler = setInterval(() => (rssDraining = Math.max(rssDraining, rssMb(net.a.pid))), 500);
    await drained(net.url, 1_800_000).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    stop(b);
    return {
      queued,
      queue_per_s: round(queued / queueSeconds),
      drain_per_s: round(queued / seconds),
      drain_s: round(seconds, 1),
      rss_queued_mb: round(rssQueued, 1),
      rss_draining_max_mb: round(rssDraining, 1),
      rss_peak_mb: round(rssPeakMb(net.a.pid), 1),
    };
  } finally {
    stop(net.a);
  }
}

/** The embedded store: a filtered list page among many calls, and durable inserts. */
async function storeRun(root: string) {
  const file = join(root, 'store.db');
  const store = openSqliteStore(file);
  const started = performance.now();
  for (let i = 0; i < SETTINGS.inserts; i++) await store.commitCall({ call: newCall(i), expectedVersion: null, history: [], notes: [], events: [] });
  const insertPerS = SETTINGS.inserts / ((performance.now() - started) / 1000);
  await store.close();
  // Bulk-load the rest without per-row fsync: this part measures reads, not writes.
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO calls (id, customer, type, service, status, process, priority, created_at, updated_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
  );
  const statuses = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed'];
  db.transaction(() => {
    for (let i = SETTINGS.inserts; i < SETTINGS.listRows; i++) {
      const call = newCall(i);
      insert.run(call.id, call.customer, call.type, call.service, statuses[i % statuses.length], 'recover', 3, call.createdAt, call.updatedAt, JSON.stringify(call));
    }
  })();
  db.close();
  const reader = openSqliteStore(file);
  const times: number[] = [];
  for (let q = 0; q < 200; q++) {
    const t = performance.now();
    await reader.listCalls({ customer: `customer-${q % 50}`, status: 'inProgress', limit: 51 });
    times.push(performance.now() - t);
  }
  await reader.close();
  return { rows: SETTINGS.listRows, list_p99_ms: round(percentile(times, 99), 2), list_p50_ms: round(percentile(times, 50), 2), insert_per_s: round(insertPerS), agreements: await agreementLookupRun(root) };
}

/**
 * What a call reads of the agreements (the customer's that cover it, the gateway's own to fork
 * under), with none negotiated and with SETTINGS.negotiated agreements of as many customers, three
 * versions each (superseded, active, a proposal): the time per call as a ratio of the two.
 */
async function agreementLookupRun(root: string) {
  const lookup = async (negotiated: number) => {
    const file = join(root, `agreements-${negotiated}.db`);
    await openSqliteStore(file).close();
    const db = new Database(file);
    db.pragma('synchronous = OFF');
    const insert = db.prepare('INSERT INTO agreement_versions (id, version, provider, customer, status, doc) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < negotiated; i++) {
        const [id, customer] = [`negotiated-${i}`, `customer-${i}`];
        const document = JSON.stringify({ id, provider: 'provider', customer, services: ['workplace'], serviceLevels: LEVELS });
        for (const [version, status] of [[1, 'superseded'], [2, 'active'], [3, 'proposed']] as const) {
          const doc = { id, version, provider: 'provider', customer, status, document, offeredBy: customer, signatures: { customer: 's', provider: 'p' }, createdAt: 'x', updatedAt: 'x' };
          insert.run(id, version, 'provider', customer, status, JSON.stringify(doc));
        }
      }
    })();
    db.close();
    const store = openSqliteStore(file);
    const registry = createAgreementRegistry({ provider: 'provider', services: [{ id: 'workplace', name: 'Workplace' }], agreements: [], underpinning: [], store, now: Date.now });
    const times: number[] = [];
    try {
      for (let q = 0; q < 600; q++) {
        const customer = `customer-${q % Math.max(1, negotiated)}`;
        const t = performance.now();
        await registry.covering(customer, `negotiated-${q % Math.max(1, negotiated)}`, 'workplace');
        await registry.underpinning();
        if (q >= 100) times.push((performance.now() - t) * 1000);
      }
    } finally {
      await store.close();
    }
    return median(times);
  };
  const none = await lookup(0);
  const many = await lookup(SETTINGS.negotiated);
  return { negotiated: SETTINGS.negotiated, us_per_call_none: round(none, 1), us_per_call_negotiated: round(many, 1), ratio_vs_none: round(many / none, 2) };
}

function newCall(i: number): CallRecord {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return {
    id: uuidv7(Date.UTC(2026, 0, 1) + i),
    customer: `customer-${i % 50}`,
    type: 'incident',
    service: 'workplace',
    agreement: 'a',
    summary: `call ${i}`,
    impact: 'medium',
    urgency: 'medium',
    priority: 3,
    requester: { name: 'bench' },
    attachments: [],
    chainId: uuidv7(),
    lifecycle: startCall('incident').state,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

function call(summary: string, agreement: string) {
  return { type: 'incident', service: 'svc', agreement, summary, impact: 'medium', urgency: 'medium', requester: { name: 'bench' }, description: 'x'.repeat(900) };
}

/** Signed ~1.5 KB call submissions, made before the clock starts. */
function prepare(key: SigningKey, to: string, n: number, from = 'bench-client', agreement = 'client-agreement') {
  const client = createPartnerClient({ baseUrl: 'http://unused', from, to, key });
  return Array.from({ length: n }, (_, i) => {
    const body = JSON.stringify(
      client.envelope('call.submit', {
        type: 'incident',
        service: 'workplace',
        agreement,
        summary: `Benchmark call ${i}`,
        description: 'The clinical workplace cannot open patient records; users see a timeout after 30 seconds. '.repeat(12),
        impact: 'medium',
        urgency: 'medium',
        requester: { name: 'Load client', email: 'load@example.org' },
        externalRef: `BENCH-${i}`,
      }),
    );
    return { path: '/v1/calls', body, headers: { 'content-type': 'application/json', 'usm-signature': client.sign(body) } };
  });
}

interface Load {
  readonly ok: number;
  readonly failed: number;
  readonly elapsedMs: number;
  readonly latencies: number[];
  readonly clientCpuUs: number;
}

async function runLoad(url: string | string[], requests: unknown[], mode: { concurrency?: number; ratePerSecond?: number }): Promise<Load> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'load.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify({ urls: [url].flat(), requests, ...mode }));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const pid = child.pid!;
  let lastCpu = 0;
  const sampler = setInterval(() => {
    lastCpu = cpuMicros(pid) || lastCpu;
  }, 50);
  await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`load client exited ${code}`)))));
  clearInterval(sampler);
  return { ...(JSON.parse(out) as Omit<Load, 'clientCpuUs'>), clientCpuUs: lastCpu };
}

/**
 * A gateway as it runs in production: the compiled CLI (`usm-link start`), ready when `/readyz`
 * answers 200. Its startup time is from spawn to ready.
 */
async function startGateway(configFile: string): Promise<Proc> {
  const began = performance.now();
  const { listen } = JSON.parse(readFileSync(configFile, 'utf8')) as { listen: { port: number } };
  const nodeOptions = [...DEPLOYED_NODE_OPTIONS, ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeOptions, compiledCli(), 'start', '--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const proc = { child, pid: child.pid!, startupMs: 0 };
  running.add(proc);
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`gateway ${configFile} exited ${code}`))));
  exited.catch(() => undefined);
  await Promise.race([exited, poll(async () => ((await fetch(`http://127.0.0.1:${listen.port}/readyz`)).ok ? true : undefined), 120_000, 2)]);
  running.delete(proc);
  const ready = { ...proc, startupMs: round(performance.now() - began) };
  running.add(ready);
  return ready;
}

/** The Node options the production image runs the gateway with (its Dockerfile's NODE_OPTIONS). */
const DEPLOYED_NODE_OPTIONS = (/NODE_OPTIONS="([^"]*)"/.exec(readFileSync(join(here, '..', 'Dockerfile'), 'utf8'))?.[1] ?? '').split(' ').filter(Boolean);

let buildDir: string | undefined;

/** Compiles the gateway once per run (as `npm run build` does) into a directory of its own. */
async function buildGateway(): Promise<void> {
  buildDir = join(here, '..', '.tmp', `bench-build-${process.pid}`);
  await mkdir(buildDir, { recursive: true });
  // The compiled code finds the contract and the config schema next to its dist/ directory.
  await cp(join(here, '..', 'openapi'), join(buildDir, 'openapi'), { recursive: true });
  await cp(join(here, '..', 'config'), join(buildDir, 'config'), { recursive: true });
  const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, [tsc, '-p', join(here, '..', 'tsconfig.build.json'), '--outDir', join(buildDir!, 'dist')], { stdio: 'inherit' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tsc exited ${code}`)),
    ),
  );
}

function compiledCli(): string {
  if (buildDir === undefined) throw new Error('the gateway is not built');
  return join(buildDir, 'dist', 'cli.js');
}

async function start(args: string[]): Promise<Proc> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'processes.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const starting = { child, pid: child.pid!, startupMs: 0 };
  running.add(starting);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}`)));
  });
  running.delete(starting);
  const proc = { child, pid: child.pid!, startupMs: round(performance.now() - began) };
  running.add(proc);
  return proc;
}

/** Every process the bench started and has not stopped: stopped when it ends, however it ends. */
const running = new Set<Proc>();

function stop(...procs: (Proc | undefined)[]): void {
  // A profiled gateway needs a clean exit to write its profile.
  for (const p of procs) {
    if (p === undefined) continue;
    p.child.kill(process.env.BENCH_NODE_OPTIONS ? 'SIGTERM' : 'SIGKILL');
    running.delete(p);
  }
}

function stopAll(): void {
  stop(...running);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(1);
  });
}

async function writeGatewayConfig(dir: string, spec: Record<string, unknown>): Promise<string> {
  await mkdir(dir, { recursive: true });
  const { key, ...config } = spec;
  await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(key), { mode: 0o600 });
  await writeFile(join(dir, 'token'), TOKEN, { mode: 0o600 });
  const file = join(dir, 'config.json.yaml');
  await writeFile(
    file,
    JSON.stringify({
      storage: 'sqlite:./gateway.db',
      signing: { keyFile: './gateway.private.jwk' },
      desk: { tokens: [{ name: 'bench', file: './token' }] },
      admin: { tokens: [{ name: 'bench', file: './token' }] },
      log: { level: 'warn' },
      delivery: { backoffBaseMs: 50, backoffMaxMs: 1000, circuitCooldownMs: 500, maxAttempts: 1000 },
      limits: { partnerRequestsPerSecond: 1_000_000, partnerBurst: 1_000_000 },
      ...config,
    }),
  );
  return file;
}

async function desk(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

async function drained(base: string, timeoutMs = 300_000): Promise<void> {
  await poll(async () => ((await desk(base, 'GET', '/v1/admin/outbox?limit=1')).items.length === 0 ? true : undefined), timeoutMs, 10);
  const dead = (await desk(base, 'GET', '/v1/admin/dead-letters?limit=1')).items;
  if (dead.length > 0) throw new Error(`dead letters: ${JSON.stringify(dead[0])}`);
}

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function lastResults(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(here, 'results', 'latest.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Writes one part's figures into the last full results (bench/results/latest.json), the rest kept. */
async function intoLatest(key: string, figures: unknown): Promise<void> {
  const file = join(here, 'results', 'latest.json');
  const last = lastResults() ?? {};
  last[key] = figures;
  await writeFile(file, `${JSON.stringify(last, null, 2)}\n`);
  log(`updated the ${key} figures in ${file}`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}





const began = Date.now();

function log(text: string): void {
  process.stderr.write(`bench [${((Date.now() - began) / 1000).toFixed(0)} s]: ${text}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
