import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAllowedHost, isInternalAddress } from '../../src/attachments/address-guard.js';
import { createContentStore } from '../../src/attachments/content-store.js';

describe('the address guard', () => {
  it('judges loopback, link-local, private, shared and reserved addresses internal, in IPv4 and IPv6', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not an address']) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isInternalAddress(address), address).toBe(false);
    }
  });

  it('allows exact host names and subdomains of a wildcard, nothing else', () => {
    const allowed = ['files.example.org', '*.cdn.example.net'];
    expect(isAllowedHost('files.example.org', allowed)).toBe(true);
    expect(isAllowedHost('FILES.example.org.', allowed)).toBe(true);
    expect(isAllowedHost('a.cdn.example.net', allowed)).toBe(true);
    expect(isAllowedHost('cdn.example.net', allowed)).toBe(false);
    expect(isAllowedHost('evilcdn.example.net', allowed)).toBe(false);
    expect(isAllowedHost('files.example.org.evil.com', allowed)).toBe(false);
    expect(isAllowedHost('127.0.0.1', allowed)).toBe(false);
  });
});

describe('the content store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps content under its SHA-256, once, and refuses content that does not hash to its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-content-'));
    dirs.push(dir);
    const store = createContentStore(dir);
    const bytes = Buffer.from('a log line\n'.repeat(10));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await store.has(sha256)).toBe(false);
    expect(await store.get(sha256)).toBeUndefined();
    await store.put(sha256, bytes);
    await store.put(sha256, bytes);
    expect(await store.has(sha256)).toBe(true);
    expect((await store.get(sha256))!.equals(bytes)).toBe(true);
    // One file under a two-letter folder, no temporary file left behind.
    expect(await readdir(join(dir, sha256.slice(0, 2)))).toEqual([sha256]);
    await expect(store.put('0'.repeat(64), bytes)).rejects.toThrow(/does not hash/);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
    // A new store on the same folder (a restart) has it.
    expect((await createContentStore(dir).get(sha256))!.equals(bytes)).toBe(true);
  });
});
