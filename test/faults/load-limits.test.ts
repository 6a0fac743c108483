import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { recordFigures } from './fault-figures.js';

/** A last resort only: each test's bounds are counts, so a slow machine makes it slower, not red. */
const GENEROUS = 120_000;

describe('load limits', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    // A slow refill (one request every 2 s), so that the burst is all the requests sent at once even on a slow machine.
    gateway = await startGateway({ partners: [hospital, clinic], config: { limits: { partnerRequestsPerSecond: 0.5, partnerBurst: 5, requestTimeoutMs: 1000 } } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('answers a partner over its rate with 429 and Retry-After, without slowing the others', async () => {
    const client = gateway.client(hospital);
    const answers = await Promise.all(Array.from({ length: 12 }, () => client.get('/v1/calls')));
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect((limited[0]!.body as any).code).toBe('USM_ERR_RATE_LIMITED');
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const write = await client.send('/v1/calls', client.envelope('call.submit', incident()));
    expect(write.status).toBe(429);
    expect((await gateway.client(clinic).get('/v1/calls')).status).toBe(200);
    // At least the time one request needs to refill (a lower bound: a slower machine only waits longer).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await client.get('/v1/calls')).status).toBe(200);
    await recordFigures('limits', { limited: limited.length + (write.status === 429 ? 1 : 0) });
  }, GENEROUS);

  it('cuts off a request whose body trickles in too slowly', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    // A write racing the server's close fails with EPIPE: that is the cut-off being tested.
    socket.on('error', () => undefined);
    socket.write('POST /v1/calls HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":');
    // One byte at a time: the body needs 994 more. Counted, so the bound holds on a slow machine too.
    let trickled = 0;
    const trickle = setInterval(() => socket.writable && socket.write(' ') && trickled++, 200);
    await closed;
    clearInterval(trickle);
    expect(trickled).toBeLessThan(100);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  }, GENEROUS);

  it('cuts off a request whose headers never finish', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    // A write racing the server's close fails with EPIPE: that is the cut-off being tested.
    socket.on('error', () => undefined);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    // A header line now and then, never the blank line that ends them: cut off after a few, not after the 100th.
    let lines = 0;
    const trickle = setInterval(() => socket.writable && socket.write(`X-Slow-${lines}: 1\r\n`) && lines++, 200);
    await closed;
    clearInterval(trickle);
    expect(lines).toBeLessThan(100);
  }, GENEROUS);
});
