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
  }, 60_000);
});
