import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** A service request taken to resolved: its id and chain. */
async function resolvedRequest(gateway: GatewayFixture, hospital: TestPartner): Promise<{ id: string; chainId: string }> {
  const client = gateway.client(hospital);
  const { id, chainId } = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request' })))).body as any).call;
  for (let i = 0; i < 3; i++) expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
  expect((await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'delivered' })).body).toMatchObject({ status: 'resolved', step: 5, stepName: 'review' });
  return { id, chainId };
}

const closingHistory = async (gateway: GatewayFixture, id: string) =>
  (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items
    .filter((h: any) => h.seq > 0)
    .slice(-4)
    .map((h: any) => `${h.actor.kind} ${h.kind}${h.to === undefined ? '' : ` ${typeof h.to === 'string' ? h.to : `${h.to.process} ${h.to.step}`}`}`);

describe('closing steps worked by the desk (closing.steps: desk)', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], config: { closing: { steps: 'desk' } } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it("take the customer's confirmation as an input, and close when the desk completes evaluate and close", async () => {
    const { id, chainId } = await resolvedRequest(gateway, hospital);
    const client = gateway.client(hospital);
    // The desk reviews while the customer has not answered yet; it cannot close before the answer.
    const reviewed = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect(reviewed.body).toMatchObject({ status: 'resolved', step: 6, stepName: 'evaluate and close' });
    expect(reviewed.body.allowedActions.map((a: any) => a.kind)).not.toContain('advance');
    const early = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('USM_ERR_ILLEGAL_TRANSITION');

    const confirmed = await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', { feedback: 'all good' }, { chainId }));
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as any).call.status).toBe('resolved');
    const again = await client.send(`/v1/calls/${id}/reopen`, client.envelope('call.reopen', { reason: 'changed my mind' }, { chainId }));
    expect(again.status).toBe(409);

    const closed = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect(closed.body).toMatchObject({ status: 'closed', step: 6 });
    expect(((await client.get(`/v1/calls/${id}`)).body as any).status).toBe('closed');
    expect(await closingHistory(gateway, id)).toEqual(['desk status resolved', 'desk step operate 6', 'customer confirmed', 'desk status closed']);
  });
});

describe('closing steps worked by the gateway (the default)', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('walks review and evaluate and close when the customer confirms, one history entry each', async () => {
    const { id, chainId } = await resolvedRequest(gateway, hospital);
    const client = gateway.client(hospital);
    const confirmed = await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', {}, { chainId }));
    expect((confirmed.body as any).call.status).toBe('closed');
    expect(await closingHistory(gateway, id)).toEqual(['desk status resolved', 'customer confirmed', 'system step operate 6', 'system status closed']);
  });
});
