import { parseArgs } from 'node:util';
import { readEnvironment } from '../config/environment.js';
import { limitHeapGrowth } from '../kernel/heap-growth.js';
import { startServer } from '../server.js';
import { defaultConfigFile } from './gateway-access.js';

/** `usm-link start`: runs a gateway until SIGTERM or SIGINT; -1 means "keep running". */
export async function startCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } } });
  // A long-running gateway: its heap collected at twice what it holds, not four times (see heap-growth).
  limitHeapGrowth();
  await startServer(values.config ?? defaultConfigFile(), readEnvironment());
  return -1;
}
