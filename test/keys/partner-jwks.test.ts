import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/load-config.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** A partner's JWKS endpoint whose answer the test changes. */
async function jwksServer(): Promise<{ url: string; serve(answer: { status: number; keys?: TestPartner[] }): void; close(): Promise<void> }> {
  let answer: { status: number; keys?: TestPartner[] } = { status: 200, keys: [] };
  const server: Server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: (answer.keys ?? []).map((k) => publicJwkOf(k.jwk)) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    serve: (next) => {
      answer = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("a partner's keys fetched from its JWKS", () => {
  let old: TestPartner;
  let current: TestPartner;
  let stranger: TestPartner;
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let gateway: GatewayFixture;
  const submit = async (key: TestPartner) => {
    const client = gateway.client(key);
    return client.send('/v1/calls', client.envelope('call.submit', incident()));
  };

  beforeAll(async () => {
    [old, current, stranger] = await Promise.all([makePartner('hospital'), makePartner('hospital'), makePartner('hospital')]);
    jwks = await jwksServer();
    jwks.serve({ status: 200, keys: [old, current, stranger] });
    const partner = { id: 'hospital', name: 'Hospital', roles: ['customer'], jwksUrl: jwks.url, jwksRefreshSeconds: 3600, kids: [old.key.kid, current.key.kid] };
    gateway = await startGateway({ partners: [old], config: { partners: [partner] } });
  });
  afterAll(async () => {
    await gateway?.close();
    await jwks?.close();
    if (gateway !== undefined) await removeDir(gateway.dir);
  });

  it('accepts the published keys the pins allow and refuses one they exclude, though the partner publishes it', async () => {
    expect((await submit(old)).status).toBe(201);
    expect((await submit(current)).status).toBe(201);
    const excluded = await submit(stranger);
    expect(excluded.status).toBe(401);
    expect((excluded.body as { code: string }).code).toBe('USM_ERR_UNKNOWN_KEY');
  });

  it('keeps the last good keys when a fetch fails', async () => {
    jwks.serve({ status: 503 });
    await gateway.app.gateway.partnerKeys.refresh();
    expect(gateway.app.gateway.partnerKeys.status()[0]).toMatchObject({ partner: 'hospital', lastError: expect.stringContaining('HTTP 503') });
    expect((await submit(old)).status).toBe(201);
  });

  it('refuses a key the partner no longer publishes from the next refresh on', async () => {
    jwks.serve({ status: 200, keys: [current, stranger] });
    expect((await submit(old)).status).toBe(201);
    await gateway.app.gateway.partnerKeys.refresh();
    const refused = await submit(old);
    expect(refused.status).toBe(401);
    expect((refused.body as { code: string }).code).toBe('USM_ERR_UNKNOWN_KEY');
    expect((await submit(current)).status).toBe(201);
    expect(gateway.app.gateway.partnerKeys.status()[0]).toMatchObject({ kids: [current.key.kid], lastError: null });
  });
});

describe('a JWKS URL in the config', () => {
  const config = (partner: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    buildConfig({ party: { id: 'p', name: 'P' }, storage: 'sqlite::memory:', signing: { keyFile: './k' }, services: [], partners: [{ id: 'h', name: 'H', roles: ['customer'], ...partner }], ...extra }, '/tmp');

  it('must be https unless on a loopback address', () => {
    expect(() => config({ jwksUrl: 'http://partner.example/.well-known/jwks.json' })).toThrow(/\/partners\/0\/jwksUrl: must be https/);
    expect(() => config({ jwksUrl: 'https://partner.example/.well-known/jwks.json' })).not.toThrow();
    expect(() => config({ jwksUrl: 'http://127.0.0.1:8080/.well-known/jwks.json' })).not.toThrow();
  });

  it('takes kids only beside it, and no development key', () => {
    expect(() => config({ jwks: { keys: [] }, kids: ['a'] })).toThrow(/\/partners\/0\/kids/);
    expect(() => config({ jwksUrl: 'https://partner.example/jwks', devKeyFile: './dev' })).toThrow(/\/partners\/0\/jwksUrl/);
  });

  it('names a signing.next switch date that cannot be read', () => {
    expect(() => config({ jwksUrl: 'https://partner.example/jwks' }, { signing: { keyFile: './k', next: { keyFile: './n', activateAt: 'tomorrow' } } })).toThrow(/\/signing\/next\/activateAt/);
  });
});
