import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** A rejected resolution goes back to the step the agreement names (`serviceLevels.onRejection`), or the one the desk names. */
describe('a rejected resolution returns to the step the agreement or the desk chooses', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      config: {
        closing: { steps: 'desk' },
        agreements: [
          {
            id: 'hospital-agreement',
            customer: 'hospital',
            services: ['workplace'],
            serviceLevels: { supportHours: '24x7', onRejection: { process: 'operate', step: 3 }, targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] },
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const resolve = async (id: string, advances: number): Promise<void> => {
    for (let i = 0; i < advances; i++) expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'delivered' })).body).toMatchObject({ status: 'resolved', step: 5 });
  };

  it("goes back to the agreement's step on the customer's rejection, and to the desk's when it reopens", async () => {
    const client = gateway.client(hospital);
    const { id, chainId } = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request' })))).body as any).call;
    await resolve(id, 3);

    const reopened = await client.send(`/v1/calls/${id}/reopen`, client.envelope('call.reopen', { reason: 'the wrong laptop' }, { chainId }));
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    // Back at Operate 3 (plan), as the agreement says, not at Operate 4 (execute), the last fulfilment step.
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body).toMatchObject({ status: 'inProgress', process: 'operate', step: 3, stepName: 'plan', reopened: 1 });
    const back = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items.filter((h: any) => h.kind === 'step').at(-1);
    expect(back).toMatchObject({ actor: { kind: 'customer' }, from: { process: 'operate', step: 5 }, to: { process: 'operate', step: 3 } });

    // The desk reopens a resolution itself and names another step.
    await resolve(id, 1);
    const notOnPath = await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'inProgress', returnTo: { process: 'recover', step: 3 } });
    expect(notOnPath).toMatchObject({ status: 409, body: { code: 'USM_ERR_ILLEGAL_TRANSITION' } });
    const afterResolve = await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'inProgress', returnTo: { process: 'operate', step: 5 } });
    expect(afterResolve).toMatchObject({ status: 409, body: { code: 'USM_ERR_ILLEGAL_TRANSITION' } });
    const byDesk = await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'inProgress', returnTo: { process: 'operate', step: 2 }, reason: 'classify again' });
    expect(byDesk.body).toMatchObject({ status: 'inProgress', process: 'operate', step: 2, reopened: 2 });
    // Without one the desk's reopen goes where the agreement says.
    await resolve(id, 2);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'inProgress' })).body).toMatchObject({ process: 'operate', step: 3, reopened: 3 });
    // A step only goes with a reopen.
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'held', returnTo: { process: 'operate', step: 2 } })).body.code).toBe('USM_ERR_ILLEGAL_TRANSITION');
  });
});
