import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const levels = { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] };
const requesters = { ids: ['emp-0042'], emailDomains: ['example.org'], contractHolders: ['contracts@example.org', 'emp-0001'] };

describe('the users a customer authorises per agreement (agreements[].requesters)', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  let lab: TestPartner;
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    lab = await makePartner('lab');
    gateway = await startGateway({
      partners: [hospital, clinic, lab],
      config: {
        agreements: [
          { id: 'hospital-agreement', customer: 'hospital', services: ['workplace'], serviceLevels: levels, requesters, onUnknownRequester: 'refuse' },
          { id: 'clinic-agreement', customer: 'clinic', services: ['workplace'], serviceLevels: levels, requesters, onUnknownRequester: 'flag' },
          // Requesters declared, no policy: accepted as before.
          { id: 'lab-agreement', customer: 'lab', services: ['workplace'], serviceLevels: levels, requesters },
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const submit = (partner: TestPartner, requester: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const client = gateway.client(partner);
    return client.send('/v1/calls', client.envelope('call.submit', incident({ requester, ...overrides }, partner.id)));
  };

  it('accepts a user known by id or by the domain of the e-mail address (any case)', async () => {
    expect((await submit(hospital, { name: 'A. Jansen', email: 'a.jansen@example.org' })).status).toBe(201);
    expect((await submit(hospital, { name: 'B. de Vries', email: 'B.deVries@EXAMPLE.ORG' })).status).toBe(201);
    expect((await submit(hospital, { name: 'Night nurse', id: 'emp-0042' })).status).toBe(201);
  });

  it('refuses an unknown requester with 422 USM_ERR_REQUESTER_UNKNOWN when the agreement says refuse', async () => {
    for (const requester of [{ name: 'Outsider', email: 'someone@example.com' }, { name: 'Sub', email: 'x@mail.example.org' }, { name: 'Nobody', id: 'emp-9999' }, { name: 'No id at all' }]) {
      const answer = await submit(hospital, requester);
      expect(answer.status, JSON.stringify(requester)).toBe(422);
      expect((answer.body as any).code).toBe('USM_ERR_REQUESTER_UNKNOWN');
    }
    const calls = (await gateway.desk('GET', '/v1/desk/calls?customer=hospital&limit=100')).body.items;
    expect(calls.some((c: any) => c.requester.name === 'Outsider')).toBe(false);
  });

  it('takes a wish only from a contract holder', async () => {
    const user = await submit(hospital, { name: 'A. Jansen', email: 'a.jansen@example.org' }, { type: 'wish' });
    expect(user.status).toBe(422);
    expect((user.body as any).code).toBe('USM_ERR_REQUESTER_UNKNOWN');
    expect((await submit(hospital, { name: 'Contract office', email: 'Contracts@example.org' }, { type: 'wish' })).status).toBe(201);
    expect((await submit(hospital, { name: 'Director', id: 'emp-0001' }, { type: 'wish' })).status).toBe(201);
  });

  it('accepts and flags an unknown requester when the agreement says flag: a field on the call and an internal note', async () => {
    const known = await submit(clinic, { name: 'A. Jansen', email: 'a.jansen@example.org' });
    expect((await gateway.desk('GET', `/v1/desk/calls/${(known.body as any).call.id}`)).body.requesterUnknown).toBeUndefined();

    const answer = await submit(clinic, { name: 'Outsider', email: 'someone@example.com' });
    expect(answer.status).toBe(201);
    const id = (answer.body as any).call.id;
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.requesterUnknown).toBe(true);
    const notes = (await gateway.desk('GET', `/v1/desk/calls/${id}/notes`)).body.items;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ visibility: 'internal', author: { kind: 'system' } });
    expect(notes[0].text).toContain('someone@example.com');
    // The customer sees neither.
    expect((await gateway.client(clinic).get(`/v1/calls/${id}/notes`)).body).toEqual({ items: [] });
    expect(((await gateway.client(clinic).get(`/v1/calls/${id}`)).body as any).requesterUnknown).toBeUndefined();

    const wish = await submit(clinic, { name: 'A. Jansen', email: 'a.jansen@example.org' }, { type: 'wish' });
    expect(wish.status).toBe(201);
    expect((await gateway.desk('GET', `/v1/desk/calls/${(wish.body as any).call.id}`)).body.requesterUnknown).toBe(true);
  });

  it('accepts every requester as before when the agreement names no policy', async () => {
    const answer = await submit(lab, { name: 'Outsider', email: 'someone@example.com' }, { type: 'wish' });
    expect(answer.status).toBe(201);
    expect((await gateway.desk('GET', `/v1/desk/calls/${(answer.body as any).call.id}`)).body.requesterUnknown).toBeUndefined();
  });

  it('holds a call the desk raises for the customer to the same rule', async () => {
    const answer = await gateway.desk('POST', '/v1/desk/calls', { ...incident({ requester: { name: 'Caller', email: 'caller@example.com' } }), customer: 'hospital', channel: 'phone' });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('USM_ERR_REQUESTER_UNKNOWN');
  });
});
