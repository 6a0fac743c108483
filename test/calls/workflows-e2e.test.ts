import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOWS, type Branch, type CallType, type WorkflowNumber } from '../../src/usm/usm-model.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const CASES: [WorkflowNumber, CallType, Branch | undefined][] = [
  [1, 'wish', undefined],
  [2, 'rfc', undefined],
  [3, 'incident', 'change'],
  [4, 'incident', 'operate'],
  [5, 'service_request', undefined],
  [6, 'risk', 'agree'],
  [7, 'risk', 'change'],
  [8, 'risk', 'operate'],
];

describe('the eight USM workflows, end to end through the customer and desk APIs', () => {
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

  for (const [number, type, branch] of CASES) {
    it(`takes a ${type} through workflow ${number} (${WORKFLOWS[number].name}) to closed`, async () => {
      const client = gateway.client(hospital);
      const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ type, summary: `workflow ${number}` })));
      expect(submitted.status).toBe(201);
      const { id, chainId } = (submitted.body as any).call as { id: string; chainId: string };

      let call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
      const visited = [`${call.process} ${call.step}`];
      while (call.status !== 'resolved') {
        const actions: string[] = call.allowedActions.map((a: any) => a.kind);
        const advance = call.allowedActions.find((a: any) => a.kind === 'advance');
        const answer = actions.includes('resolve')
          ? await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: `done via workflow ${number}` })
          : await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, advance?.branches ? { branch } : {});
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        call = answer.body;
        visited.push(`${call.process} ${call.step}`);
        expect(visited.length).toBeLessThan(60);
      }
      expect(call.workflow).toBe(number);

      const customerView = (await client.get(`/v1/calls/${id}`)).body as any;
      expect(customerView.status).toBe('resolved');
      expect(customerView.process).toBeUndefined();
      expect(customerView.resolution.summary).toBe(`done via workflow ${number}`);

      const confirmed = await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', { feedback: 'thanks' }, { chainId }));
      expect(confirmed.status).toBe(200);
      expect((confirmed.body as any).call.status).toBe('closed');

      call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
      visited.push(`${call.process} ${call.step}`);
      const path = WORKFLOWS[number].path.map((p) => `${p.process} ${p.step}`);
      expect(visited[0]).toBe(path[0]);
      expect(visited.at(-1)).toBe(path.at(-1));
      // Every step up to the resolution was walked one by one, in the workflow's order.
      const resolveAt = WORKFLOWS[number].resolveAt;
      expect(visited.slice(0, resolveAt + 1)).toEqual(path.slice(0, resolveAt + 1));

      const history = (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
      const statuses = history.filter((h: any) => h.kind === 'status').map((h: any) => h.to);
      expect(statuses).toEqual(['acknowledged', 'inProgress', 'resolved', 'closed']);
      expect(history.every((h: any) => typeof h.at === 'string' && h.actor.id.length > 0)).toBe(true);
      const publicHistory = (await client.get(`/v1/calls/${id}/history`)).body as any;
      expect(publicHistory.items.every((h: any) => h.kind === 'status')).toBe(true);
    });
  }

  it('refuses an illegal transition with a typed 409 problem and changes nothing', async () => {
    const client = gateway.client(hospital);
    const { id, chainId } = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call;
    const early = await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'too early' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('USM_ERR_ILLEGAL_TRANSITION');
    const confirm = await client.send(`/v1/calls/${id}/confirm`, client.envelope('call.confirm', {}, { chainId }));
    expect(confirm.status).toBe(409);
    const call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
    expect(call.status).toBe('acknowledged');
    expect(call.version).toBe(1);
  });

  it('reopens on a rejected resolution, and pending waits for requested information', async () => {
    const client = gateway.client(hospital);
    const { id, chainId } = ((await client.send('/v1/calls', client.envelope('call.submit', incident({ type: 'service_request' })))).body as any).call;
    await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    const asked = await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: 'Which building?', visibility: 'public', kind: 'request' });
    expect(asked.status).toBe(201);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'pending', reason: 'waiting for the building' })).body.status).toBe('pending');
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(409);
    const answered = await client.send(`/v1/calls/${id}/notes`, client.envelope('call.note', { text: 'Building B', kind: 'information' }, { chainId }));
    expect((answered.body as any).call.status).toBe('inProgress');
    for (let i = 0; i < 2; i++) expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'delivered' })).body.status).toBe('resolved');
    const reopened = await client.send(`/v1/calls/${id}/reopen`, client.envelope('call.reopen', { reason: 'not delivered to building B' }, { chainId }));
    expect((reopened.body as any).call.status).toBe('inProgress');
    expect((reopened.body as any).call.reopened).toBe(1);
    await gateway.desk('POST', `/v1/desk/calls/${id}/notes`, { text: 'internal: driver went to A', visibility: 'internal' });
    const publicNotes = ((await client.get(`/v1/calls/${id}/notes`)).body as any).items.map((n: any) => n.text);
    expect(publicNotes).toContain('Building B');
    expect(publicNotes).not.toContain('internal: driver went to A');
    const deskNotes = (await gateway.desk('GET', `/v1/desk/calls/${id}/notes`)).body.items.map((n: any) => n.text);
    expect(deskNotes).toContain('internal: driver went to A');
  });
});
