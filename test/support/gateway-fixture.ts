import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { pino } from 'pino';
import { afterAll, afterEach } from 'vitest';
import { freePorts } from '../../scripts/free-ports.js';
import { buildApp, type App } from '../../src/app.js';
import { createPartnerClient, type PartnerClient } from '../../src/client/partner-client.js';
import { buildConfig, type GatewayConfig } from '../../src/config/load-config.js';
import { contractDocument, operationsOf } from '../../src/http/contract.js';
import { createResponseCheck } from '../../src/http/validation.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningAlgorithm, type SigningKey } from '../../src/keys/jwk.js';
import { TMF621_BASE_PATH, tmf621Document } from '../../src/tmf/tmf621-contract.js';

export const DESK_TOKEN = 'desk-token-for-tests-0123456789';
export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

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
  admin(method: 'GET' | 'POST', path: string): Promise<{ status: number; body: any }>;
  /** Closes the app and starts a new one on the same files (a restart). */
  restart(): Promise<GatewayFixture>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Customers with an agreement each (`<id>-agreement` for `workplace`). */
  readonly partners: readonly TestPartner[];
  readonly partyId?: string;
  readonly dir?: string;
  /** The gateway's own signing key (default: generated on first start). */
  readonly signing?: TestPartner;
  /** A fixed port (default: any free one). */
  readonly port?: number;
  readonly now?: () => number;
  /** Extra or replaced config keys. */
  readonly config?: Record<string, unknown>;
  /** The environment the gateway reads (default: none). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Every answer a fixture's gateway sends is checked against the contract (status, media type, body
 * schema, required headers): openapi/usm-link.yaml, and openapi/tmf621.yaml for the TMF621 facade.
 * A mismatch fails the test during which it was sent, or, if no test follows, the file.
 */
const checkAnswer = createResponseCheck(contractDocument, operationsOf(contractDocument));
const tmfDocument = tmf621Document as unknown as typeof contractDocument;
const checkTmfAnswer = createResponseCheck(tmfDocument, operationsOf(tmfDocument));
const mismatches: string[] = [];

function failOnMismatches(): void {
  if (mismatches.length === 0) return;
  const found = mismatches.splice(0);
  throw new Error(`answers that do not match the contract (openapi/usm-link.yaml):\n${found.map((m) => `  ${m}`).join('\n')}`);
}
afterEach(failOnMismatches);
afterAll(failOnMismatches);

export function installResponseCheck(app: App): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    const tmf = route !== undefined && route.startsWith(TMF621_BASE_PATH);
    // The facade answers a request for no route with its own Error (tested in test/tmf), not a problem document.
    if (route === undefined && request.url.startsWith(`${TMF621_BASE_PATH}/`)) return payload;
    const problems = (tmf ? checkTmfAnswer : checkAnswer)({
      method: request.method,
      route: tmf ? route.slice(TMF621_BASE_PATH.length) : route,
      status: reply.statusCode,
      headers: reply.getHeaders(),
      body: typeof payload === 'string' || Buffer.isBuffer(payload) || payload === null || payload === undefined ? payload : undefined,
    });
    for (const problem of problems) mismatches.push(`${request.method} ${request.url}: ${problem}${tmf ? ' (openapi/tmf621.yaml)' : ''}`);
    return payload;
  });
}

/** A real gateway on 127.0.0.1, on its own SQLite file in a fresh temporary directory. */
export async function startGateway(options: FixtureOptions): Promise<GatewayFixture> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'usm-link-test-')));
  const partyId = options.partyId ?? 'provider';
  await writeFile(join(dir, 'desk-token'), DESK_TOKEN, { mode: 0o600 });
  await writeFile(join(dir, 'admin-token'), ADMIN_TOKEN, { mode: 0o600 });
  if (options.signing !== undefined) await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(options.signing.jwk), { mode: 0o600 });
  const raw = {
    party: { id: partyId, name: 'Test provider' },
    listen: { host: '127.0.0.1', port: options.port ?? 0 },
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
    admin: { tokens: [{ name: 'admin', file: './admin-token' }] },
    webhooks: { backoffBaseMs: 50, backoffMaxMs: 200, maxAttempts: 3 },
    delivery: { backoffBaseMs: 20, backoffMaxMs: 200, circuitCooldownMs: 200, timeoutMs: 2000 },
    limits: { partnerRequestsPerSecond: 10_000, partnerBurst: 10_000 },
    log: { level: 'silent' },
    ...options.config,
  };
  const config = buildConfig(raw, dir);
  const app = await buildApp({ config, env: options.env ?? {}, ...(options.now ? { now: options.now } : {}), logger: pino({ level: 'silent' }) });
  installResponseCheck(app);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
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
    desk: (method, path, body) => bearer(url, DESK_TOKEN, method, path, body),
    admin: (method, path) => bearer(url, ADMIN_TOKEN, method, path),
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

async function bearer(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** A port that was free a moment ago (for gateways that must know each other's URLs before they start). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/**
 * Polls until `check` passes (it may throw or return false meanwhile). The bound is generous: on a
 * slow or shared machine a passing test takes longer, it does not fail.
 */
export async function eventually<T>(check: () => Promise<T | false | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A gateway-to-be in a test network: its party id, signing key and the port it will listen on. */
export interface GatewayNode {
  readonly id: string;
  readonly key: TestPartner;
  readonly port: number;
}

export async function gatewayNode(id: string): Promise<GatewayNode> {
  return { id, key: await makePartner(id), port: await freePort() };
}

/** A partner entry for another gateway in a test network: its public key and URL. */
export function gatewayPartner(node: { id: string; key: TestPartner; port: number }, roles: ('customer' | 'supplier')[], services?: { id: string; name: string }[]) {
  return {
    id: node.id,
    name: node.id,
    roles,
    url: `http://127.0.0.1:${node.port}`,
    jwks: { keys: [publicJwkOf(node.key.jwk)] },
    ...(services !== undefined ? { services } : {}),
  };
}

export const SERVICE_LEVELS = { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 30, resolutionMinutes: 480 }] };

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
