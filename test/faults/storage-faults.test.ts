import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { recordFigures } from './fault-figures.js';

/** A small file system of its own (tmpfs), so that it can really be filled up or made read-only. */
describe('storage faults on the embedded store', () => {
  let mountPoint: string;
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'usm-link-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], dir: mountPoint });
  });
  afterAll(async () => {
    await gateway?.close();
    execFileSync('umount', ['-l', mountPoint]);
    await removeDir(mountPoint);
  });

  async function calls(): Promise<number> {
    return (await gateway.app.gateway.store.listCalls({ limit: 1000 })).length;
  }

  it('answers 503 with nothing half-written while the disk is full, and goes on when there is room again', async () => {
    const client = gateway.client(hospital);
    expect((await client.send('/v1/calls', client.envelope('call.submit', incident()))).status).toBe(201);
    const filler = join(mountPoint, 'filler');
    const handle = await open(filler, 'w');
    const chunk = Buffer.alloc(256 * 1024);
    try {
      for (;;) await handle.write(chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    await handle.close();
    const before = await calls();
    const envelope = client.envelope('call.submit', incident({ summary: 'while full', description: 'x'.repeat(15_000) }));
    let writes = 0;
    let refused = 0;
    let accepted = 0;
    for (let i = 0; i < 20; i++) {
      writes++;
      const answer = await client.send('/v1/calls', i === 0 ? envelope : client.envelope('call.submit', incident({ description: 'y'.repeat(15_000) })));
      if (answer.status === 503) {
        refused++;
        expect((answer.body as any).code).toBe('USM_ERR_STORE_UNAVAILABLE');
      } else {
        expect(answer.status).toBe(201);
        accepted++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    await rm(filler);
    expect((await statfs(mountPoint)).bavail).toBeGreaterThan(0);
    writes++;
    const retried = await client.send('/v1/calls', envelope);
    expect([201]).toContain(retried.status);
    if (retried.headers['usm-replay'] !== 'true') accepted++;
    // Calls stored beyond those answered 201: what a refused write would have left behind.
    const halfWritten = (await calls()) - before - accepted;
    await recordFigures('disk-full', { writes, refused, halfWritten });
    expect(halfWritten).toBe(0);
  }, 120_000);
});
