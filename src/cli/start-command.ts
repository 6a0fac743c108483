import { parseArgs } from 'node:util';
import { readEnvironment } from '../config/environment.js';
import { startServer } from '../server.js';
import { defaultConfigFile } from './gateway-access.js';

/** `usm-link start`: runs a gateway until SIGTERM or SIGINT; -1 means "keep running". */
export async function startCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } } });
  await startServer(values.config ?? defaultConfigFile(), readEnvironment());
  return -1;
}
