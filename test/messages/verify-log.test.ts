import { execFile } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { EMPTY_RANGE } from '../../src/messages/merkle-tree.js';
import { appendRecord, type LogEntry } from '../../src/messages/message-log.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

async function verifyLogCli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify-log', ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/**
 * Rewrites a log file whole, as someone with the file but not the gateway's key could: the records
 * changed by `change`, every leaf hash and subtree computed anew (a tree that holds together), the
 * checkpoints (which they cannot sign again) dropped.
 */
function rewrite(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  change(db);
  db.exec('DELETE FROM log_nodes; DELETE FROM log_checkpoints');
  let range = EMPTY_RANGE;
  const rows = db.prepare<[], Record<string, unknown>>('SELECT * FROM message_log ORDER BY seq').all();
  for (const row of rows) {
    const entry: LogEntry = {
      direction: row.direction as 'in',
      messageId: row.message_id as string,
      partner: row.partner as string,
      type: row.type as string,
      digest: row.digest as string,
      signature: row.signature as string,
      receipt: row.receipt as string | null,
      at: row.at as string,
    };
    const appended = appendRecord(range, entry);
    db.prepare('UPDATE message_log SET leaf_hash = ? WHERE seq = ?').run(appended.record.leafHash, row.seq);
    for (const node of appended.completed) db.prepare('INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)').run(node.level, node.index, node.hash.toString('base64url'));
    range = appended.range;
  }
  db.prepare('UPDATE log_head SET size = ?, hashes = ?').run(range.size, JSON.stringify(range.hashes.map((h) => h.toString('base64url'))));
  db.close();
}

describe('usm-link verify-log', () => {
  let gateway: GatewayFixture;
  let db: string;
  /** The hospital's copy of the gateway's checkpoint, fetched after its third message. */
  let checkpointFile: string;
  let keysFile: string;

  beforeAll(async () => {
    const hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
    const client = gateway.client(hospital);
    for (let i = 0; i < 3; i++) expect((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` })))).status).toBe(201);
    const checkpoint = await client.get('/v1/log/checkpoint');
    expect(checkpoint.body).toMatchObject({ treeSize: 3 });
    checkpointFile = join(gateway.dir, 'checkpoint.json');
    await writeFile(checkpointFile, JSON.stringify(checkpoint.body));
    const jwks = (await client.get('/.well-known/jwks.json')).body as { keys: object[] };
    keysFile = join(gateway.dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify({ keys: [...jwks.keys, publicJwkOf(hospital.jwk)] }));
    // Two more messages after the hospital kept its checkpoint.
    for (let i = 3; i < 5; i++) expect((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `call ${i}` })))).status).toBe(201);
    await gateway.close();
    db = join(gateway.dir, 'gateway.db');
  });
  afterAll(async () => removeDir(gateway.dir));

  const tampered = async (tamper: (db: Database.Database) => void): Promise<string> => {
    const copy = join(gateway.dir, `tampered-${Math.random().toString(36).slice(2)}.db`);
    await copyFile(db, copy);
    const sqlite = new Database(copy);
    tamper(sqlite);
    sqlite.close();
    return copy;
  };

  it('passes an intact log: its tree, its own checkpoints, a partner\'s checkpoint and every signature', async () => {
    const result = await verifyLogCli(db, '--checkpoint', checkpointFile, '--keys', keysFile);
    expect(result.stdout).toMatch(/^ok: 5 records, root [A-Za-z0-9_-]{43}, agrees with \d+ checkpoints; 5 records' signatures checked\n$/);
    expect(result.code).toBe(0);
    const json = await verifyLogCli(db, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, records: 5, signatures: { checked: 0, unchecked: 5 } });
  });

  it.each([
    ['a changed record', (d: Database.Database) => d.exec("UPDATE message_log SET partner = 'mallory' WHERE seq = 2"), 'broken at record 1: its contents do not match its leaf hash'],
    ['a removed record', (d: Database.Database) => d.exec('DELETE FROM message_log WHERE seq = 2'), 'broken at record 2: expected record 1 here'],
    [
      'a record changed with its leaf hash',
      (d: Database.Database) => {
        rewriteLeaf(d);
        // The stored subtrees still hold the old leaf.
      },
      'broken at record 1: the stored subtree 1/0 does not match the records under it',
    ],
    ['a changed body', (d: Database.Database) => d.exec("UPDATE inbound_messages SET body = body || ' '"), 'broken at record 0: its body does not match its digest'],
  ])('fails on %s, naming the first broken record', async (_name, tamper, expected) => {
    const result = await verifyLogCli(await tampered(tamper), '--keys', keysFile);
    expect(result.stdout).toContain(expected);
    expect(result.code).toBe(1);
  });

  it("fails on a log cut back below a partner's checkpoint", async () => {
    // The last four records go, with every checkpoint the file kept: what is left is a valid tree of one record.
    const copy = await tampered(() => undefined);
    rewrite(copy, (d) => d.exec('DELETE FROM message_log WHERE seq > 1'));
    expect((await verifyLogCli(copy)).code).toBe(0);
    const result = await verifyLogCli(copy, '--checkpoint', checkpointFile);
    expect(result.stdout).toContain('has 3 records, the log only 1 (cut back)');
    expect(result.code).toBe(1);
  });

  it("fails on a log rewritten whole with a new valid tree, against a partner's checkpoint", async () => {
    const copy = await tampered(() => undefined);
    rewrite(copy, (d) => d.exec("UPDATE message_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = 2"));
    expect((await verifyLogCli(copy)).code).toBe(0);
    const result = await verifyLogCli(copy, '--checkpoint', checkpointFile);
    expect(result.stdout).toContain('do not make the root of the checkpoint');
    expect(result.code).toBe(1);
  });

  it('fails on a forged signature inside a record, in a tree rewritten around it', async () => {
    const copy = await tampered(() => undefined);
    rewrite(copy, (d) => {
      const { signature } = d.prepare<[], { signature: string }>('SELECT signature FROM message_log WHERE seq = 3').get()!;
      const [header, , sig] = signature.split('.');
      const forged = `${header}..${sig!.slice(0, -4)}${sig!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      d.prepare('UPDATE message_log SET signature = ? WHERE seq = 3').run(forged);
    });
    const result = await verifyLogCli(copy, '--keys', keysFile);
    expect(result.stdout).toContain('broken at record 2: its signature: the signature does not match the body');
    expect(result.code).toBe(1);
  });

  it('checks a JSON Lines export (as from PostgreSQL) against a checkpoint JWS, and fails it cut back', async () => {
    const sqlite = new Database(db, { readonly: true });
    const rows = sqlite.prepare<[], Record<string, unknown>>('SELECT * FROM message_log ORDER BY seq').all();
    const jws = sqlite.prepare<[], { jws: string }>('SELECT jws FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1').get()!.jws;
    sqlite.close();
    const lines = rows.map((r) =>
      JSON.stringify({ index: Number(r.seq) - 1, direction: r.direction, messageId: r.message_id, partner: r.partner, type: r.type, digest: r.digest, signature: r.signature, receipt: r.receipt, at: r.at, leafHash: r.leaf_hash }),
    );
    const full = join(gateway.dir, 'log.jsonl');
    const cut = join(gateway.dir, 'cut.jsonl');
    const checkpoint = join(gateway.dir, 'checkpoint.jws');
    await writeFile(full, `${lines.join('\n')}\n`);
    await writeFile(cut, `${lines.slice(0, 4).join('\n')}\n`);
    await writeFile(checkpoint, `${jws}\n`);
    expect(await verifyLogCli(full, '--checkpoint', checkpoint, '--keys', keysFile)).toMatchObject({ code: 0, stdout: expect.stringContaining('ok: 5 records') });
    expect(await verifyLogCli(cut, '--checkpoint', checkpoint)).toMatchObject({ code: 1, stdout: expect.stringContaining('the log only 4 (cut back)') });
  });
});

/** Changes record 2's digest and writes the leaf hash that fits it, leaving the stored subtrees as they were. */
function rewriteLeaf(d: Database.Database): void {
  const row = d.prepare<[], Record<string, string>>('SELECT * FROM message_log WHERE seq = 2').get()!;
  const entry: LogEntry = {
    direction: row.direction as 'in', messageId: row.message_id!, partner: row.partner!, type: row.type!, digest: 'sha-256=x',
    signature: row.signature!, receipt: row.receipt ?? null, at: row.at!,
  };
  const { record } = appendRecord(EMPTY_RANGE, entry);
  d.prepare("UPDATE message_log SET digest = 'sha-256=x', leaf_hash = ? WHERE seq = 2").run(record.leafHash);
}
