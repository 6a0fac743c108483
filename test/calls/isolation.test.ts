import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

describe('a partner sees and touches only its own calls', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  let callId: string;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    gateway = await startGateway({ partners: [hospital, clinic] });
    const client = gateway.client(hospital);
    callId = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call.id;
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it("answers the other partner's reads with 404, as if the call did not exist", async () => {
    const other = gateway.client(clinic);
    for (const path of [`/v1/calls/${callId}`, `/v1/calls/${callId}/notes`, `/v1/calls/${callId}/history`]) {
      const answer = await other.get(path);
      expect(answer.status, path).toBe(404);
      expect((answer.body as any).code).toBe('USM_ERR_CALL_NOT_FOUND');
    }
    expect(((await other.get('/v1/calls')).body as any).items).toEqual([]);
    expect((await other.get('/v1/agreements/hospital-agreement')).status).toBe(404);
    expect(((await other.get('/v1/agreements')).body as any).items.map((a: any) => a.id)).toEqual(['clinic-agreement']);
  });

  it("refuses the other partner's writes and leaves the call as it was", async () => {
    const other = gateway.client(clinic);
    const writes = [
      other.send(`/v1/calls/${callId}/notes`, other.envelope('call.note', { text: 'sneaky' })),
      other.send(`/v1/calls/${callId}/cancel`, other.envelope('call.cancel', {})),
      other.send(`/v1/calls/${callId}/confirm`, other.envelope('call.confirm', {})),
      other.send(`/v1/calls/${callId}/reopen`, other.envelope('call.reopen', { reason: 'x' })),
    ];
    for (const answer of await Promise.all(writes)) {
      expect(answer.status).toBe(404);
      expect((answer.body as any).code).toBe('USM_ERR_CALL_NOT_FOUND');
    }
    const call = (await gateway.desk('GET', `/v1/desk/calls/${callId}`)).body;
    expect(call.version).toBe(1);
    expect(call.status).toBe('acknowledged');
    expect((await gateway.desk('GET', `/v1/desk/calls/${callId}/notes`)).body.items).toEqual([]);
  });

  it('keeps partners out of the desk API, and the desk token out of the partner API', async () => {
    const partnerOnDesk = await fetch(`${gateway.url}/v1/desk/calls`, { headers: { authorization: `Bearer ${await gateway.client(hospital).readToken()}` } });
    expect(partnerOnDesk.status).toBe(401);
    expect(((await partnerOnDesk.json()) as any).code).toBe('USM_ERR_TOKEN_INVALID');
    const deskOnPartner = await fetch(`${gateway.url}/v1/calls`, { headers: { authorization: 'Bearer desk-token-for-tests-0123456789' } });
    expect(deskOnPartner.status).toBe(401);
  });
});
