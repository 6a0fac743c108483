#!/usr/bin/env node
import { ConfigError } from './config/load-config.js';
import { initCommand } from './cli/init-command.js';
import { keysCommand } from './cli/keys-command.js';
import { liveCommand } from './cli/live-command.js';
import { networkCommand } from './cli/network-command.js';
import { partnerCommand } from './cli/partner-command.js';
import { startCommand } from './cli/start-command.js';
import { traceCommand } from './cli/trace-command.js';
import { UsageError } from './cli/usage-error.js';
import { verifyLogCommand } from './cli/verify-log-command.js';

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

/** Runs one command; the exit code, or -1 for a command that keeps running (start). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startCommand(rest);
    case 'keys':
      return keysCommand(rest);
    case 'send':
    case 'get':
    case 'token':
      return partnerCommand(command, rest);
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
