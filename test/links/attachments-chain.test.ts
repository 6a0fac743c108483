import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_TOKEN, eventually, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';
import { renderTrace } from '../../src/cli/render-trace.js';
import { postgresSchema } from '../support/postgres.js';

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A file host on 127.0.0.1 that the hospital is allowed to fetch from (its `attachments.allowedHosts`). */
async function startFileHost(files: Record<string, Buffer>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const XRAY = Buffer.from('%PDF-1.7 a scan of the broken badge reader\n'.repeat(200));
const LOG = Buffer.from('2026-12-02T01:00:00Z reader 7: handshake failed\n'.repeat(50));
const SCREEN = Buffer.from('PNG-ish bytes of the hosting console\n'.repeat(30));

/**
 * Attachments down (and up) a chain of real gateways: the ward's reference is fetched and checked
 * at the hospital, travels with each fork as a download at the gateway before, and is fetched and
 * checked again at each hop; attachments added later with notes travel the same way.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('attachments down the chain (the exchange on %s)', (store) => {
  let chain: HealthChain;
  const database = store === 'PostgreSQL' ? postgresSchema() : undefined;
  let files: { url: string; server: Server };
  let ward: TestPartner;
  let a: GatewayFixture;
  let b: GatewayFixture;
  let c: GatewayFixture;

  const reference = (path: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({ url: `${files.url}${path}`, sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf', name: path.slice(1), ...extra });
  const allowLocalFiles = { attachments: { allowedHosts: ['127.0.0.1'], allowPrivateAddresses: true } };

  beforeAll(async () => {
    files = await startFileHost({ '/xray.pdf': XRAY, '/reader.log': LOG, '/console.png': SCREEN });
    chain = await startHealthChain({
      publicUrls: true,
      hospitalRoute: { callTypes: ['incident'], mode: 'auto' },
      exchangeRoute: { callTypes: ['incident'], mode: 'auto', relayNotes: true },
      config: { hospital: allowLocalFiles, hosting: allowLocalFiles, exchange: database !== undefined ? { storage: database.url } : {} },
    });
    ({ ward, a, b, c } = chain);
  });
  afterAll(async () => {
    await chain?.close();
    await database?.drop();
    await new Promise((resolve) => files?.server.close(resolve));
  });

  async function submit(attachments: unknown[]) {
    const client = a.client(ward);
    return client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', attachments }, 'ward')));
  }
  async function download(gateway: GatewayFixture, path: string, authorization?: string) {
    const response = await request(`${gateway.url}${path}`, { headers: authorization !== undefined ? { authorization } : {} });
    return { status: response.statusCode, bytes: Buffer.from(await response.body.arrayBuffer()), headers: response.headers };
  }

  let wardCall: any;
  let atExchange: any;
  let atHosting: any;

  it('fetches and checks a reference at the hospital, and each fork carries it on to be checked at the next hop', async () => {
    expect(b.config.storage).toMatch(store === 'PostgreSQL' ? /^postgres:/ : /^sqlite:/);
    const submitted = await submit([reference('/xray.pdf', XRAY)]);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    wardCall = (submitted.body as any).call;
    expect(wardCall.attachments).toEqual([expect.objectContaining({ sha256: sha(XRAY), size: XRAY.length, verified: true, url: `${files.url}/xray.pdf` })]);

    atHosting = await eventually(async () => (await c.desk('GET', '/v1/desk/calls')).body.items[0]);
    atExchange = (await b.desk('GET', '/v1/desk/calls')).body.items[0];
    // Each hop was given the download at the gateway before it, and checked what it fetched there.
    expect(atExchange.attachments).toEqual([expect.objectContaining({ sha256: sha(XRAY), verified: true, url: `${a.url}/v1/calls/${wardCall.id}/attachments/${sha(XRAY)}`, sentTo: [expect.any(String)] })]);
    expect(atHosting.attachments).toEqual([expect.objectContaining({ sha256: sha(XRAY), verified: true, url: `${b.url}/v1/calls/${atExchange.id}/attachments/${sha(XRAY)}` })]);
    const content = await download(c, `/v1/desk/calls/${atHosting.id}/attachments/${sha(XRAY)}`, `Bearer ${DESK_TOKEN}`);
    expect(content.status).toBe(200);
    expect(content.bytes.equals(XRAY)).toBe(true);
    expect(content.headers['content-type']).toBe('application/octet-stream');

    // The ward downloads its own attachment from the hospital.
    const token = await a.client(ward).readToken();
    const own = await download(a, `/v1/calls/${wardCall.id}/attachments/${sha(XRAY)}`, `Bearer ${token}`);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(XRAY)).toBe(true);
  });

  it("adds the customer's attachment given later with its note, checked like the first", async () => {
    const client = a.client(ward);
    const bad = await client.send(`/v1/calls/${wardCall.id}/notes`, client.envelope('call.note', { text: 'Another scan', attachments: [reference('/xray.pdf', XRAY, { sha256: sha(SCREEN) })] }, { chainId: wardCall.chainId }));
    expect((bad.body as any).code).toBe('USM_ERR_ATTACHMENT_MISMATCH');
    expect(((await client.get(`/v1/calls/${wardCall.id}/notes`)).body as any).items.map((n: any) => n.text)).not.toContain('Another scan');
    const noted = await client.send(`/v1/calls/${wardCall.id}/notes`, client.envelope('call.note', { text: 'The scan again, for the exchange', attachments: [reference('/xray.pdf', XRAY)] }, { chainId: wardCall.chainId }));
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    // The same content is held once.
    expect((noted.body as any).call.attachments).toHaveLength(1);
  });

  it('shows in the chain trace which attachments each hop holds, each verified there', async () => {
    const trace = (await a.desk('GET', `/v1/desk/calls/${wardCall.id}/trace`)).body;
    const expected = [{ sha256: sha(XRAY), size: XRAY.length, mediaType: 'application/pdf', name: 'xray.pdf', verified: true }];
    expect(trace.attachments).toEqual(expected);
    expect(trace.forwarded[0].next.attachments).toEqual(expected);
    expect(trace.forwarded[0].next.forwarded[0].next.attachments).toEqual(expected);
    const text = renderTrace(trace, '');
    expect(text.match(/attachment xray\.pdf .* verified here/g)).toHaveLength(3);
  });

  it('refuses a content that is not the declared SHA-256 or size, and writes no call', async () => {
    const before = (await a.desk('GET', '/v1/desk/calls')).body.items.length;
    const wrongHash = await submit([reference('/xray.pdf', XRAY, { sha256: sha(LOG) })]);
    expect(wrongHash.status).toBe(422);
    expect(wrongHash.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((wrongHash.body as any).code).toBe('USM_ERR_ATTACHMENT_MISMATCH');
    const shorter = await submit([reference('/xray.pdf', XRAY, { size: XRAY.length - 1 })]);
    expect((shorter.body as any).code).toBe('USM_ERR_ATTACHMENT_MISMATCH');
    const longer = await submit([reference('/xray.pdf', XRAY, { size: XRAY.length + 1 })]);
    expect((longer.body as any).code).toBe('USM_ERR_ATTACHMENT_MISMATCH');
    // One good, one bad: the whole call is refused.
    const mixed = await submit([reference('/reader.log', LOG), reference('/xray.pdf', XRAY, { sha256: sha(SCREEN) })]);
    expect((mixed.body as any).code).toBe('USM_ERR_ATTACHMENT_MISMATCH');
    const missing = await submit([reference('/nothing.pdf', XRAY)]);
    expect((missing.body as any).code).toBe('USM_ERR_ATTACHMENT_UNREACHABLE');
    const tooLarge = await submit([reference('/xray.pdf', XRAY, { size: 20 * 1024 * 1024 })]);
    expect((tooLarge.body as any).code).toBe('USM_ERR_ATTACHMENT_TOO_LARGE');
    expect((await a.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(before);
  });

  it('refuses a reference at a host that is not allowed', async () => {
    const elsewhere = await submit([{ ...reference('/xray.pdf', XRAY), url: files.url.replace('127.0.0.1', 'localhost') + '/xray.pdf' }]);
    expect(elsewhere.status).toBe(422);
    expect((elsewhere.body as any).code).toBe('USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED');
  });

  it('sends an attachment added later on a desk note to the supplier, who checks it', async () => {
    const [fork] = (await a.desk('GET', `/v1/desk/calls/${wardCall.id}/forks`)).body.items;
    const noted = await a.desk('POST', `/v1/desk/calls/${wardCall.id}/forks/${fork.id}/notes`, { text: 'The reader log from this morning', attachments: [reference('/reader.log', LOG, { mediaType: 'text/plain' })] });
    expect(noted.status, JSON.stringify(noted.body)).toBe(202);
    const atHospital = (await a.desk('GET', `/v1/desk/calls/${wardCall.id}`)).body;
    expect(atHospital.attachments[1]).toMatchObject({ sha256: sha(LOG), verified: true, visibility: 'internal', sentTo: [fork.id] });
    // The ward does not see what the desk sent its supplier.
    expect(((await a.client(ward).get(`/v1/calls/${wardCall.id}`)).body as any).attachments.map((x: any) => x.sha256)).toEqual([sha(XRAY)]);

    const exchangeCall = await eventually(async () => {
      const call = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body;
      return call.attachments.length === 2 ? call : false;
    });
    const notes = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/notes`)).body.items;
    const note = notes.find((n: any) => n.text === 'The reader log from this morning');
    expect(exchangeCall.attachments[1]).toMatchObject({ sha256: sha(LOG), verified: true, noteId: note.id, url: `${a.url}/v1/calls/${wardCall.id}/attachments/${sha(LOG)}` });

    // The exchange's desk passes it on to hosting: the call holds it already, so it is sent, not fetched again.
    const [exchangeFork] = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}/forks`)).body.items;
    const passed = await b.desk('POST', `/v1/desk/calls/${atExchange.id}/forks/${exchangeFork.id}/notes`, { text: 'See the log', attachments: [exchangeCall.attachments[1]].map(({ url, sha256, size, mediaType, name }: any) => ({ url, sha256, size, mediaType, name })) });
    expect(passed.status, JSON.stringify(passed.body)).toBe(202);
    const hostingCall = await eventually(async () => {
      const call = (await c.desk('GET', `/v1/desk/calls/${atHosting.id}`)).body;
      return call.attachments.length === 2 ? call : false;
    });
    expect(hostingCall.attachments[1]).toMatchObject({ sha256: sha(LOG), verified: true, url: `${b.url}/v1/calls/${atExchange.id}/attachments/${sha(LOG)}` });
    const content = await download(c, `/v1/desk/calls/${atHosting.id}/attachments/${sha(LOG)}`, `Bearer ${DESK_TOKEN}`);
    expect(content.bytes.equals(LOG)).toBe(true);
  });

  it("brings a supplier's attachment up with its public note", async () => {
    const noted = await c.desk('POST', `/v1/desk/calls/${atHosting.id}/notes`, { text: 'Console at the time of the fault', visibility: 'public', attachments: [reference('/console.png', SCREEN, { mediaType: 'image/png' })] });
    expect(noted.status, JSON.stringify(noted.body)).toBe(201);
    const exchangeCall = await eventually(async () => {
      const call = (await b.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body;
      return call.attachments.length === 3 ? call : false;
    });
    expect(exchangeCall.attachments[2]).toMatchObject({ sha256: sha(SCREEN), verified: true, url: `${c.url}/v1/calls/${atHosting.id}/attachments/${sha(SCREEN)}`, addedBy: { kind: 'supplier', id: chain.hosting.id } });
    const content = await download(b, `/v1/desk/calls/${atExchange.id}/attachments/${sha(SCREEN)}`, `Bearer ${DESK_TOKEN}`);
    expect(content.bytes.equals(SCREEN)).toBe(true);
  });

  it('serves an attachment to no one else', async () => {
    const path = `/v1/calls/${atExchange.id}/attachments/${sha(XRAY)}`;
    expect((await download(b, path)).status).toBe(401);
    // At the exchange: hosting, the supplier of the sub-call that carried it, and the hospital, the call's customer.
    const hostingAtExchange = `Bearer ${await b.client(chain.hosting.key).readToken()}`;
    const hospitalAtExchange = `Bearer ${await b.client(chain.hospital.key).readToken()}`;
    expect((await download(b, path, hostingAtExchange)).status).toBe(200);
    expect((await download(b, path, hospitalAtExchange)).status).toBe(200);
    // Hosting's own screenshot came up to the exchange; the exchange never sent it to hosting's sub-call.
    const notSent = await download(b, `/v1/calls/${atExchange.id}/attachments/${sha(SCREEN)}`, hostingAtExchange);
    expect(notSent.status).toBe(404);
    expect(JSON.parse(notSent.bytes.toString())).toMatchObject({ code: 'USM_ERR_ATTACHMENT_NOT_FOUND' });
    // At the hospital: the log its desk sent the exchange is internal, not the ward's to download; the exchange may.
    const logPath = `/v1/calls/${wardCall.id}/attachments/${sha(LOG)}`;
    expect((await download(a, logPath, `Bearer ${await a.client(ward).readToken()}`)).status).toBe(404);
    expect((await download(a, logPath, `Bearer ${await a.client(chain.exchange.key).readToken()}`)).status).toBe(200);
    expect((await download(a, `/v1/calls/${wardCall.id}/attachments/${'0'.repeat(64)}`, `Bearer ${await a.client(chain.exchange.key).readToken()}`)).status).toBe(404);
    // The ward is no partner of the exchange.
    expect((await download(b, path, `Bearer ${await b.client(ward).readToken()}`)).status).toBe(401);
  });
});

describe('the fetch by reference guards against internal addresses', () => {
  let gateway: GatewayFixture;
  let files: { url: string; server: Server };
  let customer: TestPartner;

  beforeAll(async () => {
    files = await startFileHost({ '/xray.pdf': XRAY });
    customer = await makePartner('hospital');
    // The hosts are allowed by name, but private addresses are not.
    gateway = await startGateway({ partners: [customer], config: { attachments: { allowedHosts: ['127.0.0.1', 'localhost'] } } });
  });
  afterAll(async () => {
    await gateway?.close();
    await removeDir(gateway.dir);
    await new Promise((resolve) => files?.server.close(resolve));
  });

  it('refuses 127.0.0.1, and a name that resolves to a loopback address, unless allowed', async () => {
    const client = gateway.client(customer);
    for (const url of [`${files.url}/xray.pdf`, `${files.url.replace('127.0.0.1', 'localhost')}/xray.pdf`, 'http://[::1]:9/xray.pdf', 'http://169.254.169.254/latest/meta-data']) {
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ attachments: [{ url, sha256: sha(XRAY), size: XRAY.length, mediaType: 'application/pdf' }] })));
      expect(answer.status, url).toBe(422);
      expect((answer.body as any).code, url).toBe('USM_ERR_ATTACHMENT_HOST_NOT_ALLOWED');
    }
    expect((await gateway.desk('GET', '/v1/desk/calls')).body.items).toHaveLength(0);
  });
});
