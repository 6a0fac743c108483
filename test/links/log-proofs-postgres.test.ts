import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient, type GatewayClient, type Receipt } from '../../src/client/index.js';
import { makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';

/**
 * Two replicas of one gateway on one PostgreSQL database, whose log a sequencer integrates after the
 * commits: every receipt still names its message's record, and the inclusion proof verifies.
 */
describe('receipts of a gateway on PostgreSQL, whose log is sequenced after the commit', () => {
  const schema = postgresSchema();
  let hospital: TestPartner;
  const replicas: GatewayFixture[] = [];
  const clients: GatewayClient[] = [];

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    const signing = await makePartner('provider');
    for (let i = 0; i < 2; i++) replicas.push(await startGateway({ partners: [hospital], signing, config: { storage: schema.url } }));
    for (const replica of replicas) clients.push(createGatewayClient({ baseUrl: replica.url, from: hospital.id, to: 'provider', key: hospital.key }));
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const replica of replicas) {
      await replica.close();
      await removeDir(replica.dir);
    }
    await schema.drop();
  });

  it('gives every receipt its logIndex, each a different record, each proven against a signed checkpoint; a resend gets the same index', async () => {
    const submit = (client: GatewayClient, i: number) =>
      client.submitCall({ type: 'incident', service: 'workplace', agreement: 'hospital-agreement', summary: `printer ${i}`, impact: 'low', urgency: 'low', requester: { name: 'N. Nurse' } });
    const sent = await Promise.all(Array.from({ length: 24 }, (_, i) => submit(clients[i % 2]!, i)));
    const receipts = sent.map((s) => s.body.receipt as Receipt);
    expect(receipts.every((r) => typeof r.logIndex === 'number')).toBe(true);
    expect(new Set(receipts.map((r) => r.logIndex)).size).toBe(24);
    for (const [i, receipt] of receipts.entries()) {
      // Proven by either replica: they serve one log.
      const checkpoint = await clients[(i + 1) % 2]!.verifyInclusion(receipt);
      expect(checkpoint.origin).toBe('provider');
      expect(checkpoint.treeSize).toBeGreaterThan(receipt.logIndex!);
    }
    const again = await clients[1]!.send<{ receipt: Receipt }>('/v1/calls', sent[0]!.envelope);
    expect(again.replayed).toBe(true);
    expect(again.body.receipt.logIndex).toBe(receipts[0]!.logIndex);
  });
});
