import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { signCosignature } from '../../src/messages/cosignature.js';
import { EMPTY_RANGE, rootOf } from '../../src/messages/merkle-tree.js';
import { appendRecord, type LogRecord } from '../../src/messages/message-log.js';
import { eventually, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { startLocalTsa, type LocalTsa } from '../support/local-tsa.js';
import { postgresSchema } from '../support/postgres.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const SCRIPT = new URL('../../scripts/verify-proof.py', import.meta.url).pathname;

async function exec(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const cli = (...args: string[]) => exec(process.execPath, [CLI, ...args]);
/** verify-log --json: the verdict. */
async function verdict(...args: string[]): Promise<{ code: number; result: Record<string, any> }> {
  const { code, stdout, stderr } = await cli('verify-log', ...args, '--json');
  expect(stderr).toBe('');
  return { code, result: JSON.parse(stdout) as Record<string, any> };
}

type Line = Record<string, any>;
const readLines = async (file: string): Promise<Line[]> => (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
const writeLines = async (file: string, lines: Line[]): Promise<string> => {
  await writeFile(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return file;
};

/**
 * A log made anew by someone holding the gateway's key: the records changed by `change`, every leaf
 * hash computed again, every checkpoint signed again over the new roots (their timestamp tokens,
 * which no TSA gave for them, dropped with the TSA's certificates). A tree that holds together.
 */
function rewritten(lines: Line[], key: TestPartner, change: (records: LogRecord[]) => LogRecord[]): Line[] {
  const header = lines[0]!;
  const records = change(lines.filter((l) => l.type === 'record').map((l) => l.record as LogRecord));
  const bodies = new Map(lines.filter((l) => l.type === 'body').map((l) => [l.index as number, l]));
  const roots = new Map<number, string>();
  let range = EMPTY_RANGE;
  const out: Line[] = [];
  records.forEach((r, index) => {
    const { index: _i, leafHash: _h, ...entry } = r;
    const appended = appendRecord(range, entry);
    range = appended.range;
    roots.set(range.size, rootOf(range).toString('base64url'));
    out.push({ type: 'record', record: { ...appended.record, index } });
    const body = bodies.get(r.index);
    if (body !== undefined) out.push({ ...body, index });
  });
  const checkpoints = lines
    .filter((l) => l.type === 'checkpoint' && l.treeSize <= records.length)
    .map((l) => {
      const statement = { origin: l.origin as string, treeSize: l.treeSize as number, rootHash: roots.get(l.treeSize)!, at: l.at as string };
      return { type: 'checkpoint', ...statement, jws: signCheckpoint(statement, key.key) };
    });
  const keys = lines.filter((l) => l.type === 'key');
  const cosignatures = lines.filter((l) => l.type === 'cosignature');
  return [
    { ...header, counts: { ...header.counts, records: records.length, checkpoints: checkpoints.length, bodies: out.filter((l) => l.type === 'body').length, tsaCertificates: 0 } },
    ...keys,
    ...checkpoints,
    ...cosignatures,
    ...out,
  ];
}

describe('usm-link log export and verify-log on a bundle', () => {
  let tsa: LocalTsa;
  let hospital: TestPartner;
  let signing: TestPartner;
  let gateway: GatewayFixture;
  let db: string;
  let bundle: string;
  let lines: Line[];
  /** The hospital's copy of the gateway's checkpoint of 3 records. */
  let kept: string;
  let keysFile: string;
  let messageIds: string[];

  beforeAll(async () => {
    tsa = await startLocalTsa();
    hospital = await makePartner('hospital');
    signing = await makePartner('provider');
    gateway = await startGateway({ partners: [hospital], signing, fromFile: true, config: { evidence: { tsa: { url: tsa.url, certificates: tsa.caFile, intervalSeconds: 3600 } } } });
    const client = gateway.client(hospital);
    messageIds = [];
    const submit = async (i: number) => {
      const envelope = client.envelope('call.submit', incident({ summary: `call ${i}` }));
      messageIds.push((envelope as { id: string }).id);
      expect((await client.send('/v1/calls', envelope)).status).toBe(201);
    };
    for (let i = 0; i < 3; i++) await submit(i);
    const checkpoint = await client.get('/v1/log/checkpoint');
    expect(checkpoint.body).toMatchObject({ treeSize: 3 });
    kept = join(gateway.dir, 'kept-checkpoint.json');
    await writeFile(kept, JSON.stringify(checkpoint.body));
    for (let i = 3; i < 5; i++) await submit(i);
    await eventually(async () => (await gateway.app.gateway.store.logCheckpoint())?.timestampToken !== undefined || (await gateway.app.gateway.stamper!.stampOnce(), false), 10_000);
    keysFile = join(gateway.dir, 'pinned.json');
    await writeFile(keysFile, JSON.stringify({ keys: [publicJwkOf(signing.jwk), publicJwkOf(hospital.jwk)] }));
    await gateway.close();
    db = join(gateway.dir, 'gateway.db');
    bundle = join(gateway.dir, 'log.bundle.jsonl');
    const exported = await cli('log', 'export', '--config', gateway.configFile!, '--out', bundle, '--json');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, origin: 'provider', counts: { records: 5, bodies: 5, keys: 2, tsaCertificates: 1, cosignatures: 0 } });
    lines = await readLines(bundle);
  }, 60_000);
  afterAll(async () => {
    await tsa.close();
    await removeDir(gateway.dir);
  });

  const variant = (name: string, edit: (lines: Line[]) => Line[]): Promise<string> => writeLines(join(gateway.dir, `${name}.jsonl`), edit(structuredClone(lines)));
  const cosign = (treeSize: number, rootHash: string, by: TestPartner = hospital, witness = 'hospital'): Line => ({
    type: 'cosignature',
    jws: signCosignature({ origin: 'provider', treeSize, rootHash, witness, at: new Date().toISOString() }, by.key),
  });
  const checkpointOf = (size: number): Line => lines.find((l) => l.type === 'checkpoint' && l.treeSize === size)!;
  const withCosignatures = (ls: Line[], ...cosignatures: Line[]): Line[] => {
    const at = ls.findIndex((l) => l.type === 'record');
    const header = { ...ls[0]!, counts: { ...ls[0]!.counts, cosignatures: ls[0]!.counts.cosignatures + cosignatures.length } };
    return [header, ...ls.slice(1, at), ...cosignatures, ...ls.slice(at)];
  };

  it('writes the header, then keys, the TSA certificate, checkpoints with tokens, and each record with its body', () => {
    expect(lines[0]).toMatchObject({ type: 'header', format: 'usm-link-log-bundle', version: 1, origin: 'provider' });
    expect(lines.map((l) => l.type)).toEqual([
      'header', 'key', 'key', 'tsa-certificate',
      ...lines.filter((l) => l.type === 'checkpoint').map(() => 'checkpoint'),
      ...Array.from({ length: 5 }, () => ['record', 'body']).flat(),
    ]);
    expect(lines.filter((l) => l.type === 'key').map((l) => l.owner)).toEqual(['provider', 'hospital']);
    expect(lines.filter((l) => l.type === 'key').every((l) => l.jwk.d === undefined)).toBe(true);
    expect(lines.filter((l) => l.type === 'checkpoint').at(-1)).toMatchObject({ treeSize: 5, timestampToken: expect.any(String) });
  });

  it('never overwrites a file, and names a store it cannot open', async () => {
    expect(await cli('log', 'export', '--store', db, '--out', bundle)).toMatchObject({ code: 2, stderr: expect.stringContaining('the file exists') });
    expect(await cli('log', 'export', '--store', join(gateway.dir, 'none.db'), '--out', join(gateway.dir, 'none.jsonl'))).toMatchObject({ code: 1, stderr: expect.stringContaining('USM_BOOT_STORE') });
  });

  it('passes an intact bundle: tree, checkpoints, a partner\'s kept checkpoint, every signature, the timestamps', async () => {
    const { code, result } = await verdict(bundle, '--keys', keysFile, '--tsa-cert', tsa.caFile, '--checkpoint', kept);
    expect(result).toMatchObject({ ok: true, origin: 'provider', records: 5, signatures: { checked: 5, unchecked: 0 }, trust: { keys: 'pinned', tsa: 'pinned' } });
    expect(result.timestamps).toBeGreaterThanOrEqual(1);
    expect(code).toBe(0);
    const text = await cli('verify-log', bundle);
    expect(text.stdout).toMatch(/^ok: bundle of provider, 5 records, .*keys: bundle, TSA: bundle \(the bundle's own keys prove consistency only/);
    // Another TSA's CA pinned: the tokens do not chain to it.
    expect((await verdict(bundle, '--tsa-cert', tsa.otherCaFile)).result).toMatchObject({ ok: false, code: 'timestamp_invalid' });
  });

  it.each([
    ['a flipped byte in a record', (ls: Line[]) => ls.map((l) => (l.type === 'record' && l.record.index === 2 ? { ...l, record: { ...l.record, partner: 'hospitaL' } } : l)), 'leaf_mismatch', 2],
    ['a flipped byte in a body', (ls: Line[]) => ls.map((l) => (l.type === 'body' && l.index === 1 ? { ...l, body: l.body.replace('call 1', 'call 7') } : l)), 'body_mismatch', 1],
    ['a removed record', (ls: Line[]) => ls.filter((l) => !(l.record?.index === 3 || (l.type === 'body' && l.index === 3))), 'record_missing', 4],
    ['a removed last record', (ls: Line[]) => ls.filter((l) => !(l.record?.index === 4 || (l.type === 'body' && l.index === 4))), 'record_missing', 4],
    ['a missing timestamp token', (ls: Line[]) => ls.map((l) => (l.type === 'checkpoint' && l.treeSize === 5 ? { ...l, timestampToken: undefined } : l)), 'timestamp_missing', undefined],
    [
      'an invalid timestamp token',
      (ls: Line[]) =>
        ls.map((l) => {
          if (l.type !== 'checkpoint' || l.timestampToken === undefined) return l;
          const bytes = Buffer.from(l.timestampToken as string, 'base64');
          bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
          return { ...l, timestampToken: bytes.toString('base64') };
        }),
      'timestamp_invalid',
      undefined,
    ],
    ['a key retired before the records', (ls: Line[]) => ls.map((l) => (l.type === 'key' && l.owner === 'provider' ? { ...l, notAfter: '2020-01-01T00:00:00.000Z' } : l)), 'key_retired', 0],
    ['a checkpoint line removed', (ls: Line[]) => ls.filter((l) => !(l.type === 'checkpoint' && l.treeSize === 2)), 'bundle_malformed', undefined],
    ['a checkpoint signed by the partner', (ls: Line[]) => ls.map((l) => (l.type === 'checkpoint' && l.treeSize === 2 ? { ...l, jws: signCheckpoint({ origin: 'provider', treeSize: 2, rootHash: l.rootHash, at: l.at }, hospital.key) } : l)), 'signature_invalid', undefined],
  ])('fails on %s, naming it', async (name, edit, code, brokenAt) => {
    const file = await variant(name.replaceAll(' ', '-'), edit as (ls: Line[]) => Line[]);
    const { code: exit, result } = await verdict(file, '--keys', keysFile);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.brokenAt).toBe(brokenAt);
    expect(exit).toBe(1);
  });

  it("fails on a log cut back below a partner's kept checkpoint or a cosignature", async () => {
    const cut = await variant('cut', (ls) => rewritten(ls, signing, (records) => records.slice(0, 2)));
    expect(await verdict(cut, '--keys', keysFile)).toMatchObject({ code: 0, result: { ok: true, records: 2 } });
    expect((await verdict(cut, '--keys', keysFile, '--checkpoint', kept)).result).toMatchObject({ ok: false, code: 'cut_back', reason: expect.stringContaining('has 3 records, the log only 2') });
    const cosigned = await variant('cut-cosigned', (ls) => withCosignatures(rewritten(ls, signing, (records) => records.slice(0, 2)), cosign(3, checkpointOf(3).rootHash)));
    expect(await verdict(cosigned, '--keys', keysFile)).toMatchObject({ code: 1, result: { ok: false, code: 'cut_back' } });
  });

  it('fails on a log rewritten whole and signed again with the same key, by a kept checkpoint or a cosignature', async () => {
    const change = (records: LogRecord[]) => records.map((r) => (r.index === 1 ? { ...r, at: '2026-01-01T00:00:00.000Z' } : r));
    const forged = await variant('rewritten', (ls) => rewritten(ls, signing, change));
    expect(await verdict(forged, '--keys', keysFile)).toMatchObject({ code: 0, result: { ok: true, records: 5 } });
    expect((await verdict(forged, '--keys', keysFile, '--checkpoint', kept)).result).toMatchObject({ ok: false, code: 'rewritten', brokenAt: 2 });
    const cosigned = await variant('rewritten-cosigned', (ls) => withCosignatures(rewritten(ls, signing, change), cosign(3, checkpointOf(3).rootHash)));
    expect((await verdict(cosigned, '--keys', keysFile)).result).toMatchObject({ ok: false, code: 'rewritten', brokenAt: 2, reason: expect.stringContaining('cosignature 1 (by hospital') });
  });

  it('fails on a forged signature inside a record, in a tree made anew around it', async () => {
    const file = await variant('forged-signature', (ls) =>
      rewritten(ls, signing, (records) =>
        records.map((r) => {
          if (r.index !== 2) return r;
          const [header, , sig] = r.signature.split('.');
          return { ...r, signature: `${header}..${sig!.slice(0, -4)}${sig!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}` };
        }),
      ),
    );
    expect((await verdict(file, '--keys', keysFile)).result).toMatchObject({ ok: false, code: 'signature_invalid', brokenAt: 2, reason: expect.stringContaining('its signature') });
  });

  it('checks cosignatures: a valid one counts its witness, a forged one or too few witnesses fail', async () => {
    const good = await variant('cosigned', (ls) => withCosignatures(ls, cosign(3, checkpointOf(3).rootHash)));
    expect(await verdict(good, '--keys', keysFile, '--require-cosignatures', '1')).toMatchObject({ code: 0, result: { ok: true, cosignatures: { count: 1, witnesses: ['hospital'] } } });
    expect((await verdict(good, '--require-cosignatures', '2')).result).toMatchObject({ ok: false, code: 'cosignatures_missing' });
    // Signed with the gateway's own key in the hospital's name.
    const forged = await variant('cosigned-forged', (ls) => withCosignatures(ls, cosign(3, checkpointOf(3).rootHash, signing)));
    expect((await verdict(forged, '--keys', keysFile)).result).toMatchObject({ ok: false, code: 'cosignature_invalid' });
    const stranger = await makePartner('stranger');
    const unknown = await variant('cosigned-unknown', (ls) => withCosignatures(ls, cosign(3, checkpointOf(3).rootHash, stranger, 'stranger')));
    expect((await verdict(unknown, '--keys', keysFile)).result).toMatchObject({ ok: false, code: 'cosignature_invalid' });
  });

  it('refuses a bundle key that is not the pinned key of its kid', async () => {
    const impostor = await makePartner('provider');
    const file = await variant('impostor-key', (ls) => ls.map((l) => (l.type === 'key' && l.owner === 'provider' ? { ...l, jwk: { ...publicJwkOf(impostor.jwk), kid: signing.key.kid } } : l)));
    expect((await verdict(file, '--keys', keysFile)).result).toMatchObject({ ok: false, code: 'key_mismatch' });
  });

  it('exports a purged store whose bundle still verifies: leaves kept, bodies absent, receipts checked', async () => {
    const purged = join(gateway.dir, 'purged.db');
    await copyFile(db, purged);
    const edit = new Database(purged);
    // What a retention purge does to the bodies of ended calls (statements.ts, purgeInbound).
    edit.prepare("UPDATE inbound_messages SET body = '', purged_at = ? WHERE rowid IN (SELECT rowid FROM inbound_messages LIMIT 3)").run(new Date().toISOString());
    edit.close();
    const out = join(gateway.dir, 'purged.bundle.jsonl');
    expect(await cli('log', 'export', '--store', purged, '--config', gateway.configFile!, '--out', out)).toMatchObject({ code: 0, stdout: expect.stringContaining('5 records (2 bodies)') });
    expect(await verdict(out, '--keys', keysFile, '--tsa-cert', tsa.caFile, '--checkpoint', kept)).toMatchObject({ code: 0, result: { ok: true, records: 5, signatures: { checked: 2, unchecked: 3 } } });
  });

  it('log prove gives a proof that the Python script checks, and refuses a tampered one; the script rebuilds a bundle\'s root', async () => {
    const proved = await cli('log', 'prove', '--store', db, '--message', messageIds[1]!, '--checkpoint-size', '3');
    expect(proved).toMatchObject({ code: 0, stderr: '' });
    const proof = JSON.parse(proved.stdout) as Record<string, any>;
    expect(proof).toMatchObject({ origin: 'provider', index: 1, treeSize: 3, leafHash: proof.record.leafHash, checkpoint: { treeSize: 3, rootHash: checkpointOf(3).rootHash } });
    const good = join(gateway.dir, 'proof.json');
    await writeFile(good, proved.stdout);
    expect(await exec('python3', [SCRIPT, good])).toMatchObject({ code: 0, stdout: expect.stringContaining('ok: record 1 is in the tree of 3 records') });
    const tampered = join(gateway.dir, 'proof-tampered.json');
    await writeFile(tampered, JSON.stringify({ ...proof, record: { ...proof.record, digest: `${proof.record.digest}x` } }));
    expect(await exec('python3', [SCRIPT, tampered])).toMatchObject({ code: 1, stdout: expect.stringContaining('does not make its leaf hash') });
    const [first, ...rest] = proof.proof as string[];
    const otherPath = join(gateway.dir, 'proof-path.json');
    await writeFile(otherPath, JSON.stringify({ ...proof, proof: [...rest, first] }));
    expect(await exec('python3', [SCRIPT, otherPath])).toMatchObject({ code: 1, stdout: expect.stringContaining('does not lead to the checkpoint root') });
    // The newest checkpoint when no size is given.
    expect(JSON.parse((await cli('log', 'prove', '--store', db, '--message', messageIds[4]!)).stdout)).toMatchObject({ index: 4, treeSize: 5 });
    expect(await cli('log', 'prove', '--store', db, '--message', messageIds[4]!, '--checkpoint-size', '3')).toMatchObject({ code: 1, stderr: expect.stringContaining('after the checkpoint of 3 records') });

    const verified = await verdict(bundle);
    expect(await exec('python3', [SCRIPT, '--bundle', bundle])).toMatchObject({ code: 0, stdout: `ok: 5 records, root ${verified.result.rootHash}\n` });
    const changed = await variant('python-changed', (ls) => ls.map((l) => (l.type === 'record' && l.record.index === 2 ? { ...l, record: { ...l.record, at: '2026-01-01T00:00:00.000Z' } } : l)));
    expect(await exec('python3', [SCRIPT, '--bundle', changed])).toMatchObject({ code: 1, stdout: expect.stringContaining('record 2 does not make its leaf hash') });
  });
});

describe('usm-link log export from PostgreSQL', () => {
  it('exports the log of a gateway on PostgreSQL, read-only, and the bundle verifies', async () => {
    const pg = postgresSchema();
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital], fromFile: true, config: { storage: pg.url } });
    try {
      const client = gateway.client(hospital);
      for (let i = 0; i < 3; i++) expect((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `pg ${i}` })))).status).toBe(201);
      await gateway.close();
      const out = join(gateway.dir, 'pg.bundle.jsonl');
      const exported = await cli('log', 'export', '--store', pg.url, '--config', gateway.configFile!, '--out', out, '--json');
      expect(exported).toMatchObject({ code: 0 });
      expect(JSON.parse(exported.stdout)).toMatchObject({ counts: { records: 3, bodies: 3, keys: 2 } });
      expect(await verdict(out)).toMatchObject({ code: 0, result: { ok: true, origin: 'provider', records: 3, signatures: { checked: 3, unchecked: 0 }, trust: { keys: 'bundle' } } });
      const lines = await readLines(out);
      const cut = await writeLines(join(gateway.dir, 'pg-cut.jsonl'), lines.filter((l) => !(l.record?.index === 2 || (l.type === 'body' && l.index === 2))));
      expect((await verdict(cut)).result).toMatchObject({ ok: false, code: 'record_missing' });
    } finally {
      await pg.drop();
      await removeDir(gateway.dir);
    }
  }, 60_000);
});

describe('verify-log on a bundle, at a terminal', () => {
  it('shows the records done of the total on stderr, and nothing but the verdict with --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-bundle-'));
    try {
      const n = 2500;
      let range = EMPTY_RANGE;
      const records: string[] = [];
      for (let i = 0; i < n; i++) {
        const appended = appendRecord(range, { direction: 'in', messageId: `m${i}`, partner: 'hospital', type: 'call.submit', digest: 'sha-256=:x:', signature: 'e30..AAAA', receipt: null, at: new Date(1_700_000_000_000 + i).toISOString() });
        range = appended.range;
        records.push(JSON.stringify({ type: 'record', record: appended.record }));
      }
      const header = { type: 'header', format: 'usm-link-log-bundle', version: 1, origin: 'provider', createdAt: new Date().toISOString(), counts: { records: n, bodies: 0, checkpoints: 0, keys: 0, tsaCertificates: 0, cosignatures: 0 } };
      const file = join(dir, 'big.jsonl');
      await writeFile(file, `${[JSON.stringify(header), ...records].join('\n')}\n`);
      // `script` runs the command on a pseudo-terminal: stdout and stderr both land in its output.
      const atTerminal = (...args: string[]) => exec('script', ['-qec', [process.execPath, CLI, 'verify-log', file, ...args].join(' '), '/dev/null']);
      const shown = await atTerminal();
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`${n} / ${n} records`);
      expect(shown.stdout).toContain(`ok: bundle of provider, ${n} records, root ${rootOf(range).toString('base64url')}`);
      const json = await atTerminal('--json');
      expect(json.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, records: n, signatures: { checked: 0, unchecked: n }, trust: { keys: 'none', tsa: 'none' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
