import { parseArgs } from 'node:util';
import { readEnvironment } from '../config/environment.js';
import { loadConfigFile } from '../config/load-config.js';
import { baseUrlOf, bearerToken, defaultConfigFile } from './gateway-access.js';
import { UsageError } from './usage-error.js';

const USAGE = 'usage: usm-link retention purge|erase [--email ADDRESS | --id ID] [--config FILE] [--url URL]';

/**
 * `usm-link retention purge`: runs the running gateway's purge now (`POST /v1/admin/retention/purge`);
 * `usm-link retention erase --email ADDRESS` (or `--id ID`): erases one requester
 * (`POST /v1/admin/retention/erase`). Admin token from $USM_ADMIN_TOKEN or the config's first admin
 * token. Prints the gateway's answer as JSON; exit 1 on a refusal.
 */
export async function retentionCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { config: { type: 'string' }, url: { type: 'string' }, email: { type: 'string' }, id: { type: 'string' } },
  });
  const action = positionals[0];
  if (action !== 'purge' && action !== 'erase') throw new UsageError(USAGE);
  if (action === 'purge' && (values.email !== undefined || values.id !== undefined)) throw new UsageError(USAGE);
  const environment = readEnvironment();
  const config = await loadConfigFile(values.config ?? defaultConfigFile(), environment.overrides);
  const token = await bearerToken(config.admin.tokens, 'USM_ADMIN_TOKEN', environment.values);
  const body = action === 'erase' ? { ...(values.email !== undefined ? { email: values.email } : {}), ...(values.id !== undefined ? { id: values.id } : {}) } : undefined;
  const response = await fetch(`${values.url ?? baseUrlOf(config)}/v1/admin/retention/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
  return response.ok ? 0 : 1;
}
