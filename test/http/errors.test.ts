import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

describe('bad input gets a problem document, never a 500', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], config: { limits: { bodyBytes: 4096 } } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function post(path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
  }
  const signed = (body: string) => ({ 'content-type': 'application/json', 'usm-signature': gateway.client(hospital).sign(body) });

  it.each([
    ['malformed JSON', '{"id": ', 'USM_ERR_MALFORMED_JSON', 400],
    ['an empty body', '', 'USM_ERR_MALFORMED_JSON', 400],
  ])('%s', async (_name, body, code, status) => {
    const answer = await post('/v1/calls', body, signed(body));
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe(code);
  });

  it('a wrong content type', async () => {
    const answer = await post('/v1/calls', 'hello', { 'content-type': 'text/plain', 'usm-signature': 'x..y' });
    expect(answer.status).toBe(415);
    expect(answer.body.code).toBe('USM_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversize body', async () => {
    const client = gateway.client(hospital);
    const body = JSON.stringify(client.envelope('call.submit', incident({ description: 'x'.repeat(8000) })));
    const answer = await post('/v1/calls', body, signed(body));
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('USM_ERR_BODY_TOO_LARGE');
  });

  it('a schema violation names the field', async () => {
    const client = gateway.client(hospital);
    const body = JSON.stringify(client.envelope('call.submit', incident({ impact: 'catastrophic', extra: true })));
    const answer = await post('/v1/calls', body, signed(body));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('USM_ERR_VALIDATION');
    const paths = answer.body.errors.map((e: any) => e.path);
    expect(paths).toContain('body/data/impact');
  });

  it('an unknown route, a bad cursor, a bad path id and a bad query value', async () => {
    const auth = { authorization: `Bearer ${DESK_TOKEN}` };
    const notFound = await fetch(`${gateway.url}/v1/nothing`, { headers: auth });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as any).code).toBe('USM_ERR_NOT_FOUND');
    const cursor = await fetch(`${gateway.url}/v1/desk/calls?cursor=bm9wZQ`, { headers: auth });
    expect(((await cursor.json()) as any).code).toBe('USM_ERR_INVALID_CURSOR');
    const id = await fetch(`${gateway.url}/v1/desk/calls/not-a-uuid`, { headers: auth });
    expect(id.status).toBe(400);
    const limit = await fetch(`${gateway.url}/v1/desk/calls?limit=100000`, { headers: auth });
    expect(limit.status).toBe(400);
    expect(((await limit.json()) as any).code).toBe('USM_ERR_VALIDATION');
  });

  it('health and readiness', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', keys: 'ok' } });
    const keys = (await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json()) as any;
    expect(keys.keys[0].d).toBeUndefined();
    expect(keys.keys[0].kid).toBe(gateway.app.gateway.signingKey.kid);
  });
});
