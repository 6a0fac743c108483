import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Answer } from '../client/partner-client.js';
import { readEnvironment } from '../config/environment.js';
import type { GatewayConfig } from '../config/load-config.js';
import { UsageError } from './usage-error.js';

/** The config a command reads when it is given no --config: $USM_LINK_CONFIG, else ./config/default.yaml, else the package's. */
export function defaultConfigFile(): string {
  const environment = readEnvironment();
  if (environment.configFile !== undefined) return environment.configFile;
  const local = resolve('config/default.yaml');
  // This module is src/cli/ (or dist/cli/ when compiled): the package's config/ is two levels up.
  return existsSync(local) ? local : new URL('../../config/default.yaml', import.meta.url).pathname;
}

/** Where a gateway is reached: its publicUrl, else its listen address (0.0.0.0 as 127.0.0.1). */
export function baseUrlOf(config: GatewayConfig): string {
  return config.publicUrl ?? `${config.listen.tls === undefined ? 'http' : 'https'}://${config.listen.host === '0.0.0.0' ? '127.0.0.1' : config.listen.host}:${config.listen.port}`;
}

/** A token to call the gateway's own desk or admin API with: from `variable`, else the config's first token (env or file). */
export async function bearerToken(tokens: readonly { env?: string; file?: string }[], variable: string, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const first = tokens[0];
  const token =
    env[variable] ??
    (first?.env !== undefined ? env[first.env] : undefined) ??
    (first?.file !== undefined ? (await readFile(first.file, 'utf8').catch(() => '')).trim() || undefined : undefined);
  if (token === undefined) throw new UsageError(`set ${variable}`);
  return token;
}

/** Prints a gateway's answer as JSON; the exit code is 1 for a refusal (4xx, 5xx). */
export function printAnswer(answer: Answer): number {
  process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
  return answer.status < 400 ? 0 : 1;
}
