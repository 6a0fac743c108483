import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

describe('listing calls', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  const ids: string[] = [];

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
    const client = gateway.client(hospital);
    for (let i = 0; i < 7; i++) {
      const type = i % 2 === 0 ? 'incident' : 'service_request';
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ type, summary: `call ${i}` })));
      ids.push((answer.body as any).call.id);
    }
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('pages through every call once, oldest update first', async () => {
    const client = gateway.client(hospital);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer: any = (await client.get(`/v1/calls?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(answer.items.length).toBeLessThanOrEqual(3);
      seen.push(...answer.items.map((c: any) => c.id));
      cursor = answer.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
  });

  it('filters by type, status and updated-since', async () => {
    const client = gateway.client(hospital);
    const requests = ((await client.get('/v1/calls?type=service_request')).body as any).items;
    expect(requests.map((c: any) => c.summary)).toEqual(['call 1', 'call 3', 'call 5']);
    await gateway.desk('POST', `/v1/desk/calls/${ids[6]}/advance`, {});
    const inProgress = ((await client.get('/v1/calls?status=inProgress')).body as any).items;
    expect(inProgress.map((c: any) => c.id)).toEqual([ids[6]]);
    const since = inProgress[0].updatedAt;
    const recent = ((await client.get(`/v1/calls?updatedSince=${encodeURIComponent(since)}`)).body as any).items;
    expect(recent.map((c: any) => c.id)).toEqual([ids[6]]);
    const deskFiltered = (await gateway.desk('GET', '/v1/desk/calls?process=recover&customer=hospital')).body.items;
    expect(deskFiltered).toHaveLength(4);
  });
});
