import { afterAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway } from '../support/gateway-fixture.js';

describe('durability', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });

  it('keeps calls, history, notes and replay protection across a restart', async () => {
    const hospital = await makePartner('hospital');
    let gateway = await startGateway({ partners: [hospital] });
    dirs.push(gateway.dir);
    const client = gateway.client(hospital);
    const envelope = client.envelope('call.submit', incident());
    const body = JSON.stringify(envelope);
    const signature = client.sign(body);
    const headers = { 'content-type': 'application/json', 'usm-signature': signature };
    const first = await client.sendRaw('/v1/calls', body, headers);
    expect(first.status).toBe(201);
    const id = (first.body as any).call.id;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: 'looking into it', visibility: 'public' });

    gateway = await gateway.restart();
    const after = gateway.client(hospital);
    const call = (await after.get(`/v1/calls/${id}`)).body as any;
    expect(call.status).toBe('inProgress');
    expect(((await after.get(`/v1/calls/${id}/notes`)).body as any).items.map((n: any) => n.text)).toEqual(['looking into it']);
    const replay = await after.sendRaw('/v1/calls', body, headers);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(1);
    await gateway.close();
  });
});
