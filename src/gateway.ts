import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { components } from './generated/api.js';
import { readFile } from 'node:fs/promises';
import { createAgreementRegistry, type AgreementRegistry } from './agreements/agreement-registry.js';
import { createCallService, type CallService } from './calls/call-service.js';
import { ConfigError, loadConfigFile, type ConfigOverrides, type GatewayConfig } from './config/load-config.js';
import { createSwitch, switchView, type Switch } from './kernel/switch.js';
import { GatewayError } from './kernel/gateway-error.js';
import type { LinkPlanner } from './subcalls/link-planner.js';
import { BootError } from './kernel/boot-error.js';
import { loadBearerTokens, type BearerAuthenticator, type LoadedBearerTokens } from './keys/bearer-tokens.js';
import { loadConsoleAccounts, type ConsoleAccounts } from './keys/console-accounts.js';
import { createConsoleSessions, type ConsoleSessions } from './keys/console-sessions.js';
import { cloudEventSource } from './desk/cloud-event.js';
import { createWebhookDispatcher, type WebhookDispatcher } from './desk/webhook-dispatcher.js';
import { createWebhookService, type WebhookService } from './desk/webhook-service.js';
import { createKeyRing, loadKeyRingKeys, loadSigningKey, type KeyRing } from './keys/signing-key.js';
import { createPartnerJwks, type PartnerJwks } from './partners/partner-jwks.js';
import type { SigningKey, VerificationKey } from './keys/jwk.js';
import { createMessageIntake, type MessageIntake } from './messages/message-intake.js';
import { receiptsFor } from './messages/receipt.js';
import { signCheckpoint } from './messages/checkpoint.js';
import type { CheckpointSigner } from './messages/log-proofs.js';
import type { SignedMessageDeps } from './http/signed-message.js';
import { createSwitchablePartners, loadPartners, type PartnerDirectory, type SwitchablePartners } from './partners/partner-directory.js';
import { createPartnerAgents, type PartnerAgents } from './partners/partner-tls.js';
import { createDirectoryFollower, type DirectoryFollower } from './directory/directory-follower.js';
import { readJsonFile } from './keys/key-files.js';
import { KeyError, verificationKeyOf } from './keys/jwk.js';
import type { JWK } from 'jose';
import { createReadTokenVerifier, type ReadTokenVerifier } from './partners/read-token.js';
import { openStore } from './storage/open-store.js';
import { createLogWitness, type LogWitness } from './evidence/log-witness.js';
import type { CheckpointStamper } from './evidence/checkpoint-stamper.js';
import { createOutboxWorker, type OutboxWorker } from './delivery/outbox-worker.js';
import { createLinkPlanner } from './subcalls/link-planner.js';
import { createSubcallService, subcallHooks, type SubcallService } from './subcalls/subcall-service.js';
import { createSlaWatcher, type SlaWatcher } from './calls/sla-watcher.js';
import { createCloseWatcher, type CloseWatcher } from './calls/close-watcher.js';
import { createRetention, type Retention } from './calls/retention.js';
import { createChainTracer, type ChainTracer } from './subcalls/chain-trace.js';
import { createAttachmentChecker, type AttachmentChecker } from './attachments/attachment-checker.js';
import { createContentStore } from './attachments/content-store.js';
import { createAgreementService, type AgreementService } from './agreements/agreement-service.js';
import { createAvailabilityService, type AvailabilityService } from './agreements/availability-service.js';
import { createWishNegotiations, negotiatingFor, settleWishNegotiation, type WishNegotiations } from './subcalls/wish-negotiation.js';
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
  return config.publicUrl ?? `${config.listen.tls === undefined ? 'http' : 'https'}://${config.listen.host}:${config.listen.port}`;
}

/** Everything one gateway runs on, wired from its config; no HTTP here. */
export interface Gateway {
  readonly config: GatewayConfig;
  readonly now: () => number;
  readonly store: Store;
  readonly signingKey: SigningKey;
  /** The witness of the partners' message logs. */
  readonly witness: LogWitness;
  /** The keys in /.well-known/jwks.json now: the signing key, the next one before its switch, the previous one until retired. */
  publishedKeys(): readonly VerificationKey[];
  /** Our keys over time (`signing`, `signing.next`). */
  readonly keyRing: KeyRing;
  /** The keys of partners fetched from their JWKS (`partners[].jwksUrl`). */
  readonly partnerKeys: PartnerJwks;
  /** The RFC 3161 stamper of the log's checkpoints (config `evidence.tsa`), if any: its `refusal()` stops writes. */
  readonly stamper: CheckpointStamper | undefined;
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
  /** The purge of closed calls past their retention time (periodic) and erasure requests. */
  readonly retention: Retention;
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
  /** Dispatchers toward partner gateways, each with the partner's TLS (the neighbours view's probes). */
  readonly partnerAgents: PartnerAgents;
  /** This gateway's metrics (its own registry), fed by the services below through callbacks. */
  readonly metrics: GatewayMetrics;
  /**
   * Runs `run` (a request) on the partners, routes and agreements of now, to its end, though a reload
   * or a followed network directory swaps them meanwhile.
   */
  pinned<T>(run: () => T): T;
  /**
   * Reads the config file again and swaps in its partners, keys, routes, services and agreements at
   * once; refuses a file that fails (USM_ERR_RELOAD_REFUSED, naming the key), keeping the config of now.
   */
  reload(): Promise<ReloadResult>;
  /** This gateway's OpenTelemetry spans when the `OTEL_*` environment switches them on; the inert `noTracing` otherwise. */
  readonly tracing: Tracing;
  close(): Promise<void>;
}

/** What a reload took, and the changed keys it did not (they need a restart). */
export type ReloadResult = components['schemas']['ReloadResult'];

/** The config keys a reload takes; a change to any other needs a restart. */
export const RELOADED_KEYS = ['partners', 'signing', 'services', 'agreements', 'underpinning', 'routes', 'teams'] as const;

export async function createGateway(options: {
  config: GatewayConfig;
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
  logger: Logger;
  /** The file the config was read from, and its environment overrides: what a reload reads again. */
  configFile?: string | undefined;
  overrides?: ConfigOverrides | undefined;
}): Promise<Gateway> {
  const { config, env, now, logger } = options;
  const signing = await loadKeyRingKeys(config.signing, env);
  if (signing.created) logger.warn({ file: config.signing.keyFile }, 'created a development signing key: use a managed key in production');
  const { directory: configuredPartners, partners: configured, createdDevKeys } = await loadPartners(config.partners, env);
  let local = configured;
  const partners = createSwitchablePartners(configuredPartners);
  for (const file of createdDevKeys) logger.warn({ file }, 'created a development partner key: never trust such keys in production');
  const deskTokens = await loadBearerTokens(config.desk.tokens ?? [], env);
  for (const file of deskTokens.createdFiles) logger.warn({ file }, 'created a development desk token');
  const adminTokens = await loadBearerTokens(config.admin.tokens, env);
  for (const file of adminTokens.createdFiles) logger.warn({ file }, 'created a development admin token');
  const consoleAccounts = await loadConsoleAccounts(config.console?.accounts ?? [], { desk: deskTokens.authenticator, admin: adminTokens.authenticator }, env);

  // Everything that reads files comes before the store opens, so a failure leaves nothing open.
  const operatorKeys = config.network?.url === undefined ? [] : await loadOperatorKeys(config.network.operatorKeys!);
  const deskToolKey = config.deskConnector === undefined ? undefined : (await loadSigningKey({ keyFile: config.deskConnector.keyFile, keyEnv: config.deskConnector.keyEnv, createIfMissing: false }, env)).key;
  const metrics = createGatewayMetrics({
    party: config.party.id,
    partners: config.partners.map((p) => p.id),
    messageTypes: (contractDocument.components.schemas!.MessageType as { enum: string[] }).enum,
    now,
  });
  const keyRing = createKeyRing(signing.keys, {
    now,
    onSwitch: (from, to) => logger.info({ from, to }, `signing with key ${to} from now on (key ${from} stays published for signing.retireAfterSeconds)`),
  });
  const signingKey = keyRing.signingKey;
  const tsa = config.evidence?.tsa;
  const tsaAnchors = tsa === undefined ? undefined : await loadTsaCertificates(tsa.certificates);
  // The stamper and its ASN.1 libraries (pkijs, asn1js: a large share of what a start loaded) only where a TSA is configured.
  const stamping = tsa === undefined ? undefined : await import('./evidence/checkpoint-stamper.js');
  let stamper: CheckpointStamper | undefined;
  const tracing = await startTracing(env, { serviceName: 'usm-link', party: config.party.id });
  const checkpoint: CheckpointSigner = (head) => {
    const signed = { origin: config.party.id, ...head, at: new Date(now()).toISOString() };
    stamper?.nudge();
    return { ...signed, jws: signCheckpoint(signed, signingKey) };
  };
  const store = await openStore(config.storage, { ...config.sqlite, ...config.postgres, now, observe: metrics.store, checkpoint, tracing });
  const registryOf = (c: GatewayConfig): AgreementRegistry =>
    createAgreementRegistry({ provider: c.party.id, services: c.services, agreements: c.agreements, underpinning: c.underpinning, store, now });
  const registry = createSwitch(registryOf(config));
  const agreements = switchView(() => registry.now());
  // TMF621 `/hub` events are rendered from the tickets, which need the call service made below.
  let tickets: TicketService | undefined;
  const hubEvents = hubRenderer({
    partners,
    tickets: { get: (partner, id) => tickets!.get(partner, id) } as TicketService,
    signingKey: () => signingKey,
    self: config.party.id,
    timeoutMs: config.webhooks.timeoutMs,
  });
  const webhookDispatcher = outsideRequests(createWebhookDispatcher({
    store,
    logger,
    now,
    source: cloudEventSource({ publicUrl: config.publicUrl, partyId: config.party.id }),
    ...config.webhooks,
    observe: (outcome) => metrics.webhook(outcome),
    tracing,
    formats: { tmf621: hubEvents.render },
  }));
  const outboxWorker = outsideRequests(createOutboxWorker({
    store,
    partners,
    signingKey,
    algorithms: config.security.algorithms,
    now,
    logger,
    delivery: config.delivery,
    observe: (partner, message, outcome) => metrics.sent(partner, message.type, outcome),
    tracing,
  }));
  metrics.readQueuesFrom({ outbox: () => store.outboxSummary(), circuits: () => outboxWorker.circuits() });
  const outbound = createOutboundMessages({ self: config.party, now });
  const attachments = createAttachmentChecker({ self: config.party.id, settings: config.attachments, content: createContentStore(config.attachments.folder), partners, signingKey });
  const plannerOf = (c: GatewayConfig): LinkPlanner => createLinkPlanner({ routes: c.routes, partners, teams: c.teams, now });
  const routes: Switch<LinkPlanner> = createSwitch(plannerOf(config));
  const subcallDeps = {
    store,
    planner: switchView(() => routes.now()),
    agreements,
    outbound,
    publicUrl: config.publicUrl,
    negotiating: (callId: string) => negotiatingFor(store)(callId),
  };
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
  const hubs = createHubService({ store, now, hrefOf: (id) => `${tmfBase}/hub/${id}`, subscribed: () => webhookDispatcher.subscribed() });
  const deskConnector =
    config.deskConnector === undefined || deskToolKey === undefined
      ? undefined
      : createDeskConnector({ config: config.deskConnector, key: deskToolKey, store, calls, self: config.party.id, now, logger });
  const slaWatcher = createSlaWatcher({
    store,
    calls,
    now,
    logger,
    intervalMs: 5000,
    sources: [{ name: 'team sub-calls', due: (at, limit) => store.linksDueForSla(at, limit), look: (id) => subcalls.checkTeamSla(id) }],
  });
  // Desk writes remembered by their Idempotency-Key are forgotten after desk.idempotencyHours.
  const forgetting = setInterval(() => {
    store.forgetIdempotent(new Date(now() - config.desk.idempotencyHours * 3_600_000).toISOString()).catch((error: unknown) => logger.warn({ err: error }, 'idempotency: cannot forget old keys'));
  }, 3_600_000);
  forgetting.unref();
  const closeWatcher = createCloseWatcher({ store, calls, now, logger, intervalMs: 60_000 });
  const retention = createRetention({
    store,
    attachments,
    agreements: config.agreements ?? [],
    default: config.retention?.default,
    now,
    logger,
    intervalMs: (config.retention?.intervalSeconds ?? 3600) * 1000,
  });
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
    settleForCall: settleWishNegotiation({ calls, store }),
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
          local: () => local,
          partners,
          now,
          logger,
          observe: (outcome, code, held) => metrics.directory(outcome, code, held),
          onPartners: (ids) => metrics.directoryPartners(ids),
        });
  await directory?.start();
  // Following a network directory, the partners' keys come from it (the config refuses jwksUrl then).
  const jwksOf = (c: GatewayConfig, list: typeof configured, carry?: PartnerJwks): PartnerJwks =>
    createPartnerJwks({ partners: list, configs: c.partners, target: partners, timeoutMs: c.delivery.timeoutMs, now, logger, ...(carry === undefined ? {} : { carry }) });
  let partnerKeys = jwksOf(config, configured);
  if (directory === undefined) await partnerKeys.start();
  let running = config;
  let reloading: Promise<ReloadResult> | undefined;

  /** Everything of the new file is built before anything is swapped: a failure leaves the config of now in place. */
  async function reloadOnce(): Promise<ReloadResult> {
    if (options.configFile === undefined) throw new GatewayError('USM_ERR_RELOAD_REFUSED', 'this gateway was not started from a config file', { errors: [{ path: '/', message: 'no config file' }] });
    const refused = (path: string, error: unknown): GatewayError => {
      const message = error instanceof BootError ? error.message : `cannot be taken (${(error as Error).message})`;
      logger.error({ path, code: 'USM_ERR_RELOAD_REFUSED' }, `config reload refused, keeping the config of now: ${message}`);
      return new GatewayError('USM_ERR_RELOAD_REFUSED', `the config file ${options.configFile} is refused and the config of now kept: ${message}`, { errors: [{ path, message }] });
    };
    let next: GatewayConfig;
    try {
      next = await loadConfigFile(options.configFile, options.overrides);
    } catch (error) {
      throw refused(error instanceof ConfigError ? error.path : '/', error);
    }
    if ((next.network?.url === undefined) !== (directory === undefined)) throw refused('/network/url', new BootError('USM_BOOT_CONFIG', 'following a network directory or not needs a restart'));
    let built: { partners: typeof configured; keys: Awaited<ReturnType<typeof loadKeyRingKeys>>['keys']; registry: AgreementRegistry; planner: LinkPlanner; fetcher: PartnerJwks; directory: PartnerDirectory | undefined };
    // A failure names the config key it comes from.
    const from = <T>(at: string, step: Promise<T>): Promise<T> =>
      step.catch((error: unknown) => {
        throw Object.assign(error as Error, { at });
      });
    try {
      const loaded = await from('/partners', loadPartners(next.partners));
      const { keys } = await from('/signing', loadKeyRingKeys({ ...next.signing, createIfMissing: false }, env));
      const fetcher = jwksOf(next, loaded.partners, partnerKeys);
      const prepared = directory === undefined ? await from('/partners', fetcher.prepare()) : undefined;
      built = { partners: loaded.partners, keys, registry: registryOf(next), planner: plannerOf(next), fetcher, directory: prepared };
    } catch (error) {
      throw refused((error as { at?: string }).at ?? '/', error);
    }
    // The swap, in one synchronous step: a request pinned before goes on with the old, every later one sees the new.
    partnerKeys.close();
    partnerKeys = built.fetcher;
    if (built.directory !== undefined) partnerKeys.activate(built.directory);
    local = built.partners;
    registry.swap(built.registry);
    routes.swap(built.planner);
    keyRing.replace(built.keys);
    const restartNeeded = Object.keys({ ...running, ...next }).filter(
      (key) => key !== 'baseDir' && !(RELOADED_KEYS as readonly string[]).includes(key) && JSON.stringify((running as unknown as Record<string, unknown>)[key]) !== JSON.stringify((next as unknown as Record<string, unknown>)[key]),
    );
    running = next;
    if (directory !== undefined) await directory.refresh();
    const result: ReloadResult = {
      reloadedAt: new Date(now()).toISOString(),
      // This request runs pinned to the partners it started with: the answer names the new ones.
      partners: built.directory !== undefined ? built.directory.all().map((p) => p.id) : (directory?.status().partners ?? []).map((p) => p.id),
      signingKid: signingKey.kid,
      publishedKids: keyRing.published().map((k) => k.kid),
      restartNeeded,
    };
    logger.info({ reload: result }, `config reloaded from ${options.configFile}: ${result.partners.length} partner(s), signing with ${result.signingKid}${restartNeeded.length === 0 ? '' : `; changed but taken only on a restart: ${restartNeeded.join(', ')}`}`);
    return result;
  }
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
  const partnerAgents = createPartnerAgents({ timeoutMs: config.delivery.timeoutMs });
  if (tsa !== undefined && stamping !== undefined) {
    stamper = stamping.createCheckpointStamper({
      store,
      transport: stamping.httpTsaTransport(tsa.url, tsa.timeoutMs ?? 10_000),
      anchors: tsaAnchors!,
      maxFailureMs: (tsa.maxFailureMinutes ?? 10) * 60_000,
      intervalMs: (tsa.intervalSeconds ?? 30) * 1000,
      now,
      logger,
    });
  }
  const tracer = createChainTracer({ self: config.party.id, calls, subcalls, store, partners, signingKey, ownKeys: () => keyRing.published(), timeoutMs: config.delivery.timeoutMs });
  return {
    config,
    now,
    store,
    signingKey,
    publishedKeys: () => keyRing.published(),
    keyRing,
    partnerKeys: switchView(() => partnerKeys),
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
    retention,
    tracer,
    witness,
    stamper,
    attachments,
    negotiation,
    availability: createAvailabilityService({ store, registry: agreements, now }),
    wishNegotiations: createWishNegotiations({ calls, negotiation }),
    webhooks: createWebhookService({ store, now, replay: (id) => webhookDispatcher.replayDeadLetter(id), subscribed: () => webhookDispatcher.subscribed() }),
    webhookDispatcher,
    tickets,
    hubs,
    deskConnector,
    receipts: (fields, messages) => receiptsFor(fields, messages, signingKey),
    readinessChecks: { store: () => store.ping(), keys: async () => undefined, ...(directory === undefined ? {} : { directory: () => directory.readiness() }),
      ...(stamper === undefined ? {} : { timestamping: () => stamper!.readiness() }),
    },
    metrics,
    partnerAgents,
    pinned: (run) => partners.pinned(() => routes.pinned(() => registry.pinned(run))),
    reload() {
      // One reload at a time: a second one asked meanwhile reads the file after the first is done.
      const after = reloading ?? Promise.resolve();
      const mine: Promise<ReloadResult> = after.catch(() => undefined).then(reloadOnce);
      reloading = mine;
      return mine.finally(() => {
        if (reloading === mine) reloading = undefined;
      });
    },
    tracing,
    async close() {
      clearInterval(forgetting);
      partnerKeys.close();
      keyRing.close();
      await directory?.close();
      await deskConnector?.close();
      await slaWatcher.close();
      await closeWatcher.close();
      await retention.watcher.close();
      await tracer.close();
      await partnerAgents.close();
      await witness.close();
      await stamper?.close();
      await attachments.close();
      await outboxWorker.close();
      await webhookDispatcher.close();
      await hubEvents.close();
      await store.close();
      await tracing.close();
    },
  };
}

/**
 * A background worker whose `wake` a request may call: the work it starts runs outside the request's
 * pins (bound to the context the gateway was made in), so that it always sees the partners, routes and
 * agreements of now, not those of the request that happened to wake it.
 */
function outsideRequests<T extends { wake(...args: never[]): void }>(worker: T): T {
  const wake = AsyncResource.bind((...args: Parameters<T['wake']>) => worker.wake(...args));
  return Object.assign(Object.create(worker) as T, { wake });
}

/** The certificates trusted for the TSA (config `evidence.tsa.certificates`), a PEM file. */
async function loadTsaCertificates(file: string) {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new KeyError(`evidence.tsa.certificates (${file}) cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { readCertificates } = await import('./evidence/timestamp-token.js');
  try {
    return readCertificates(pem);
  } catch (error) {
    throw new KeyError(`evidence.tsa.certificates (${file}): ${(error as Error).message}`);
  }
}

/** The operator's public keys a followed directory must be signed with: a JWKS file or inline. */
async function loadOperatorKeys(given: string | { keys: Record<string, unknown>[] }): Promise<JWK[]> {
  const set = (typeof given === 'string' ? await readJsonFile(given) : given) as { keys?: unknown };
  if (!Array.isArray(set?.keys) || set.keys.length === 0) throw new KeyError(`network.operatorKeys${typeof given === 'string' ? ` (${given})` : ''} is not a JWKS with at least one key`);
  for (const jwk of set.keys as JWK[]) verificationKeyOf(jwk);
  return set.keys as JWK[];
}
