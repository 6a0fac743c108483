import { execFile } from 'node:child_process';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { newCall } from '../support/records.js';

const run = promisify(execFile);
const PROBE = join(import.meta.dirname, '..', 'support', 'sqlite-cache-probe.ts');
const CALLS = 20_000;

describe('the embedded store keeps a page cache of the size it is given', () => {
  let dir: string;
  beforeAll(async () => {
    // About 30 MB of calls, written once and read by fresh processes (a process that had a larger cache would reuse its freed memory).
    dir = await mkdtemp(join(tmpdir(), 'usm-link-cache-'));
    const store = openSqliteStore(join(dir, 'store.db'), { cacheMb: 1 });
    const summary = 'x'.repeat(1000);
    for (let done = 0; done < CALLS; done += 1000) {
      await Promise.all(Array.from({ length: 1000 }, () => store.commitCall({ call: { ...newCall(), summary }, expectedVersion: null, history: [], notes: [], events: [] })));
    }
    await store.close();
  }, 60_000);
  afterAll(async () => {
    await removeDir(dir);
  });

  /** Reads every call twice, in a process of its own, with the page cache given: how much its memory outside V8's heap grew. */
  const readWithCache = async (cacheMb: number): Promise<{ read: number; grewMb: number }> => {
    const file = join(dir, `copy-${cacheMb}.db`);
    await copyFile(join(dir, 'store.db'), file);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE, file, String(cacheMb)], { timeout: 60_000 });
    return JSON.parse(stdout) as { read: number; grewMb: number };
  };

  it('holds no more of the file in memory than its cache: reading 30 MB grows a 2 MiB cache by little, a 24 MiB one by about 24', async () => {
    const [small, large] = await Promise.all([readWithCache(2), readWithCache(24)]);
    expect(small.read).toBe(2 * CALLS);
    expect(large.read).toBe(2 * CALLS);
    expect(small.grewMb).toBeLessThan(8);
    expect(large.grewMb).toBeGreaterThan(small.grewMb + 14);
  }, 90_000);
});
