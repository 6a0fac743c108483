import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../src/directory/directory-document.js';
import { readDirectoryUnverified, signDirectory } from '../../src/directory/directory-signing.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf } from '../../src/keys/jwk.js';
import { directoryOf, readOperatorSource } from '../../src/network/network-directory.js';
import { loadNetwork } from '../../src/network/network-model.js';
import { toBase64url } from '../../src/kernel/base64url.js';
import { removeDir } from '../support/gateway-fixture.js';
import { operatorKeyFiles } from '../support/operator-keys.js';

const run = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;
const examples = new URL('../../config/examples/', import.meta.url).pathname;
/** Each example chain's operator keys, made for this run. */
const operators = new Map<string, { key: string; keys: string }>();
const operatorKey = (chain: string): string => operators.get(chain)!.key;
const operatorKeys = (chain: string): string => operators.get(chain)!.keys;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('usm-link network publish, verify and diff', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'usm-link-directory-'));
    for (const chain of ['health-chain', 'government-chain']) operators.set(chain, await operatorKeyFiles(dir, chain));
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it.each([
    ['health-chain', ['nordic-hosting', 'regional-hie', 'st-olav-hospital'], 2],
    ['government-chain', ['cloud-supplier', 'national-ssc', 'riverside-municipality'], 2],
  ])('publishes the %s example, signed by its operator, and verifies it', async (chain, members, links) => {
    const out = join(dir, `${chain}.jws`);
    const published = await cli(['network', 'publish', join(examples, chain), '--key', operatorKey(chain), '--out', out]);
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(published.stdout).toContain(`network ${chain}, sequence 1, ${members.length} members, ${links} links`);
    const jws = (await readFile(out, 'utf8')).trim();
    expect(JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString())).toMatchObject({ typ: 'usm-link-directory+jws', alg: 'EdDSA' });

    const verified = await cli(['network', 'verify', out, '--operator-keys', operatorKeys(chain), '--json']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const { directory } = JSON.parse(verified.stdout) as { directory: Directory };
    expect(directory.network.id).toBe(chain);
    expect(directory.members.map((m) => m.id)).toEqual(members);
    expect(directory.links).toHaveLength(links);
    // Every member's published key and public URL, and every link's agreement held by both sides.
    const network = await loadNetwork(join(examples, chain));
    for (const member of directory.members) {
      const party = network.parties.get(member.id)!;
      expect(member.url).toBe(party.config.publicUrl);
      expect(member.keys.map((k) => k.jwk.kid)).toEqual(party.publishedKeys!.map((k) => k.kid));
      expect(member.keys.every((k) => k.jwk.d === undefined)).toBe(true);
    }
    for (const link of directory.links) {
      expect(network.parties.get(link.supplier)!.config.agreements.map((a) => a.id)).toContain(link.agreement);
      expect(network.parties.get(link.customer)!.config.underpinning.map((a) => a.id)).toContain(link.agreement);
    }
    expect(directory.exp - directory.iat).toBe(168 * 3600);

    // Published again to the same file: the sequence grows by itself, and the new one verifies after the old.
    await writeFile(join(dir, `${chain}-1.jws`), jws);
    expect((await cli(['network', 'publish', join(examples, chain), '--key', operatorKey(chain), '--out', out, '--valid-hours', '2'])).code).toBe(0);
    const second = await cli(['network', 'verify', out, '--operator-keys', operatorKeys(chain), '--after', join(dir, `${chain}-1.jws`)]);
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain('sequence 2 (after 1)');
  });

  it('carries the key periods of the operator source', async () => {
    const source = await readOperatorSource(join(examples, 'health-chain'));
    const directory = directoryOf(await loadNetwork(join(examples, 'health-chain')), source, { sequence: 1, issuedAt: 1_800_000_000, validSeconds: 3600 });
    const key = directory.members.find((m) => m.id === 'regional-hie')!.keys[0]!;
    expect({ nbf: key.nbf, exp: key.exp }).toEqual({ nbf: Date.parse('2026-01-01T00:00:00Z') / 1000, exp: Date.parse('2028-01-01T00:00:00Z') / 1000 });
  });

  it.each([
    ['health-chain-broken-keys', 'NET_KEY_MISMATCH'],
    ['health-chain-broken-loop', 'NET_CYCLE'],
    ['health-chain-broken-targets', 'NET_TARGET_TOO_TIGHT'],
    ['government-chain-broken-hours', 'NET_HOURS'],
    ['government-chain-broken-url', 'NET_URL_MISMATCH'],
  ])('refuses to publish %s, naming %s, and writes nothing', async (name, code) => {
    const chain = name.startsWith('health') ? 'health-chain' : 'government-chain';
    const out = join(dir, `${name}.jws`);
    const refused = await cli(['network', 'publish', join(examples, name), '--key', operatorKey(chain), '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('refused: network check found');
    expect(refused.stdout).toMatch(new RegExp(`ERROR ${code}\\s`));
    expect(await exists(out)).toBe(false);
  });

  describe('verify refuses', () => {
    let good: string;
    let doc: Directory;
    beforeAll(async () => {
      good = join(dir, 'good.jws');
      expect((await cli(['network', 'publish', join(examples, 'health-chain'), '--key', operatorKey('health-chain'), '--out', good, '--sequence', '5'])).code).toBe(0);
      doc = readDirectoryUnverified(await readFile(good, 'utf8'));
    });
    const refusal = async (file: string, extra: string[] = []): Promise<string> => {
      const result = await cli(['network', 'verify', file, '--operator-keys', operatorKeys('health-chain'), ...extra]);
      expect(result.code, result.stdout).toBe(1);
      return result.stdout;
    };

    it('a directory signed by another key, even one calling itself by the operator kid', async () => {
      const other = await generatePrivateJwk('ES256');
      const stranger = join(dir, 'stranger.jws');
      await writeFile(stranger, signDirectory(doc, signingKeyOf(other)));
      expect(await refusal(stranger)).toMatch(/^DIR_SIGNATURE: .*not signed by one of the operator's keys/);
      const operatorKid = JSON.parse(await readFile(operatorKeys('health-chain'), 'utf8')).keys[0].kid as string;
      const impostor = join(dir, 'impostor.jws');
      await writeFile(impostor, signDirectory(doc, signingKeyOf({ ...(await generatePrivateJwk('EdDSA')), kid: operatorKid })));
      expect(await refusal(impostor)).toMatch(/^DIR_SIGNATURE: .*the signature does not match/);
    });

    it('an older or equal sequence than the one held (rollback)', async () => {
      const older = join(dir, 'older.jws');
      expect((await cli(['network', 'publish', join(examples, 'health-chain'), '--key', operatorKey('health-chain'), '--out', older, '--sequence', '4'])).code).toBe(0);
      expect(await refusal(older, ['--after', good])).toMatch(/^DIR_ROLLBACK: the directory's sequence 4 is not above 5/);
      expect(await refusal(good, ['--after', good])).toMatch(/^DIR_ROLLBACK: the directory's sequence 5 is not above 5/);
      // The same older one on its own is fine: only the order is wrong.
      expect((await cli(['network', 'verify', older, '--operator-keys', operatorKeys('health-chain')])).code).toBe(0);
    });

    it('an expired one', async () => {
      const expired = join(dir, 'expired.jws');
      const now = Math.floor(Date.now() / 1000);
      await writeFile(expired, signDirectory({ ...doc, iat: now - 7200, exp: now - 60 }, signingKeyOf(JSON.parse(await readFile(operatorKey('health-chain'), 'utf8')))));
      expect(await refusal(expired)).toMatch(/^DIR_EXPIRED: the directory expired at /);
    });

    it('a tampered one (a URL moved in the payload, the signature kept)', async () => {
      const [header, payload, signature] = (await readFile(good, 'utf8')).trim().split('.');
      const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { members: { url: string }[] };
      changed.members[0]!.url = 'https://attacker.example.net';
      const tampered = join(dir, 'tampered.jws');
      await writeFile(tampered, `${header}.${toBase64url(JSON.stringify(changed))}.${signature}`);
      expect(await refusal(tampered)).toMatch(/^DIR_SIGNATURE: .*the signature does not match/);
    });

    it('another kind of signed statement (a different typ)', async () => {
      const { signCompact } = await import('../../src/messages/jws.js');
      const other = join(dir, 'other-typ.jws');
      await writeFile(other, signCompact(Buffer.from(JSON.stringify(doc)), signingKeyOf(JSON.parse(await readFile(operatorKey('health-chain'), 'utf8'))), 'JWT'));
      expect(await refusal(other)).toMatch(/^DIR_SIGNATURE: .*typ must be usm-link-directory\+jws/);
    });

    it('a document that is signed but breaks the schema', async () => {
      const bad = join(dir, 'bad-schema.jws');
      const { signCompact } = await import('../../src/messages/jws.js');
      await writeFile(bad, signCompact(Buffer.from(JSON.stringify({ ...doc, sequence: 0 })), signingKeyOf(JSON.parse(await readFile(operatorKey('health-chain'), 'utf8'))), 'usm-link-directory+jws'));
      expect(await refusal(bad)).toMatch(/^DIR_SCHEMA: the directory \/sequence must be >= 1/);
    });
  });

  it('accepts either of two live operator keys during a rotation', async () => {
    const next = await generatePrivateJwk('ES256');
    const keys = join(dir, 'two-keys.jwks');
    const current = JSON.parse(await readFile(operatorKeys('health-chain'), 'utf8')).keys;
    await writeFile(keys, JSON.stringify({ keys: [...current, publicJwkOf(next)] }));
    const nextFile = join(dir, 'next-operator.jwk');
    await writeFile(nextFile, JSON.stringify(next));
    for (const [key, sequence] of [[operatorKey('health-chain'), '1'], [nextFile, '2']] as const) {
      const out = join(dir, `rotation-${sequence}.jws`);
      expect((await cli(['network', 'publish', join(examples, 'health-chain'), '--key', key, '--out', out, '--sequence', sequence])).code).toBe(0);
      const verified = await cli(['network', 'verify', out, '--operator-keys', keys]);
      expect(verified.code, verified.stdout).toBe(0);
    }
  });

  it('diff names each kind of change and whom it concerns', async () => {
    const network = await loadNetwork(join(examples, 'health-chain'));
    const source = await readOperatorSource(join(examples, 'health-chain'));
    const before = directoryOf(network, source, { sequence: 1, issuedAt: 1_800_000_000, validSeconds: 3600 });
    const hosting = before.members.find((m) => m.id === 'nordic-hosting')!;
    const hie = before.members.find((m) => m.id === 'regional-hie')!;
    const newKey = { jwk: publicJwkOf(await generatePrivateJwk()) };
    const after: Directory = {
      ...before,
      sequence: 2,
      members: [
        { ...hosting, url: 'https://hosting.nordic.example.org', keys: [newKey] },
        { ...hie, keys: [] },
        { id: 'city-clinic', name: 'City Clinic', url: 'https://clinic.example.org', roles: ['customer'], keys: [newKey], services: [] },
      ],
      links: [
        before.links.find((l) => l.supplier === 'nordic-hosting')!,
        { customer: 'city-clinic', supplier: 'regional-hie', agreement: 'city-clinic--regional-hie', services: ['records-exchange'] },
      ],
      revocations: { keys: [{ member: 'regional-hie', kid: hie.keys[0]!.jwk.kid!, reason: 'compromised' }], members: [{ id: 'st-olav-hospital', reason: 'left the region' }] },
    };
    const key = signingKeyOf(JSON.parse(await readFile(operatorKey('health-chain'), 'utf8')));
    await writeFile(join(dir, 'diff-1.jws'), signDirectory(before, key));
    await writeFile(join(dir, 'diff-2.jws'), signDirectory(after, key));

    const json = await cli(['network', 'diff', join(dir, 'diff-1.jws'), join(dir, 'diff-2.jws'), '--json']);
    expect(json.code, json.stdout).toBe(0);
    const { changes } = JSON.parse(json.stdout) as { changes: { kind: string; message: string; concerns: string[] }[] };
    const byKind = (kind: string) => changes.filter((c) => c.kind === kind);
    expect(byKind('member-added')).toEqual([{ kind: 'member-added', message: 'city-clinic (City Clinic) joins at https://clinic.example.org', concerns: ['city-clinic'] }]);
    expect(byKind('member-revoked')).toEqual([{ kind: 'member-revoked', message: "st-olav-hospital (St. Olav's Hospital) is revoked (left the region)", concerns: ['regional-hie'] }]);
    expect(byKind('url-moved')[0]).toMatchObject({ message: 'nordic-hosting moves from https://nordic-hosting.example.org to https://hosting.nordic.example.org', concerns: ['regional-hie'] });
    expect(byKind('key-added').map((c) => c.message)).toEqual([`nordic-hosting adds key ${newKey.jwk.kid}`]);
    expect(byKind('key-removed').map((c) => c.message)).toEqual([`nordic-hosting retires key ${hosting.keys[0]!.jwk.kid}`]);
    expect(byKind('key-revoked')[0]).toMatchObject({ message: `regional-hie's key ${hie.keys[0]!.jwk.kid} is revoked (compromised)` });
    expect(byKind('key-revoked')[0]!.concerns.sort()).toEqual(['city-clinic', 'nordic-hosting']);
    expect(byKind('link-added')[0]).toMatchObject({ message: "city-clinic may be regional-hie's customer for records-exchange under city-clinic--regional-hie", concerns: ['city-clinic', 'regional-hie'] });
    expect(byKind('link-removed')[0]).toMatchObject({ message: 'st-olav-hospital -> regional-hie (st-olav-hospital--regional-hie) is no longer allowed' });

    // A member that leaves without being revoked is a removal, and the text form lists every change.
    const left: Directory = { ...before, sequence: 3, members: before.members.filter((m) => m.id !== 'st-olav-hospital'), links: before.links.filter((l) => l.customer !== 'st-olav-hospital') };
    await writeFile(join(dir, 'diff-3.jws'), signDirectory(left, key));
    const text = await cli(['network', 'diff', join(dir, 'diff-1.jws'), join(dir, 'diff-3.jws')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('health-chain: sequence 1 -> 3, 2 change(s)');
    expect(text.stdout).toMatch(/member-removed\s+st-olav-hospital \(St\. Olav's Hospital\) leaves the network {2}\[regional-hie\]/);
    expect(text.stdout).toMatch(/link-removed\s+st-olav-hospital -> regional-hie/);
  });

  it('publishes a revocation from the operator source, and diff reports it', async () => {
    const variant = join(dir, 'revoking');
    await mkdir(join(variant, 'operator'), { recursive: true });
    await writeFile(join(variant, 'extends'), relative(variant, join(examples, 'health-chain')));
    const source = await readFile(join(examples, 'health-chain', 'operator', 'network.yaml'), 'utf8');
    await writeFile(
      join(variant, 'operator', 'network.yaml'),
      source.replace('  keys: []', '  keys:\n    - member: nordic-hosting\n      kid: qORPUHC9-bxpvdMnKk5-bFLSdSQEi_mIjCDGJ9OjWT0\n      reason: key leaked'),
    );
    const first = join(dir, 'revoking-1.jws');
    const second = join(dir, 'revoking-2.jws');
    expect((await cli(['network', 'publish', join(examples, 'health-chain'), '--key', operatorKey('health-chain'), '--out', first])).code).toBe(0);
    const published = await cli(['network', 'publish', variant, '--key', operatorKey('health-chain'), '--out', second, '--sequence', '2']);
    expect(published.code, published.stdout).toBe(0);
    const diff = await cli(['network', 'diff', first, second]);
    expect(diff.stdout).toMatch(/key-revoked\s+nordic-hosting's key qORPUHC9-bxpvdMnKk5-bFLSdSQEi_mIjCDGJ9OjWT0 is revoked \(key leaked\) {2}\[regional-hie\]/);
  });

  it('answers usage with exit 2 and a missing operator key with exit 1', async () => {
    expect((await cli(['network', 'publish', join(examples, 'health-chain')])).code).toBe(2);
    expect((await cli(['network', 'verify', 'x.jws', '--bogus'])).code).toBe(2);
    const missing = await cli(['network', 'publish', join(examples, 'health-chain'), '--key', join(dir, 'no-such.jwk'), '--out', join(dir, 'never.jws')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^ENOENT: /);
  });
});
