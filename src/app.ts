import fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config/load-config.js';
import { customerRoutes } from './routes/customer-routes.js';
import { deskRoutes } from './routes/desk-routes.js';
import { createGateway, type Gateway } from './gateway.js';
import { contractDocument, operationsOf } from './http/contract.js';
import { installJsonBodyParser } from './http/json-body.js';
import { createIdempotentWrites } from './http/idempotent-writes.js';
import { installProblemHandler } from './http/problem-handler.js';
import { registerOperations } from './http/register-operations.js';
import { createContractValidation } from './http/validation.js';
import { batchOperation } from './http/batch-operation.js';
import { opsRoutes } from './routes/ops-routes.js';
import { linkRoutes } from './routes/link-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { agreementRoutes } from './routes/agreement-routes.js';
import { neighbours } from './network/neighbours.js';
import { createRateLimiter } from './partners/rate-limiter.js';
import { PROTOCOL_VERSIONS } from './messages/envelope.js';
import { createLogger } from './kernel/logger.js';
import './http/request-context.js';

const HOUR = 3_600_000;

export interface BuildAppOptions {
  readonly config: GatewayConfig;
  /** Environment to read secrets from; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  readonly logger?: Logger;
}

export interface App extends FastifyInstance {
  readonly gateway: Gateway;
  /** Every route served, as `METHOD /path` (HEAD routes fastify adds for GET are left out). */
  readonly routeTable: readonly string[];
}

function discoveryOf(config: GatewayConfig) {
  const apiBase = config.publicUrl ?? `http://${config.listen.host}:${config.listen.port}`;
  return { partyId: config.party.id, name: config.party.name, apiBase, jwksUri: `${apiBase}/.well-known/jwks.json`, versions: [...PROTOCOL_VERSIONS] };
}

/** Builds the gateway's HTTP app from a validated config. It never listens: see server.ts. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.log.level);
  const gateway = await createGateway({ config, env: options.env ?? process.env, now: options.now ?? Date.now, logger });
  const contract = { ...contractDocument, servers: [{ url: config.publicUrl ?? `http://${config.listen.host}:${config.listen.port}` }] };

  const app = fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.limits.bodyBytes,
    requestTimeout: config.limits.requestTimeoutMs,
    connectionTimeout: config.limits.requestTimeoutMs,
    // Headers must arrive within the request timeout too, and slow requests are looked for often enough to be cut off on time.
    http: { headersTimeout: config.limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.limits.requestTimeoutMs) },
    return503OnClosing: true,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    ajv: { customOptions: { strict: false } },
  });
  const routeTable: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push(`${method} ${route.url}`);
  });
  app.decorate('gateway', gateway);
  app.decorate('routeTable', routeTable);
  app.addHook('onClose', async () => gateway.close());
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const validation = createContractValidation(contractDocument);
  app.setValidatorCompiler(validation.compiler);
  installJsonBodyParser(app);
  installProblemHandler(app);

  await app.register(swagger, { mode: 'static', specification: { document: contract as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { url: '/openapi.json' } as never });

  const rateLimiter = createRateLimiter({ perSecond: config.limits.partnerRequestsPerSecond, burst: config.limits.partnerBurst, now: gateway.now });
  const signedDeps = { self: config.party.id, intake: gateway.intake, inbound: gateway.store, receipts: gateway.receipts, now: gateway.now, rateLimiter };
  const operations = operationsOf(contractDocument);
  const bodyOf = (operationId: string): unknown => operations.find((op) => op.operationId === operationId)?.schema.body;
  const customer = customerRoutes({
    ...signedDeps,
    calls: gateway.calls,
    tracer: gateway.tracer,
    agreements: gateway.agreements,
    readTokens: gateway.readTokens,
  });
  const link = linkRoutes({ ...signedDeps, subcalls: gateway.subcalls, agreements: gateway.negotiation, discovery: discoveryOf(config) });
  registerOperations(app, operations, {
    ...opsRoutes({ contract, keys: gateway.publishedKeys, checks: gateway.readinessChecks }),
    ...customer,
    ...deskRoutes({
      calls: gateway.calls,
      subcalls: gateway.subcalls,
      tracer: gateway.tracer,
      desk: gateway.desk,
      webhooks: gateway.webhooks,
      writes: createIdempotentWrites({ store: gateway.store, now: gateway.now, owner: (request) => `desk:${request.deskToken}`, retentionMs: config.desk.idempotencyHours * HOUR }),
    }),
    ...link,
    receiveBatch: batchOperation({
      ...signedDeps,
      byType: new Map([
        ['call.submit', { accept: customer.submitCall.accept, validate: validation.bodyValidator(bodyOf('submitCall')) }],
        ['call.update', { accept: link.receiveMessage.accept, validate: validation.bodyValidator(bodyOf('receiveMessage')) }],
      ]),
    }),
    ...agreementRoutes({ desk: gateway.desk, agreements: gateway.negotiation }),
    ...adminRoutes({
      admin: gateway.admin,
      outbox: gateway.store,
      wake: () => gateway.outboxWorker.wake(),
      neighbours: () => neighbours({ partners: gateway.partners, store: gateway.store, outbox: gateway.outboxWorker }),
      webhooks: gateway.webhooks,
    }),
  });
  return app as unknown as App;
}
