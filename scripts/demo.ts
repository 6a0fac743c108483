/**
 * A health-data chain on loopback: a hospital's gateway -> a regional health-data exchange -> its
 * hosting supplier, each with its own SQLite file and keys. A ward submits an incident at the
 * hospital; it is forked down to hosting, resolved there, and the resolution flows back. Prints the
 * chain's timeline, checks every hop's signature, receipt and message log, and exits 0.
 *
 *   npm run demo            (KEEP=1 keeps the three data directories)
 */
import { freePorts } from './free-ports.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp, type App } from '../src/app.js';
import { createPartnerClient } from '../src/client/partner-client.js';
import { buildConfig } from '../src/config/load-config.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, verificationKeyOf } from '../src/keys/jwk.js';
import { verifyCompact, verifyDetached } from '../src/messages/jws.js';
import { readLogFile } from '../src/storage/log-file.js';
import { verifyLog } from '../src/messages/message-log.js';
import { renderTrace } from '../src/cli/render-trace.js';

const LEVELS = { supportHours: '24x7', availability: 99.9, targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] };

interface Party {
  readonly id: string;
  readonly name: string;
  readonly jwk: Awaited<ReturnType<typeof generatePrivateJwk>>;
  readonly port: number;
  dir: string;
  app?: App;
  desk?: string;
  admin?: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const ports = await freePorts(3);
  const party = async (id: string, name: string, port: number): Promise<Party> => ({ id, name, jwk: await generatePrivateJwk(), port, dir: await mkdtemp(join(tmpdir(), `usm-link-demo-${id}-`)) });
  const hospital = await party('st-olav-hospital', "St. Olav's Hospital", ports[0]!);
  const exchange = await party('regional-hie', 'Regional Health Information Exchange', ports[1]!);
  const hosting = await party('nordic-hosting', 'Nordic Hosting', ports[2]!);
  const ward = { id: 'cardiology-ward', jwk: await generatePrivateJwk() };
  const asPartner = (p: Party, roles: string[], services?: { id: string; name: string }[]) => ({
    id: p.id,
    name: p.name,
    roles,
    url: `http://127.0.0.1:${p.port}`,
    jwks: { keys: [publicJwkOf(p.jwk)] },
    ...(services ? { services } : {}),
  });
  const records = [{ id: 'records-exchange', name: 'Patient record exchange' }];
  const infra = [{ id: 'managed-hosting', name: 'Managed hosting' }];

  await start(hosting, {
    services: infra,
    partners: [asPartner(exchange, ['customer'])],
    agreements: [{ id: 'hie-hosting', customer: exchange.id, services: ['managed-hosting'], serviceLevels: LEVELS }],
  });
  await start(exchange, {
    services: records,
    partners: [asPartner(hospital, ['customer']), asPartner(hosting, ['supplier'], infra)],
    agreements: [{ id: 'hospital-hie', customer: hospital.id, services: ['records-exchange'], serviceLevels: LEVELS }],
    underpinning: [{ id: 'hie-hosting', supplier: hosting.id, services: ['managed-hosting'], serviceLevels: LEVELS }],
    routes: [{ service: 'records-exchange', supplier: hosting.id, supplierService: 'managed-hosting', agreement: 'hie-hosting', callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve', relayNotes: true }],
  });
  await start(hospital, {
    services: [{ id: 'clinical-systems', name: 'Clinical systems' }],
    partners: [{ id: ward.id, name: 'Cardiology ward', roles: ['customer'], jwks: { keys: [publicJwkOf(ward.jwk)] } }, asPartner(exchange, ['supplier'], records)],
    agreements: [{ id: 'ward-clinical', customer: ward.id, services: ['clinical-systems'], serviceLevels: LEVELS }],
    underpinning: [{ id: 'hospital-hie', supplier: exchange.id, services: ['records-exchange'], serviceLevels: LEVELS }],
    routes: [{ service: 'clinical-systems', supplier: exchange.id, supplierService: 'records-exchange', agreement: 'hospital-hie', callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve', relayNotes: true }],
  });

  try {
    say(`three gateways on 127.0.0.1: ${[hospital, exchange, hosting].map((p) => `${p.id}:${p.port}`).join(', ')}`);
    const client = createPartnerClient({ baseUrl: `http://127.0.0.1:${hospital.port}`, from: ward.id, to: hospital.id, key: signingKeyOf(ward.jwk) });
    const submitted = await client.send(
      '/v1/calls',
      client.envelope('call.submit', {
        type: 'incident',
        service: 'clinical-systems',
        agreement: 'ward-clinical',
        summary: 'Discharge letters cannot fetch lab results from the regional exchange',
        impact: 'high',
        urgency: 'high',
        requester: { name: 'Nurse K. Berg' },
        externalRef: 'WARD-4711',
      }),
    );
    if (submitted.status !== 201) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    const origin = (submitted.body as { call: { id: string; chainId: string } }).call;
    say(`the ward submitted incident ${origin.id} (chain ${origin.chainId})`);

    const atHosting = await until(async () => (await desk(hosting, 'GET', '/v1/desk/calls')).items[0], 'the call to reach hosting');
    say(`the call reached ${hosting.id} through ${atHosting.hops.join(' -> ')} as ${atHosting.id}`);

    for (let i = 0; i < 4; i++) await desk(hosting, 'POST', `/v1/desk/calls/${atHosting.id}/advance`, {});
    await desk(hosting, 'POST', `/v1/desk/calls/${atHosting.id}/notes`, { text: 'A certificate on the lab-results API expired; renewing it.', visibility: 'public' });
    await desk(hosting, 'POST', `/v1/desk/calls/${atHosting.id}/advance`, { branch: 'operate' });
    for (let i = 0; i < 5; i++) await desk(hosting, 'POST', `/v1/desk/calls/${atHosting.id}/advance`, {});
    await desk(hosting, 'POST', `/v1/desk/calls/${atHosting.id}/resolve`, { summary: 'Renewed the expired TLS certificate of the lab-results API.' });
    say(`${hosting.id}'s desk resolved it`);

    await until(async () => (await client.get(`/v1/calls/${origin.id}`)).body as { status: string } | undefined, 'the resolution to reach the ward', (c) => c.status === 'resolved');
    say('the resolution reached the ward; the ward confirms');
    const confirmed = await client.send(`/v1/calls/${origin.id}/confirm`, client.envelope('call.confirm', { feedback: 'Letters go out again.' }, { chainId: origin.chainId }));
    if ((confirmed.body as { call: { status: string } }).call.status !== 'closed') throw new Error('confirm failed');
    await until(async () => (await desk(hosting, 'GET', `/v1/desk/calls/${atHosting.id}`)).status === 'closed' || undefined, 'the closure to reach hosting');
    for (const p of [hospital, exchange, hosting]) await p.app!.gateway.outboxWorker.idle();

    await printTimeline([hospital, exchange, hosting], started);
    say('chain trace from the hospital (usm-link trace):');
    process.stdout.write(renderTrace(await desk(hospital, 'GET', `/v1/desk/calls/${origin.id}/trace`), '  '));
    await checkEvidence([hospital, exchange, hosting], ward);
    await printMetrics([hospital, exchange, hosting]);
    say(`done in ${Date.now() - started} ms`);
  } finally {
    for (const p of [hospital, exchange, hosting]) await p.app?.close();
    if (process.env.KEEP === '1') say(`kept: ${[hospital, exchange, hosting].map((p) => p.dir).join(' ')}`);
    else for (const p of [hospital, exchange, hosting]) await rm(p.dir, { recursive: true, force: true });
  }
}

async function start(p: Party, network: Record<string, unknown>): Promise<void> {
  await writeFile(join(p.dir, 'gateway.private.jwk'), JSON.stringify(p.jwk), { mode: 0o600 });
  const config = buildConfig(
    {
      party: { id: p.id, name: p.name },
      listen: { host: '127.0.0.1', port: p.port },
      publicUrl: `http://127.0.0.1:${p.port}`,
      storage: 'sqlite:./gateway.db',
      signing: { keyFile: './gateway.private.jwk' },
      desk: { tokens: [{ name: 'desk', file: './desk-token', createIfMissing: true }] },
      admin: { tokens: [{ name: 'admin', file: './admin-token', createIfMissing: true }] },
      delivery: { backoffBaseMs: 50, backoffMaxMs: 500 },
      log: { level: 'silent' },
      ...network,
    },
    p.dir,
  );
  p.app = await buildApp({ config, env: {}, logger: pino({ level: 'silent' }) });
  await p.app.listen({ host: '127.0.0.1', port: p.port });
  p.desk = (await readFile(join(p.dir, 'desk-token'), 'utf8')).trim();
  p.admin = (await readFile(join(p.dir, 'admin-token'), 'utf8')).trim();
}

async function desk(p: Party, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${p.port}${path}`, {
    method,
    headers: { authorization: `Bearer ${p.desk}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await response.json();
  if (response.status >= 400) throw new Error(`${p.id} ${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

async function printTimeline(parties: Party[], started: number): Promise<void> {
  const lines: { at: string; text: string }[] = [];
  for (const p of parties) {
    for (const call of (await desk(p, 'GET', '/v1/desk/calls')).items) {
      for (const h of (await desk(p, 'GET', `/v1/desk/calls/${call.id}/history`)).items) {
        if (h.kind !== 'status') continue;
        lines.push({ at: h.at, text: `${p.id.padEnd(18)} ${(h.from ?? '-').padEnd(12)} -> ${h.to.padEnd(11)} by ${h.actor.kind} ${h.actor.id}${h.comment ? ` (${h.comment})` : ''}` });
      }
    }
  }
  lines.sort((x, y) => x.at.localeCompare(y.at));
  say('timeline of the chain (public status of each gateway\'s call):');
  for (const line of lines) process.stdout.write(`  +${String(Date.parse(line.at) - started).padStart(5)} ms  ${line.text}\n`);
}

/** Every message each gateway received verifies against its sender's key, every receipt against the receiver's, and every log's tree agrees with its checkpoints. */
async function checkEvidence(parties: Party[], ward: { id: string; jwk: Parameters<typeof publicJwkOf>[0] }): Promise<void> {
  const keys = new Map<string, ReturnType<typeof verificationKeyOf>>();
  for (const p of parties) keys.set(p.id, verificationKeyOf(publicJwkOf(p.jwk)));
  keys.set(ward.id, verificationKeyOf(publicJwkOf(ward.jwk)));
  const options = (owner: string) => ({ algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid: string) => (keys.get(owner)?.kid === kid ? keys.get(owner) : undefined) });
  for (const p of parties) {
    const log = await readLogFile(join(p.dir, 'gateway.db'));
    const records = log.records;
    const verdict = verifyLog(records, { checkpoints: log.checkpoints, ...(log.node !== undefined ? { node: log.node } : {}) });
    if (!verdict.ok) throw new Error(`${p.id}: log broken at ${verdict.brokenAt}`);
    let checked = 0;
    const db = (await import('better-sqlite3')).default;
    const sqlite = new db(join(p.dir, 'gateway.db'), { readonly: true });
    for (const record of records) {
      const receiver = record.direction === 'in' ? p.id : record.partner;
      verifyCompact(record.receipt!, options(receiver));
      if (record.direction === 'in') {
        const row = sqlite.prepare<[string, string], { body: string }>('SELECT body FROM inbound_messages WHERE sender = ? AND id = ?').get(record.partner, record.messageId)!;
        verifyDetached(Buffer.from(row.body), record.signature, options(record.partner));
      }
      checked++;
    }
    sqlite.close();
    say(`${p.id}: ${verdict.records} log records, Merkle tree intact against its checkpoints; ${checked} signatures and receipts verified (usm-link verify-log ${join(p.dir, 'gateway.db')})`);
  }
}

/** A few of each gateway's figures from its `/metrics` (Prometheus text, admin token), as a monitoring system would scrape them. */
async function printMetrics(parties: Party[]): Promise<void> {
  say('figures from each gateway\'s /metrics:');
  for (const p of parties) {
    const response = await fetch(`http://127.0.0.1:${p.port}/metrics`, { headers: { authorization: `Bearer ${p.admin}` } });
    if (response.status !== 200) throw new Error(`${p.id} /metrics: ${response.status}`);
    const text = await response.text();
    const sum = (name: string): number =>
      text
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
        .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    say(
      `  ${p.id.padEnd(18)} ${sum('usm_link_messages_received_total')} messages received, ${sum('usm_link_messages_sent_total')} sent, ` +
        `${sum('usm_link_store_commit_duration_seconds_count')} store commits, ${sum('usm_link_outbox_pending_messages')} waiting in the outbox, ` +
        `${sum('usm_link_http_requests_total')} requests answered`,
    );
  }
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, accept: (value: T) => boolean = () => true): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}


function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
