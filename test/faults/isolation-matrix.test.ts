import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** Every partner endpoint, tried by each partner on its own resources and on the other's. */
describe('isolation matrix: partners x endpoints', () => {
  let gateway: GatewayFixture;
  const partners: TestPartner[] = [];
  const calls = new Map<string, string>();

  beforeAll(async () => {
    partners.push(await makePartner('hospital'), await makePartner('clinic'));
    gateway = await startGateway({ partners });
    for (const partner of partners) {
      const client = gateway.client(partner);
      const id = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, partner.id)))).body as any).call.id;
      calls.set(partner.id, id);
      await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: `secret of ${partner.id}`, visibility: 'internal' });
      await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: `public for ${partner.id}`, visibility: 'public' });
    }
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const reads = (callId: string, owner: string) => [`/v1/calls/${callId}`, `/v1/calls/${callId}/notes`, `/v1/calls/${callId}/history`, `/v1/calls/${callId}/trace`, `/v1/agreements/${owner}-agreement`];
  const writes = (callId: string) =>
    [
      [`/v1/calls/${callId}/notes`, 'call.note', { text: 'x' }],
      [`/v1/calls/${callId}/cancel`, 'call.cancel', {}],
      [`/v1/calls/${callId}/confirm`, 'call.confirm', {}],
      [`/v1/calls/${callId}/reopen`, 'call.reopen', { reason: 'x' }],
    ] as const;

  it('lets each partner read its own, and nothing of the other', async () => {
    let cells = 0;
    for (const reader of partners) {
      const client = gateway.client(reader);
      for (const owner of partners) {
        for (const path of reads(calls.get(owner.id)!, owner.id)) {
          const answer = await client.get(path);
          cells++;
          if (reader === owner) {
            expect(answer.status, `${reader.id} GET ${path}`).toBe(200);
            expect(JSON.stringify(answer.body)).not.toContain('secret of');
          } else {
            expect(answer.status, `${reader.id} GET ${path}`).toBe(404);
            expect(JSON.stringify(answer.body)).not.toContain(owner.id === 'hospital' ? 'public for hospital' : 'public for clinic');
          }
        }
      }
      const listed = ((await client.get('/v1/calls')).body as any).items.map((c: any) => c.id);
      expect(listed).toEqual([calls.get(reader.id)]);
      const agreements = ((await client.get('/v1/agreements')).body as any).items.map((a: any) => a.customer);
      expect(agreements).toEqual([reader.id]);
    }
    expect(cells).toBe(20);
  });

  it("refuses every write on the other's call and leaves it as it was", async () => {
    for (const writer of partners) {
      const client = gateway.client(writer);
      for (const owner of partners.filter((p) => p !== writer)) {
        const id = calls.get(owner.id)!;
        const before = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.version;
        for (const [path, type, data] of writes(id)) {
          const answer = await client.send(path, client.envelope(type, data));
          expect(answer.status, `${writer.id} ${type} on ${owner.id}'s call`).toBe(404);
        }
        expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.version).toBe(before);
      }
    }
  });
});
