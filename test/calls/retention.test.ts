import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url } from '../../src/kernel/base64url.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { leafHash, verifyInclusion } from '../../src/messages/merkle-tree.js';
import { leafBytes, verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import { ADMIN_TOKEN, DESK_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const DAY = 86_400_000;

async function verifyLogCli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify-log', ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

async function post(gateway: GatewayFixture, path: string, body?: unknown, token = ADMIN_TOKEN): Promise<{ status: number; type: string | null; body: any }> {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text === '' ? undefined : JSON.parse(text) };
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const SCAN = Buffer.from('%PDF-1.7 a scan of the printer error page\n'.repeat(40));
const SHARED = Buffer.from('%PDF-1.7 the ward printer manual\n'.repeat(40));

/** A file host on 127.0.0.1 the gateway may fetch attachments from. */
async function startFileHost(content: Record<string, Buffer>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = content[req.url ?? ''];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const ERIKA = { name: 'Erika Mustermann', email: 'erika.mustermann@example.org', phone: '+49 30 5550199' };

describe.each(['SQLite', 'PostgreSQL'] as const)('retention on %s', (engine) => {
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const now = () => clock;
  let hospital: TestPartner;
  let gateway: GatewayFixture;
  const database = engine === 'PostgreSQL' ? postgresSchema() : undefined;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    files = await startFileHost({ '/scan.pdf': SCAN, '/shared.pdf': SHARED });
    gateway = await startGateway({
      partners: [hospital],
      now,
      config: {
        ...(database !== undefined ? { storage: database.url } : {}),
        attachments: { allowedHosts: ['127.0.0.1'], allowPrivateAddresses: true },
        retention: { default: { bodiesDays: 30, notesDays: 30, requesterDays: 30 }, intervalSeconds: 86_400 },
        agreements: [
          {
            id: 'hospital-agreement',
            customer: 'hospital',
            services: ['workplace'],
            serviceLevels: { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] },
            // Bodies go sooner under this agreement; notes and requester details keep the default.
            retention: { bodiesDays: 10 },
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
    await new Promise((resolve) => files?.server.close(resolve));
    if (gateway !== undefined) await removeDir(gateway.dir);
  });

  let ended: any;
  let open: any;
  let submitted: { envelope: any };
  let files: { url: string; server: Server };
  const reference = (path: string, bytes: Buffer) => ({ url: `${files.url}${path}`, sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf', name: path.slice(1) });
  const attachment = async (call: any, bytes: Buffer) => {
    const response = await fetch(`${gateway.url}/v1/desk/calls/${call.id}/attachments/${sha(bytes)}`, { headers: { authorization: `Bearer ${DESK_TOKEN}` } });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(body.toString()) : body };
  };

  async function logRecords(): Promise<LogRecord[]> {
    const records: LogRecord[] = [];
    for await (const record of gateway.app.gateway.store.readLog()) records.push(record);
    return records;
  }

  it('purges an ended call’s bodies after its agreement’s days and its notes and requester after the default’s, leaving open calls alone', async () => {
    const client = gateway.client(hospital);
    const envelope = client.envelope('call.submit', incident({ summary: 'Printer on ward 3 is down', requester: ERIKA, attachments: [reference('/scan.pdf', SCAN), reference('/shared.pdf', SHARED)] }));
    submitted = { envelope };
    const first = await client.send('/v1/calls', envelope);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    ended = (first.body as any).call;
    const second = await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: 'Still open', attachments: [reference('/shared.pdf', SHARED)] })));
    open = (second.body as any).call;
    expect((await gateway.desk('POST', `/v1/desk/calls/${ended.id}/notes`, { text: 'Spoke to Erika on the phone, printer unplugged', visibility: 'internal' })).status).toBe(201);
    expect((await gateway.desk('POST', `/v1/desk/calls/${ended.id}/status`, { status: 'cancelled', reason: 'fixed by the ward itself' })).status).toBe(200);

    // Nine days on: nothing is due yet.
    clock += 9 * DAY;
    expect((await post(gateway, '/v1/admin/retention/purge')).body).toEqual({ calls: 0, messages: 0, notes: 0 });

    // Eleven days on: the agreement's bodiesDays (10) have passed, the default's 30 have not.
    clock += 2 * DAY;
    const bodies = await post(gateway, '/v1/admin/retention/purge');
    expect(bodies).toMatchObject({ status: 200, body: { calls: 1, messages: 1, notes: 0 } });
    const [inbound] = await gateway.app.gateway.store.inboundForCall(ended.id);
    expect(inbound).toMatchObject({ body: '', purgedAt: new Date(clock).toISOString() });
    expect((inbound!.response.body as any).receipt.jws).toEqual(expect.any(String));
    expect((await gateway.app.gateway.store.inboundForCall(open.id))[0]!.body).not.toBe('');
    // Its attachment's content is gone; the one the open call holds too stays, for both.
    expect(await attachment(ended, SCAN)).toMatchObject({ status: 404, body: { code: 'USM_ERR_ATTACHMENT_NOT_FOUND' } });
    expect((await attachment(ended, SHARED)).body).toEqual(SHARED);
    expect((await attachment(open, SHARED)).body).toEqual(SHARED);
    let notes = (await gateway.desk('GET', `/v1/desk/calls/${ended.id}/notes`)).body.items;
    expect(notes.find((n: any) => n.text.startsWith('Spoke to Erika'))).toBeDefined();

    // Thirty-one days on: notes and the requester go too, by the periodic job this time.
    clock += 20 * DAY;
    expect(await gateway.app.gateway.retention.watcher.tick()).toBe(2);
    notes = (await gateway.desk('GET', `/v1/desk/calls/${ended.id}/notes`)).body.items;
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n: any) => n.purged === true && n.text === '')).toBe(true);
    const call = (await gateway.desk('GET', `/v1/desk/calls/${ended.id}`)).body;
    expect(call.requester).toEqual({ name: '[removed]' });
    expect(call.retention).toEqual({ bodiesPurgedAt: expect.any(String), notesPurgedAt: new Date(clock).toISOString(), requesterPurgedAt: new Date(clock).toISOString() });
    const kept = (await gateway.desk('GET', `/v1/desk/calls/${open.id}`)).body;
    expect(kept.requester).toMatchObject({ email: 'a.jansen@example.org' });
    expect(kept.retention).toBeUndefined();
    // Nothing is due twice.
    expect((await post(gateway, '/v1/admin/retention/purge')).body).toEqual({ calls: 0, messages: 0, notes: 0 });
  });

  it('answers reads of purged records clearly: the trace, the history, a resend of the purged message', async () => {
    expect((await gateway.desk('GET', `/v1/desk/calls/${ended.id}/trace`)).status).toBe(200);
    expect((await gateway.desk('GET', `/v1/desk/calls/${ended.id}/history`)).status).toBe(200);
    const client = gateway.client(hospital);
    const again = await client.send('/v1/calls', submitted.envelope);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'USM_ERR_MESSAGE_PURGED' });
  });

  it('keeps the log verifiable: the tree, and an inclusion proof of the purged message', async () => {
    const records = await logRecords();
    expect(verifyLog(records)).toMatchObject({ ok: true, records: records.length });
    const index = await gateway.app.gateway.store.logIndexOf('in', 'hospital', String(submitted.envelope.id));
    const proof = (await gateway.client(hospital).get(`/v1/log/proofs/inclusion?index=${index}`)).body as any;
    const { index: _i, leafHash: _l, ...entry } = proof.record as LogRecord;
    const leaf = leafHash(leafBytes(entry));
    expect(verifyInclusion(proof.index, proof.treeSize, leaf, proof.proof.map((h: string) => fromBase64url(h)!), fromBase64url(proof.checkpoint.rootHash)!)).toBe(true);
  });

  it("erases one requester's details from every call of theirs and records the erasure without them", async () => {
    const client = gateway.client(hospital);
    const hers = (await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: 'VPN drops every hour', requester: ERIKA })))).body as any;
    const other = (await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: 'Mail is slow' })))).body as any;
    await gateway.desk('POST', `/v1/desk/calls/${hers.call.id}/notes`, { text: `Call back Erika Mustermann on ${ERIKA.phone} or ${ERIKA.email}`, visibility: 'public' });

    const erased = await post(gateway, '/v1/admin/retention/erase', { email: 'Erika.Mustermann@EXAMPLE.org' });
    expect(erased).toMatchObject({ status: 200, body: { requestedBy: 'admin', matchedBy: 'email', calls: [hers.call.id] } });
    expect(JSON.stringify(erased.body)).not.toMatch(/erika/i);
    const call = (await gateway.desk('GET', `/v1/desk/calls/${hers.call.id}`)).body;
    expect(call.requester).toEqual({ name: '[removed]' });
    expect(call.retention).toMatchObject({ erasureId: erased.body.id, requesterPurgedAt: expect.any(String) });
    const notes = (await gateway.desk('GET', `/v1/desk/calls/${hers.call.id}/notes`)).body.items;
    expect(notes.find((n: any) => n.text.startsWith('Call back'))?.text).toBe('Call back [removed] on [removed] or [removed]');
    expect((await gateway.desk('GET', `/v1/desk/calls/${other.call.id}`)).body.requester.email).toBe('a.jansen@example.org');

    // Nowhere in the store any more: every row of every table, as text.
    for (const needle of [ERIKA.email, ERIKA.name, ERIKA.phone]) expect(await storeText(), needle).not.toContain(needle.toLowerCase());
    expect(await storeText()).toContain('a.jansen@example.org');
    const records = await logRecords();
    expect(verifyLog(records)).toMatchObject({ ok: true });
  });

  it('refuses bad erasure and purge requests with problem documents', async () => {
    const neither = await post(gateway, '/v1/admin/retention/erase', {});
    expect(neither).toMatchObject({ status: 422, type: expect.stringContaining('application/problem+json'), body: { code: 'USM_ERR_ERASURE_SUBJECT' } });
    const both = await post(gateway, '/v1/admin/retention/erase', { id: 'u-1', email: 'a@example.org' });
    expect(both).toMatchObject({ status: 422, body: { code: 'USM_ERR_ERASURE_SUBJECT' } });
    const badEmail = await post(gateway, '/v1/admin/retention/erase', { email: 'not an address' });
    expect(badEmail).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json'), body: { code: 'USM_ERR_VALIDATION' } });
    const unknownMember = await post(gateway, '/v1/admin/retention/erase', { name: 'Erika' });
    expect(unknownMember).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    const notJson = await post(gateway, '/v1/admin/retention/erase', '{"email":');
    expect(notJson).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
    const desk = await post(gateway, '/v1/admin/retention/erase', { email: 'a@example.org' }, DESK_TOKEN);
    expect([401, 403]).toContain(desk.status);
    expect(desk.type).toContain('application/problem+json');
    const anonymous = await fetch(`${gateway.url}/v1/admin/retention/purge`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  /** Everything the store holds, lower case: the SQLite file and its WAL as bytes (free pages included), or every PostgreSQL row as text. */
  async function storeText(): Promise<string> {
    if (database === undefined) {
      await gateway.app.gateway.store.scrub();
      const file = join(gateway.dir, 'gateway.db');
      const parts = [await readFile(file)];
      if (existsSync(`${file}-wal`)) parts.push(await readFile(`${file}-wal`));
      return Buffer.concat(parts).toString('latin1').toLowerCase();
    }
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const tables = (await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [database.schema])).rows;
      const texts: string[] = [];
      for (const { table_name } of tables) texts.push(...(await client.query<{ t: string }>(`SELECT t::text AS t FROM ${database.schema}.${table_name} t`)).rows.map((r) => r.t));
      return texts.join('\n').toLowerCase();
    } finally {
      await client.end();
    }
  }
});

describe('usm-link retention', () => {
  let gateway: GatewayFixture;
  beforeAll(async () => {
    gateway = await startGateway({ partners: [await makePartner('hospital')], config: { retention: { default: { bodiesDays: 1 } } } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await run(process.execPath, [CLI, 'retention', ...args, '--url', gateway.url], { timeout: 30_000, env: { ...process.env, USM_ADMIN_TOKEN: ADMIN_TOKEN } });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  }

  it('purges and erases through the admin API, exit 1 on a refusal', async () => {
    expect(await cli('purge')).toEqual({ code: 0, stdout: expect.stringContaining('"calls": 0') });
    const erased = await cli('erase', '--id', 'employee-4711');
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ matchedBy: 'id', calls: [], requestedBy: 'admin' });
    const refused = await cli('erase');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ code: 'USM_ERR_ERASURE_SUBJECT' });
  });
});

describe('usm-link verify-log on a purged store', () => {
  let gateway: GatewayFixture;
  let keysFile: string;
  let clock = Date.parse('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    const hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], now: () => clock, config: { retention: { default: { bodiesDays: 1, notesDays: 1, requesterDays: 1 } } } });
    const client = gateway.client(hospital);
    for (let i = 0; i < 3; i++) {
      const call = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` })))).body as any).call;
      if (i < 2) await gateway.desk('POST', `/v1/desk/calls/${call.id}/status`, { status: 'cancelled', reason: 'duplicate' });
    }
    const jwks = (await client.get('/.well-known/jwks.json')).body as { keys: object[] };
    keysFile = join(gateway.dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify({ keys: [...jwks.keys, publicJwkOf(hospital.jwk)] }));
    clock += 2 * DAY;
    expect((await post(gateway, '/v1/admin/retention/purge')).body).toMatchObject({ messages: 2 });
    await gateway.close();
  });
  afterAll(async () => removeDir(gateway.dir));

  it('passes, with the purged records’ signatures left unchecked and the kept one checked', async () => {
    const verdict = await verifyLogCli(join(gateway.dir, 'gateway.db'), '--keys', keysFile, '--json');
    expect(verdict.code, verdict.stdout).toBe(0);
    expect(JSON.parse(verdict.stdout)).toMatchObject({ ok: true, records: 3, signatures: { checked: 1, unchecked: 2 } });
  });

  it('still fails on a tampered store', async () => {
    const copy = join(gateway.dir, 'tampered.db');
    await copyFile(join(gateway.dir, 'gateway.db'), copy);
    const db = new Database(copy);
    db.prepare("UPDATE message_log SET digest = 'sha-256=AAAA' WHERE seq = 1").run();
    db.close();
    const verdict = await verifyLogCli(copy, '--keys', keysFile);
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toMatch(/broken at record 0: its contents do not match its leaf hash/);
  });
});
