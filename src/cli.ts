#!/usr/bin/env node
import { USAGE_ERROR } from './cli/usage-error.js';
import { readEnvironment } from './config/environment.js';
import { isBootCode } from './kernel/boot-codes.js';

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
  usm-link network publish DIR --key OPERATOR.jwk --out DIRECTORY.jws [--sequence N] [--valid-hours 168]
                                              check the network, then sign its directory as its
                                              operator (docs/directory.md); exit 1 on any error
  usm-link network verify DIRECTORY.jws --operator-keys KEYS.jwks [--after PREVIOUS.jws] [--json]
                                              check signature, expiry and that the sequence grew
  usm-link network diff OLD.jws NEW.jws [--json]
                                              what changes for whom: members, keys, URLs, links
  usm-link network check --online --directory FILE|URL --operator-keys KEYS.jwks [--json]
                                              compare every member's running gateway (party, URL,
                                              keys) with the published directory; exit 1 on an error
  usm-link network live [--config FILE] [--json]
                                              the running gateway's neighbours: reachability, last
                                              message each way, queue depth, circuit, each one's
                                              source, and the directory it follows (admin token)
  usm-link init --party ID --name NAME [--dir DIR] [--url PUBLIC_URL] [--port 8080]
                                              scaffold a new provider: config, key pair, public JWKS
  usm-link console hash-password              read a password on standard input, print its scrypt hash
                                              for console.accounts[].passwordHash
  usm-link verify-log FILE [--checkpoint FILE]... [--keys JWKS]... [--tsa-cert PEM] [--json]
                                              check a message log offline (a gateway's SQLite file, a
                                              .jsonl export or a log bundle): its Merkle tree, against its
                                              own and the given checkpoints (cut back, rewritten), and with
                                              --keys every signature; a bundle also its timestamps and
                                              cosignatures [--require-cosignatures N]; exit 1 naming the
                                              first thing that fails
  usm-link log export --store FILE|URL --out BUNDLE [--config FILE] [--tsa-cert PEM] [--cosignatures FILE] [--json]
                                              write a self-contained log bundle (records, bodies still held,
                                              checkpoints, timestamp tokens, keys, TSA certificates) from a
                                              SQLite file or a postgres:// store, read-only
  usm-link log prove --store FILE|URL --message ID [--checkpoint-size N]
                                              print a message's record, leaf hash, inclusion proof and the
                                              signed checkpoint it proves against, as JSON
  usm-link retention purge [--config FILE] [--url URL]
                                              purge now what ended calls hold past their agreement's
                                              retention (the message log stays verifiable; admin token)
  usm-link retention erase --email ADDRESS | --id ID [--config FILE] [--url URL]
                                              erase one requester's details from every call of theirs
  usm-link conformance --target URL --as PARTY --key FILE [--json] [--only ID,...] [--listen [HOST:]PORT]
                                              run the numbered conformance suite (docs/conformance.md)
                                              against a gateway as its partner; exit 1 on any failure

send, get and token act as a partner of a gateway. They take the gateway from --config (its
publicUrl and party id; default as for start) or --url and --to, and the partner from --as
(default: the config's first customer with a devKeyFile) and --key (a private JWK file).
`;

/**
 * Runs one command; the exit code, or -1 for a command that keeps running (start). Each command's module
 * is loaded when it runs, so that even a failure to load one (a broken install) is reported as one line.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return (await import('./cli/start-command.js')).startCommand(rest);
    case 'keys':
      return (await import('./cli/keys-command.js')).keysCommand(rest);
    case 'send':
    case 'get':
    case 'token':
      return (await import('./cli/partner-command.js')).partnerCommand(command, rest);
    case 'verify-log':
      return (await import('./cli/verify-log-command.js')).verifyLogCommand(rest);
    case 'log':
      return (await import('./cli/log-command.js')).logCommand(rest);
    case 'trace':
      return (await import('./cli/trace-command.js')).traceCommand(rest);
    case 'retention':
      return (await import('./cli/retention-command.js')).retentionCommand(rest);
    case 'conformance':
      return (await import('./cli/conformance-command.js')).conformanceCommand(rest);
    case 'network':
      if (rest[0] === 'live') return (await import('./cli/live-command.js')).liveCommand(rest.slice(1));
      return (await import('./cli/network-command.js')).networkCommand(rest, (text) => process.stdout.write(text));
    case 'init':
      return (await import('./cli/init-command.js')).initCommand(rest);
    case 'console':
      return (await import('./cli/console-command.js')).consoleCommand(rest);
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

/**
 * The one line a failed command prints and its exit code, by the error's `code`: a usage error (or a
 * misspelt option) is its message and exit 2; a boot code (kernel/boot-codes.ts) is `<CODE> <message>`
 * and exit 1; anything else is USM_BOOT_INTERNAL with the error's first line.
 */
function failureOf(error: unknown): { line: string; exitCode: number } {
  const { name, message, code, cause } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown };
  };
  const text = (typeof message === 'string' && message !== '' ? message : String(error)).split('\n')[0]!;
  if (code === USAGE_ERROR || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))) return { line: `usm-link: ${text}`, exitCode: 2 };
  if (isBootCode(code)) return { line: `usm-link: ${code} ${text}`, exitCode: 1 };
  const foreign = [code, cause?.code].find((c): c is string => typeof c === 'string' && !text.includes(c));
  const named = typeof name === 'string' && name !== 'Error' && !text.startsWith(name) ? `${name}: ${text}` : text;
  return { line: `usm-link: USM_BOOT_INTERNAL ${named}${foreign !== undefined ? ` (${foreign})` : ''}`, exitCode: 1 };
}

/** The stack of the error and of each cause (USM_LINK_DEBUG=1 only). */
function stackOf(error: unknown): string {
  const stacks: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    stacks.push((current as { stack?: string }).stack ?? String(current));
    current = (current as { cause?: unknown }).cause;
  }
  return stacks.join('\ncaused by: ');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const { line, exitCode } = failureOf(error);
    process.stderr.write(`${line}\n`);
    if (readEnvironment().values.USM_LINK_DEBUG === '1') process.stderr.write(`${stackOf(error)}\n`);
    // Exit now: a start that failed half-way may hold handles (a database pool) that would keep the process alive.
    process.exit(exitCode);
  },
);
