import { AsyncResource } from 'node:async_hooks';
import fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { ConfigOverrides, GatewayConfig } from './config/load-config.js';
import { customerRoutes } from './routes/customer-routes.js';
import { deskRoutes } from './routes/desk-routes.js';
import { apiBaseOf, createGateway, type Gateway } from './gateway.js';
import { contractDocument, HTTP_METHODS, operationsOf, type ContractDocument, type Operation } from './http/contract.js';
import { installJsonBodyParser } from './http/json-body.js';
import { createIdempotentWrites } from './http/idempotent-writes.js';
import { classify, installProblemHandler } from './http/problem-handler.js';
import type { OperationHandler } from './http/register-operations.js';
import type { AcceptMessage } from './http/signed-message.js';
import type { AuthenticatedMessage } from './messages/message-intake.js';
import type { GatewayMetrics } from './metrics/gateway-metrics.js';
import { registerOperations } from './http/register-operations.js';
import { createContractValidation } from './http/validation.js';
import { batchOperation } from './http/batch-operation.js';
import { opsRoutes } from './routes/ops-routes.js';
import { linkRoutes } from './routes/link-routes.js';
import { logRoutes } from './routes/log-routes.js';
import { adminLogRoutes } from './routes/admin-log-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { agreementRoutes } from './routes/agreement-routes.js';
import { tmfRoutes } from './routes/tmf-routes.js';
import { consolePages } from './routes/console-pages.js';
import { consoleRoutes } from './routes/console-routes.js';
import { tokenOrSession } from './http/console-session.js';
import { lazyConsoleBundle, type ConsoleBundle } from './http/console-bundle.js';
import { TMF621_BASE_PATH } from './tmf/tmf621-contract.js';
import { neighbours } from './network/neighbours.js';
import { createRateLimiter } from './partners/rate-limiter.js';
import { PROTOCOL_VERSIONS } from './messages/envelope.js';
import { createLogger } from './kernel/logger.js';
import { installClientCertificateCheck } from './http/client-certificate.js';
import { installDocsUi } from './http/docs-ui.js';
import { readCertificatesPem, readPrivateKeyPem } from './keys/tls-files.js';
import './http/request-context.js';

const HOUR = 3_600_000;
/** The methods that write nothing (fail-closed timestamping lets them through). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BuildAppOptions {
  readonly config: GatewayConfig;
  /** Environment to read secrets from; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  readonly logger?: Logger;
  /** The file the config was read from and its environment overrides, read again on a reload. */
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
}

export interface App extends FastifyInstance {
  readonly gateway: Gateway;
  /** Every route served, as `METHOD /path` (HEAD routes fastify adds for GET are left out). */
  readonly routeTable: readonly string[];
  /** The console's bundle, built on its first page view and kept (not at start: most starts never open the console). */
  readonly consoleBundle: () => Promise<ConsoleBundle>;
}

function discoveryOf(config: GatewayConfig) {
  const apiBase = apiBaseOf(config);
  return { partyId: config.party.id, name: config.party.name, apiBase, jwksUri: `${apiBase}/.well-known/jwks.json`, versions: [...PROTOCOL_VERSIONS] };
}

/** Builds the gateway's HTTP app from a validated config. It never listens: see server.ts. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.log.level, undefined, { pretty: config.log.pretty === true });
  const env = options.env ?? process.env;
  // The TLS files are read before the gateway opens its store, so a bad file leaves nothing open.
  const https = config.listen.tls === undefined ? undefined : await httpsOptionsOf(config.listen.tls, env);
  const gateway = await createGateway({ config, env, now: options.now ?? Date.now, logger, configFile: options.configFile, overrides: options.overrides });
  const contract = { ...contractDocument, servers: [{ url: apiBaseOf(config) }] };

  const app = fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.limits.bodyBytes,
    requestTimeout: config.limits.requestTimeoutMs,
    connectionTimeout: config.limits.requestTimeoutMs,
    // Headers must arrive within the request timeout too, and slow requests are looked for often enough to be cut off on time.
    ...(https === undefined
      ? { http: { headersTimeout: config.limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.limits.requestTimeoutMs) } }
      : { https: { ...https, headersTimeout: config.limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.limits.requestTimeoutMs) } }),
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
  // Each request finishes on the partner directory it started with, though a followed network directory swaps it meanwhile.
  // The body is read on the socket's events, outside that scope: from preValidation on, the request runs in it again.
  const pins = new WeakMap<FastifyRequest, AsyncResource>();
  app.addHook('onRequest', (request, _reply, done) =>
    gateway.pinned(() => {
      pins.set(request, new AsyncResource('usm-link-request'));
      done();
    }),
  );
  // Fail-closed timestamping (config evidence.tsa): while checkpoints cannot be stamped for too long, nothing new is written; reads go on.
  // Signing in or out of the console changes no store, so it stays possible.
  app.addHook('onRequest', async (request) => {
    if (gateway.stamper === undefined || SAFE_METHODS.has(request.method) || request.url.split('?')[0] === '/v1/console/session') return;
    const refusal = gateway.stamper.refusal();
    if (refusal !== undefined) throw refusal;
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const pin = pins.get(request);
    if (pin === undefined) done();
    else pin.runInAsyncScope(done);
  });
  app.addHook('onClose', async () => gateway.close());
  if (config.listen.tls?.ca !== undefined) installClientCertificateCheck(app, gateway.partners);
  if (gateway.tracing.on) {
    // A signed message refused after its signature check but before its handler (the contract's body check): its intake span ends here.
    app.addHook('onResponse', async (request, reply) => {
      const span = request.intakeSpan;
      if (span === undefined) return;
      request.intakeSpan = undefined;
      span.set({ 'usm.outcome': 'refused', 'http.response.status_code': reply.statusCode });
      span.end(new Error(`refused with ${reply.statusCode} before it was taken`));
    });
  }
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const operations = operationsOf(contractDocument);
  const observed = observeRequests(app, gateway.metrics, operations, gateway.now);
  const validation = createContractValidation(contractDocument);
  app.setValidatorCompiler(validation.compiler);
  installJsonBodyParser(app);
  installProblemHandler(app);

  installDocsUi(app, contract);

  const rateLimiter = createRateLimiter({ perSecond: config.limits.partnerRequestsPerSecond, burst: config.limits.partnerBurst, now: gateway.now });
  const signedDeps = { self: config.party.id, intake: gateway.intake, inbound: gateway.store, log: gateway.store, receipts: gateway.receipts, now: gateway.now, rateLimiter, tracing: gateway.tracing };
  const bodyOf = (operationId: string): unknown => operations.find((op) => op.operationId === operationId)?.schema.body;
  const customer = customerRoutes({
    ...signedDeps,
    calls: gateway.calls,
    tracer: gateway.tracer,
    agreements: gateway.agreements,
    availability: gateway.availability,
    readTokens: gateway.readTokens,
    subcalls: gateway.subcalls,
    attachments: gateway.attachments,
  });
  const deskAuth = tokenOrSession(gateway.desk, gateway.consoleSessions, 'desk');
  const adminAuth = tokenOrSession(gateway.admin, gateway.consoleSessions, 'admin');
  const signInsPerMinute = config.console?.signInAttemptsPerMinute ?? 10;
  const link = linkRoutes({ ...signedDeps, subcalls: gateway.subcalls, agreements: gateway.negotiation, discovery: discoveryOf(config) });
  registerOperations(app, operations, {
    ...opsRoutes({ contract, keys: () => gateway.publishedKeys(), checks: gateway.readinessChecks, directoryFile: config.network?.serveFile }),
    ...customer,
    ...deskRoutes({
      calls: gateway.calls,
      subcalls: gateway.subcalls,
      tracer: gateway.tracer,
      desk: deskAuth,
      now: gateway.now,
      webhooks: gateway.webhooks,
      attachments: gateway.attachments,
      writes: createIdempotentWrites({ store: gateway.store, now: gateway.now, owner: (request) => `desk:${request.deskToken}`, retentionMs: config.desk.idempotencyHours * HOUR }),
    }),
    ...link,
    ...logRoutes({ log: gateway.store, cosignatures: gateway.store, readTokens: gateway.readTokens, rateLimiter }),
    receiveBatch: observed.batch(
      batchOperation({
        ...signedDeps,
        byType: new Map([
          ['call.submit', { accept: observed.accept(customer.submitCall.accept), validate: validation.bodyValidator(bodyOf('submitCall')) }],
          ['call.update', { accept: observed.accept(link.receiveMessage.accept), validate: validation.bodyValidator(bodyOf('receiveMessage')) }],
        ]),
      }),
    ),
    ...agreementRoutes({ desk: deskAuth, agreements: gateway.negotiation, configured: () => gateway.agreements.fromConfig(), availability: gateway.availability, wishes: gateway.wishNegotiations, now: gateway.now }),
    ...consoleRoutes({
      accounts: gateway.consoleAccounts,
      sessions: gateway.consoleSessions,
      attempts: createRateLimiter({ perSecond: signInsPerMinute / 60, burst: signInsPerMinute, now: gateway.now }),
      now: gateway.now,
    }),
    ...adminRoutes({
      admin: adminAuth,
      outbox: gateway.store,
      wake: (partners) => gateway.outboxWorker.wake(partners),
      isGateway: (partner) => gateway.partners.get(partner)?.url !== undefined,
      now: gateway.now,
      neighbours: () => neighbours({ partners: gateway.partners, store: gateway.store, outbox: gateway.outboxWorker, agents: gateway.partnerAgents }),
      directory: gateway.directory,
      webhooks: gateway.webhooks,
      retention: gateway.retention,
      reload: () => gateway.reload(),
    }),
    ...adminLogRoutes({ admin: adminAuth, log: gateway.store }),
    getMetrics: {
      onRequest: async (request) => {
        gateway.admin.verify(request.headers.authorization);
      },
      handler: async (_request: FastifyRequest, reply: FastifyReply) => reply.type(gateway.metrics.contentType).send(await gateway.metrics.exposition()),
    },
  });
  // The TMF621 Trouble Ticket facade, with its own contract (openapi/tmf621.yaml, docs/tmf621.md).
  const tmfBase = `${apiBaseOf(config)}${TMF621_BASE_PATH}`;
  // The web console (src/console/, bundled in memory on first use), at /console.
  const consoleBundle = lazyConsoleBundle();
  app.decorate('consoleBundle', consoleBundle);
  await app.register(consolePages(consoleBundle));
  await app.register(tmfRoutes({ tickets: gateway.tickets, hubs: gateway.hubs, readTokens: gateway.readTokens, rateLimiter, baseUrl: tmfBase }), { prefix: TMF621_BASE_PATH });
  return app as unknown as App;
}

/**
 * The HTTPS server's options from `listen.tls`: the certificate and key, and with `ca` a client
 * certificate asked of every client (the handshake refuses one without when `requireClientCert`).
 */
async function httpsOptionsOf(tls: NonNullable<GatewayConfig['listen']['tls']>, env: Readonly<Record<string, string | undefined>>) {
  const cert = await readCertificatesPem(tls.cert, 'listen.tls.cert');
  const key = await readPrivateKeyPem({ keyFile: tls.key, keyEnv: tls.keyEnv }, env, 'listen.tls.key');
  const ca = tls.ca === undefined ? undefined : await readCertificatesPem(tls.ca, 'listen.tls.ca');
  return { cert, key, ...(ca !== undefined ? { ca, requestCert: true, rejectUnauthorized: tls.requireClientCert === true } : {}) };
}

/** The operations whose requests are signed messages (`security: messageSignature` in the contract). */
function signedOperations(document: ContractDocument): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as { operationId?: string; security?: Record<string, unknown>[] } | undefined;
      if (op?.operationId !== undefined && (op.security ?? []).some((s) => 'messageSignature' in s)) ids.add(op.operationId);
    }
  }
  return ids;
}

/**
 * Feeds the metrics from every answer: each request by its contract operation, and each signed
 * message taken in, alone (from its answer) or in a batch (from each message's own answer). Returns
 * the wrappers that count a batch's messages.
 */
function observeRequests(app: FastifyInstance, metrics: GatewayMetrics, operations: readonly Operation[], now: () => number) {
  const byRoute = new Map(operations.map((op) => [`${op.method} ${op.url}`, op.operationId]));
  const signed = signedOperations(contractDocument);
  const codes = new WeakMap<FastifyRequest, string>();
  /** Batch messages whose answer came through `accept` (and was counted there). */
  const counted = new WeakSet<AuthenticatedMessage>();
  const skewOf = (message: AuthenticatedMessage | undefined): number | undefined =>
    message?.signedAt === undefined ? undefined : (now() - message.signedAt) / 1000;

  app.addHook('onError', async (request, _reply, error) => {
    codes.set(request, classify(error).code);
  });
  app.addHook('onResponse', async (request, reply) => {
    const url = request.routeOptions.url;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const operation = url === undefined ? 'unmatched' : (byRoute.get(`${method} ${url}`) ?? (url.startsWith('/docs') ? 'docs' : url.startsWith('/console') ? 'console' : 'unmatched'));
    metrics.request(operation, reply.statusCode, reply.elapsedTime / 1000);
    if (!signed.has(operation)) return;
    const status = reply.statusCode;
    if (operation === 'receiveBatch') {
      // Refused as a whole (manifest signature, shape, rate limit): each message it carried counts as refused.
      if (status < 400) return;
      const messages = request.batchMessages;
      for (let i = 0; i < (messages?.length ?? 1); i++) metrics.received({ partner: messages?.[0]?.sender.id, type: 'batch', outcome: 'refused', code: codes.get(request) });
      return;
    }
    const message = request.signedMessage;
    const type = (request.body as { type?: unknown } | undefined)?.type;
    if (status >= 400) metrics.received({ partner: message?.sender.id, type, outcome: 'refused', code: codes.get(request) });
    else metrics.received({ partner: message?.sender.id, type, outcome: reply.getHeader('usm-replay') === 'true' ? 'replayed' : 'accepted', skewSeconds: skewOf(message) });
  });

  return {
    /** Counts each batch message that reaches its operation's `accept`. */
    accept(accept: AcceptMessage): AcceptMessage {
      return async (message, envelope, origin, receipt, span) => {
        counted.add(message);
        try {
          const answer = await accept(message, envelope, origin, receipt, span);
          metrics.received({ partner: message.sender.id, type: envelope.type, outcome: answer.replay ? 'replayed' : 'accepted', skewSeconds: skewOf(message) });
          return answer;
        } catch (error) {
          metrics.received({ partner: message.sender.id, type: envelope.type, outcome: 'refused', code: classify(error).code });
          throw error;
        }
      };
    },
    /** Counts the batch messages refused before `accept` (not JSON, an unknown type, against the contract). */
    batch(operation: OperationHandler): OperationHandler {
      return {
        ...operation,
        handler: async function (this: FastifyInstance, request, reply) {
          const answer = (await operation.handler.call(this, request, reply)) as { results: { status: number; body: { code?: string } }[] };
          const messages = request.batchMessages ?? [];
          answer.results.forEach((result, i) => {
            const message = messages[i];
            if (result.status >= 400 && message !== undefined && !counted.has(message)) {
              metrics.received({ partner: message.sender.id, type: undefined, outcome: 'refused', code: result.body.code });
            }
          });
          return answer;
        },
      };
    },
  };
}
