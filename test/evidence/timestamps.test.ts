import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificates, verifyTimestampToken } from '../../src/evidence/timestamp-token.js';
import { eventually, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { startLocalTsa, type LocalTsa } from '../support/local-tsa.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

async function verifyLog(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify-log', ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/** A clock the test moves forward: the gateway's and the partner's both. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

describe('RFC 3161 timestamps of the log checkpoints', () => {
  let tsa: LocalTsa;
  let hospital: TestPartner;
  const gateways: GatewayFixture[] = [];
  const start = async (tsaConfig: Record<string, unknown>, now?: () => number): Promise<GatewayFixture> => {
    const gateway = await startGateway({ partners: [hospital], ...(now ? { now } : {}), config: { evidence: { tsa: { url: tsa.url, certificates: tsa.caFile, intervalSeconds: 0.2, ...tsaConfig } } } });
    gateways.push(gateway);
    return gateway;
  };
  const submit = (gateway: GatewayFixture, summary: string) => {
    const client = gateway.client(hospital);
    return client.send('/v1/calls', client.envelope('call.submit', incident({ summary })));
  };

  beforeAll(async () => {
    tsa = await startLocalTsa();
    hospital = await makePartner('hospital');
  });
  afterAll(async () => {
    for (const gateway of gateways) {
      await gateway.close();
      await removeDir(gateway.dir);
    }
    await tsa.close();
  });

  it('stamps the newest checkpoint, keeps the verified token and serves it with the checkpoint; openssl verifies it too', async () => {
    const gateway = await start({});
    expect((await submit(gateway, 'stamped 1')).status).toBe(201);
    expect((await submit(gateway, 'stamped 2')).status).toBe(201);
    const client = gateway.client(hospital);
    const answer = await eventually(async () => {
      const got = await client.get('/v1/log/checkpoint');
      const body = got.body as { treeSize: number; timestampToken?: string; checkpoint: string };
      return body.treeSize === 2 && typeof body.timestampToken === 'string' ? body : false;
    }, 10_000);
    const token = Buffer.from(answer.timestampToken as string, 'base64');
    const anchors = readCertificates(await readFile(tsa.caFile, 'utf8'));
    const { genTime } = await verifyTimestampToken(token, answer.checkpoint, anchors);
    expect(Math.abs(genTime.getTime() - Date.now())).toBeLessThan(60_000);
    // Another checkpoint's JWS is not what the token stamps.
    await expect(verifyTimestampToken(token, `${answer.checkpoint}x`, anchors)).rejects.toThrow(/another imprint/);
    // The documented check with openssl alone (docs/protocol.md, "Timestamps").
    await writeFile(join(gateway.dir, 'checkpoint.jws'), answer.checkpoint);
    await writeFile(join(gateway.dir, 'token.der'), token);
    const verified = await run('openssl', ['ts', '-verify', '-data', 'checkpoint.jws', '-in', 'token.der', '-token_in', '-CAfile', tsa.caFile], { cwd: gateway.dir });
    expect(verified.stdout).toMatch(/Verification: OK/);
  });

  it('refuses a token whose signer does not chain to the configured certificates', async () => {
    const gateway = await start({ certificates: tsa.otherCaFile, intervalSeconds: 3600 });
    expect((await submit(gateway, 'other anchor')).status).toBe(201);
    const outcome = await gateway.app.gateway.stamper!.stampOnce();
    expect(outcome).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/certificate/) });
    expect((await gateway.app.gateway.store.logCheckpoint())?.timestampToken).toBeUndefined();
  });

  it('refuses an answer over another imprint or with another nonce', async () => {
    const gateway = await start({ intervalSeconds: 3600 });
    try {
      // Set before the write: the commit's own look at its checkpoint meets the tampering TSA too.
      tsa.tamper = 'imprint';
      expect((await submit(gateway, 'tampered')).status).toBe(201);
      expect(await gateway.app.gateway.stamper!.stampOnce()).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/another imprint/) });
      tsa.tamper = 'nonce';
      expect(await gateway.app.gateway.stamper!.stampOnce()).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/nonce/) });
    } finally {
      tsa.tamper = 'none';
    }
    expect((await gateway.app.gateway.store.logCheckpoint())?.timestampToken).toBeUndefined();
    expect(await gateway.app.gateway.stamper!.stampOnce()).toMatchObject({ outcome: 'stamped', treeSize: 1 });
  });

  it('keeps writing through an outage shorter than maxFailureMinutes, refuses writes after it (reads go on, /readyz says why) and resumes once the TSA is back', async () => {
    const clock = movableClock();
    const gateway = await start({ maxFailureMinutes: 1, intervalSeconds: 3600 }, clock.now);
    const stamper = gateway.app.gateway.stamper!;
    const created = await submit(gateway, 'before the outage');
    expect(created.status).toBe(201);
    // The commit's own look may have stamped it already.
    expect(await stamper.stampOnce()).toMatchObject({ outcome: expect.stringMatching(/^(stamped|current)$/), treeSize: 1 });

    await tsa.stop();
    try {
      expect((await submit(gateway, 'during the outage')).status).toBe(201);
      expect(await stamper.stampOnce()).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/cannot be reached/) });
      clock.advance(30_000);
      expect((await submit(gateway, 'half a minute in')).status).toBe(201);
      expect((await gateway.desk('POST', '/v1/desk/webhooks', { url: 'http://127.0.0.1:9/hook', secret: 'whsec_0123456789abcdef0123456789abcdef', events: ['call.created'] })).status).toBe(201);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);

      clock.advance(31_000);
      const refused = await submit(gateway, 'past the threshold');
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'USM_ERR_TIMESTAMPING_UNAVAILABLE' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const deskWrite = await gateway.desk('POST', '/v1/desk/webhooks', { url: 'http://127.0.0.1:9/hook2', secret: 'whsec_0123456789abcdef0123456789abcdef', events: ['call.created'] });
      expect(deskWrite).toMatchObject({ status: 503, body: { code: 'USM_ERR_TIMESTAMPING_UNAVAILABLE' } });
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { timestamping: 'failing' }, details: { timestamping: expect.stringMatching(/USM_ERR_TIMESTAMPING_UNAVAILABLE/) } });
      // Reads go on.
      const client = gateway.client(hospital);
      expect((await client.get(`/v1/calls/${(created.body as { call: { id: string } }).call.id}`)).status).toBe(200);
      expect((await gateway.desk('GET', '/v1/desk/calls')).status).toBe(200);
    } finally {
      await tsa.start();
    }
    expect(await stamper.stampOnce()).toMatchObject({ outcome: 'stamped', treeSize: 3 });
    expect((await submit(gateway, 'after recovery')).status).toBe(201);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
  });

  it('verify-log --tsa-cert checks the stored tokens and names a missing or invalid one', async () => {
    const gateway = await start({ intervalSeconds: 3600 });
    expect((await submit(gateway, 'to verify')).status).toBe(201);
    await eventually(async () => (await gateway.app.gateway.store.logCheckpoint())?.timestampToken !== undefined || (await gateway.app.gateway.stamper!.stampOnce(), false), 10_000);
    await gateway.close();
    const db = join(gateway.dir, 'gateway.db');
    const good = await verifyLog(db, '--tsa-cert', tsa.caFile);
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/1 timestamp tokens checked/) });
    expect(await verifyLog(db, '--tsa-cert', tsa.otherCaFile)).toMatchObject({ code: 1, stdout: expect.stringMatching(/timestamp token of the checkpoint kept for 1 records is invalid/) });

    const flipped = join(gateway.dir, 'flipped.db');
    await copyFile(db, flipped);
    const edit = new Database(flipped);
    const { timestamp_token } = edit.prepare<[], { timestamp_token: string }>('SELECT timestamp_token FROM log_checkpoints').get()!;
    const bytes = Buffer.from(timestamp_token, 'base64');
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    edit.prepare('UPDATE log_checkpoints SET timestamp_token = ?').run(bytes.toString('base64'));
    edit.close();
    expect(await verifyLog(flipped, '--tsa-cert', tsa.caFile)).toMatchObject({ code: 1, stdout: expect.stringMatching(/kept for 1 records is invalid/) });

    const missing = join(gateway.dir, 'missing.db');
    await copyFile(db, missing);
    const drop = new Database(missing);
    drop.exec('UPDATE log_checkpoints SET timestamp_token = NULL');
    drop.close();
    expect(await verifyLog(missing, '--tsa-cert', tsa.caFile)).toMatchObject({ code: 1, stdout: expect.stringMatching(/newest checkpoint \(1 records\) has no timestamp token/) });
    // Without --tsa-cert the tokens are not asked for.
    expect((await verifyLog(missing)).code).toBe(0);
  });
});
