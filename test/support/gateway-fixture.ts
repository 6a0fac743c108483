import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { pino } from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { createPartnerClient, type PartnerClient } from '../../src/client/partner-client.js';
import { buildConfig, type GatewayConfig } from '../../src/config/load-config.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningAlgorithm, type SigningKey } from '../../src/keys/jwk.js';

export const DESK_TOKEN = 'desk-token-for-tests-0123456789';

export interface TestPartner {
  readonly id: string;
  readonly jwk: JWK;
  readonly key: SigningKey;
}

export async function makePartner(id: string, alg: SigningAlgorithm = 'EdDSA'): Promise<TestPartner> {
  const jwk = await generatePrivateJwk(alg);
  return { id, jwk, key: signingKeyOf(jwk) };
}

export interface GatewayFixture {
  readonly app: App;
  readonly url: string;
  readonly dir: string;
  readonly config: GatewayConfig;
  readonly partyId: string;
  client(partner: TestPartner): PartnerClient;
  desk(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Closes the app and starts a new one on the same files (a restart). */
  restart(): Promise<GatewayFixture>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly partners: readonly TestPartner[];
  readonly partyId?: string;
  readonly dir?: string;
  readonly now?: () => number;
  /** Extra or replaced config keys. */
  readonly config?: Record<string, unknown>;
}

/** A real gateway on 127.0.0.1, on its own SQLite file in a fresh temporary directory. */
export async function startGateway(options: FixtureOptions): Promise<GatewayFixture> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'usm-link-test-')));
  const partyId = options.partyId ?? 'provider';
  await writeFile(join(dir, 'desk-token'), DESK_TOKEN, { mode: 0o600 });
  const raw = {
    party: { id: partyId, name: 'Test provider' },
    listen: { host: '127.0.0.1', port: 0 },
    storage: 'sqlite:./gateway.db',
    signing: { keyFile: './gateway.private.jwk', createIfMissing: true },
    services: [
      { id: 'workplace', name: 'Digital workplace' },
      { id: 'hosting', name: 'Hosting' },
    ],
    partners: options.partners.map((p) => ({ id: p.id, name: p.id, roles: ['customer'], jwks: { keys: [publicJwkOf(p.jwk)] } })),
    agreements: options.partners.map((p) => ({
      id: `${p.id}-agreement`,
      customer: p.id,
      services: ['workplace'],
      serviceLevels: { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: 240 }] },
    })),
    desk: { tokens: [{ name: 'desk', file: './desk-token' }] },
    webhooks: { backoffBaseMs: 50, backoffMaxMs: 200, maxAttempts: 3 },
    log: { level: 'silent' },
    ...options.config,
  };
  const config = buildConfig(raw, dir);
  const app = await buildApp({ config, env: {}, ...(options.now ? { now: options.now } : {}), logger: pino({ level: 'silent' }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  let closed = false;
  const fixture: GatewayFixture = {
    app,
    url,
    dir,
    config,
    partyId,
    client: (partner) =>
      createPartnerClient({ baseUrl: url, from: partner.id, to: partyId, key: partner.key, ...(options.now ? { now: options.now } : {}) }),
    async desk(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${DESK_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async restart() {
      await fixture.close();
      return startGateway({ ...options, dir });
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
  return fixture;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function incident(overrides: Record<string, unknown> = {}, customer = 'hospital'): Record<string, unknown> {
  return {
    type: 'incident',
    service: 'workplace',
    agreement: `${customer}-agreement`,
    summary: 'Laptops cannot reach the patient record system',
    impact: 'high',
    urgency: 'medium',
    requester: { name: 'Dr. A. Jansen', email: 'a.jansen@example.org' },
    ...overrides,
  };
}
