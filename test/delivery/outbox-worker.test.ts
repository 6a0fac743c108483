import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createServer } from 'node:http';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startCall } from '../../src/usm/call-lifecycle.js';
import { createOutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createReceipt } from '../../src/messages/receipt.js';
import type { OutboxMessage } from '../../src/ports/outbox-store.js';
import { bodyDigest } from '../../src/messages/batch.js';
import { createPartnerDirectory } from '../../src/partners/partner-directory.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/ports/store.js';
import { eventually, makePartner, removeDir } from '../support/gateway-fixture.js';

const ORIGIN = 'http://supplier.test:9000';

/** Upstream faults a real gateway cannot easily produce: scripted with undici's MockAgent. */
describe('the outbox worker against a faulty supplier', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(delivery: Partial<Parameters<typeof createOutboxWorker>[0]['delivery']> = {}, realUrl?: string, pollMs = 50) {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-worker-'));
    const opened: Store = openSqliteStore(join(dir, 'gateway.db'));
    /** Every claim the worker makes, with how many messages it took. */
    const claims: number[] = [];
    const store: Store = new Proxy(opened, {
      get(target, name, receiver) {
        if (name !== 'claimHeads') return Reflect.get(target, name, receiver) as unknown;
        return async (...args: Parameters<Store['claimHeads']>) => {
          const heads = await target.claimHeads(...args);
          claims.push(heads.length);
          return heads;
        };
      },
    });
    const self = await makePartner('provider');
    const supplier = await makePartner('supplier');
    const partners = createPartnerDirectory([{ id: 'supplier', name: 'Supplier', roles: ['supplier'], keys: [supplier.key], url: realUrl ?? ORIGIN }]);
    const agent = new MockAgent();
    agent.disableNetConnect();
    const worker = createOutboxWorker({
      store,
      partners,
      signingKey: self.key,
      algorithms: ['EdDSA', 'ES256'],
      now: Date.now,
      logger: pino({ level: 'silent' }),
      ...(realUrl === undefined ? { dispatcher: agent } : {}),
      random: () => 1,
      delivery: { maxAttempts: 10, maxAgeSeconds: 3600, timeoutMs: 1000, backoffBaseMs: 10, backoffMaxMs: 50, circuitFailureThreshold: 100, circuitCooldownMs: 10, connections: 4, leaseMs: 5000, batchSize: 16, ...delivery },
      pollMs,
    });
    cleanups.push(async () => {
      await worker.close();
      await agent.close();
      await store.close();
      await removeDir(dir);
    });
    /** Every message queued, known before its commit (a worker may claim it as soon as it commits). */
    const queued: { id: string; body: string; callId: string }[] = [];
    const queue = async (padding = 0): Promise<{ id: string; body: string; callId: string }> => {
      const call = { id: uuidv7(), customer: 'c', type: 'incident' as const, service: 's', agreement: 'a', summary: 's', impact: 'low' as const, urgency: 'low' as const, priority: 5 as const, requester: { name: 'r' }, attachments: [], chainId: uuidv7(), lifecycle: startCall('incident').state, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1 };
      const message = { id: uuidv7(), partner: 'supplier', type: 'call.update' as const, path: '/v1/messages', linkId: null, callId: call.id, body: JSON.stringify({ hello: call.id, ...(padding > 0 ? { padding: 'x'.repeat(padding) } : {}) }), trace: null, createdAt: new Date().toISOString() };
      queued.push(message);
      await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [message] });
      return message;
    };
    /** The messages delivered so far, oldest first, of the calls queued (or of the calls given). */
    const delivered = async (callIds: readonly string[] = queued.map((m) => m.callId)): Promise<OutboxMessage[]> =>
      (await Promise.all([...new Set(callIds)].map((id) => store.outboxForCall(id)))).flat().filter((m) => m.status === 'delivered').sort((a, b) => a.seq - b.seq);
    const receiptFor = (message: { id: string; body: string }) =>
      ({ receipt: createReceipt({ messageId: message.id, digest: bodyDigest(Buffer.from(message.body)), receivedAt: new Date().toISOString(), gateway: 'supplier', from: 'provider' }, supplier.key) });
    return { store, worker, pool: agent.get(ORIGIN), queue, queued, delivered, receiptFor, claims };
  }

  it("claims only while a message may be waiting: once a message, and a call's next one as soon as the one before is delivered", async () => {
    // The poll is a minute away: only the worker's own claims can find the second message.
    const { store, worker, pool, receiptFor, claims, delivered } = await setup({}, undefined, 60_000);
    const call = { id: uuidv7(), customer: 'c', type: 'incident' as const, service: 's', agreement: 'a', summary: 's', impact: 'low' as const, urgency: 'low' as const, priority: 5 as const, requester: { name: 'r' }, attachments: [], chainId: uuidv7(), lifecycle: startCall('incident').state, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1 };
    const messages = ['first', 'second'].map((step) => ({ id: uuidv7(), partner: 'supplier', type: 'call.update' as const, path: '/v1/messages', linkId: null, callId: call.id, body: JSON.stringify({ step }), trace: null, createdAt: new Date().toISOString() }));
    const received: string[] = [];
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply((request) => {
      const message = messages.find((m) => m.body === String(request.body))!;
      received.push(message.id);
      return { statusCode: 200, data: JSON.stringify(receiptFor(message)), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).persist();
    await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: messages });
    worker.wake(['supplier']);
    await eventually(async () => (await delivered([call.id])).length === 2, 2000);
    await worker.idle();
    expect(received).toEqual(messages.map((m) => m.id));
    // The first claim takes the call's head; its delivery tells that another waits, so the second claim
    // takes that one; its delivery tells that none does, so the drain ends without an empty claim.
    expect(claims).toEqual([1, 1]);
  });

  it('waits as long as Retry-After says before trying again', async () => {
    const { worker, pool, queue, receiptFor, delivered } = await setup();
    const message = await queue();
    const attempts: number[] = [];
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(() => {
      attempts.push(Date.now());
      return { statusCode: 503, data: '{}', responseOptions: { headers: { 'retry-after': '1' } } };
    });
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(() => {
      attempts.push(Date.now());
      return { statusCode: 200, data: JSON.stringify(receiptFor(message)), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
    worker.wake();
    await eventually(async () => (await delivered()).length === 1, 5000);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(950);
  });

  it('sends queued messages as one batch, and one by one to a gateway without the batch endpoint', async () => {
    const { worker, pool, queue, queued, receiptFor, delivered } = await setup();
    const first = await Promise.all([queue(), queue(), queue()]);
    const batches: number[] = [];
    const singles: string[] = [];
    pool.intercept({ path: '/v1/messages/batch', method: 'POST' }).reply((request) => {
      batches.push((JSON.parse(String(request.body)) as { messages: unknown[] }).messages.length);
      return { statusCode: 404, data: JSON.stringify({ code: 'USM_ERR_NOT_FOUND' }) };
    });
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply((request) => {
      const body = String(request.body);
      singles.push(body);
      const message = queued.find((m) => m.body === body)!;
      return { statusCode: 200, data: JSON.stringify(receiptFor(message)), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).persist();
    const later: { id: string; body: string }[] = [];
    worker.wake();
    await eventually(async () => (await delivered()).length === 3, 5000);
    expect(batches).toEqual([3]);
    // From now on this supplier gets messages one by one: a batch request would find no interceptor.
    later.push(...(await Promise.all([queue(), queue()])));
    worker.wake();
    await eventually(async () => (await delivered()).length === 5, 5000);
    expect(batches).toEqual([3]);
    expect(singles.sort()).toEqual([...first, ...later].map((m) => m.body).sort());
  });

  it('keeps a batch under 128 KiB of messages', async () => {
    const { worker, pool, queue, receiptFor, delivered } = await setup();
    const queued = await Promise.all([queue(60_000), queue(60_000), queue(60_000)]);
    const sizes: number[] = [];
    pool.intercept({ path: '/v1/messages/batch', method: 'POST' }).reply((request) => {
      const messages = (JSON.parse(String(request.body)) as { messages: { message: string }[] }).messages;
      sizes.push(messages.length);
      const results = messages.map((m) => ({ status: 200, body: receiptFor(queued.find((q) => q.body === m.message)!) }));
      return { statusCode: 200, data: JSON.stringify({ results }), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).persist();
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply((request) => {
      sizes.push(1);
      return { statusCode: 200, data: JSON.stringify(receiptFor(queued.find((q) => q.body === String(request.body))!)), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).persist();
    worker.wake();
    await eventually(async () => (await delivered()).length === 3, 5000);
    expect(sizes.sort()).toEqual([1, 2]);
  });

  it('sends a batch refused for its size one by one, and tries batches again next time', async () => {
    const { store, worker, pool, queue, receiptFor, delivered } = await setup();
    const queued: { id: string; body: string }[] = [];
    let batches = 0;
    pool.intercept({ path: '/v1/messages/batch', method: 'POST' }).reply(() => {
      batches++;
      return { statusCode: 413, data: JSON.stringify({ code: 'USM_ERR_BODY_TOO_LARGE' }) };
    }).persist();
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply((request) => ({
      statusCode: 200,
      data: JSON.stringify(receiptFor(queued.find((m) => m.body === String(request.body))!)),
      responseOptions: { headers: { 'content-type': 'application/json' } },
    })).persist();
    queued.push(...(await Promise.all([queue(), queue()])));
    worker.wake();
    await eventually(async () => (await delivered()).length === 2, 5000);
    queued.push(...(await Promise.all([queue(), queue()])));
    worker.wake();
    await eventually(async () => (await delivered()).length === 4, 5000);
    expect(batches).toBe(2);
    expect(await store.listOutbox({ status: 'dead', limit: 10 })).toEqual([]);
  });

  it('keeps a message whose receipt does not verify, and dead-letters a message the supplier refuses outright', async () => {
    const { store, worker, pool, queue } = await setup({ maxAttempts: 2 });
    const forged = await queue();
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(200, { receipt: { messageId: forged.id, jws: 'e30.e30.AAAA' } }).times(2);
    worker.wake();
    const dead = await eventually(async () => (await store.listOutbox({ status: 'dead', limit: 10 }))[0]);
    expect(dead.lastError).toMatch(/receipt/);

    const refused = await queue();
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(422, { code: 'USM_ERR_AGREEMENT_INVALID' });
    worker.wake();
    await eventually(async () => (await store.listOutbox({ status: 'dead', limit: 10 })).some((m) => m.id === refused.id));
    expect((await store.listOutbox({ status: 'dead', limit: 10 })).find((m) => m.id === refused.id)?.attempts).toBe(0);
  });

  it('gives up on a supplier that answers too slowly, and tries again', async () => {
    let answers = 0;
    let receipt: unknown;
    const server = createServer((req, res) => {
      req.resume();
      if (answers++ === 0) setTimeout(() => !res.destroyed && res.writeHead(200).end('{}'), 1500);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { worker, queue, receiptFor, delivered } = await setup({ timeoutMs: 300 }, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    receipt = receiptFor(await queue());
    const started = Date.now();
    worker.wake();
    await eventually(async () => (await delivered()).length === 1, 5000);
    // Cut off after 300 ms rather than waiting out the 1.5 s answer.
    expect(Date.now() - started).toBeLessThan(1400);
    expect(answers).toBe(2);
  });

  it('makes a dead letter of a message past its age, which replays cleanly once the supplier is back', async () => {
    const { store, worker, pool, queue, receiptFor, delivered } = await setup({ maxAgeSeconds: 1, backoffBaseMs: 200, backoffMaxMs: 200 });
    const message = await queue();
    let up = false;
    pool
      .intercept({ path: '/v1/messages', method: 'POST' })
      .reply(() => (up ? { statusCode: 200, data: JSON.stringify(receiptFor(message)), responseOptions: { headers: { 'content-type': 'application/json' } } } : { statusCode: 503, data: '{}' }))
      .persist();
    worker.wake();
    const dead = await eventually(async () => (await store.listOutbox({ status: 'dead', limit: 10 }))[0], 5000);
    expect(dead.lastError).toMatch(/older than 1 s; last error: HTTP 503/);
    expect(dead.attempts).toBeGreaterThan(1);

    up = true;
    const requeued = await store.requeue(message.id);
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0 });
    worker.wake();
    const sent = await eventually(async () => (await delivered())[0], 5000);
    expect(sent.id).toBe(message.id);
    expect(sent.body).toBe(message.body);
  });

  it('opens the circuit after repeated failures and sends nothing until the cooldown is over', async () => {
    const { worker, pool, queue, receiptFor, delivered } = await setup({ circuitFailureThreshold: 2, circuitCooldownMs: 800, backoffBaseMs: 1, backoffMaxMs: 1 });
    const message = await queue();
    const attempts: number[] = [];
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(() => {
      attempts.push(Date.now());
      return { statusCode: 500, data: '{}' };
    }).times(2);
    pool.intercept({ path: '/v1/messages', method: 'POST' }).reply(() => {
      attempts.push(Date.now());
      return { statusCode: 200, data: JSON.stringify(receiptFor(message)), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
    worker.wake();
    await eventually(async () => (await delivered()).length === 1, 5000);
    expect(attempts).toHaveLength(3);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(750);
  });
});
