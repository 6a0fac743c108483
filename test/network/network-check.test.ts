import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { networkCommand } from '../../src/cli/network-command.js';
import { checkNetwork } from '../../src/network/network-check.js';
import { loadNetwork } from '../../src/network/network-model.js';
import { covers, parseSupportHours } from '../../src/usm/support-hours.js';
import { removeDir } from '../support/gateway-fixture.js';

const examples = new URL('../../config/examples/', import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await networkCommand(args, (text) => (out += text));
  return { code, out };
}

describe('usm-link network check', () => {
  it.each(['health-chain', 'government-chain'])('passes the %s example', async (name) => {
    const { code, out } = await run(['check', join(examples, name)]);
    expect(out).toContain('ok: no errors');
    expect(code).toBe(0);
  });

  it.each([
    ['health-chain-broken-keys', 'NET_KEY_MISMATCH', "st-olav-hospital does not trust regional-hie's key"],
    ['health-chain-broken-loop', 'NET_CYCLE', 'supplier links form a loop: nordic-hosting -> st-olav-hospital -> regional-hie -> nordic-hosting'],
    ['health-chain-broken-targets', 'NET_TARGET_TOO_TIGHT', 'regional-hie promises st-olav-hospital priority 1 resolution in 140 min'],
    ['government-chain-broken-hours', 'NET_HOURS', "cloud-supplier's support hours (Mo-Fr 09:00-17:00 Europe/Amsterdam"],
    ['government-chain-broken-url', 'NET_URL_MISMATCH', 'riverside-municipality reaches national-ssc at https://ssc.old-domain.example.org'],
  ])('fails %s with %s and a precise message', async (name, code, words) => {
    const result = await run(['check', join(examples, name), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.ok).toBe(false);
    const finding = report.findings.find((f: any) => f.code === code);
    expect(finding?.message).toContain(words);
    expect(finding.severity).toBe('error');
  });

  /** The health chain with some parties' configs changed, in a directory of its own. */
  async function healthChainWith(edits: Record<string, (config: any) => void>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-network-'));
    await writeFile(join(dir, 'extends'), relative(dir, join(examples, 'health-chain')));
    for (const [party, edit] of Object.entries(edits)) {
      const config = parseYaml(await readFile(join(examples, 'health-chain', `${party}.yaml`), 'utf8'));
      edit(config);
      await writeFile(join(dir, `${party}.yaml`), toYaml(config));
    }
    return dir;
  }

  it('passes a route that hands service requests to the supplier at Operate 4, and fails one at a step where USM hands none', async () => {
    const route = { service: 'records-exchange', supplier: 'nordic-hosting', supplierService: 'managed-hosting', agreement: 'regional-hie--nordic-hosting', callTypes: ['service_request'], mode: 'auto' };
    const good = await healthChainWith({ 'regional-hie': (c) => c.routes.push({ ...route, at: { process: 'operate', step: 4 } }) });
    const bad = await healthChainWith({ 'regional-hie': (c) => c.routes.push({ ...route, at: { process: 'operate', step: 3 } }) });
    try {
      const passed = await loadNetwork(good);
      expect(passed.parties.get('regional-hie')?.config.routes).toHaveLength(2);
      expect(checkNetwork(passed, { marginMinutes: 30 }).filter((f) => f.severity === 'error')).toEqual([]);
      const failed = checkNetwork(await loadNetwork(bad), { marginMinutes: 30 });
      expect(failed.find((f) => f.code === 'NET_LOAD')?.message).toBe('regional-hie.yaml: config /routes/1/at: operate 3 is not a step where USM hands work to a supplier');
    } finally {
      await removeDir(good);
      await removeDir(bad);
    }
  });

  it("warns when a supplier closes an unanswered resolution sooner than the provider's customer may still answer", async () => {
    // The hospital may answer the exchange for 72 hours; hosting closes the exchange's sub-calls after 24.
    const windows = (customer: number | undefined, supplier: number) =>
      healthChainWith({
        'regional-hie': (c) => {
          if (customer !== undefined) c.agreements[0].serviceLevels.confirmationHours = customer;
          c.underpinning[0].serviceLevels.confirmationHours = supplier;
        },
        'nordic-hosting': (c) => (c.agreements[0].serviceLevels.confirmationHours = supplier),
        'st-olav-hospital': (c) => {
          if (customer !== undefined) c.underpinning[0].serviceLevels.confirmationHours = customer;
        },
      });
    const dirs = [await windows(72, 24), await windows(undefined, 24), await windows(24, 72)];
    try {
      const [shorter, never, longer] = await Promise.all(dirs.map(async (d) => checkNetwork(await loadNetwork(d), { marginMinutes: 30 })));
      expect(shorter!.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
      expect(shorter!.find((f) => f.code === 'NET_CONFIRMATION_WINDOW')).toMatchObject({
        severity: 'warning',
        link: 'regional-hie->nordic-hosting',
        message:
          'nordic-hosting closes a resolved sub-call unanswered after 24 h (regional-hie--nordic-hosting), but st-olav-hospital may answer regional-hie for 72 h (st-olav-hospital--regional-hie): a rejection may find the sub-call closed',
      });
      expect(never!.find((f) => f.code === 'NET_CONFIRMATION_WINDOW')?.message).toContain('but st-olav-hospital may answer regional-hie at any time');
      expect(longer!.filter((f) => f.code === 'NET_CONFIRMATION_WINDOW' && f.link === 'regional-hie->nordic-hosting')).toEqual([]);
      // One link up, the hospital now closes nothing by itself for its ward, while the exchange closes after 24 h.
      expect(longer!.find((f) => f.code === 'NET_CONFIRMATION_WINDOW')?.link).toBe('st-olav-hospital->regional-hie');
    } finally {
      for (const d of dirs) await removeDir(d);
    }
  });

  it('takes the margin into account', async () => {
    const network = await loadNetwork(join(examples, 'health-chain'));
    expect(checkNetwork(network, { marginMinutes: 30 }).filter((f) => f.severity === 'error')).toEqual([]);
    const strict = checkNetwork(network, { marginMinutes: 200 }).filter((f) => f.code === 'NET_TARGET_TOO_TIGHT');
    expect(strict.map((f) => f.link)).toContain('regional-hie->nordic-hosting');
  });
});

describe('usm-link network graph', () => {
  it('draws the network as SVG, and as Mermaid with the broken link in red', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-graph-'));
    try {
      const file = join(dir, 'health.svg');
      expect((await run(['graph', join(examples, 'health-chain'), '--out', file])).code).toBe(0);
      const svg = await readFile(file, 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      for (const name of ["St. Olav&#39;s Hospital", 'Regional Health Information Exchange', 'Nordic Hosting', 'Cardiology ward'].map((n) => n.replace('&#39;', "'"))) expect(svg).toContain(name);
      expect(svg).toContain('records-exchange · P1 240 min');
      expect(svg).not.toContain('#c62828" stroke-width="3"');

      const broken = await run(['graph', join(examples, 'health-chain-broken-targets'), '--mermaid', '--out', join(dir, 'b.svg')]);
      expect(broken.out).toContain('flowchart LR');
      expect(broken.out).toMatch(/linkStyle \d+ stroke:#c62828/);
      expect(await readFile(join(dir, 'b.svg'), 'utf8')).toContain('stroke="#c62828"');
    } finally {
      await removeDir(dir);
    }
  });
});

describe('support hours', () => {
  it('reads 24x7 and day and time ranges, and knows which cover which', () => {
    const always = parseSupportHours('24x7')!;
    const weekdays = parseSupportHours('Mo-Fr 08:00-18:00 Europe/Oslo')!;
    const saturday = parseSupportHours('Mo-Sa 07:00-20:00 Europe/Oslo')!;
    expect(covers(always, weekdays)).toBe(true);
    expect(covers(weekdays, always)).toBe(false);
    expect(covers(saturday, weekdays)).toBe(true);
    expect(covers(weekdays, saturday)).toBe(false);
    expect(covers(parseSupportHours('Mo-Fr 08:00-18:00 UTC')!, weekdays)).toBeUndefined();
    expect(parseSupportHours('whenever')).toBeUndefined();
    expect(parseSupportHours('Fr-Mo 08:00-18:00 UTC')).toBeUndefined();
  });
});
