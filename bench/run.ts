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
 * one baseline and one link run, BENCH_ONLY=latency the added latency at BENCH_RATE calls a second, BENCH_ONLY=replicas the
 * link on SQLite and PostgreSQL. BENCH_NODE_OPTIONS is passed to the gateway processes (say, --cpu-prof).
 */
import { freePorts } from '../scripts/free-ports.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPartnerClient } from '../src/client/partner-client.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningKey } from '../src/keys/jwk.js';
import { openSqliteStore } from '../src/storage/sqlite-store.js';
import { startCall } from '../src/usm/call-lifecycle.js';
import { uuidv7 } from '../src/kernel/uuid-v7.js';
import type { CallRecord } from '../src/ports/call.js';

const QUICK = process.env.BENCH_QUICK === '1';
const SETTINGS = QUICK
  ? { calls: 200, runs: 1, concurrency: 16, drain: 200, listRows: 20_000, inserts: 200, latencyCalls: 100, warmupCalls: 50 }
  : { calls: 3000, runs: 5, concurrency: 32, drain: 10_000, listRows: 1_000_000, inserts: 2000, latencyCalls: 1500, warmupCalls: 1000 };
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
  try {
    if (process.env.BENCH_ONLY === 'store') {
      // Re-measure only the store figures, into the last full results.
      const file = join(here, 'results', 'latest.json');
      const last = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      last.store = await storeRun(root);
      await writeFile(file, `${JSON.stringify(last, null, 2)}\n`);
      log(`updated the store figures in ${file}`);
      process.stdout.write(`${JSON.stringify(last.store)}\n`);
      return;
    }
    const clientKey = signingKeyOf(await generatePrivateJwk());
    await buildGateway();
    if (process.env.BENCH_ONLY === 'replicas') {
      process.stdout.write(`${JSON.stringify(await replicaRun(root, clientKey))}\n`);
      return;
    }
    if (process.env.BENCH_ONLY === 'latency') {
      // Added latency at one rate (BENCH_RATE calls a second), printed.
      process.stdout.write(`${JSON.stringify(await latencyRun(root, clientKey, Number(process.env.BENCH_RATE ?? 300)))}\n`);
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
    const latency = await latencyRun(root, clientKey, proxyRps / 2);
    Object.assign(results.hop as object, latency);
    // The same at half the link's own peak: what a call waits when the link is not over its capacity.
    (results.hop as Record<string, unknown>).at_half_link_peak = await latencyRun(root, clientKey, linkRps / 2);
    results.rss_peak_mb = round(Math.max(...linkRuns.map((r) => r.rssPeakMb)), 1);
    results.rss_peak_mb_median = round(median(linkRuns.map((r) => r.rssPeakMb)), 1);
    results.startup_ms = round(median(linkRuns.map((r) => r.startupMs)));
    results.chain = await chainRun(root, clientKey);
    results.replicas = await replicaRun(root, clientKey);
    results.outbox = await drainRun(root, clientKey);
    results.store = await storeRun(root);
    results.durability = 'every 2xx is committed to SQLite in WAL mode and its WAL fsynced before the answer (group commit; the fsync runs off the event loop)';
    results.machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gb: round(totalmem() / 2 ** 30, 1), node: process.version, quick: QUICK };
    results.settings = SETTINGS;
    results.took_s = round((Date.now() - started) / 1000, 1);
    await mkdir(join(here, 'results'), { recursive: true });
    const file = join(here, 'results', QUICK ? 'quick.json' : 'latest.json');
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${file}`);
    process.stdout.write(`${table(results)}\n`);
  } finally {
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
async function link(root: string, name: string, clientKey: SigningKey, options: { supplierDown?: boolean; storage?: string; replicas?: number } = {}) {
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
      { id: 'supplier', name: 'Supplier', roles: ['supplier'], url: `http://127.0.0.1:${portB}`, jwks: { keys: [publicJwkOf(keyB)] }, services: [{ id: 'hosting', name: 'Hosting' }] },
    ],
    agreements: [{ id: 'client-agreement', customer: 'bench-client', services: ['workplace'], serviceLevels: LEVELS }],
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

/** The same link with gateway A on SQLite, on PostgreSQL, and as two replicas on one PostgreSQL database (load split between them). */
async function replicaRun(root: string, clientKey: SigningKey) {
  const postgres = process.env.USM_LINK_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const result: Record<string, number> = {};
  for (const [name, engine, replicas] of [['sqlite_1_rps', 'sqlite', 1], ['postgres_1_rps', 'postgres', 1], ['postgres_2_rps', 'postgres', 2]] as const) {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const net = await link(root, name, clientKey, { replicas, ...(engine === 'postgres' ? { storage: `${postgres}?schema=${schema}` } : {}) });
    try {
      const started = performance.now();
      const load = await runLoad(net.urls, prepare(clientKey, 'provider', SETTINGS.calls), { concurrency: SETTINGS.concurrency });
      if (load.failed > 0) throw new Error(`${name}: ${load.failed} failed`);
      await drained(net.url);
      result[name] = round(load.ok / ((performance.now() - started) / 1000));
    } finally {
      stop(net.a, net.b, ...net.others);
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: postgres });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    }
    log(`replicas: ${name} ${result[name]}/s`);
  }
  return result;
}

/**
 * Added latency of a hop at a rate (half the proxy's peak): link p50/p99 minus proxy p50/p99 under the
 * same open-loop load, each measured after a warm-up at that rate (code compiled, pools open).
 */
async function latencyRun(root: string, clientKey: SigningKey, rate: number) {
  const [echoPort, proxyPort] = await freePorts(2);
  const echo = await start(['echo', String(echoPort)]);
  const proxy = await start(['proxy', String(proxyPort), `http://127.0.0.1:${echoPort}`]);
  let viaProxy: Load;
  try {
    await runLoad(`http://127.0.0.1:${proxyPort}`, prepare(clientKey, 'provider', SETTINGS.warmupCalls), { ratePerSecond: rate });
    viaProxy = await runLoad(`http://127.0.0.1:${proxyPort}`, prepare(clientKey, 'provider', SETTINGS.latencyCalls), { ratePerSecond: rate });
  } finally {
    stop(proxy, echo);
  }
  const net = await link(root, 'latency', clientKey);
  try {
    await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.warmupCalls), { ratePerSecond: rate });
    await drained(net.url);
    const viaLink = await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.latencyCalls), { ratePerSecond: rate });
    await drained(net.url);
    return {
      at_rps: round(rate),
      added_p50_ms: round(percentile(viaLink.latencies, 50) - percentile(viaProxy.latencies, 50), 2),
      added_p99_ms: round(percentile(viaLink.latencies, 99) - percentile(viaProxy.latencies, 99), 2),
      link_p50_ms: round(percentile(viaLink.latencies, 50), 2),
      link_p99_ms: round(percentile(viaLink.latencies, 99), 2),
      ...(process.env.BENCH_ONLY === 'latency'
        ? { spread: [90, 95, 98, 99, 99.5, 100].map((p) => [p, round(percentile(viaProxy.latencies, p), 1), round(percentile(viaLink.latencies, p), 1)]) }
        : {}),
    };
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

/** Queue messages while the supplier is down, then start it and time the drain. */
async function drainRun(root: string, clientKey: SigningKey) {
  const net = await link(root, 'drain', clientKey, { supplierDown: true });
  try {
    const load = await runLoad(net.url, prepare(clientKey, 'provider', SETTINGS.drain), { concurrency: SETTINGS.concurrency });
    if (load.failed > 0) throw new Error(`drain: ${load.failed} failed`);
    const b = await startGateway(net.supplierConfig);
    const started = performance.now();
    await drained(net.url, 600_000);
    const seconds = (performance.now() - started) / 1000;
    stop(b);
    return { queued: load.ok, drain_per_s: round(load.ok / seconds) };
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
  return { rows: SETTINGS.listRows, list_p99_ms: round(percentile(times, 99), 2), list_p50_ms: round(percentile(times, 50), 2), insert_per_s: round(insertPerS) };
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
function prepare(key: SigningKey, to: string, n: number) {
  const client = createPartnerClient({ baseUrl: 'http://unused', from: 'bench-client', to, key });
  return Array.from({ length: n }, (_, i) => {
    const body = JSON.stringify(
      client.envelope('call.submit', {
        type: 'incident',
        service: 'workplace',
        agreement: 'client-agreement',
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
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`gateway ${configFile} exited ${code}`))));
  exited.catch(() => undefined);
  await Promise.race([exited, poll(async () => ((await fetch(`http://127.0.0.1:${listen.port}/readyz`)).ok ? true : undefined), 30_000, 2)]);
  return { child, pid: child.pid!, startupMs: round(performance.now() - began) };
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
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}`)));
  });
  return { child, pid: child.pid!, startupMs: round(performance.now() - began) };
}

function stop(...procs: (Proc | undefined)[]): void {
  // A profiled gateway needs a clean exit to write its profile.
  for (const p of procs) p?.child.kill(process.env.BENCH_NODE_OPTIONS ? 'SIGTERM' : 'SIGKILL');
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

/** User + system CPU time of a process so far, in microseconds (Linux /proc, 100 ticks a second). */
function cpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) * 10_000;
  } catch {
    return 0;
  }
}

function rssPeakMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}



function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function spread(values: number[]): { min: number; max: number } {
  return { min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function table(r: any): string {
  const rows: [string, string, string][] = [
    ['hop.ratio_vs_plain_proxy', String(r.hop.ratio_vs_plain_proxy), '>= 0.5'],
    ['hop.rps / proxy.rps', `${r.hop.rps} / ${r.proxy.rps}`, ''],
    ['hop.cpu_us_per_call (A / B / client)', `${r.hop.cpu_us_per_call} / ${r.hop.cpu_us_per_call_supplier} / ${r.hop.cpu_us_per_call_client}`, ''],
    ['hop.added_p50_ms / p99 at half proxy peak', `${r.hop.added_p50_ms} / ${r.hop.added_p99_ms}`, 'p99 <= 5'],
    [`hop.at_half_link_peak.added_p50_ms / p99 (at ${r.hop.at_half_link_peak.at_rps}/s)`, `${r.hop.at_half_link_peak.added_p50_ms} / ${r.hop.at_half_link_peak.added_p99_ms}`, ''],
    ['chain.submit_to_supplier_p50_ms', String(r.chain.submit_to_supplier_p50_ms), '<= 15'],
    ['chain.resolve_to_origin_p50_ms', String(r.chain.resolve_to_origin_p50_ms), '<= 15'],
    ['rss_peak_mb (highest of the runs / median)', `${r.rss_peak_mb} / ${r.rss_peak_mb_median}`, '<= 150'],
    ['outbox.drain_per_s', `${r.outbox.drain_per_s} (${r.outbox.queued} queued)`, ''],
    ['link rps: A on SQLite / on PostgreSQL / 2 replicas on PostgreSQL', `${r.replicas.sqlite_1_rps} / ${r.replicas.postgres_1_rps} / ${r.replicas.postgres_2_rps}`, ''],
    [`store.list_p99_ms (${r.store.rows} calls)`, String(r.store.list_p99_ms), '<= 20 at 1M'],
    ['store.insert_per_s (fsync each)', String(r.store.insert_per_s), ''],
    ['startup_ms', String(r.startup_ms), '<= 1000'],
  ];
  return ['| figure | value | target |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
