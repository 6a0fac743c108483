#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPartnerClient, type Answer } from './client/partner-client.js';
import { readEnvironment } from './config/environment.js';
import { ConfigError, loadConfigFile, type GatewayConfig } from './config/load-config.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningAlgorithm } from './keys/jwk.js';
import { readOrCreatePrivateJwk } from './keys/key-files.js';
import { startServer } from './server.js';
import { readLogFile } from './storage/log-file.js';
import { verifyLog } from './messages/message-log.js';
import { renderTrace } from './cli/render-trace.js';
import { networkCommand } from './cli/network-command.js';

const USAGE = `usm-link: the USM link gateway

usage:
  usm-link start [--config FILE]              run a gateway (default: $USM_LINK_CONFIG or config/default.yaml)
  usm-link keys generate --out FILE [--alg EdDSA|ES256]
                                              write a private JWK (mode 0600), print its public JWKS
  usm-link send call    [--type incident] [--summary TEXT] [--service ID] [--agreement ID]
                        [--impact high|medium|low] [--urgency ...] [--requester NAME] [--description TEXT]
                        [--external-ref ID]
  usm-link send note    --call ID --text TEXT [--information]
  usm-link send confirm --call ID [--feedback TEXT]
  usm-link send reopen  --call ID --reason TEXT
  usm-link send cancel  --call ID [--reason TEXT]
  usm-link get PATH                           read as the partner, e.g. /v1/calls or /v1/calls/ID
  usm-link token                              print a read token for the partner
  usm-link trace CALL_ID [--config FILE] [--url URL] [--json]
                                              the call's trip through the chain, hop by hop, as the
                                              desk sees it (desk token from $USM_DESK_TOKEN or the
                                              config's desk token file)
  usm-link network check DIR [--json] [--online] [--margin MINUTES]
                                              check a network (one gateway config per provider, with
                                              <party>.jwks.json beside it); exit 1 on any error
  usm-link network graph DIR [--out FILE.svg] [--mermaid]
                                              draw it (SVG, or Mermaid text), problems in red
  usm-link network live [--config FILE] [--json]
                                              the running gateway's neighbours: reachability, last
                                              message each way, queue depth, circuit (admin token)
  usm-link init --party ID --name NAME [--dir DIR] [--url PUBLIC_URL] [--port 8080]
                                              scaffold a new provider: config, key pair, public JWKS
  usm-link verify-log FILE [--json]           check a message log offline (a gateway's SQLite file or a
                                              .jsonl export); exit 1 naming the first broken record

send, get and token act as a partner of a gateway. They take the gateway from --config (its
publicUrl and party id; default as for start) or --url and --to, and the partner from --as
(default: the config's first customer with a devKeyFile) and --key (a private JWK file).
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'keys':
      return keys(rest);
    case 'send':
    case 'get':
    case 'token':
      return partner(command, rest);
    case 'verify-log':
      return verifyLogCommand(rest);
    case 'trace':
      return traceCommand(rest);
    case 'network':
      return rest[0] === 'live' ? liveCommand(rest.slice(1)) : networkCommand(rest, (text) => process.stdout.write(text));
    case 'init':
      return initCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command ${command}\n\n${USAGE}`);
      return 2;
  }
}

function defaultConfigFile(): string {
  const environment = readEnvironment();
  if (environment.configFile !== undefined) return environment.configFile;
  const local = resolve('config/default.yaml');
  return existsSync(local) ? local : new URL('../config/default.yaml', import.meta.url).pathname;
}

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } } });
  await startServer(values.config ?? defaultConfigFile(), readEnvironment());
  return -1;
}

async function keys(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, alg: { type: 'string', default: 'EdDSA' } },
  });
  if (positionals[0] !== 'generate' || values.out === undefined) throw new UsageError('usage: usm-link keys generate --out FILE [--alg EdDSA|ES256]');
  if (values.alg !== 'EdDSA' && values.alg !== 'ES256') throw new UsageError('--alg must be EdDSA or ES256');
  const jwk = await generatePrivateJwk(values.alg as SigningAlgorithm);
  await mkdir(dirname(resolve(values.out)), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  process.stderr.write(`wrote the private key to ${values.out}; send partners this public key set:\n`);
  process.stdout.write(`${JSON.stringify({ keys: [publicJwkOf(jwk)] }, null, 2)}\n`);
  return 0;
}

async function partner(command: 'send' | 'get' | 'token', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      url: { type: 'string' },
      to: { type: 'string' },
      as: { type: 'string' },
      key: { type: 'string' },
      call: { type: 'string' },
      type: { type: 'string', default: 'incident' },
      summary: { type: 'string' },
      description: { type: 'string' },
      service: { type: 'string' },
      agreement: { type: 'string' },
      impact: { type: 'string', default: 'medium' },
      urgency: { type: 'string', default: 'medium' },
      requester: { type: 'string' },
      'external-ref': { type: 'string' },
      text: { type: 'string' },
      information: { type: 'boolean', default: false },
      feedback: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const config = values.url !== undefined && values.to !== undefined ? undefined : await loadConfigFile(values.config ?? defaultConfigFile(), readEnvironment().overrides);
  const as = values.as ?? config?.partners.find((p) => p.roles.includes('customer') && p.devKeyFile !== undefined)?.id;
  if (as === undefined) throw new UsageError('name the partner with --as');
  const keyFile = values.key ?? config?.partners.find((p) => p.id === as)?.devKeyFile;
  if (keyFile === undefined) throw new UsageError(`give the private key of ${as} with --key FILE`);
  const { jwk } = await readOrCreatePrivateJwk(keyFile, false);
  const client = createPartnerClient({
    baseUrl: values.url ?? baseUrlOf(config!),
    from: as,
    to: values.to ?? config!.party.id,
    key: signingKeyOf(jwk),
  });

  if (command === 'token') {
    process.stdout.write(`${await client.readToken()}\n`);
    return 0;
  }
  if (command === 'get') {
    const path = positionals[0];
    if (path === undefined) throw new UsageError('usage: usm-link get PATH (e.g. /v1/calls)');
    return print(await client.get(path));
  }
  const what = positionals[0];
  const callPath = (suffix: string): string => {
    if (values.call === undefined) throw new UsageError(`send ${what} needs --call ID`);
    return `/v1/calls/${encodeURIComponent(values.call)}/${suffix}`;
  };
  /** A follow-up carries its call's chain id, read from the gateway first. */
  const followUp = async (suffix: string, type: 'call.note' | 'call.confirm' | 'call.reopen' | 'call.cancel', data: object): Promise<number> => {
    const path = callPath(suffix);
    const call = await client.get(path.slice(0, path.lastIndexOf('/')));
    if (call.status !== 200) return print(call);
    return print(await client.send(path, client.envelope(type, data, { chainId: (call.body as { chainId: string }).chainId })));
  };
  switch (what) {
    case 'call': {
      const agreement = values.agreement ?? config?.agreements.find((a) => a.customer === as && (a.status ?? 'active') === 'active');
      const agreementId = typeof agreement === 'string' ? agreement : agreement?.id;
      const service = values.service ?? (typeof agreement === 'object' ? agreement.services[0] : undefined);
      if (agreementId === undefined || service === undefined) throw new UsageError('give --agreement and --service');
      return print(
        await client.send(
          '/v1/calls',
          client.envelope('call.submit', {
            type: values.type,
            service,
            agreement: agreementId,
            summary: values.summary ?? 'Test call from the usm-link CLI',
            ...(values.description !== undefined ? { description: values.description } : {}),
            impact: values.impact,
            urgency: values.urgency,
            requester: { name: values.requester ?? process.env.USER ?? 'usm-link CLI' },
            ...(values['external-ref'] !== undefined ? { externalRef: values['external-ref'] } : {}),
          }),
        ),
      );
    }
    case 'note':
      if (values.text === undefined) throw new UsageError('send note needs --text');
      return followUp('notes', 'call.note', { text: values.text, kind: values.information ? 'information' : 'comment' });
    case 'confirm':
      return followUp('confirm', 'call.confirm', values.feedback !== undefined ? { feedback: values.feedback } : {});
    case 'reopen':
      if (values.reason === undefined) throw new UsageError('send reopen needs --reason');
      return followUp('reopen', 'call.reopen', { reason: values.reason });
    case 'cancel':
      return followUp('cancel', 'call.cancel', values.reason !== undefined ? { reason: values.reason } : {});
    default:
      throw new UsageError('usage: usm-link send call|note|confirm|reopen|cancel ...');
  }
}

async function traceCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { config: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const callId = positionals[0];
  if (callId === undefined) throw new UsageError('usage: usm-link trace CALL_ID [--config FILE] [--url URL] [--json]');
  const environment = readEnvironment();
  const config = await loadConfigFile(values.config ?? defaultConfigFile(), environment.overrides);
  const token = await bearerToken(config.desk.tokens ?? [], 'USM_DESK_TOKEN', environment.values);
  const response = await fetch(`${values.url ?? baseUrlOf(config)}/v1/desk/calls/${encodeURIComponent(callId)}/trace`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as Parameters<typeof renderTrace>[0];
  if (values.json || !response.ok) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return response.ok ? 0 : 1;
  }
  process.stdout.write(renderTrace(body, ''));
  return 0;
}

/** A token to call the gateway's own desk or admin API with: from `variable`, else the config's first token (env or file). */
async function bearerToken(tokens: readonly { env?: string; file?: string }[], variable: string, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const first = tokens[0];
  const token =
    env[variable] ??
    (first?.env !== undefined ? env[first.env] : undefined) ??
    (first?.file !== undefined ? (await readFile(first.file, 'utf8').catch(() => '')).trim() || undefined : undefined);
  if (token === undefined) throw new UsageError(`set ${variable}`);
  return token;
}

async function liveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const environment = readEnvironment();
  const config = await loadConfigFile(values.config ?? defaultConfigFile(), environment.overrides);
  const token = await bearerToken(config.admin.tokens, 'USM_ADMIN_TOKEN', environment.values);
  const response = await fetch(`${values.url ?? baseUrlOf(config)}/v1/admin/neighbours`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: Record<string, unknown>[] };
  if (values.json || !response.ok) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return response.ok ? 0 : 1;
  }
  process.stdout.write(`${config.party.id}: ${body.items!.length} neighbour gateway(s)\n`);
  for (const n of body.items!) {
    process.stdout.write(
      `  ${String(n.partner).padEnd(24)} ${(n.roles as string[]).join('+').padEnd(17)} ${n.reachable ? `up ${n.latencyMs} ms` : `DOWN (${n.error})`}  ` +
        `last in ${n.lastReceivedAt ?? '-'}  last out ${n.lastSentAt ?? '-'}  queued ${n.pending}  circuit ${n.circuit}\n`,
    );
  }
  return 0;
}

async function initCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { party: { type: 'string' }, name: { type: 'string' }, dir: { type: 'string', default: '.' }, url: { type: 'string' }, port: { type: 'string', default: '8080' } },
  });
  if (values.party === undefined || values.name === undefined) throw new UsageError('usage: usm-link init --party ID --name NAME [--dir DIR] [--url PUBLIC_URL] [--port 8080]');
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(values.party)) throw new UsageError('--party: lower-case letters, digits, . _ - (at most 63)');
  const dir = resolve(values.dir);
  const url = values.url ?? `http://127.0.0.1:${values.port}`;
  const configFile = join(dir, `${values.party}.yaml`);
  if (existsSync(configFile)) throw new UsageError(`${configFile} exists already`);
  const jwk = await generatePrivateJwk('EdDSA');
  await mkdir(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'keys', `${values.party}.private.jwk`), `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  const jwks = { keys: [publicJwkOf(jwk)] };
  await writeFile(join(dir, `${values.party}.jwks.json`), `${JSON.stringify(jwks, null, 2)}\n`, { flag: 'wx' });
  await writeFile(
    configFile,
    [
      `# ${values.name}: a usm-link gateway. Add services, partners, agreements and routes (see README, Configuration).`,
      `party: { id: ${values.party}, name: ${JSON.stringify(values.name)} }`,
      `listen: { host: 127.0.0.1, port: ${Number(values.port)} }`,
      `publicUrl: ${url}`,
      `storage: sqlite:./data/${values.party}.db`,
      `signing: { keyFile: ./keys/${values.party}.private.jwk }`,
      'services: []',
      'partners: []',
      'desk:',
      '  tokens: [{ name: desk, env: USM_DESK_TOKEN }]',
      'admin:',
      '  tokens: [{ name: admin, env: USM_ADMIN_TOKEN }]',
      '',
    ].join('\n'),
    { flag: 'wx' },
  );
  process.stderr.write(`wrote ${configFile}, keys/${values.party}.private.jwk (keep it secret) and ${values.party}.jwks.json\n`);
  process.stdout.write(`${JSON.stringify({ partyId: values.party, name: values.name, url, jwks }, null, 2)}\n`);
  process.stderr.write('send your partners the party id, URL and public key set above; start with: usm-link start --config ' + configFile + '\n');
  return 0;
}

async function verifyLogCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (file === undefined) throw new UsageError('usage: usm-link verify-log FILE [--json]');
  const verdict = verifyLog(await readLogFile(file));
  if (values.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  else if (verdict.ok) process.stdout.write(`ok: ${verdict.records} records, every hash follows from the one before\n`);
  else process.stdout.write(`broken at record ${verdict.brokenAt}: ${verdict.reason}\n`);
  return verdict.ok ? 0 : 1;
}

function baseUrlOf(config: GatewayConfig): string {
  return config.publicUrl ?? `http://${config.listen.host === '0.0.0.0' ? '127.0.0.1' : config.listen.host}:${config.listen.port}`;
}

function print(answer: Answer): number {
  process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
  return answer.status < 400 ? 0 : 1;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || (error as Error).name === 'KeyError';
    process.stderr.write(`usm-link: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
