import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { components } from '../generated/config.js';
import { routeProblem } from '../usm/route-rules.js';
import { PROCESS_OF_TYPE, TRIGGER_STEPS } from '../usm/usm-model.js';
import { supportHoursProblem } from '../usm/support-hours.js';
import { validityProblem } from '../usm/validity.js';
import { configValidator } from './config-validator.js';
import { BootError } from '../kernel/boot-error.js';

export type GatewayConfigFile = components['schemas']['GatewayConfig'];
export type PartnerConfig = components['schemas']['PartnerConfig'];
export type AgreementConfig = components['schemas']['AgreementConfig'];
export type UnderpinningConfig = components['schemas']['UnderpinningConfig'];
export type RouteConfig = components['schemas']['RouteConfig'];
export type TriggerRuleConfig = components['schemas']['TriggerRuleConfig'];
export type TeamConfig = NonNullable<GatewayConfigFile['teams']>[number];
export type TokenConfig = components['schemas']['TokenConfig'];
export type ListenTlsConfig = components['schemas']['ListenTlsConfig'];
export type PartnerTlsConfig = components['schemas']['PartnerTlsConfig'];

/** A validated configuration with defaults applied and relative paths resolved. */
export interface GatewayConfig extends GatewayConfigFile {
  readonly listen: { host: string; port: number; tls?: ListenTlsConfig };
  readonly security: { algorithms: ('EdDSA' | 'ES256')[]; messageWindowSeconds: number; readTokenMaxLifetimeSeconds: number };
  readonly limits: { bodyBytes: number; requestTimeoutMs: number; partnerRequestsPerSecond: number; partnerBurst: number };
  readonly agreements: AgreementConfig[];
  readonly underpinning: UnderpinningConfig[];
  readonly teams: TeamConfig[];
  readonly routes: RouteConfig[];
  readonly triggers: TriggerRuleConfig[];
  readonly delivery: {
    maxAttempts: number;
    maxAgeSeconds: number;
    timeoutMs: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    circuitFailureThreshold: number;
    circuitCooldownMs: number;
    connections: number;
    leaseMs: number;
    batchSize: number;
  };
  readonly sqlite: { cacheMb: number };
  readonly postgres: { poolSize: number; timeoutMs: number };
  readonly attachments: { allowedHosts: string[]; allowPrivateAddresses: boolean; maxBytes: number; fetchTimeoutMs: number; folder: string };
  readonly closing: { steps: 'auto' | 'desk' };
  readonly witness: { intervalSeconds: number };
  readonly admin: { tokens: TokenConfig[] };
  readonly desk: NonNullable<GatewayConfigFile['desk']> & { idempotencyHours: number };
  readonly webhooks: { maxAttempts: number; timeoutMs: number; backoffBaseMs: number; backoffMaxMs: number };
  readonly log: { level: NonNullable<NonNullable<GatewayConfigFile['log']>['level']>; pretty?: boolean };
  /** The directory relative paths in the file were resolved against. */
  readonly baseDir: string;
}

/** The config is refused at `path` (a JSON pointer, or the file); code USM_BOOT_CONFIG. */
export class ConfigError extends BootError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('USM_BOOT_CONFIG', `config ${path}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Overrides a deployment may set in the environment (see README, "Configuration"). */
export interface ConfigOverrides {
  readonly storage?: string | undefined;
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly publicUrl?: string | undefined;
  readonly logLevel?: string | undefined;
}

export async function loadConfigFile(file: string, overrides: ConfigOverrides = {}): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = await parseConfigText(text);
  } catch (error) {
    // The parser's first line says what and where; the rest quotes the file, which may hold a password (storage).
    throw new ConfigError(file, `not valid YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`);
  }
  return buildConfig(raw, dirname(resolve(file)), overrides);
}

/**
 * A config file's value. JSON is YAML too, and a file that is JSON (as generated configs often are) is
 * read as JSON: the YAML parser took seconds and some 90 MB for a file with a thousand partners, which
 * the process kept. Anything else, and JSON that does not parse, is read as YAML (with its messages).
 */
async function parseConfigText(text: string): Promise<unknown> {
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // YAML's flow style, or a mistake: the YAML parser reads it or says where it is wrong.
    }
  }
  // The YAML library (some seventy modules) is loaded only for a file that is not JSON.
  const { parse } = await import('yaml');
  return parse(text);
}

/** Validates a parsed configuration object; the error names the offending key. */
export function buildConfig(raw: unknown, baseDir: string, overrides: ConfigOverrides = {}): GatewayConfig {
  const input = structuredClone(raw) as Record<string, unknown>;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError('/', 'must be a mapping');
  }
  applyOverrides(input, overrides);
  for (const key of ['listen', 'security', 'limits', 'desk', 'webhooks', 'log', 'delivery', 'admin', 'sqlite', 'postgres', 'closing', 'witness', 'attachments'] as const) input[key] ??= {};
  for (const key of ['agreements', 'underpinning', 'routes', 'triggers', 'teams'] as const) input[key] ??= [];
  const validateFile = configValidator();
  if (!validateFile(input)) {
    const [first] = validateFile.errors ?? [];
    const path = first?.instancePath === '' ? '/' : (first?.instancePath ?? '/');
    const extra = first?.params && 'additionalProperty' in first.params ? ` (${String(first.params.additionalProperty)})` : '';
    const allowed = first?.params && 'allowedValues' in first.params ? `: ${(first.params.allowedValues as unknown[]).join(', ')}` : '';
    throw new ConfigError(path, `${first?.message ?? 'is invalid'}${extra}${allowed}`);
  }
  const config = input as unknown as GatewayConfig;
  checkReferences(config);
  return { ...resolvePaths(config, baseDir), baseDir };
}

function applyOverrides(input: Record<string, unknown>, overrides: ConfigOverrides): void {
  if (overrides.storage !== undefined) input.storage = overrides.storage;
  if (overrides.publicUrl !== undefined) input.publicUrl = overrides.publicUrl;
  if (overrides.host !== undefined || overrides.port !== undefined) {
    const listen = { ...(input.listen as object | undefined) } as Record<string, unknown>;
    if (overrides.host !== undefined) listen.host = overrides.host;
    if (overrides.port !== undefined) listen.port = overrides.port;
    input.listen = listen;
  }
  if (overrides.logLevel !== undefined) input.log = { ...(input.log as object | undefined), level: overrides.logLevel };
}

function checkSupportHours(text: string, path: string): void {
  const problem = supportHoursProblem(text);
  if (problem !== undefined) throw new ConfigError(path, problem);
}

function checkValidity(agreement: { validFrom?: string; validUntil?: string }, path: string): void {
  const problem = validityProblem(agreement);
  if (problem !== undefined) throw new ConfigError(`${path}/${problem.path}`, problem.message);
}

/** Levels per service: for the agreement's own services, with support hours that can be read. */
function checkPerService(agreement: AgreementConfig | UnderpinningConfig, path: string): void {
  for (const [service, levels] of Object.entries(agreement.serviceLevelsByService ?? {})) {
    if (!agreement.services.includes(service)) throw new ConfigError(`${path}/serviceLevelsByService/${service}`, `${service} is not one of the agreement's services`);
    if (levels.supportHours !== undefined) checkSupportHours(levels.supportHours, `${path}/serviceLevelsByService/${service}/supportHours`);
  }
}

function checkReferences(config: GatewayConfig): void {
  const services = new Set<string>();
  config.services.forEach((service, i) => {
    if (services.has(service.id)) throw new ConfigError(`/services/${i}/id`, `duplicate service id ${service.id}`);
    services.add(service.id);
  });
  if (config.signing.next !== undefined && Number.isNaN(Date.parse(config.signing.next.activateAt))) throw new ConfigError('/signing/next/activateAt', 'is not an RFC 3339 date-time');
  // Following a network directory, partners may come from it: a name the config does not list may be a member's.
  const follows = config.network?.url !== undefined;
  if (follows && config.network?.operatorKeys === undefined) throw new ConfigError('/network/operatorKeys', 'is required with network.url (the keys the operator signs the directory with)');
  const partners = new Map<string, PartnerConfig>();
  config.partners.forEach((partner, i) => {
    if (partners.has(partner.id)) throw new ConfigError(`/partners/${i}/id`, `duplicate partner id ${partner.id}`);
    if (partner.id === config.party.id) throw new ConfigError(`/partners/${i}/id`, 'a partner cannot have this gateway\'s own party id');
    const sources = [partner.jwks, partner.jwksFile, partner.devKeyFile].filter((s) => s !== undefined).length;
    if (partner.jwksUrl !== undefined) checkJwksUrl(partner, `/partners/${i}`, follows);
    else if (partner.kids !== undefined) throw new ConfigError(`/partners/${i}/kids`, 'pins the keys fetched from jwksUrl: set jwksUrl too');
    if (sources > 1 || (sources === 0 && !follows && partner.jwksUrl === undefined)) throw new ConfigError(`/partners/${i}`, `needs ${follows ? 'at most' : 'exactly'} one of jwks, jwksFile, devKeyFile`);
    partners.set(partner.id, partner);
  });
  // A team is a supplier without a gateway: it takes the supplier's place in underpinning agreements and routes.
  const teams = new Map<string, { roles: readonly string[]; services: readonly { id: string }[] }>();
  config.teams.forEach((team, i) => {
    if (teams.has(team.id) || partners.has(team.id) || team.id === config.party.id) throw new ConfigError(`/teams/${i}/id`, `duplicate party id ${team.id}`);
    teams.set(team.id, { roles: ['supplier'], services: team.services });
  });
  const agreements = new Set<string>();
  config.agreements.forEach((agreement, i) => {
    if (agreements.has(agreement.id)) throw new ConfigError(`/agreements/${i}/id`, `duplicate agreement id ${agreement.id}`);
    agreements.add(agreement.id);
    // An agreement whose customer is this gateway's own party is an operational one, for the provider's own (internal) calls.
    if (agreement.customer !== config.party.id) {
      const customer = partners.get(agreement.customer);
      if (customer === undefined && !follows) throw new ConfigError(`/agreements/${i}/customer`, `unknown partner ${agreement.customer}`);
      if (customer !== undefined && !customer.roles.includes('customer')) throw new ConfigError(`/agreements/${i}/customer`, `partner ${agreement.customer} does not have the customer role`);
    }
    agreement.services.forEach((service, j) => {
      if (!services.has(service)) throw new ConfigError(`/agreements/${i}/services/${j}`, `unknown service ${service}`);
    });
    checkSupportHours(agreement.serviceLevels.supportHours, `/agreements/${i}/serviceLevels/supportHours`);
    checkValidity(agreement, `/agreements/${i}`);
    checkPerService(agreement, `/agreements/${i}`);
  });
  const underpinning = new Map<string, UnderpinningConfig>();
  config.underpinning.forEach((contract, i) => {
    if (underpinning.has(contract.id) || agreements.has(contract.id)) throw new ConfigError(`/underpinning/${i}/id`, `duplicate agreement id ${contract.id}`);
    underpinning.set(contract.id, contract);
    const supplier = partners.get(contract.supplier) ?? teams.get(contract.supplier);
    if ((supplier === undefined && !follows) || (supplier !== undefined && !supplier.roles.includes('supplier'))) {
      throw new ConfigError(`/underpinning/${i}/supplier`, `${contract.supplier} is not a partner with the supplier role or a team`);
    }
    contract.services.forEach((service, j) => {
      // A supplier from the directory (or one whose services the config leaves to it) is checked when the directory names its services.
      if (supplier?.services !== undefined || !follows) if (!(supplier?.services ?? []).some((s) => s.id === service)) throw new ConfigError(`/underpinning/${i}/services/${j}`, `${contract.supplier} does not provide ${service}`);
    });
    checkSupportHours(contract.serviceLevels.supportHours, `/underpinning/${i}/serviceLevels/supportHours`);
    checkValidity(contract, `/underpinning/${i}`);
    checkPerService(contract, `/underpinning/${i}`);
  });
  checkTls(config);
  config.partners.forEach((partner, i) => {
    const keyless = partner.jwks === undefined && partner.jwksFile === undefined && partner.devKeyFile === undefined && partner.jwksUrl === undefined;
    if (partner.roles.includes('supplier') && partner.url === undefined && !keyless) throw new ConfigError(`/partners/${i}/url`, 'a supplier needs the url of its gateway');
  });
  config.routes.forEach((route, i) => {
    const at = `/routes/${i}`;
    if (!services.has(route.service)) throw new ConfigError(`${at}/service`, `unknown service ${route.service}`);
    const supplier = partners.get(route.supplier) ?? teams.get(route.supplier);
    if ((supplier === undefined && !follows) || (supplier !== undefined && !supplier.roles.includes('supplier'))) throw new ConfigError(`${at}/supplier`, `${route.supplier} is not a partner with the supplier role or a team`);
    const contract = underpinning.get(route.agreement);
    if (contract === undefined || contract.supplier !== route.supplier) throw new ConfigError(`${at}/agreement`, `${route.agreement} is not an underpinning agreement with ${route.supplier}`);
    if (!contract.services.includes(route.supplierService)) throw new ConfigError(`${at}/supplierService`, `${route.agreement} does not cover ${route.supplierService}`);
    const problem = routeProblem(route);
    if (problem !== undefined) throw new ConfigError(`${at}/${problem.key}`, problem.message);
  });
  config.triggers.forEach((rule, i) => {
    const at = `/triggers/${i}`;
    if (!services.has(rule.service)) throw new ConfigError(`${at}/service`, `unknown service ${rule.service}`);
    rule.callTypes.forEach((type, j) => {
      if (!TRIGGER_STEPS.some((t) => t.process === PROCESS_OF_TYPE[type] && t.types.includes(rule.raise))) {
        throw new ConfigError(`${at}/callTypes/${j}`, `the ${PROCESS_OF_TYPE[type]} process of a ${type} never raises a ${rule.raise}`);
      }
    });
    // The triggered calls are the provider's own: an agreement of its own must cover them, or every advance onto the step would be refused.
    const own = config.agreements.find((a) => (rule.agreement === undefined || a.id === rule.agreement) && a.customer === config.party.id && (a.status ?? 'active') === 'active' && a.services.includes(rule.service));
    if (own === undefined) {
      const which = rule.agreement === undefined ? 'no active agreement' : `${rule.agreement} is not an active agreement`;
      throw new ConfigError(`${at}/agreement`, `${which} of ${config.party.id} (the provider's own) covers ${rule.service}, which its triggered calls fall under`);
    }
  });
  if (config.signing.keyFile === undefined && config.signing.keyEnv === undefined) {
    throw new ConfigError('/signing', 'needs keyFile or keyEnv');
  }
  if (config.signing.createIfMissing === true && config.signing.keyFile === undefined) {
    throw new ConfigError('/signing/createIfMissing', 'needs keyFile');
  }
  if (config.deskConnector !== undefined && config.deskConnector.keyFile === undefined && config.deskConnector.keyEnv === undefined) {
    throw new ConfigError('/deskConnector', 'needs keyFile or keyEnv (the private JWK our JWTs at the tool are signed with)');
  }
  for (const [where, tokens] of [['desk', config.desk.tokens ?? []], ['admin', config.admin.tokens ?? []]] as const) {
    tokens.forEach((token, i) => {
      if (token.env === undefined && token.file === undefined) throw new ConfigError(`/${where}/tokens/${i}`, 'needs env or file');
      if (token.createIfMissing === true && token.file === undefined) throw new ConfigError(`/${where}/tokens/${i}/createIfMissing`, 'needs file');
    });
  }
  const names = new Set<string>();
  (config.console?.accounts ?? []).forEach((account, i) => {
    if ((account.passwordHash === undefined) === (account.token === undefined)) throw new ConfigError(`/console/accounts/${i}`, 'needs passwordHash or token (one of them)');
    if (account.token !== undefined && account.token.env === undefined && account.token.file === undefined) throw new ConfigError(`/console/accounts/${i}/token`, 'needs env or file');
    if (names.has(account.name)) throw new ConfigError(`/console/accounts/${i}/name`, `${account.name} is named twice`);
    names.add(account.name);
  });
}

/** TLS: a key for each certificate (a file or a variable, not both), and a client certificate bound only where one is asked for. */
function checkTls(config: GatewayConfig): void {
  const tls = config.listen.tls;
  if (tls !== undefined) {
    if ((tls.key === undefined) === (tls.keyEnv === undefined)) throw new ConfigError('/listen/tls', 'needs key or keyEnv (one of them)');
    if (tls.requireClientCert === true && tls.ca === undefined) throw new ConfigError('/listen/tls/requireClientCert', 'needs ca (the CAs client certificates are checked against)');
  }
  config.partners.forEach((partner, i) => {
    const at = `/partners/${i}/tls`;
    const p = partner.tls;
    if (p === undefined) return;
    if ((p.clientCertSha256 !== undefined || p.clientCertSubject !== undefined) && tls?.ca === undefined) {
      throw new ConfigError(at, 'binds a client certificate, but listen.tls.ca is not set (no client certificate is asked for)');
    }
    const keys = [p.clientKey, p.clientKeyEnv].filter((k) => k !== undefined).length;
    if (p.clientCert !== undefined && keys !== 1) throw new ConfigError(at, 'clientCert needs clientKey or clientKeyEnv (one of them)');
    if (p.clientCert === undefined && keys > 0) throw new ConfigError(at, 'clientKey and clientKeyEnv need clientCert');
    if ((p.ca !== undefined || p.pinSha256 !== undefined || p.clientCert !== undefined) && partner.url !== undefined && !partner.url.startsWith('https://')) {
      throw new ConfigError(at, `sets outbound TLS, but the partner's url ${partner.url} is not https`);
    }
  });
}

/** A partner's JWKS URL: https (or http on a loopback address), and only for a partner whose keys the config gives. */
function checkJwksUrl(partner: PartnerConfig, at: string, follows: boolean): void {
  if (follows) throw new ConfigError(`${at}/jwksUrl`, 'following a network directory, the partners\' keys come from it (leave jwksUrl out)');
  if (partner.devKeyFile !== undefined) throw new ConfigError(`${at}/jwksUrl`, 'a development key file and a fetched JWKS exclude each other');
  let url: URL;
  try {
    url = new URL(partner.jwksUrl!);
  } catch {
    throw new ConfigError(`${at}/jwksUrl`, 'is not a URL');
  }
  if (url.protocol !== 'https:' && !isLoopback(url.hostname)) throw new ConfigError(`${at}/jwksUrl`, 'must be https (http only on a loopback address)');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function resolvePaths(config: GatewayConfig, baseDir: string): GatewayConfig {
  const at = (path: string | undefined): string | undefined => (path === undefined || isAbsolute(path) ? path : resolve(baseDir, path));
  const storage = config.storage.startsWith('sqlite:') ? `sqlite:${at(config.storage.slice('sqlite:'.length))}` : config.storage;
  return {
    ...config,
    storage,
    signing: {
      ...config.signing,
      keyFile: at(config.signing.keyFile),
      publishKeyFiles: (config.signing.publishKeyFiles ?? []).map((f) => at(f)!),
      ...(config.signing.next === undefined ? {} : { next: { ...config.signing.next, keyFile: at(config.signing.next.keyFile)! } }),
    },
    listen: config.listen.tls === undefined ? config.listen : { ...config.listen, tls: { ...config.listen.tls, cert: at(config.listen.tls.cert)!, key: at(config.listen.tls.key), ca: at(config.listen.tls.ca) } },
    partners: config.partners.map((p) => ({
      ...p,
      jwksFile: at(p.jwksFile),
      devKeyFile: at(p.devKeyFile),
      ...(p.tls === undefined ? {} : { tls: { ...p.tls, clientCert: at(p.tls.clientCert), clientKey: at(p.tls.clientKey), ca: at(p.tls.ca) } }),
    })),
    desk: { ...config.desk, tokens: (config.desk.tokens ?? []).map((t) => ({ ...t, file: at(t.file) })) },
    admin: { ...config.admin, tokens: (config.admin.tokens ?? []).map((t) => ({ ...t, file: at(t.file) })) },
    ...(config.console === undefined
      ? {}
      : { console: { ...config.console, accounts: (config.console.accounts ?? []).map((a) => (a.token === undefined ? a : { ...a, token: { ...a.token, file: at(a.token.file) } })) } }),
    attachments: { ...config.attachments, folder: at(config.attachments.folder)! },
    ...(config.network === undefined
      ? {}
      : {
          network: {
            ...config.network,
            serveFile: at(config.network.serveFile),
            ...(typeof config.network.operatorKeys === 'string' ? { operatorKeys: at(config.network.operatorKeys) } : {}),
          },
        }),
    ...(config.deskConnector === undefined ? {} : { deskConnector: { ...config.deskConnector, keyFile: at(config.deskConnector.keyFile) } }),
  };
}
