import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

async function verifyLogCli(file: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify-log', file], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('usm-link verify-log', () => {
  let gateway: GatewayFixture;
  let db: string;

  beforeAll(async () => {
    const hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
    const client = gateway.client(hospital);
    for (let i = 0; i < 3; i++) expect((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` })))).status).toBe(201);
    await gateway.close();
    db = join(gateway.dir, 'gateway.db');
  });
  afterAll(async () => removeDir(gateway.dir));

  it('passes an intact log', async () => {
    const result = await verifyLogCli(db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ok: 3 records');
  });

  it.each([
    ['a changed record', 'UPDATE message_log SET partner = \'mallory\' WHERE seq = 2', 'broken at record 2: its contents do not match its hash'],
    ['a removed record', 'DELETE FROM message_log WHERE seq = 2', 'broken at record 3: expected record 2 here'],
    ['a re-hashed record', "UPDATE message_log SET digest = 'sha-256=x', hash = '" + 'f'.repeat(64) + "' WHERE seq = 1", 'broken at record 1'],
  ])('fails on %s, naming the first broken record', async (_name, tamper, expected) => {
    const copy = join(gateway.dir, `tampered-${Math.random().toString(36).slice(2)}.db`);
    await copyFile(db, copy);
    const sqlite = new Database(copy);
    sqlite.exec(tamper);
    sqlite.close();
    const result = await verifyLogCli(copy);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(expected);
  });
});
