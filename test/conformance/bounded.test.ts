import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/run-suite.js';
import { freePort, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { startFaultyGateway } from './faulty-gateway.js';

/** A server that counts requests and answers them only when told to (never, by default). */
async function countingServer(answer: boolean): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests++;
    request.resume();
    if (answer) response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the conformance kit is bounded and talks to the target only', () => {
  let hospital: TestPartner;
  let gateway: GatewayFixture;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('ends against a target that never answers: every request times out, the discovery cases fail, the rest are skipped', async () => {
    const silent = await countingServer(false);
    try {
      const began = Date.now();
      const only = ['USM-DISCOVERY-1', 'USM-DISCOVERY-2', 'USM-ENVELOPE-13', 'USM-PROBLEM-1'];
      const report = await runConformance({ target: silent.url, party: 'hospital', key: hospital.key, timeoutMs: 150, waitMs: 100, only });
      expect(Date.now() - began).toBeLessThan(15_000);
      expect(silent.count()).toBeGreaterThan(0);
      expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
        ['USM-DISCOVERY-1', 'fail'],
        ['USM-DISCOVERY-2', 'fail'],
        ['USM-ENVELOPE-13', 'skip'],
        ['USM-PROBLEM-1', 'fail'],
      ]);
      expect(report.results.at(-1)!.detail).toMatch(/UND_ERR_HEADERS_TIMEOUT/);
      const envelope = report.results.find((r) => r.id === 'USM-ENVELOPE-13')!;
      expect(envelope).toMatchObject({ outcome: 'skip', detail: expect.stringContaining('USM-DISCOVERY-1') });
      expect(report.summary).toEqual({ passed: 0, failed: 3, skipped: 1 });
    } finally {
      await silent.close();
    }
  });

  it('fails the discovery cases against a port where nothing listens, without waiting', async () => {
    const report = await runConformance({ target: `http://127.0.0.1:${await freePort()}`, party: 'hospital', key: hospital.key, timeoutMs: 2000, only: ['USM-DISCOVERY-1', 'USM-TOKEN-1'] });
    expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
      ['USM-DISCOVERY-1', 'fail'],
      ['USM-TOKEN-1', 'skip'],
    ]);
    expect(report.results[0]!.detail).toContain('no answer');
  });

  it('never follows the discovery document elsewhere: apiBase and jwksUri on another host get no request', async () => {
    const decoy = await countingServer(true);
    const elsewhere = await startFaultyGateway(gateway.url, {
      name: 'points its discovery document elsewhere',
      alter: (answer, request) =>
        request.url === '/.well-known/usm-link' ? { ...answer, body: JSON.stringify({ ...JSON.parse(answer.body), apiBase: decoy.url, jwksUri: `${decoy.url}/.well-known/jwks.json` }) } : answer,
    });
    try {
      const report = await runConformance({ target: elsewhere.url, party: 'hospital', key: hospital.key });
      expect(report.results.filter((r) => r.outcome === 'fail')).toEqual([]);
      expect(report.summary.passed).toBeGreaterThan(50);
      expect(decoy.count()).toBe(0);
    } finally {
      await elsewhere.close();
      await decoy.close();
    }
  });

  it('skips, with the reason, what a partner the target does not know cannot arrange', async () => {
    const stranger = await makePartner('stranger');
    const report = await runConformance({ target: gateway.url, party: 'stranger', key: stranger.key, only: ['USM-DISCOVERY-1', 'USM-CALL-1', 'USM-TOKEN-1'] });
    expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
      ['USM-DISCOVERY-1', 'pass'],
      ['USM-TOKEN-1', 'fail'],
      ['USM-CALL-1', 'skip'],
    ]);
    expect(report.results[2]!.detail).toBe('GET /v1/agreements as stranger did not answer 200 with items (401 USM_ERR_TOKEN_INVALID): does the target know stranger as a customer with this key?');
  });
});

describe('the conformance kit against a target without an agreement for the partner', () => {
  it('skips the cases that need one, naming what it read', async () => {
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital], config: { agreements: [] } });
    try {
      const report = await runConformance({ target: gateway.url, party: 'hospital', key: hospital.key, only: ['USM-ENVELOPE-13', 'USM-REPLAY-1', 'USM-AGREEMENT-3'] });
      expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
        ['USM-ENVELOPE-13', 'pass'],
        ['USM-REPLAY-1', 'skip'],
        ['USM-AGREEMENT-3', 'skip'],
      ]);
      expect(report.results[1]!.detail).toBe('the target lists no active agreement of hospital that covers a service (GET /v1/agreements, GET /v1/services)');
    } finally {
      await gateway.close();
      await removeDir(gateway.dir);
    }
  });
});
