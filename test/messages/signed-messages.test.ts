import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64url } from '../../src/kernel/base64url.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

describe('signed messages in', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  let lab: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic', 'ES256');
    lab = await makePartner('lab');
    gateway = await startGateway({ partners: [hospital, clinic] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function callCount(): Promise<number> {
    const { body } = await gateway.desk('GET', '/v1/desk/calls?limit=200');
    return body.items.length;
  }

  function send(body: string, signature: string | undefined) {
    return gateway.client(hospital).sendRaw('/v1/calls', body, {
      'content-type': 'application/json',
      ...(signature !== undefined ? { 'usm-signature': signature } : {}),
    });
  }

  it('accepts a good EdDSA message with 201, a receipt, and stores the call', async () => {
    const client = gateway.client(hospital);
    const envelope = client.envelope('call.submit', incident());
    const answer = await client.send('/v1/calls', envelope);
    expect(answer.status).toBe(201);
    const body = answer.body as any;
    expect(body.call.status).toBe('acknowledged');
    expect(body.call.priority).toBe(2);
    expect(body.receipt.messageId).toBe(envelope.id);
    expect(body.receipt.digest).toMatch(/^sha-256=[A-Za-z0-9_-]{43}$/);
    const read = await client.get(`/v1/calls/${body.call.id}`);
    expect(read.status).toBe(200);
    expect((read.body as any).summary).toBe(envelope.data.summary);
  });

  it('accepts application/json with a charset parameter', async () => {
    const client = gateway.client(hospital);
    const body = JSON.stringify(client.envelope('call.submit', incident({ summary: 'with charset' })));
    const answer = await client.sendRaw('/v1/calls', body, { 'content-type': 'application/json; charset=utf-8', 'usm-signature': client.sign(body) });
    expect(answer.status).toBe(201);
  });

  it('accepts ES256 from a partner whose key is P-256', async () => {
    const client = gateway.client(clinic);
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({}, 'clinic')));
    expect(answer.status).toBe(201);
  });

  it('answers an identical resend with the original answer and changes nothing', async () => {
    const client = gateway.client(hospital);
    const body = JSON.stringify(client.envelope('call.submit', incident({ summary: 'resend me' })));
    const signature = client.sign(body);
    const first = await send(body, signature);
    const before = await callCount();
    const second = await send(body, signature);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['usm-replay']).toBe('true');
    expect(await callCount()).toBe(before);
  });

  it('refuses a body with a member twice, at any depth, naming the member (400 USM_ERR_DUPLICATE_MEMBER), and stores nothing', async () => {
    const client = gateway.client(hospital);
    const text = JSON.stringify(client.envelope('call.submit', incident({ summary: 'what the desk sees' })));
    const cases: [string, string, string][] = [
      ['summary twice in data', text.replace('"summary":', '"summary":"what an auditor sees","summary":'), '/data/summary'],
      ['the id twice', text.replace('{"id":', '{"id":"019a0000-0000-7000-8000-000000000000","id":'), '/id'],
      ['a key spelled with an escape', text.replace('"summary":', '"summary":"x","summ\\u0061ry":'), '/data/summary'],
      ['inside an array', text.replace('"type":"incident"', '"type":"incident","attachments":[{"url":"https://x.org/a","url":"https://x.org/b"}]'), '/data/attachments/0/url'],
    ];
    for (const [name, body, path] of cases) {
      expect(JSON.parse(body), name).toBeTypeOf('object');
      const before = await callCount();
      const answer = await send(body, client.sign(body));
      expect({ name, status: answer.status, code: (answer.body as any).code }).toEqual({ name, status: 400, code: 'USM_ERR_DUPLICATE_MEMBER' });
      expect((answer.body as any).detail, name).toContain(path);
      expect(await callCount()).toBe(before);
    }
    // The same envelope without the second member is taken.
    expect((await send(text, client.sign(text))).status).toBe(201);
  });

  it('refuses the same message id with another body (409)', async () => {
    const client = gateway.client(hospital);
    const envelope = client.envelope('call.submit', incident({ summary: 'first' }));
    expect((await client.send('/v1/calls', envelope)).status).toBe(201);
    const before = await callCount();
    const reused = await client.send('/v1/calls', { ...envelope, data: incident({ summary: 'second' }) });
    expect(reused.status).toBe(409);
    expect((reused.body as any).code).toBe('USM_ERR_MESSAGE_ID_REUSED');
    expect(await callCount()).toBe(before);
  });

  const refusals: [string, () => Promise<{ status: number; body: unknown; headers: Record<string, unknown> }>, number, string][] = [
    ['a missing signature', async () => send(JSON.stringify(gateway.client(hospital).envelope('call.submit', incident())), undefined), 401, 'USM_ERR_SIGNATURE_MISSING'],
    [
      'a tampered body',
      async () => {
        const client = gateway.client(hospital);
        const body = JSON.stringify(client.envelope('call.submit', incident()));
        return send(body.replace('Laptops', 'Laptopz'), client.sign(body));
      },
      401,
      'USM_ERR_SIGNATURE_INVALID',
    ],
    [
      'a forged signature (random bytes)',
      async () => {
        const client = gateway.client(hospital);
        const body = JSON.stringify(client.envelope('call.submit', incident()));
        const [header] = client.sign(body).split('..');
        return send(body, `${header}..${toBase64url(Buffer.alloc(64, 7))}`);
      },
      401,
      'USM_ERR_SIGNATURE_INVALID',
    ],
    [
      'an unknown kid',
      async () => {
        const body = JSON.stringify(gateway.client(lab).envelope('call.submit', incident()));
        return send(body, gateway.client(lab).sign(body));
      },
      401,
      'USM_ERR_UNKNOWN_KEY',
    ],
    [
      'alg: none',
      async () => {
        const body = JSON.stringify(gateway.client(hospital).envelope('call.submit', incident()));
        return send(body, `${toBase64url(JSON.stringify({ alg: 'none', kid: hospital.key.kid }))}..`);
      },
      401,
      'USM_ERR_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'HS256 keyed with the public key',
      async () => {
        const body = JSON.stringify(gateway.client(hospital).envelope('call.submit', incident()));
        const header = toBase64url(JSON.stringify({ alg: 'HS256', kid: hospital.key.kid }));
        const mac = createHmac('sha256', JSON.stringify(hospital.key.jwk)).update(`${header}.${toBase64url(body)}`).digest();
        return send(body, `${header}..${toBase64url(mac)}`);
      },
      401,
      'USM_ERR_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'a valid signature from another partner',
      async () => {
        const body = JSON.stringify(gateway.client(hospital).envelope('call.submit', incident()));
        return send(body, gateway.client(clinic).sign(body));
      },
      401,
      'USM_ERR_SENDER_MISMATCH',
    ],
    [
      'a message for another gateway',
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', { ...client.envelope('call.submit', incident()), to: 'someone-else' });
      },
      400,
      'USM_ERR_WRONG_RECIPIENT',
    ],
    [
      'a stale message',
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', client.envelope('call.submit', incident(), { time: new Date(Date.now() - 3_600_000).toISOString() }));
      },
      400,
      'USM_ERR_MESSAGE_TIME',
    ],
    [
      'a message from the future',
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', client.envelope('call.submit', incident(), { time: new Date(Date.now() + 3_600_000).toISOString() }));
      },
      400,
      'USM_ERR_MESSAGE_TIME',
    ],
    [
      'a message type for another endpoint',
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', client.envelope('call.note', incident()));
      },
      400,
      'USM_ERR_VALIDATION',
    ],
    [
      'a service outside the agreement',
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', client.envelope('call.submit', incident({ service: 'hosting' })));
      },
      403,
      'USM_ERR_SERVICE_NOT_ALLOWED',
    ],
    [
      "another customer's agreement",
      async () => {
        const client = gateway.client(hospital);
        return client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'clinic-agreement' })));
      },
      422,
      'USM_ERR_AGREEMENT_INVALID',
    ],
  ];

  for (const [name, attempt, status, code] of refusals) {
    it(`refuses ${name} with ${status} ${code} and stores nothing`, async () => {
      const before = await callCount();
      const answer = await attempt();
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((answer.body as any).code).toBe(code);
      expect(await callCount()).toBe(before);
    });
  }
});

describe('read tokens', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let lab: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    lab = await makePartner('lab');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function readWith(token: string | undefined) {
    const response = await fetch(`${gateway.url}/v1/calls`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('lets a partner read with a short-lived token for this gateway', async () => {
    const answer = await readWith(await gateway.client(hospital).readToken());
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
  });

  it('refuses a missing token, a token for another audience, an unknown key, an expired and an over-long token', async () => {
    const { createPartnerClient } = await import('../../src/client/partner-client.js');
    const wrongAudience = createPartnerClient({ baseUrl: gateway.url, from: 'hospital', to: 'elsewhere', key: hospital.key });
    const expired = createPartnerClient({ baseUrl: gateway.url, from: 'hospital', to: gateway.partyId, key: hospital.key, now: () => Date.now() - 3_600_000 });
    expect((await readWith(undefined)).body.code).toBe('USM_ERR_TOKEN_MISSING');
    expect((await readWith(await wrongAudience.readToken())).body.code).toBe('USM_ERR_TOKEN_INVALID');
    expect((await readWith(await gateway.client(lab).readToken())).body.code).toBe('USM_ERR_TOKEN_INVALID');
    expect((await readWith(await expired.readToken())).body.code).toBe('USM_ERR_TOKEN_EXPIRED');
    expect((await readWith(await gateway.client(hospital).readToken(86_400))).body.code).toBe('USM_ERR_TOKEN_INVALID');
    expect((await readWith('not-a-jwt')).status).toBe(401);
    // A token issued a year ahead would otherwise live a year, whatever exp - iat says.
    const ahead = createPartnerClient({ baseUrl: gateway.url, from: 'hospital', to: gateway.partyId, key: hospital.key, now: () => Date.now() + 365 * 86_400_000 });
    const future = await readWith(await ahead.readToken());
    expect(future.status).toBe(401);
    expect(future.body.code).toBe('USM_ERR_TOKEN_INVALID');
  });
});
