import { parseArgs } from 'node:util';
import { readEnvironment } from '../config/environment.js';
import { loadConfigFile } from '../config/load-config.js';
import type { components } from '../generated/api.js';
import { baseUrlOf, bearerToken, defaultConfigFile } from './gateway-access.js';

type DirectoryStatus = components['schemas']['DirectoryStatus'];

/** `usm-link network live`: the running gateway's neighbours, as its admin API reports them. */
export async function liveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const environment = readEnvironment();
  const config = await loadConfigFile(values.config ?? defaultConfigFile(), environment.overrides);
  const token = await bearerToken(config.admin.tokens, 'USM_ADMIN_TOKEN', environment.values);
  const response = await fetch(`${values.url ?? baseUrlOf(config)}/v1/admin/neighbours`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: Record<string, unknown>[]; directory?: DirectoryStatus };
  if (values.json || !response.ok) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return response.ok ? 0 : 1;
  }
  process.stdout.write(`${config.party.id}: ${body.items!.length} neighbour gateway(s)\n`);
  if (body.directory !== undefined) process.stdout.write(`${directoryLine(body.directory)}\n`);
  for (const n of body.items!) {
    process.stdout.write(
      `  ${String(n.partner).padEnd(24)} ${(n.roles as string[]).join('+').padEnd(17)} ${String(n.source ?? 'local').padEnd(9)} ${n.reachable ? `up ${n.latencyMs} ms` : `DOWN (${n.error})`}  ` +
        `last in ${n.lastReceivedAt ?? '-'}  last out ${n.lastSentAt ?? '-'}  queued ${n.pending}  circuit ${n.circuit}${skewOf(n.clockSkew)}\n`,
    );
  }
  return 0;
}

/** The network directory the gateway follows: its version (sequence, signing time) and how its last refresh went. */
function directoryLine(d: DirectoryStatus): string {
  const version = d.sequence === null ? 'none accepted yet' : `${d.network?.id} sequence ${d.sequence}, issued ${d.issuedAt}, expires ${d.expiresAt}${d.expired ? ' (EXPIRED)' : ''}`;
  const last = d.lastRefresh === null ? '' : `; last refresh ${d.lastRefresh.at}: ${d.lastRefresh.outcome}${d.lastRefresh.code === undefined ? '' : ` ${d.lastRefresh.code}`}`;
  return `  directory ${version} (from ${d.url})${last}`;
}

/** A partner's clock skew, when delivery saw one (it refused a message's time). */
function skewOf(skew: unknown): string {
  if (skew === null || skew === undefined || typeof skew !== 'object') return '';
  const { skewSeconds, detectedAt } = skew as { skewSeconds?: number; detectedAt?: string };
  return `  CLOCK SKEW${skewSeconds !== undefined ? ` ~${skewSeconds} s` : ''} (seen ${detectedAt ?? '?'})`;
}
