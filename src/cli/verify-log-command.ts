import { parseArgs } from 'node:util';
import { verifyLog } from '../messages/message-log.js';
import { readLogFile } from '../storage/log-file.js';
import { UsageError } from './usage-error.js';

/** `usm-link verify-log FILE`: checks a message log's hash chain offline; exit 1 at the first broken record. */
export async function verifyLogCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (file === undefined) throw new UsageError('usage: usm-link verify-log FILE [--json]');
  const verdict = verifyLog(await readLogFile(file));
  if (values.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  else if (verdict.ok) process.stdout.write(`ok: ${verdict.records} records, every hash follows from the one before\n`);
  else process.stdout.write(`broken at record ${verdict.brokenAt}: ${verdict.reason}\n`);
  return verdict.ok ? 0 : 1;
}
