import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run demo', () => {
  it('takes one call down and back through three gateways and verifies every hop', async () => {
    const script = new URL('../../scripts/demo.ts', import.meta.url).pathname;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { timeout: 60_000 });
    expect(stdout).toContain('the call reached nordic-hosting through st-olav-hospital -> regional-hie');
    expect(stdout).toMatch(/nordic-hosting\s+resolved\s+-> closed/);
    expect(stdout.match(/Merkle tree intact against its checkpoints/g)).toHaveLength(3);
    expect(stdout).toMatch(/-> regional-hie: sub-call \S+ closed/);
    expect(stdout).toMatch(/nordic-hosting  call \S+  closed  received .* from regional-hie, receipt given/);
    // Each gateway's /metrics counts the messages its log holds: every one received or sent, once.
    for (const party of ['st-olav-hospital', 'regional-hie', 'nordic-hosting']) {
      const logged = Number(new RegExp(`${party}: (\\d+) log records`).exec(stdout)?.[1]);
      const counted = new RegExp(`  ${party}\\s+(\\d+) messages received, (\\d+) sent, (\\d+) store commits`).exec(stdout);
      expect(counted, party).not.toBeNull();
      expect(Number(counted![1]) + Number(counted![2]), party).toBe(logged);
      expect(Number(counted![3]), party).toBeGreaterThan(0);
    }
  }, 60_000);
});
