import { parseArgs } from 'node:util';
import { readEnvironment } from '../config/environment.js';
import { loadConfigFile } from '../config/load-config.js';
import { baseUrlOf, bearerToken, defaultConfigFile } from './gateway-access.js';
import { renderTrace } from './render-trace.js';
import { UsageError } from './usage-error.js';

/** `usm-link trace CALL_ID`: the call's trip through the chain as the desk sees it. */
export async function traceCommand(args: string[]): Promise<number> {
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
