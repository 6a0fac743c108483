/**
 * The one line `npm run test:faults` ends with: the figures the fault tests left in .tmp/faults/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = new URL('../.tmp/faults/', import.meta.url).pathname;
const figures: Record<string, Record<string, number>> = {};
for (const file of await readdir(dir).catch(() => [] as string[])) {
  if (file.endsWith('.json')) figures[file.replace('.json', '')] = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, number>;
}
const { crash, outage, hostile, limits } = figures;
const diskFull = figures['disk-full'];
const flood = figures.flood;
const parts = [
  crash ? `faults: ${crash.kills} kills, ${crash.acknowledged} calls acknowledged, ${crash.lost} lost, ${crash.duplicated} duplicated` : 'faults: not run',
  outage ? `outage: ${outage.queued} queued, ${outage.delivered} delivered, ${outage.inOrder} in order` : 'outage: not run',
  hostile ? `hostile: ${hostile.tried} tried, ${hostile.rejected} rejected 4xx, ${hostile.serverErrors} 5xx, ${hostile.stateChanges} state changes` : 'hostile: not run',
  limits ? `limits: ${limits.limited} answered 429` : 'limits: not run',
  diskFull ? `storage: disk full, ${diskFull.refused} writes answered 503, none half-written` : 'storage: not run',
  flood ? `flood: ${flood.requests} requests, peak RSS ${flood.peakRssMb} MB` : 'flood: not run',
];
process.stdout.write(`${parts.join('; ')}\n`);
const failed = !crash || !outage || !hostile || crash.lost > 0 || crash.duplicated > 0 || hostile.serverErrors > 0 || hostile.stateChanges > 0 || hostile.rejected !== hostile.tried || outage.inOrder !== outage.queued;
process.exitCode = failed ? 1 : 0;
