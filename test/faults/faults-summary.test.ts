import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir } from '../support/gateway-fixture.js';

const SCRIPT = new URL('../../scripts/faults-summary.ts', import.meta.url).pathname;
const run = promisify(execFile);

/** Runs the summary over these figures; its line and exit code. */
async function summary(dir: string, figures: Record<string, Record<string, number>>): Promise<{ line: string; code: number }> {
  for (const [name, values] of Object.entries(figures)) await writeFile(join(dir, `${name}.json`), JSON.stringify(values));
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT], { env: { ...process.env, USM_LINK_FAULT_FIGURES_DIR: dir } });
    return { line: stdout.trim(), code: 0 };
  } catch (error) {
    return { line: String((error as { stdout?: string }).stdout).trim(), code: (error as { code: number }).code };
  }
}

const GOOD = {
  crash: { kills: 7, acknowledged: 31, stored: 31, atSupplier: 31, statusBack: 31, lost: 0, duplicated: 0, dead: 0, resends: 12 },
  outage: { made: 30, queued: 30, delivered: 30, receipts: 30, received: 30, inOrder: 30, dead: 0, duplicated: 0 },
  hostile: { tried: 240, rejected: 240, serverErrors: 0, stateChanges: 0 },
};

describe('the fault summary', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-figures-'));
    dirs.push(dir);
    return dir;
  };

  it('prints the figures the tests counted', async () => {
    const { line, code } = await summary(await fresh(), GOOD);
    expect(line).toContain('faults: 7 kills, 31 calls acknowledged, 0 lost, 0 duplicated, 0 dead letters');
    expect(line).toContain('outage: 30 queued, 30 delivered with 30 receipts, 30 in order');
    expect(code).toBe(0);
  });

  it('fails when the counts disagree: fewer delivered or receipted than queued', async () => {
    for (const outage of [{ ...GOOD.outage, delivered: 29 }, { ...GOOD.outage, receipts: 29 }, { ...GOOD.outage, queued: 29 }]) {
      const { line, code } = await summary(await fresh(), { ...GOOD, outage });
      expect({ outage, code }).toEqual({ outage, code: 1 });
      expect(line).toContain(`outage: ${outage.queued} queued, ${outage.delivered} delivered with ${outage.receipts} receipts`);
    }
    expect((await summary(await fresh(), { ...GOOD, crash: { ...GOOD.crash, dead: 1 } })).code).toBe(1);
  });
});
