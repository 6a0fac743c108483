import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { ADMIN_TOKEN, DESK_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** The operator's view of the message log: records searched and paged, any record's inclusion proof, the whole log checked; admins only. */
describe('the admin message log', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  const callIds: string[] = [];

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      config: { partners: [{ id: hospital.id, name: 'Hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(hospital.jwk)] } }] },
    });
    const client = gateway.client(hospital);
    for (let i = 0; i < 3; i++) {
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: `Call ${i}` })));
      expect(answer.status).toBe(201);
      callIds.push((answer.body as { call: { id: string } }).call.id);
    }
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const get = async (path: string, token = ADMIN_TOKEN) => {
    const response = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('lists the records newest first with the log size and newest checkpoint, pages by `before`, and finds the records of a call and of a message id', async () => {
    const all = await get('/v1/admin/log');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ size: 3, checkpoint: { treeSize: 3, origin: 'provider' } });
    expect(all.body.items.map((r: { index: number }) => r.index)).toEqual([2, 1, 0]);
    expect(all.body.next).toBeUndefined();
    const first = await get('/v1/admin/log?limit=2');
    expect(first.body.items.map((r: { index: number }) => r.index)).toEqual([2, 1]);
    const second = await get(`/v1/admin/log?limit=2&before=${first.body.next}`);
    expect(second.body.items.map((r: { index: number }) => r.index)).toEqual([0]);
    expect(second.body.next).toBeUndefined();

    const byCall = await get(`/v1/admin/log?callId=${callIds[1]}`);
    expect(byCall.body.items).toHaveLength(1);
    const messageId = byCall.body.items[0].messageId;
    expect((await get(`/v1/admin/log?messageId=${messageId}`)).body.items.map((r: { index: number }) => r.index)).toEqual([byCall.body.items[0].index]);
  });

  it('gives the inclusion proof of any record against the newest checkpoint, refuses one past it, and verifies the whole log', async () => {
    const proof = await get('/v1/admin/log/proofs/inclusion?index=1');
    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({ index: 1, treeSize: 3, record: { index: 1 }, checkpoint: { treeSize: 3 } });
    expect(proof.body.proof).toHaveLength(2);
    const past = await get('/v1/admin/log/proofs/inclusion?index=3');
    expect(past).toMatchObject({ status: 404, body: { code: 'USM_ERR_LOG_RANGE' } });
    const verdict = await get('/v1/admin/log/verify');
    expect(verdict).toMatchObject({ status: 200, body: { ok: true, records: 3, rootHash: proof.body.checkpoint.rootHash, checkpoint: { treeSize: 3 } } });
  });

  it('is for admins only', async () => {
    for (const path of ['/v1/admin/log', '/v1/admin/log/proofs/inclusion?index=0', '/v1/admin/log/verify']) {
      expect((await get(path, DESK_TOKEN)).status).toBe(401);
      expect((await fetch(`${gateway.url}${path}`)).status).toBe(401);
    }
  });
});
