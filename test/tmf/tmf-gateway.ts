import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { pino } from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { buildConfig } from '../../src/config/load-config.js';
import { installResponseCheck } from '../support/gateway-fixture.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { TMF621_BASE_PATH } from '../../src/tmf/tmf621-contract.js';

export const DESK_TOKEN = 'desk-token-for-tests-0123456789';

export interface TmfPartner {
  readonly id: string;
  readonly jwk: JWK;
}

export interface TmfGateway {
  readonly app: App;
  readonly url: string;
  readonly base: string;
  desk(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A real gateway on 127.0.0.1 and its own SQLite file, with each partner a customer of the `workplace` service. */
export async function startTmfGateway(partners: readonly TmfPartner[], roles: Readonly<Record<string, string[]>> = {}, partnerConfig: Readonly<Record<string, Record<string, unknown>>> = {}): Promise<TmfGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'usm-link-tmf-'));
  await writeFile(join(dir, 'desk-token'), DESK_TOKEN, { mode: 0o600 });
  await writeFile(join(dir, 'admin-token'), `${DESK_TOKEN}-admin`, { mode: 0o600 });
  const config = buildConfig(
    {
      party: { id: 'provider', name: 'Test provider' },
      listen: { host: '127.0.0.1', port: 0 },
      storage: 'sqlite:./gateway.db',
      signing: { keyFile: './gateway.private.jwk', createIfMissing: true },
      services: [{ id: 'workplace', name: 'Digital workplace' }],
      partners: partners.map((p) => ({ id: p.id, name: `${p.id} org`, roles: roles[p.id] ?? ['customer'], jwks: { keys: [publicJwkOf(p.jwk)] }, ...((roles[p.id] ?? []).includes('supplier') ? { url: 'http://127.0.0.1:9' } : {}), ...partnerConfig[p.id] })),
      agreements: partners.filter((p) => (roles[p.id] ?? ['customer']).includes('customer')).map((p) => ({
        id: `${p.id}-agreement`,
        customer: p.id,
        services: ['workplace'],
        serviceLevels: { supportHours: '24x7', targets: [1, 2, 3, 4, 5].map((priority) => ({ priority, responseMinutes: 15 * priority, resolutionMinutes: 240 * priority })) },
      })),
      desk: { tokens: [{ name: 'desk', file: './desk-token' }] },
      admin: { tokens: [{ name: 'admin', file: './admin-token' }] },
      limits: { partnerRequestsPerSecond: 10_000, partnerBurst: 10_000 },
      webhooks: { backoffBaseMs: 50, backoffMaxMs: 200, maxAttempts: 5 },
      log: { level: 'silent' },
    },
    dir,
  );
  const app = await buildApp({ config, env: {}, logger: pino({ level: 'silent' }) });
  // Every answer is checked against its contract (openapi/tmf621.yaml for the facade), as the fixture's are.
  installResponseCheck(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    app,
    url,
    base: `${url}${TMF621_BASE_PATH}`,
    async desk(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${DESK_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A partner's JWT, as any JOSE library makes it: iss the partner, aud the gateway, a fresh jti unless told. */
export async function partnerJwt(partner: TmfPartner, claims: { jti?: string | null; aud?: string } = {}): Promise<string> {
  const key = await importJWK(partner.jwk, 'EdDSA');
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: partner.jwk.kid!, typ: 'JWT' }).setIssuer(partner.id).setAudience(claims.aud ?? 'provider').setIssuedAt().setExpirationTime('60s');
  if (claims.jti !== null) jwt.setJti(claims.jti ?? randomUUID());
  return jwt.sign(key);
}
