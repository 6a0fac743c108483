import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from '../../src/kernel/heap-growth.js';

const run = promisify(execFile);
const workload = new URL('./heap-growth-workload.ts', import.meta.url).pathname;

/** The workload's highest heap size, in a process of its own with the image's young generation. */
async function peakMb(mode: 'limit' | 'default'): Promise<number> {
  const { stdout } = await run(process.execPath, ['--max-semi-space-size=8', '--import', 'tsx', workload, mode], { timeout: 60_000 });
  return (JSON.parse(stdout) as { peakMb: number }).peakMb;
}

describe("the gateway's heap growth", () => {
  it('keeps a fast-allocating heap well under what V8 lets it reach by itself', async () => {
    const [limited, unlimited] = await Promise.all([peakMb('limit'), peakMb('default')]);
    // About 85-170 MB against about 310 MB on the machines seen.
    expect(limited).toBeLessThan(unlimited * 0.7);
  }, 120_000);

  it('leaves a growth the process was started with alone', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=300'])).toBe(false);
    expect(limitHeapGrowth(['--heap_growing_percent=50'])).toBe(false);
  });
});
