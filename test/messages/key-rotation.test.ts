import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

describe('key rotation: two keys live at once', () => {
  let gateway: GatewayFixture;
  let oldKey: TestPartner;
  let newKey: TestPartner;
  let next: TestPartner;

  beforeAll(async () => {
    oldKey = await makePartner('hospital');
    newKey = await makePartner('hospital', 'ES256');
    next = await makePartner('provider');
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-test-'));
    await writeFile(join(dir, 'next.public.jwk'), JSON.stringify(publicJwkOf(next.jwk)));
    gateway = await startGateway({
      dir,
      partners: [oldKey],
      config: {
        partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [oldKey.key.jwk, newKey.key.jwk] } }],
        signing: { keyFile: './gateway.private.jwk', createIfMissing: true, publishKeyFiles: ['./next.public.jwk'] },
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('accepts messages and read tokens signed with either of a partner\'s keys', async () => {
    for (const key of [oldKey, newKey]) {
      const client = gateway.client(key);
      const answer = await client.send('/v1/calls', client.envelope('call.submit', incident()));
      expect(answer.status).toBe(201);
      expect((await client.get(`/v1/calls/${(answer.body as any).call.id}`)).status).toBe(200);
    }
  });

  it('publishes its signing key and the next one, and signs with the first', async () => {
    const { keys } = (await (await fetch(`${gateway.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(keys.map((k) => k.kid)).toEqual([gateway.app.gateway.signingKey.kid, next.key.kid]);
    expect(keys.every((k) => k.d === undefined)).toBe(true);
    const discovery = (await (await fetch(`${gateway.url}/.well-known/usm-link`)).json()) as any;
    expect(discovery).toMatchObject({ partyId: 'provider', versions: ['1'] });
    expect(discovery.jwksUri).toMatch(/\/\.well-known\/jwks\.json$/);
  });
});
