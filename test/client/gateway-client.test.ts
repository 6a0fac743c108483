import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyDigest,
  checkReceipt,
  createGatewayClient,
  createGatewayKeys,
  GatewayClientError,
  type CallSubmission,
  type GatewayClient,
  type GatewayClientOptions,
} from '../../src/client/index.js';
import { createReceipt } from '../../src/messages/receipt.js';
import { freePort, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { flakyProxy, type FlakyProxy } from './flaky-proxy.js';

const incident = (summary = 'The VPN drops every few minutes'): CallSubmission => ({
  type: 'incident',
  service: 'workplace',
  agreement: 'hospital-agreement',
  summary,
  impact: 'high',
  urgency: 'medium',
  requester: { name: 'Dr. A. Jansen' },
});

/** The error a promise is rejected with (fails when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<GatewayClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayClientError);
  return error as GatewayClientError;
}

describe('the typed gateway client (usm-link/client)', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  const clients: GatewayClient[] = [];
  const proxies: FlakyProxy[] = [];

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const proxy of proxies) await proxy.close();
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const clientOf = (options: Partial<GatewayClientOptions> = {}): GatewayClient => {
    const client = createGatewayClient({ baseUrl: gateway.url, from: hospital.id, to: gateway.partyId, key: hospital.key, retry: { baseMs: 5, maxMs: 50 }, ...options });
    clients.push(client);
    return client;
  };
  const deskCalls = async () => (await gateway.desk('GET', '/v1/desk/calls?limit=100')).body.items as { id: string; summary: string }[];

  it('submits a call and follow-ups as signed messages whose receipts it checks, and reads them back', async () => {
    const client = clientOf();
    const submitted = await client.submitCall(incident());
    expect(submitted).toMatchObject({ status: 201, replayed: false, attempts: 1 });
    const call = submitted.body.call;
    expect(call.status).toBe('acknowledged');
    expect(submitted.receipt).toMatchObject({ messageId: submitted.envelope.id, from: hospital.id, gateway: gateway.partyId });
    expect(submitted.body.receipt.digest).toBe(bodyDigest(Buffer.from(JSON.stringify(submitted.envelope))));

    const noted = await client.addNote(call, { text: 'Floor 3 only' });
    expect(noted.status).toBe(200);
    expect(noted.envelope).toMatchObject({ type: 'call.note', chainId: call.chainId });
    expect((await client.getCall(call.id)).id).toBe(call.id);
    expect((await client.listCallNotes(call.id)).items.map((n) => n.text)).toEqual(['Floor 3 only']);
    expect((await client.getCallHistory(call.id)).items.length).toBeGreaterThan(0);
    expect((await client.listCalls({ status: 'acknowledged', limit: 100 })).items.map((c) => c.id)).toContain(call.id);
    expect((await client.listServices()).items.map((s) => s.id)).toEqual(['workplace']);
    expect((await client.listAgreements()).items.map((a) => a.id)).toEqual(['hospital-agreement']);
    expect((await client.gatewayKeys()).keys).toHaveLength(1);
    expect((await client.cancel(call, { reason: 'works again' })).body.call.status).toBe('cancelled');
  });

  it('refuses with the gateway\'s code, sending a refused message once', async () => {
    const client = clientOf();
    const unknown = await refusal(client.addNote({ id: '01900000-0000-7000-8000-000000000000', chainId: '01900000-0000-7000-8000-000000000001' }, { text: 'hello?' }));
    expect([unknown.code, unknown.status, unknown.attempts, unknown.problem?.code]).toEqual(['USM_ERR_CALL_NOT_FOUND', 404, 1, 'USM_ERR_CALL_NOT_FOUND']);
    const invalid = await refusal(client.submitCall({ ...incident(), agreement: 'no-such-agreement' }));
    expect([invalid.code, invalid.status]).toEqual(['USM_ERR_AGREEMENT_INVALID', 422]);
    const read = await refusal(client.getCall('01900000-0000-7000-8000-000000000000'));
    expect([read.code, read.status]).toEqual(['USM_ERR_CALL_NOT_FOUND', 404]);
  });

  it('sends a message whose answer was lost again, byte for byte, and gets the first answer: one call, not two', async () => {
    // The first submission reaches the gateway, which stores the call; its answer never arrives.
    const proxy = await flakyProxy(gateway.url, (n, request) => (n === 1 && request.method === 'POST' ? { kind: 'forward-then-drop' } : { kind: 'forward' }));
    proxies.push(proxy);
    const summary = `lost answer ${Date.now()}`;
    const sent = await clientOf({ baseUrl: proxy.url }).submitCall(incident(summary));
    expect(sent).toMatchObject({ status: 201, replayed: true, attempts: 2 });
    const posts = proxy.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toBe(posts[0]!.body);
    expect(posts[1]!.headers['usm-signature']).toBe(posts[0]!.headers['usm-signature']);
    const stored = (await deskCalls()).filter((c) => c.summary === summary);
    expect(stored.map((c) => c.id)).toEqual([sent.body.call.id]);
  });

  it('waits as the gateway asks (503 with Retry-After, 429), then sends again; gives up after the last attempt', async () => {
    const busy = await flakyProxy(gateway.url, (n) =>
      n === 1
        ? { kind: 'answer', status: 503, headers: { 'retry-after': '0' }, body: JSON.stringify({ type: 'x', title: 'x', status: 503, code: 'USM_ERR_STORE_UNAVAILABLE' }) }
        : n === 2
          ? { kind: 'answer', status: 429, headers: { 'retry-after': '0' }, body: JSON.stringify({ type: 'x', title: 'x', status: 429, code: 'USM_ERR_RATE_LIMITED' }) }
          : { kind: 'forward' },
    );
    proxies.push(busy);
    const sent = await clientOf({ baseUrl: busy.url }).submitCall(incident());
    expect(sent).toMatchObject({ status: 201, replayed: false, attempts: 3 });

    const down = await flakyProxy(gateway.url, () => ({ kind: 'answer', status: 503, headers: { 'retry-after': '0' }, body: JSON.stringify({ type: 'x', title: 'x', status: 503, code: 'USM_ERR_STORE_UNAVAILABLE' }) }));
    proxies.push(down);
    const unavailable = await refusal(clientOf({ baseUrl: down.url, retry: { attempts: 3, baseMs: 1, maxMs: 5 } }).submitCall(incident()));
    expect([unavailable.code, unavailable.status, unavailable.attempts]).toEqual(['USM_ERR_STORE_UNAVAILABLE', 503, 3]);
    expect(down.requests).toHaveLength(3);

    const nobody = await refusal(clientOf({ baseUrl: `http://127.0.0.1:${await freePort()}`, retry: { attempts: 2, baseMs: 1, maxMs: 5 } }).submitCall(incident()));
    expect([nobody.code, nobody.status, nobody.attempts]).toEqual(['USM_CLIENT_UNREACHABLE', undefined, 2]);
  });

  it('refuses an answer whose receipt does not prove the message: altered, for another message, or by a key the gateway does not publish', async () => {
    const tamper = (rewrite: (receipt: Record<string, string>) => Record<string, string>) => (body: string) => {
      const answer = JSON.parse(body);
      return JSON.stringify({ ...answer, receipt: rewrite(answer.receipt) });
    };
    const stranger = await makePartner('stranger');
    const cases: [string, (receipt: Record<string, string>) => Record<string, string>, RegExp][] = [
      ['a changed signature', (r) => ({ ...r, jws: `${r.jws!.slice(0, -4)}AAAA` }), /does not match|signature/],
      ['another digest', (r) => ({ ...r, digest: 'sha-256=AAAA' }), /another message id or digest/],
      ['no receipt', () => ({}), /missing/],
      [
        'a stranger\'s signature',
        (r) => createReceipt({ messageId: r.messageId!, digest: r.digest!, receivedAt: r.receivedAt!, gateway: gatewayIdOf(r), from: hospital.id }, stranger.key) as unknown as Record<string, string>,
        /not signed with a key the gateway publishes/,
      ],
    ];
    const gatewayIdOf = (r: Record<string, string>) => r.gateway!;
    for (const [what, rewrite, message] of cases) {
      const proxy = await flakyProxy(gateway.url, (_n, request) => (request.method === 'POST' ? { kind: 'rewrite', rewrite: tamper(rewrite) } : { kind: 'forward' }));
      proxies.push(proxy);
      const refused = await refusal(clientOf({ baseUrl: proxy.url }).submitCall(incident()));
      expect([what, refused.code]).toEqual([what, 'USM_CLIENT_RECEIPT_INVALID']);
      expect(refused.message, what).toMatch(message);
    }
  });

  it('checks a receipt against the keys the gateway publishes, fetched again for a key id it does not know yet', async () => {
    const submitted = await clientOf().submitCall(incident());
    const jwks = await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json();
    let fetches = 0;
    let t = 0;
    let published: unknown = { keys: [] };
    const keys = createGatewayKeys({ fetchJwks: async () => (fetches++, published), now: () => t, minRefreshMs: 1000 });
    const expected = { messageId: submitted.envelope.id, digest: submitted.body.receipt.digest, from: hospital.id, gateway: gateway.partyId };
    // Not published (yet): refused, and a second try within the minute's guard does not fetch again.
    expect((await refusal(checkReceipt(submitted.body.receipt, expected, keys))).code).toBe('USM_CLIENT_RECEIPT_INVALID');
    expect((await refusal(checkReceipt(submitted.body.receipt, expected, keys))).code).toBe('USM_CLIENT_RECEIPT_INVALID');
    expect(fetches).toBe(1);
    // The gateway publishes its (rotated-in) key: fetched again, and the receipt checks out.
    published = jwks;
    t += 1000;
    expect(await checkReceipt(submitted.body.receipt, expected, keys)).toMatchObject({ messageId: submitted.envelope.id, from: hospital.id });
    expect(fetches).toBe(2);
    expect(await checkReceipt(submitted.body.receipt, expected, keys)).toMatchObject({ gateway: gateway.partyId });
    expect(fetches).toBe(2);
    // The statement must be ours, by this gateway.
    expect((await refusal(checkReceipt(submitted.body.receipt, { ...expected, from: 'someone-else' }, keys))).message).toMatch(/from "hospital"/);
    expect((await refusal(checkReceipt(submitted.body.receipt, { ...expected, gateway: 'another-gateway' }, keys))).message).toMatch(/not another-gateway/);
  });
});
