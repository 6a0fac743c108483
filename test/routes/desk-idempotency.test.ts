import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { DESK_TOKEN, freePort, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** Desk writes with an Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a retry is answered, not done again. */
describe('desk writes with an Idempotency-Key', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    const hosting = await makePartner('hosting');
    gateway = await startGateway({
      partners: [hospital],
      config: {
        partners: [
          { id: hospital.id, name: 'Hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(hospital.jwk)] } },
          // A supplier whose gateway is not up: sub-calls wait in the outbox.
          { id: hosting.id, name: 'Hosting', roles: ['supplier'], url: `http://127.0.0.1:${await freePort()}`, jwks: { keys: [publicJwkOf(hosting.jwk)] }, services: [{ id: 'hosting', name: 'Hosting' }] },
        ],
        underpinning: [{ id: 'provider-hosting', supplier: hosting.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function newCall(): Promise<string> {
    const client = gateway.client(hospital);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident()));
    expect(answer.status).toBe(201);
    return (answer.body as { call: { id: string } }).call.id;
  }

  async function post(path: string, body: unknown, key?: string) {
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DESK_TOKEN}`, 'content-type': 'application/json', ...(key !== undefined ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, replay: response.headers.get('usm-replay'), body: (await response.json()) as any };
  }

  const steps = async (id: string): Promise<number> =>
    (await gateway.desk('GET', `/v1/desk/calls/${id}/history`)).body.items.filter((h: { kind: string }) => h.kind === 'step').length;

  it('answers a retried advance with the first answer and advances once', async () => {
    const id = await newCall();
    const before = await steps(id);
    const first = await post(`/v1/desk/calls/${id}/advance`, {}, '"advance-once-1"');
    expect(first.status).toBe(200);
    const again = await post(`/v1/desk/calls/${id}/advance`, {}, '"advance-once-1"');
    expect(again.status).toBe(200);
    expect(again.replay).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await steps(id)).toBe(before + 1);
    // Without a key (or with another) the desk asks for another step.
    expect((await post(`/v1/desk/calls/${id}/advance`, {}, '"advance-once-2"')).body.step).toBe(first.body.step + 1);
  });

  it('does the work once when two retries race', async () => {
    const id = await newCall();
    const before = await steps(id);
    const answers = await Promise.all([1, 2, 3].map(() => post(`/v1/desk/calls/${id}/advance`, { comment: 'racing' }, 'race-key')));
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    expect(await steps(id)).toBe(before + 1);
  });

  it('refuses a key used before for another request', async () => {
    const id = await newCall();
    expect((await post(`/v1/desk/calls/${id}/advance`, {}, 'reused-key')).status).toBe(200);
    const other = await post(`/v1/desk/calls/${id}/status`, { status: 'pending', reason: 'x' }, 'reused-key');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('USM_ERR_IDEMPOTENCY_KEY_REUSED');
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}`)).body.status).toBe('inProgress');
  });

  it('raises one sub-call for a retried fork', async () => {
    const id = await newCall();
    for (let i = 0; i < 2; i++) expect((await post(`/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
    const fork = { supplier: 'hosting', service: 'hosting', summary: 'Disk array degraded' };
    const first = await post(`/v1/desk/calls/${id}/forks`, fork, 'fork-key');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await post(`/v1/desk/calls/${id}/forks`, fork, 'fork-key');
    expect(again.status).toBe(201);
    expect(again.replay).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await gateway.desk('GET', `/v1/desk/calls/${id}/forks`)).body.items).toHaveLength(1);
  });

  it('remembers only completed writes: a refused request can be sent again with its key', async () => {
    const id = await newCall();
    const refused = await post(`/v1/desk/calls/${id}/resolve`, { summary: 'too early' }, 'early-key');
    expect(refused.status).toBe(409);
    expect((await post(`/v1/desk/calls/${id}/resolve`, { summary: 'too early' }, 'early-key')).status).toBe(409);
  });

  it('refuses a malformed key', async () => {
    const id = await newCall();
    for (const key of ['', 'x'.repeat(256), 'two words']) {
      const answer = await post(`/v1/desk/calls/${id}/advance`, {}, key);
      expect(answer.status, key).toBe(400);
      expect(answer.body.code).toBe('USM_ERR_VALIDATION');
    }
  });

  it('keeps the answer across a restart', async () => {
    const id = await newCall();
    const advanced = await post(`/v1/desk/calls/${id}/advance`, {}, 'advance-before-restart');
    gateway = await gateway.restart();
    const again = await post(`/v1/desk/calls/${id}/advance`, {}, 'advance-before-restart');
    expect(again.replay).toBe('true');
    expect(again.body).toEqual(advanced.body);
  });
});
