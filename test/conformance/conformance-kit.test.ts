import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { conformanceCommand } from '../../src/cli/conformance-command.js';
import { USAGE_ERROR } from '../../src/cli/usage-error.js';
import { SUITE } from '../../src/conformance/suite.js';
import { freePort, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { acceptsWrongRecipient, answersResendAnew, signsReceiptsWithAnotherKey, startFaultyGateway, withoutBatches, type Fault } from './faulty-gateway.js';

const execute = promisify(execFile);
const CLI = new URL('../../bin/usm-link.js', import.meta.url).pathname;

interface KitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The case lines: outcome, id, and the rest of the line. */
  readonly lines: { outcome: string; id: string; text: string }[];
}

/** The kit as a partner runs it: `usm-link conformance` in a process of its own. */
async function kit(args: string[]): Promise<KitRun> {
  let result: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await execute(process.execPath, [CLI, 'conformance', ...args], { timeout: 60_000 });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  const lines = result.stdout
    .split('\n')
    .map((line) => /^(PASS|FAIL|SKIP) (USM-[A-Z]+-\d+) (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ outcome: m[1]!, id: m[2]!, text: m[3]! }));
  return { ...result, lines };
}

const ids = (run: KitRun, outcome: string): string[] => run.lines.filter((l) => l.outcome === outcome).map((l) => l.id);

describe('usm-link conformance against our own gateway', () => {
  let hospital: TestPartner;
  let gateway: GatewayFixture;
  let keyFile: string;
  let listenPort: number;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    listenPort = await freePort();
    // The partner runs a gateway of its own (a url): the target sends it call.updates, which the kit takes at --listen.
    gateway = await startGateway({
      partners: [hospital],
      config: { partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], url: `http://127.0.0.1:${listenPort}`, jwks: { keys: [publicJwkOf(hospital.jwk)] } }] },
    });
    keyFile = join(gateway.dir, 'hospital.private.jwk');
    await writeFile(keyFile, JSON.stringify(hospital.jwk), { mode: 0o600 });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('passes every case, one line each, and counts them in the summary', async () => {
    const run = await kit(['--target', gateway.url, '--as', 'hospital', '--key', keyFile, '--listen', `127.0.0.1:${listenPort}`, '--wait', '10']);
    expect(run.stderr).toBe('');
    expect(ids(run, 'FAIL'), run.stdout).toEqual([]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.lines.map((l) => l.id)).toEqual(SUITE.map((c) => c.id));
    // Every case can be arranged against our gateway, status updates included.
    expect(ids(run, 'SKIP'), run.stdout).toEqual([]);
    expect(run.stdout).toContain('PASS USM-ENVELOPE-13 a message for another recipient is refused 400 USM_ERR_WRONG_RECIPIENT');
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`conformance: ${SUITE.length} passed, 0 failed, 0 skipped`);
  });

  it('prints a machine report with --json and runs only the cases named with --only', async () => {
    const run = await kit(['--target', gateway.url, '--as', 'hospital', '--key', keyFile, '--json', '--only', 'USM-RECEIPT-2,USM-UPDATE-1']);
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.results.map((r: { id: string; outcome: string }) => [r.id, r.outcome])).toEqual([
      ['USM-RECEIPT-2', 'pass'],
      ['USM-UPDATE-1', 'skip'],
    ]);
    // Skipped with its reason, never passed: without --listen the kit has nowhere to take updates.
    expect(report.results[1].detail).toMatch(/--listen/);
    expect(report.summary).toEqual({ passed: 1, failed: 0, skipped: 1 });
    expect(report).toMatchObject({ target: gateway.url, party: 'hospital' });
  });

  it('refuses an unknown case id and a missing option as usage errors', async () => {
    await expect(conformanceCommand(['--target', gateway.url, '--as', 'hospital', '--key', keyFile, '--only', 'USM-NOPE-1'])).rejects.toMatchObject({ code: USAGE_ERROR, message: expect.stringContaining('no case USM-NOPE-1') });
    await expect(conformanceCommand(['--target', gateway.url])).rejects.toMatchObject({ code: USAGE_ERROR, message: expect.stringContaining('usage: usm-link conformance') });
    await expect(conformanceCommand(['--target', 'ftp://x', '--as', 'hospital', '--key', keyFile])).rejects.toMatchObject({ code: USAGE_ERROR });
    await expect(conformanceCommand(['--target', gateway.url, '--as', 'hospital', '--key', keyFile, '--listen', 'here'])).rejects.toMatchObject({ code: USAGE_ERROR });
  });
});

describe('usm-link conformance against broken gateways', () => {
  let hospital: TestPartner;
  let gateway: GatewayFixture;
  let keyFile: string;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
    keyFile = join(gateway.dir, 'hospital.private.jwk');
    await writeFile(keyFile, JSON.stringify(hospital.jwk), { mode: 0o600 });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await gateway.close();
    await removeDir(gateway.dir);
  });

  /** The kit against the gateway behind this fault. */
  async function against(fault: Fault): Promise<KitRun> {
    const faulty = await startFaultyGateway(gateway.url, fault);
    closers.push(faulty.close);
    return kit(['--target', faulty.url, '--as', 'hospital', '--key', keyFile]);
  }

  it('fails the case a fault breaks, names it, and exits non-zero', async () => {
    const [wrongRecipient, resendAnew, foreignKey, noBatches] = await Promise.all([
      against(acceptsWrongRecipient(gateway.partyId)),
      against(answersResendAnew()),
      against(await signsReceiptsWithAnotherKey()),
      against(withoutBatches()),
    ]);

    expect(wrongRecipient.code).toBe(1);
    expect(ids(wrongRecipient, 'FAIL'), wrongRecipient.stdout).toEqual(['USM-ENVELOPE-13']);
    expect(wrongRecipient.stdout).toContain('FAIL USM-ENVELOPE-13 a message for another recipient is refused: expected 400 USM_ERR_WRONG_RECIPIENT, got 201');

    expect(resendAnew.code).toBe(1);
    expect(ids(resendAnew, 'FAIL'), resendAnew.stdout).toEqual(['USM-REPLAY-1', 'USM-REPLAY-4']);
    expect(resendAnew.lines.find((l) => l.id === 'USM-REPLAY-1')!.text).toMatch(/expected the first answer again/);

    expect(foreignKey.code).toBe(1);
    expect(ids(foreignKey, 'FAIL'), foreignKey.stdout).toEqual(['USM-RECEIPT-2', 'USM-RECEIPT-3', 'USM-RECEIPT-4']);
    expect(foreignKey.lines.find((l) => l.id === 'USM-RECEIPT-2')!.text).toMatch(/does not verify with the published key/);

    // A gateway without batches is allowed: those cases are skipped with the reason, not passed, and nothing fails.
    expect(ids(noBatches, 'FAIL'), noBatches.stdout).toEqual([]);
    expect(noBatches.code).toBe(0);
    expect(ids(noBatches, 'SKIP')).toEqual(['USM-UPDATE-1', 'USM-UPDATE-2', 'USM-BATCH-1', 'USM-BATCH-2', 'USM-BATCH-3']);
    expect(noBatches.lines.find((l) => l.id === 'USM-BATCH-1')!.text).toMatch(/no batch endpoint \(404 USM_ERR_NOT_FOUND\)/);

    for (const run of [wrongRecipient, resendAnew, foreignKey, noBatches]) {
      const { passed, failed, skipped } = { passed: ids(run, 'PASS').length, failed: ids(run, 'FAIL').length, skipped: ids(run, 'SKIP').length };
      expect(run.stdout.trim().split('\n').at(-1)).toBe(`conformance: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    }
  });
});
