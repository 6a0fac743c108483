import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_TYPE, bodyDigest, signBatch } from '../../src/messages/batch.js';
import { signCompact, signDetached, verifyCompact } from '../../src/messages/jws.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import { RECEIPT_TYPE } from '../../src/messages/receipt.js';
import { publicJwkOf, verificationKeyOf } from '../../src/keys/jwk.js';
import {
  eventually,
  gatewayNode,
  gatewayPartner,
  incident,
  makePartner,
  removeDir,
  SERVICE_LEVELS,
  startGateway,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';

/** Posts a batch of envelope texts, signed (by default) with the partner's key. */
async function postBatch(gateway: GatewayFixture, texts: string[], signature: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${gateway.url}/v1/messages/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'usm-signature': signature },
    body: JSON.stringify({ messages: texts.map((message) => ({ message })) }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The statement a receipt's JWS signs, checked with the gateway's published keys. */
async function statementOf(gateway: GatewayFixture, jws: string): Promise<any> {
  const jwks = (await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
  const keys = jwks.keys.map((k) => verificationKeyOf(k as never));
  const { payload } = verifyCompact(jws, { algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid) => keys.find((k) => k.kid === kid) }, RECEIPT_TYPE);
  return JSON.parse(payload.toString('utf8'));
}

function headerOf(jws: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('batches of signed messages', () => {
  let hospital: TestPartner;
  let clinic: TestPartner;
  let gateway: GatewayFixture;
  const now = (): number => Math.floor(Date.now() / 1000);
  const submission = (partner: TestPartner, overrides: Record<string, unknown> = {}): string =>
    JSON.stringify(gateway.client(partner).envelope('call.submit', incident(overrides, partner.id)));

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    gateway = await startGateway({ partners: [hospital, clinic] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('takes each message as its own endpoint would, under one signature and one receipt statement', async () => {
    const texts = [submission(hospital, { summary: 'one' }), submission(hospital, { summary: 'two' }), submission(hospital, { summary: undefined })];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const { status, body } = await postBatch(gateway, texts, signature);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.status)).toEqual([201, 201, 400]);
    expect(body.results[2].body).toMatchObject({ code: 'USM_ERR_VALIDATION' });
    const [one, two] = body.results.map((r: any) => r.body);
    expect(one.call.summary).toBe('one');
    expect(one.receipt.jws).toBe(two.receipt.jws);
    const jwks = (await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    const keys = jwks.keys.map((k) => verificationKeyOf(k as never));
    const { payload } = verifyCompact(one.receipt.jws, { algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid) => keys.find((k) => k.kid === kid) }, RECEIPT_TYPE);
    const statement = JSON.parse(payload.toString('utf8'));
    expect(statement).toMatchObject({ gateway: 'provider', from: 'hospital' });
    expect(statement.messages).toEqual(texts.slice(0, 2).map((t) => ({ messageId: JSON.parse(t).id, digest: bodyDigest(Buffer.from(t)) })));
    // Each message's own record keeps the batch manifest as its signature: the evidence of what the hospital signed.
    const [inbound] = await gateway.app.gateway.store.inboundForCall(one.call.id);
    expect(inbound).toMatchObject({ signature, body: texts[0], digest: bodyDigest(Buffer.from(texts[0]!)) });
    expect(headerOf(inbound!.signature).typ).toBe(BATCH_TYPE);
  });

  it('answers a resent batch, and one of its messages resent alone, with the stored answers', async () => {
    const texts = [submission(hospital), submission(hospital)];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const first = await postBatch(gateway, texts, signature);
    const again = await postBatch(gateway, texts, signature);
    expect(again.body).toEqual(first.body);
    const alone = await fetch(`${gateway.url}/v1/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'usm-signature': signDetached(Buffer.from(texts[1]!), hospital.key) },
      body: texts[1],
    });
    expect(alone.status).toBe(201);
    expect(alone.headers.get('usm-replay')).toBe('true');
    expect(await alone.json()).toEqual(first.body.results[1].body);
    expect((await gateway.desk('GET', '/v1/desk/calls?limit=100')).body.items.filter((c: any) => c.id === first.body.results[1].body.call.id)).toHaveLength(1);
  });

  it('signs one receipt statement for the messages it accepted only, and gives a resent batch the identical answer', async () => {
    const client = gateway.client(hospital);
    const taken = client.envelope('call.submit', incident({ summary: 'taken before' }));
    expect((await client.send('/v1/calls', taken)).status).toBe(201);
    const texts = [
      submission(hospital, { summary: 'accepted one' }),
      JSON.stringify({ ...client.envelope('call.submit', incident()), to: 'elsewhere' }),
      JSON.stringify({ ...taken, data: incident({ summary: 'the same id, another body' }) }),
      submission(hospital, { agreement: 'clinic-agreement' }),
      JSON.stringify(client.envelope('call.update', { callId: '01900000-0000-7000-8000-00000000abcd', externalRef: 'x', seq: 1, status: 'closed' })),
      submission(hospital, { summary: 'accepted two' }),
    ];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const first = await postBatch(gateway, texts, signature);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => [r.status, r.body.code])).toEqual([
      [201, undefined],
      [400, 'USM_ERR_WRONG_RECIPIENT'],
      [409, 'USM_ERR_MESSAGE_ID_REUSED'],
      [422, 'USM_ERR_AGREEMENT_INVALID'],
      [403, 'USM_ERR_FORBIDDEN'],
      [201, undefined],
    ]);
    const [one, two] = [first.body.results[0].body, first.body.results[5].body];
    expect(one.receipt.jws).toBe(two.receipt.jws);
    const statement = await statementOf(gateway, one.receipt.jws);
    expect(statement.messages).toEqual([texts[0]!, texts[5]!].map((t) => ({ messageId: JSON.parse(t).id, digest: bodyDigest(Buffer.from(t)) })));
    expect(statement).toMatchObject({ gateway: 'provider', from: 'hospital', receivedAt: one.receipt.receivedAt });
    // What was stored is what was answered, so a resend gets exactly the same answer.
    const again = await postBatch(gateway, texts, signature);
    expect(again.body).toEqual(first.body);
    const [stored] = await gateway.app.gateway.store.inboundForCall(one.call.id);
    // The answer adds the message's log index (given at the commit, after the receipt was signed) to what was stored.
    expect({ ...(stored!.response.body as any).receipt, logIndex: one.receipt.logIndex }).toEqual(one.receipt);
    expect(one.receipt.logIndex).not.toBe(two.receipt.logIndex);
  });

  it('refuses a batch whose signature does not cover exactly its messages, and stores nothing of it', async () => {
    const before = (await gateway.desk('GET', '/v1/desk/calls?limit=200')).body.items.length;
    const texts = [submission(hospital), submission(hospital)];
    const items = texts.map((message) => ({ message }));
    const { signature } = signBatch(items, hospital.key, now());
    const tampered = [texts[0]!, texts[1]!.replace('Laptops', 'Phones')];
    const manifest = Buffer.from(JSON.stringify({ iat: now(), digests: texts.map((t) => bodyDigest(Buffer.from(t))) }));
    const cases: [string, string[], string][] = [
      ['a changed message', tampered, signature],
      ['the messages in another order', [texts[1]!, texts[0]!], signature],
      ['a message left out', [texts[0]!], signature],
      ['a detached signature over the body', texts, signDetached(Buffer.from(JSON.stringify({ messages: items })), hospital.key)],
      ['a receipt-typed JWS over the manifest', texts, signCompact(manifest, hospital.key, RECEIPT_TYPE)],
    ];
    for (const [name, sent, sig] of cases) {
      const { status, body } = await postBatch(gateway, sent, sig);
      expect({ name, status, code: body.code }).toEqual({ name, status: 401, code: 'USM_ERR_SIGNATURE_INVALID' });
    }
    expect((await gateway.desk('GET', '/v1/desk/calls?limit=200')).body.items).toHaveLength(before);
  });

  it('takes the first of two messages with one id, refuses the other, and gives each message its own receipt', async () => {
    const first = gateway.client(hospital).envelope('call.submit', incident({ summary: 'first' }, 'hospital'));
    const texts = [JSON.stringify(first), JSON.stringify({ ...first, data: { ...first.data, summary: 'second' } })];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const { body } = await postBatch(gateway, texts, signature);
    const statuses = body.results.map((r: any) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const accepted = body.results.find((r: any) => r.status === 201).body;
    expect(accepted.receipt.digest).toBe(bodyDigest(Buffer.from(texts[body.results.findIndex((r: any) => r.status === 201)]!)));
    // The first one is taken; the receipt names it alone (a statement for one message has the single form).
    expect(body.results.map((r: any) => r.status)).toEqual([201, 409]);
    expect(await statementOf(gateway, accepted.receipt.jws)).toMatchObject({ messageId: first.id, digest: bodyDigest(Buffer.from(texts[0]!)) });
  });

  it('refuses a message with a member twice, naming it, and takes the others', async () => {
    const good = submission(hospital, { summary: 'the only summary' });
    const doubled = submission(hospital, { summary: 'what the desk sees' }).replace('"summary":', '"summary":"what an auditor sees","summary":');
    const texts = [doubled, good];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const { status, body } = await postBatch(gateway, texts, signature);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => [r.status, r.body.code])).toEqual([
      [400, 'USM_ERR_DUPLICATE_MEMBER'],
      [201, undefined],
    ]);
    expect(body.results[0].body.detail).toContain('/data/summary');
  });

  it("answers a message the signer may not send on its own, and takes the others", async () => {
    // The hospital signs the batch, but one message claims to be from the clinic.
    const texts = [submission(clinic), submission(hospital)];
    const { signature } = signBatch(texts.map((message) => ({ message })), hospital.key, now());
    const { status, body } = await postBatch(gateway, texts, signature);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => [r.status, r.body.code])).toEqual([
      [401, 'USM_ERR_SENDER_MISMATCH'],
      [201, undefined],
    ]);
  });
});

describe('a batch of updates about one call', () => {
  const open: GatewayFixture[] = [];
  afterAll(async () => {
    for (const g of open) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('commits both although they conflict, the retried one with the same receipt, and answers a resend identically', async () => {
    const clinic = await makePartner('clinic');
    const [p, ghost] = await Promise.all([gatewayNode('provider'), gatewayNode('ghost')]);
    const gateway = await startGateway({
      partyId: p.id,
      port: p.port,
      signing: p.key,
      partners: [clinic],
      config: {
        partners: [{ id: 'clinic', name: 'clinic', roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(ghost, ['supplier'], [{ id: 'hosting', name: 'Hosting' }])],
        underpinning: [{ id: 'p-ghost', supplier: ghost.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: ghost.id, supplierService: 'hosting', agreement: 'p-ghost', callTypes: ['incident'], mode: 'auto' }],
      },
    });
    open.push(gateway);
    const customer = gateway.client(clinic);
    const call = ((await customer.send('/v1/calls', customer.envelope('call.submit', incident({}, 'clinic')))).body as any).call;
    const link = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0];
    // Count the commits the store refused because the call had changed since it was read.
    const store = gateway.app.gateway.store;
    const commitCall = store.commitCall.bind(store);
    let conflicts = 0;
    store.commitCall = async (change) => {
      try {
        return await commitCall(change);
      } catch (error) {
        if ((error as { code?: string }).code === 'USM_STORE_VERSION_CONFLICT') conflicts++;
        throw error;
      }
    };
    // The supplier's side, played by hand with its key: two updates of one sub-call, read by both messages at the same version.
    const as = gateway.client(ghost.key);
    const update = (seq: number, status: string) => JSON.stringify(as.envelope('call.update', { callId: '01900000-0000-7000-8000-00000000abcd', externalRef: link.id, seq, status }, { chainId: call.chainId }));
    const texts = [update(1, 'acknowledged'), update(2, 'inProgress')];
    const { signature } = signBatch(texts.map((message) => ({ message })), ghost.key.key, Math.floor(Date.now() / 1000));
    const first = await postBatch(gateway, texts, signature);
    expect(first.body.results.map((r: any) => r.status)).toEqual([200, 200]);
    expect(conflicts).toBeGreaterThan(0);
    const [one, two] = first.body.results.map((r: any) => r.body);
    expect(one.receipt.jws).toBe(two.receipt.jws);
    const statement = await statementOf(gateway, one.receipt.jws);
    expect(statement.messages).toEqual(texts.map((t) => ({ messageId: JSON.parse(t).id, digest: bodyDigest(Buffer.from(t)) })));
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0].status).toBe('inProgress');
    const stored = await store.inboundForCall(call.id);
    for (const [i, text] of texts.entries()) {
      const answered = first.body.results[i].body;
      const { body } = stored.find((m) => m.id === JSON.parse(text).id)!.response as { body: { receipt: object } };
      expect({ ...body, receipt: { ...body.receipt, logIndex: answered.receipt.logIndex } }).toEqual(answered);
    }
    const again = await postBatch(gateway, texts, signature);
    expect(again.body).toEqual(first.body);
  });
});

describe('a provider and its supplier', () => {
  const open: GatewayFixture[] = [];
  afterAll(async () => {
    for (const g of open) {
      await g.close();
      await removeDir(g.dir);
    }
  });

  it('send sub-calls in signed batches, with the receipts and the log to prove each one', async () => {
    const ward = await makePartner('ward');
    const [provider, supplier] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
    const b = await startGateway({
      partyId: supplier.id,
      port: supplier.port,
      signing: supplier.key,
      partners: [],
      config: {
        services: [{ id: 'hosting', name: 'Hosting' }],
        partners: [gatewayPartner(provider, ['customer'])],
        agreements: [{ id: 'provider-supplier', customer: provider.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      },
    });
    open.push(b);
    // The supplier is not up yet when the calls come in, so that they queue and leave together.
    await b.close();
    const a = await startGateway({
      partyId: provider.id,
      port: provider.port,
      signing: provider.key,
      partners: [],
      config: {
        services: [{ id: 'workplace', name: 'Workplace' }],
        partners: [{ id: 'ward', name: 'Ward', roles: ['customer'], jwks: { keys: [ward.key.jwk] } }, gatewayPartner(supplier, ['supplier'], [{ id: 'hosting', name: 'Hosting' }])],
        agreements: [{ id: 'ward-agreement', customer: 'ward', services: ['workplace'], serviceLevels: SERVICE_LEVELS }],
        underpinning: [{ id: 'provider-supplier', supplier: supplier.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: supplier.id, supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
        delivery: { backoffBaseMs: 20, backoffMaxMs: 100, circuitCooldownMs: 100, timeoutMs: 2000, batchSize: 8 },
      },
    });
    open.push(a);
    const client = a.client(ward);
    const calls = await Promise.all(Array.from({ length: 20 }, (_, i) => client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: `call ${i}` }, 'ward')))));
    expect(calls.map((c) => c.status)).toEqual(Array(20).fill(201));
    const restarted = await b.restart();
    open.push(restarted);
    const links = await eventually(async () => {
      const all = await Promise.all(calls.map(async (c) => (await a.desk('GET', `/v1/desk/calls/${(c.body as any).call.id}/forks`)).body.items[0]));
      return all.every((l) => l.status === 'acknowledged' && l.remoteCallId !== null) ? all : false;
    }, 15_000);
    expect(new Set(links.map((l) => l.remoteCallId)).size).toBe(20);
    // At the supplier, the submissions arrived under batch manifests of at most 8 messages.
    const signatures = new Set<string>();
    for (const l of links) for (const m of await restarted.app.gateway.store.inboundForCall(l.remoteCallId)) signatures.add(m.signature);
    expect([...signatures].every((s) => headerOf(s).typ === BATCH_TYPE)).toBe(true);
    expect(signatures.size).toBeGreaterThanOrEqual(3);
    expect(signatures.size).toBeLessThan(20);
    // At the provider, every delivery is logged with a receipt that covers it, and the log verifies.
    const log: LogRecord[] = [];
    for await (const record of a.app.gateway.store.readLog()) log.push(record);
    const out = log.filter((r) => r.direction === 'out');
    expect(out).toHaveLength(20);
    const supplierKey = verificationKeyOf(publicJwkOf(supplier.key.jwk));
    for (const record of out) {
      const { payload } = verifyCompact(record.receipt!, { algorithms: new Set(['EdDSA']), keyFor: () => supplierKey }, RECEIPT_TYPE);
      expect(JSON.parse(payload.toString('utf8')).messages).toContainEqual({ messageId: record.messageId, digest: record.digest });
    }
    expect(verifyLog(log).ok).toBe(true);
  }, 30_000);
});
