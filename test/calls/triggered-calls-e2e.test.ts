import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { WORKFLOWS } from '../../src/usm/usm-model.js';
import { postgresSchema } from '../support/postgres.js';

/** Advances a call at the desk `n` times; the last answer. */
async function advance(gateway: GatewayFixture, id: string, n: number): Promise<any> {
  let answer: any;
  for (let i = 0; i < n; i++) {
    answer = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  return answer.body;
}

const stepsOf = async (gateway: GatewayFixture, id: string): Promise<{ process: string; step: number }[]> =>
  (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items.filter((h: any) => h.kind === 'step').map((h: any) => h.to);

describe.each(['sqlite', 'postgres'] as const)('triggered calls (%s): a process raised as a call of its own, the raising calls waiting for it', (engine) => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  const schema = engine === 'postgres' ? postgresSchema() : undefined;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    gateway = await startGateway({
      partners: [hospital, clinic],
      config: {
        ...(schema !== undefined ? { storage: schema.url } : {}),
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
          { id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
          // The provider's own agreement: its triggered calls fall under it.
          { id: 'operations', customer: 'provider', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (gateway) await removeDir(gateway.dir);
    await schema?.drop();
  });

  async function submit(partner: TestPartner, summary: string): Promise<{ id: string; chainId: string }> {
    const client = gateway.client(partner);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ summary, externalRef: `ref-${summary.length}-${Math.random()}` }, partner.id)));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return (answer.body as any).call;
  }

  it('one RFC serving two incidents: both wait held, the RFC raises its service request, and its fulfilment resumes both (workflow 3 across three calls)', async () => {
    const first = await submit(hospital, 'The ward switch drops every connection');
    const second = await submit(clinic, 'The clinic cannot print lab labels');
    for (const call of [first, second]) expect(await advance(gateway, call.id, 4)).toMatchObject({ process: 'recover', step: 5, workflow: null });
    const atRecover5 = (await gateway.desk('GET', `/v1/desk/calls/${first.id}`)).body;
    expect(atRecover5.allowedActions).toContainEqual({ kind: 'raiseTriggered', types: ['rfc', 'service_request'] });

    // Recover 5 raises the RFC as a call of its own: the provider's, with its own process, SLA and history.
    const raised = await gateway.desk('POST', `/v1/desk/calls/${first.id}/triggered`, { type: 'rfc', summary: 'Replace the ward switch', comment: 'the switch is end of life' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const rfc = raised.body;
    expect(rfc).toMatchObject({ type: 'rfc', customer: 'provider', channel: 'internal', agreement: 'operations', process: 'change', step: 1, status: 'acknowledged', workflow: 2, summary: 'Replace the ward switch' });
    expect(rfc.sla).toBeDefined();
    expect(rfc.chainId).not.toBe(first.chainId);
    expect(rfc.triggeredBy).toEqual([expect.objectContaining({ waitingCallId: first.id, triggeredCallId: rfc.id, type: 'rfc', at: { process: 'recover', step: 5 }, status: 'waiting' })]);
    expect(rfc.triggered).toEqual([]);

    const waiting = (await gateway.desk('GET', `/v1/desk/calls/${first.id}`)).body;
    expect(waiting).toMatchObject({ status: 'held', process: 'recover', step: 5, workflow: null });
    expect(waiting.triggered).toEqual([expect.objectContaining({ triggeredCallId: rfc.id, status: 'waiting' })]);
    expect(waiting.allowedActions).toEqual([{ kind: 'setStatus', statuses: ['cancelled'] }]);
    const held = (await gateway.desk('GET', `/v1/desk/calls/${first.id}/history`)).body.items.at(-1);
    expect(held).toMatchObject({ kind: 'status', from: 'inProgress', to: 'held', actor: { kind: 'desk' } });
    expect(held.comment).toContain(rfc.id);
    expect(held.comment).toContain('the switch is end of life');
    // The customer sees its call held, and not the provider's RFC.
    expect(((await gateway.client(hospital).get(`/v1/calls/${first.id}`)).body as any).status).toBe('held');
    expect((await gateway.client(hospital).get(`/v1/calls/${rfc.id}`)).status).toBe(404);
    // While it waits, the desk cannot move it on by hand.
    const unheld = await gateway.desk('POST', `/v1/desk/calls/${first.id}/status`, { status: 'inProgress' });
    expect(unheld.status).toBe(409);

    // The second incident waits on the same RFC.
    const attached = await gateway.desk('POST', `/v1/desk/calls/${second.id}/triggered/${rfc.id}`, { comment: 'same switch' });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body).toMatchObject({ id: second.id, status: 'held', triggered: [expect.objectContaining({ triggeredCallId: rfc.id, status: 'waiting' })] });
    const rfcView = (await gateway.desk('GET', `/v1/desk/calls/${rfc.id}`)).body;
    expect(rfcView.triggeredBy.map((l: any) => l.waitingCallId).sort()).toEqual([first.id, second.id].sort());

    // The RFC walks Change 1-6; deploying raises a service request, and the RFC waits for it.
    expect(await advance(gateway, rfc.id, 5)).toMatchObject({ process: 'change', step: 6, stepName: 'deploy' });
    const request = await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/triggered`, {});
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const sr = request.body;
    expect(sr).toMatchObject({ type: 'service_request', process: 'operate', step: 1, summary: 'Replace the ward switch' });
    expect((await gateway.desk('GET', `/v1/desk/calls/${rfc.id}`)).body.status).toBe('held');

    // The request is executed and resolved; as the provider's own call it is confirmed and closed at once.
    await advance(gateway, sr.id, 3);
    const srResolved = await gateway.desk('POST', `/v1/desk/calls/${sr.id}/resolve`, { summary: 'New switch in place' });
    expect(srResolved.body.status).toBe('closed');
    const rfcBack = (await gateway.desk('GET', `/v1/desk/calls/${rfc.id}`)).body;
    expect(rfcBack).toMatchObject({ status: 'inProgress', process: 'change', step: 6, triggered: [expect.objectContaining({ triggeredCallId: sr.id, status: 'fulfilled' })] });
    expect(rfcBack.allowedActions.map((a: any) => a.kind)).toContain('resolve');
    expect((await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/advance`, {})).status).toBe(409);

    // The RFC is resolved (Change 7-9 worked at once): both incidents go on where they left off.
    expect((await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/resolve`, { summary: 'Switch replaced' })).body.status).toBe('closed');
    for (const call of [first, second]) {
      const resumed = (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body;
      expect(resumed).toMatchObject({ status: 'inProgress', process: 'recover', step: 5, workflow: 3, triggered: [expect.objectContaining({ triggeredCallId: rfc.id, status: 'fulfilled' })] });
      const last = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/history`)).body.items.at(-1);
      expect(last).toMatchObject({ kind: 'status', from: 'held', to: 'inProgress', actor: { kind: 'system' } });
      expect(last.comment).toContain(`${rfc.id} is fulfilled`);
    }
    expect((await gateway.desk('POST', `/v1/desk/calls/${first.id}/resolve`, { summary: 'The ward is connected again' })).body).toMatchObject({ status: 'resolved', process: 'recover', step: 6 });
    const client = gateway.client(hospital);
    const confirmed = await client.send(`/v1/calls/${first.id}/confirm`, client.envelope('call.confirm', {}, { chainId: first.chainId }));
    expect((confirmed.body as any).call.status).toBe('closed');

    // Together the three calls walked workflow 3's path: Recover 1-5 > Change 1-6 > Operate 1-6 > Change 7-9 > Recover 6-7.
    const [incidentSteps, rfcSteps, srSteps] = await Promise.all([stepsOf(gateway, first.id), stepsOf(gateway, rfc.id), stepsOf(gateway, sr.id)]);
    expect([...incidentSteps.slice(0, 5), ...rfcSteps.slice(0, 6), ...srSteps, ...rfcSteps.slice(6), ...incidentSteps.slice(5)]).toEqual(WORKFLOWS[3].path);
  });

  it('resumes the waiting call when its triggered call is cancelled, as before it raised one, and it may walk the process in its own record', async () => {
    const call = await submit(hospital, 'A screen flickers');
    await advance(gateway, call.id, 4);
    const sr = (await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, { type: 'service_request' })).body;
    expect(sr.type).toBe('service_request');
    const cancelled = await gateway.desk('POST', `/v1/desk/calls/${sr.id}/status`, { status: 'cancelled', reason: 'not needed' });
    expect(cancelled.body.status).toBe('cancelled');
    const back = (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body;
    expect(back).toMatchObject({ status: 'inProgress', process: 'recover', step: 5, workflow: null, triggered: [expect.objectContaining({ triggeredCallId: sr.id, status: 'cancelled' })] });
    const last = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/history`)).body.items.at(-1);
    expect(last.comment).toContain(`${sr.id} was cancelled`);
    // The single-record walk is still there: the desk takes the operate branch in the call itself.
    const walked = await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, { branch: 'operate' });
    expect(walked.body).toMatchObject({ workflow: 4, process: 'operate', step: 1 });
  });

  it('withdraws the wait of a call cancelled while it waits; the triggered call goes on', async () => {
    const call = await submit(hospital, 'Wifi is slow on floor 3');
    await advance(gateway, call.id, 4);
    const rfc = (await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, {})).body;
    const client = gateway.client(hospital);
    const cancel = await client.send(`/v1/calls/${call.id}/cancel`, client.envelope('call.cancel', { reason: 'it works again' }, { chainId: call.chainId }));
    expect((cancel.body as any).call.status).toBe('cancelled');
    const view = (await gateway.desk('GET', `/v1/desk/calls/${rfc.id}`)).body;
    expect(view).toMatchObject({ status: 'acknowledged', triggeredBy: [expect.objectContaining({ waitingCallId: call.id, status: 'withdrawn' })] });
  });

  it('refuses a triggered call where USM triggers none, of a type the step does not raise, a call that has ended, and a circle of waits, each with its code', async () => {
    const call = await submit(hospital, 'Printer offline');
    await advance(gateway, call.id, 2);
    const early = await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'USM_ERR_TRIGGER_NOT_ALLOWED' });
    expect(early.body.detail).toContain('recover 3');
    await advance(gateway, call.id, 2);
    const wish = await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, { type: 'wish' });
    expect(wish.status).toBe(409);
    expect(wish.body.code).toBe('USM_ERR_TRIGGER_NOT_ALLOWED');

    // A service request that has ended cannot be waited on.
    const done = await submit(clinic, 'Old ticket');
    await advance(gateway, done.id, 4);
    const doneSr = (await gateway.desk('POST', `/v1/desk/calls/${done.id}/triggered`, { type: 'service_request' })).body;
    await gateway.desk('POST', `/v1/desk/calls/${doneSr.id}/status`, { status: 'rejected', reason: 'duplicate' });
    expect((await gateway.desk('GET', `/v1/desk/calls/${done.id}`)).body.triggered[0].status).toBe('rejected');
    const ended = await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered/${doneSr.id}`, {});
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('USM_ERR_TRIGGER_CALL_ENDED');

    // An RFC that waits... on itself, or on a call that waits on it.
    const rfc = (await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, { type: 'rfc' })).body;
    const self = await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/triggered/${rfc.id}`, {});
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('USM_ERR_TRIGGER_CYCLE');
    await advance(gateway, rfc.id, 5);
    const circle = await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/triggered/${call.id}`, {});
    expect(circle.status).toBe(409);
    expect(circle.body.code).toBe('USM_ERR_TRIGGER_CYCLE');
    const missing = await gateway.desk('POST', `/v1/desk/calls/${rfc.id}/triggered/0190a0a0-0000-7000-8000-000000000000`, {});
    expect(missing.status).toBe(404);
    // Nothing of the refused attempts was written.
    expect((await gateway.desk('GET', `/v1/desk/calls/${rfc.id}`)).body).toMatchObject({ status: 'inProgress', triggered: [] });
  });
});

describe('a trigger rule: the gateway raises the triggered call when the desk reaches the trigger step', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      config: {
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace', 'hosting'], serviceLevels: SERVICE_LEVELS },
          { id: 'operations', customer: 'provider', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
        ],
        triggers: [{ service: 'workplace', callTypes: ['incident'], raise: 'rfc' }],
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (gateway) await removeDir(gateway.dir);
  });

  it('raises an RFC at Recover 5 of a workplace incident, in the answer to the advance, and leaves other services to the desk', async () => {
    const client = gateway.client(hospital);
    const submit = async (service: string) =>
      ((await client.send('/v1/calls', client.envelope('call.submit', incident({ service, externalRef: `ref-${service}` })))).body as any).call;
    const call = await submit('workplace');
    await advance(gateway, call.id, 3);
    const atTrigger = await gateway.desk('POST', `/v1/desk/calls/${call.id}/advance`, {});
    expect(atTrigger.body).toMatchObject({ status: 'held', process: 'recover', step: 5 });
    const view = (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body;
    expect(view.triggered).toEqual([expect.objectContaining({ type: 'rfc', status: 'waiting' })]);
    const rfc = (await gateway.desk('GET', `/v1/desk/calls/${view.triggered[0].triggeredCallId}`)).body;
    expect(rfc).toMatchObject({ type: 'rfc', customer: 'provider', agreement: 'operations', process: 'change', step: 1 });
    const held = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/history`)).body.items.at(-1);
    expect(held).toMatchObject({ to: 'held', actor: { kind: 'system' } });
    expect(held.comment).toContain('trigger rule of workplace');

    const other = await submit('hosting');
    expect(await advance(gateway, other.id, 4)).toMatchObject({ status: 'inProgress', process: 'recover', step: 5 });
  });
});

describe('a triggered call with closing.steps: desk', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      config: {
        closing: { steps: 'desk' },
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
          { id: 'operations', customer: 'provider', services: ['workplace'], serviceLevels: SERVICE_LEVELS },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (gateway) await removeDir(gateway.dir);
  });

  it('is confirmed on its resolution, its closing steps are the desk\'s, and closing it fulfils it', async () => {
    const client = gateway.client(hospital);
    const call = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ externalRef: 'ref-desk-closing' })))).body as any).call;
    await advance(gateway, call.id, 4);
    const sr = (await gateway.desk('POST', `/v1/desk/calls/${call.id}/triggered`, { type: 'service_request' })).body;
    await advance(gateway, sr.id, 3);
    expect((await gateway.desk('POST', `/v1/desk/calls/${sr.id}/resolve`, { summary: 'Cable replaced' })).body).toMatchObject({ status: 'resolved', process: 'operate', step: 5 });
    const confirmed = (await gateway.desk('GET', `/v1/desk/calls/${sr.id}/history`)).body.items.find((h: any) => h.kind === 'confirmed');
    expect(confirmed).toMatchObject({ actor: { kind: 'system' } });
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body.status).toBe('held');
    expect((await advance(gateway, sr.id, 2)).status).toBe('closed');
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body).toMatchObject({ status: 'inProgress', workflow: 4 });
  });
});
