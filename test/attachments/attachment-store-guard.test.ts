import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentStore } from '../../src/attachments/content-store.js';

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
