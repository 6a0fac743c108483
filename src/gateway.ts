import type { Logger } from 'pino';
import { createAgreementRegistry, type AgreementRegistry } from './agreements/agreement-registry.js';
import { createCallService, type CallService } from './calls/call-service.js';
import type { GatewayConfig } from './config/load-config.js';
import { loadBearerTokens, type BearerAuthenticator, type LoadedBearerTokens } from './keys/bearer-tokens.js';
import { loadConsoleAccounts, type ConsoleAccounts } from './keys/console-accounts.js';
import { createConsoleSessions, type ConsoleSessions } from './keys/console-sessions.js';
import { cloudEventSource } from './desk/cloud-event.js';
import { createWebhookDispatcher, type WebhookDispatcher } from './desk/webhook-dispatcher.js';
import { createWebhookService, type WebhookService } from './desk/webhook-service.js';
import { loadPublishedKeys, loadSigningKey } from './keys/signing-key.js';
import type { SigningKey, VerificationKey } from './keys/jwk.js';
import { createMessageIntake, type MessageIntake } from './messages/message-intake.js';
import { receiptsFor } from './messages/receipt.js';
import { signCheckpoint } from './messages/checkpoint.js';
import type { CheckpointSigner } from './messages/log-proofs.js';
import type { SignedMessageDeps } from './http/signed-message.js';
import { createSwitchablePartners, loadPartners, type SwitchablePartners } from './partners/partner-directory.js';
import { createDirectoryFollower, type DirectoryFollower } from './directory/directory-follower.js';
import { readJsonFile } from './keys/key-files.js';
import { KeyError, verificationKeyOf } from './keys/jwk.js';
import type { JWK } from 'jose';
import { createReadTokenVerifier, type ReadTokenVerifier } from './partners/read-token.js';
import { openStore } from './storage/open-store.js';
import { createLogWitness, type LogWitness } from './evidence/log-witness.js';
import { createOutboxWorker, type OutboxWorker } from './delivery/outbox-worker.js';
import { createLinkPlanner } from './subcalls/link-planner.js';
import { createSubcallService, subcallHooks, type SubcallService } from './subcalls/subcall-service.js';
import { createSlaWatcher, type SlaWatcher } from './calls/sla-watcher.js';
import { createCloseWatcher, type CloseWatcher } from './calls/close-watcher.js';
import { createChainTracer, type ChainTracer } from './subcalls/chain-trace.js';
import { createAttachmentChecker, type AttachmentChecker } from './attachments/attachment-checker.js';
import { createContentStore } from './attachments/content-store.js';
import { createAgreementService, type AgreementService } from './agreements/agreement-service.js';
import { createAvailabilityService, type AvailabilityService } from './agreements/availability-service.js';
import { createWishNegotiations, type WishNegotiations } from './subcalls/wish-negotiation.js';
import { createOutboundMessages } from './delivery/outbound-messages.js';
import type { Store } from './ports/store.js';
import { contractDocument } from './http/contract.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
import { startTracing } from './tracing/tracing.js';
import type { Tracing } from './kernel/tracing.js';
import { createHubService, hubRenderer, type HubService } from './tmf/hub-service.js';
import { createTicketService, type TicketService } from './tmf/ticket-service.js';
import { createDeskConnector, type DeskConnector } from './tmf/desk-connector.js';
import { TMF621_BASE_PATH } from './tmf/tmf621-contract.js';

/** The base URL partners reach this gateway at: `publicUrl`, else where it listens. */
export function apiBaseOf(config: GatewayConfig): string {
  return config.publicUrl ?? `http://${config.listen.host}:${config.listen.port}`;
}

/** Everything one gateway runs on, wired from its config; no HTTP here. */
export interface Gateway {
  readonly config: GatewayConfig;
  readonly now: () => number;
  readonly store: Store;
  readonly signingKey: SigningKey;
  /** The witness of the partners' message logs. */
  readonly witness: LogWitness;
  /** The keys in /.well-known/jwks.json: the signing key and any others live during a rotation. */
  readonly publishedKeys: readonly VerificationKey[];
  /** The partners of now: from the config, or from the network directory followed (swapped as a whole when it changes). */
  readonly partners: SwitchablePartners;
  /** The network directory followed (config `network.url`), if any. */
  readonly directory: DirectoryFollower | undefined;
  readonly agreements: AgreementRegistry;
  readonly calls: CallService;
  readonly subcalls: SubcallService;
  readonly intake: MessageIntake;
  readonly readTokens: ReadTokenVerifier;
  readonly desk: BearerAuthenticator;
  readonly admin: BearerAuthenticator;
  /** Who may sign in to the console (accounts, and the desk and admin tokens), and their sessions (in memory). */
  readonly consoleAccounts: ConsoleAccounts;
  readonly consoleSessions: ConsoleSessions;
  /** Where the desk and admin tokens were read from (`env <VARIABLE>` or `file <path>`), for the start log. */
  readonly tokenSources: { readonly desk: LoadedBearerTokens['sources']; readonly admin: LoadedBearerTokens['sources'] };
  readonly outboxWorker: OutboxWorker;
  readonly slaWatcher: SlaWatcher;
  readonly closeWatcher: CloseWatcher;
  readonly tracer: ChainTracer;
  /** Fetches and checks attachments where they arrive, and keeps their content (`attachments.folder`). */
  readonly attachments: AttachmentChecker;
  readonly negotiation: AgreementService;
  readonly availability: AvailabilityService;
  readonly wishNegotiations: WishNegotiations;
  readonly webhooks: WebhookService;
  readonly webhookDispatcher: WebhookDispatcher;
  /** The TMF621 facade's tickets and `/hub` subscriptions (docs/tmf621.md). */
  readonly tickets: TicketService;
  readonly hubs: HubService;
  /** The TMF621 desk connector, when `deskConnector` names the provider's desk tool. */
  readonly deskConnector: DeskConnector | undefined;
  readonly receipts: SignedMessageDeps['receipts'];
  readonly readinessChecks: Readonly<Record<string, () => Promise<void>>>;
  /** This gateway's metrics (its own registry), fed by the services below through callbacks. */
  readonly metrics: GatewayMetrics;
  /** This gateway's OpenTelemetry spans when the `OTEL_*` environment switches them on; the inert `noTracing` otherwise. */
  readonly tracing: Tracing;
  close(): Promise<void>;
}

export async function createGateway(options: {
  config: GatewayConfig;
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
  logger: Logger;
}): Promise<Gateway> {
  const { config, env, now, logger } = options;
  const signing = await loadSigningKey(config.signing, env);
  if (signing.created) logger.warn({ file: config.signing.keyFile }, 'created a development signing key: use a managed key in production');
  const { directory: configuredPartners, partners: configured, createdDevKeys } = await loadPartners(config.partners);
  const partners = createSwitchablePartners(configuredPartners);
  for (const file of createdDevKeys) logger.warn({ file }, 'created a development partner key: never trust such keys in production');
  const deskTokens = await loadBearerTokens(config.desk.tokens ?? [], env);
  for (const file of deskTokens.createdFiles) logger.warn({ file }, 'created a development desk token');
  const adminTokens = await loadBearerTokens(config.admin.tokens, env);
  for (const file of adminTokens.createdFiles) logger.warn({ file }, 'created a development admin token');
  const consoleAccounts = await loadConsoleAccounts(config.console?.accounts ?? [], { desk: deskTokens.authenticator, admin: adminTokens.authenticator }, env);

  // Everything that reads files comes before the store opens, so a failure leaves nothing open.
  const publishedKeys = await loadPublishedKeys(config.signing.publishKeyFiles ?? []);
  const operatorKeys = config.network?.url === undefined ? [] : await loadOperatorKeys(config.network.operatorKeys!);
  const deskToolKey = config.deskConnector === undefined ? undefined : (await loadSigningKey({ keyFile: config.deskConnector.keyFile, keyEnv: config.deskConnector.keyEnv, createIfMissing: false }, env)).key;
  const metrics = createGatewayMetrics({
    party: config.party.id,
    partners: config.partners.map((p) => p.id),
    messageTypes: (contractDocument.components.schemas!.MessageType as { enum: string[] }).enum,
    now,
  });
  const tracing = await startTracing(env, { serviceName: 'usm-link', party: config.party.id });
  const checkpoint: CheckpointSigner = (head) => {
    const signed = { origin: config.party.id, ...head, at: new Date(now()).toISOString() };
    return { ...signed, jws: signCheckpoint(signed, signing.key) };
  };
  const store = await openStore(config.storage, { ...config.postgres, now, observe: metrics.store, checkpoint, tracing });
  const agreements = createAgreementRegistry({
    provider: config.party.id,
    services: config.services,
    agreements: config.agreements,
    underpinning: config.underpinning,
    store,
    now,
  });
  const signingKey = signing.key;
  // TMF621 `/hub` events are rendered from the tickets, which need the call service made below.
  let tickets: TicketService | undefined;
  const hubEvents = hubRenderer({
    partners,
    tickets: { get: (partner, id) => tickets!.get(partner, id) } as TicketService,
    signingKey: () => signingKey,
    self: config.party.id,
    timeoutMs: config.webhooks.timeoutMs,
  });
  const webhookDispatcher = createWebhookDispatcher({
    store,
    logger,
    now,
    source: cloudEventSource({ publicUrl: config.publicUrl, partyId: config.party.id }),
    ...config.webhooks,
    observe: (outcome) => metrics.webhook(outcome),
    tracing,
    formats: { tmf621: hubEvents.render },
  });
  const outboxWorker = createOutboxWorker({
    store,
    partners,
    signingKey,
    algorithms: config.security.algorithms,
    now,
    logger,
    delivery: config.delivery,
    observe: (partner, message, outcome) => metrics.sent(partner, message.type, outcome),
    tracing,
  });
  metrics.readQueuesFrom({ outbox: () => store.outboxSummary(), circuits: () => outboxWorker.circuits() });
  const outbound = createOutboundMessages({ self: config.party, now });
  const attachments = createAttachmentChecker({ self: config.party.id, settings: config.attachments, content: createContentStore(config.attachments.folder), partners, signingKey });
  const subcallDeps = { store, planner: createLinkPlanner({ routes: config.routes, partners, teams: config.teams, now }), agreements, outbound, publicUrl: config.publicUrl };
  const calls = createCallService({
    self: config.party.id,
    store,
    agreements,
    outbound,
    partner: (id) => partners.get(id),
    now,
    closing: config.closing.steps,
    triggerRules: config.triggers,
    hooks: subcallHooks(subcallDeps),
    attachments,
    publicUrl: config.publicUrl,
    onCommit: (queuedFor) => {
      webhookDispatcher.wake();
      if (queuedFor.length > 0) outboxWorker.wake(queuedFor);
    },
    onSlaBreach: (call, target) => metrics.slaBreach(call.customer, target),
  });
  const subcalls = createSubcallService({ ...subcallDeps, calls, attachments });
  const tmfBase = `${apiBaseOf(config)}${TMF621_BASE_PATH}`;
  tickets = createTicketService({ calls, agreements, inbound: store, self: config.party.id, hrefOf: (id) => `${tmfBase}/troubleTicket/${id}`, now });
  const hubs = createHubService({ store, now, hrefOf: (id) => `${tmfBase}/hub/${id}` });
  const deskConnector =
    config.deskConnector === undefined || deskToolKey === undefined
      ? undefined
      : createDeskConnector({ config: config.deskConnector, key: deskToolKey, store, calls, self: config.party.id, now, logger });
  const slaWatcher = createSlaWatcher({ store, calls, now, logger, intervalMs: 5000 });
  // Desk writes remembered by their Idempotency-Key are forgotten after desk.idempotencyHours.
  const forgetting = setInterval(() => {
    store.forgetIdempotent(new Date(now() - config.desk.idempotencyHours * 3_600_000).toISOString()).catch((error: unknown) => logger.warn({ err: error }, 'idempotency: cannot forget old keys'));
  }, 3_600_000);
  forgetting.unref();
  const closeWatcher = createCloseWatcher({ store, calls, now, logger, intervalMs: 60_000 });
  const negotiation = createAgreementService({
    self: config.party.id,
    store,
    partners,
    registry: agreements,
    signingKey,
    algorithms: config.security.algorithms,
    outbound,
    now,
    onCommit: (queuedFor) => outboxWorker.wake(queuedFor),
  });
  const directory =
    config.network?.url === undefined
      ? undefined
      : createDirectoryFollower({
          self: config.party.id,
          url: config.network.url,
          operatorKeys,
          refreshSeconds: config.network.refreshSeconds ?? 300,
          timeoutMs: config.delivery.timeoutMs,
          store,
          local: configured,
          partners,
          now,
          logger,
          observe: (outcome, code, held) => metrics.directory(outcome, code, held),
          onPartners: (ids) => metrics.directoryPartners(ids),
        });
  await directory?.start();
  const ownKeys = [signingKey, ...publishedKeys.filter((k) => k.kid !== signingKey.kid)];
  const witness = createLogWitness({
    self: config.party.id,
    partners,
    store,
    key: signingKey,
    algorithms: config.security.algorithms,
    now,
    logger,
    intervalMs: config.witness.intervalSeconds * 1000,
    timeoutMs: config.delivery.timeoutMs,
  });
  const tracer = createChainTracer({ self: config.party.id, calls, subcalls, store, partners, signingKey, ownKeys, timeoutMs: config.delivery.timeoutMs });
  return {
    config,
    now,
    store,
    signingKey,
    publishedKeys: ownKeys,
    partners,
    directory,
    agreements,
    calls,
    subcalls,
    intake: createMessageIntake({
      self: config.party.id,
      partners,
      algorithms: config.security.algorithms,
      windowSeconds: config.security.messageWindowSeconds,
      now,
    }),
    readTokens: createReadTokenVerifier({
      audience: config.party.id,
      partners,
      algorithms: config.security.algorithms,
      maxLifetimeSeconds: config.security.readTokenMaxLifetimeSeconds,
      now,
    }),
    desk: deskTokens.authenticator,
    admin: adminTokens.authenticator,
    consoleAccounts,
    consoleSessions: createConsoleSessions({ lifetimeMs: (config.console?.sessionMinutes ?? 480) * 60_000, now }),
    tokenSources: { desk: deskTokens.sources, admin: adminTokens.sources },
    outboxWorker,
    slaWatcher,
    closeWatcher,
    tracer,
    witness,
    attachments,
    negotiation,
    availability: createAvailabilityService({ store, registry: agreements, now }),
    wishNegotiations: createWishNegotiations({ calls, negotiation }),
    webhooks: createWebhookService({ store, now, replay: (id) => webhookDispatcher.replayDeadLetter(id) }),
    webhookDispatcher,
    tickets,
    hubs,
    deskConnector,
    receipts: (fields, messages) => receiptsFor(fields, messages, signingKey),
    readinessChecks: { store: () => store.ping(), keys: async () => undefined, ...(directory === undefined ? {} : { directory: () => directory.readiness() }) },
    metrics,
    tracing,
    async close() {
      clearInterval(forgetting);
      await directory?.close();
      await deskConnector?.close();
      await slaWatcher.close();
      await closeWatcher.close();
      await tracer.close();
      await witness.close();
      await attachments.close();
      await outboxWorker.close();
      await webhookDispatcher.close();
      await hubEvents.close();
      await store.close();
      await tracing.close();
    },
  };
}

/** The operator's public keys a followed directory must be signed with: a JWKS file or inline. */
async function loadOperatorKeys(given: string | { keys: Record<string, unknown>[] }): Promise<JWK[]> {
  const set = (typeof given === 'string' ? await readJsonFile(given) : given) as { keys?: unknown };
  if (!Array.isArray(set?.keys) || set.keys.length === 0) throw new KeyError(`network.operatorKeys${typeof given === 'string' ? ` (${given})` : ''} is not a JWKS with at least one key`);
  for (const jwk of set.keys as JWK[]) verificationKeyOf(jwk);
  return set.keys as JWK[];
}
