/**
 * The one line `npm run test:faults` ends with: the figures the fault tests counted and left in
 * .tmp/faults/ (or USM_LINK_FAULT_FIGURES_DIR). It exits 1 when a test did not run or its figures
 * show a loss, a double, a 5xx, a change made by a refused request, or counts that disagree.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.USM_LINK_FAULT_FIGURES_DIR ?? new URL('../.tmp/faults/', import.meta.url).pathname;
const figures: Record<string, Record<string, number>> = {};
for (const file of await readdir(dir).catch(() => [] as string[])) {
  if (file.endsWith('.json')) figures[file.replace('.json', '')] = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, number>;
}
const { crash, outage, hostile, limits } = figures;
const diskFull = figures['disk-full'];
const flood = figures.flood;
const parts = [
  crash ? `faults: ${crash.kills} kills, ${crash.acknowledged} calls acknowledged, ${crash.lost} lost, ${crash.duplicated} duplicated, ${crash.dead} dead letters` : 'faults: not run',
  outage ? `outage: ${outage.queued} queued, ${outage.delivered} delivered with ${outage.receipts} receipts, ${outage.inOrder} in order` : 'outage: not run',
  hostile ? `hostile: ${hostile.tried} tried, ${hostile.rejected} rejected 4xx, ${hostile.serverErrors} 5xx, ${hostile.stateChanges} state changes` : 'hostile: not run',
  limits ? `limits: ${limits.limited} answered 429` : 'limits: not run',
  diskFull ? `storage: disk full, ${diskFull.refused} of ${diskFull.writes} writes answered 503, ${diskFull.halfWritten} half-written` : 'storage: not run',
  flood ? `flood: ${flood.requests} requests answered, peak RSS ${flood.peakRssMb} MB` : 'flood: not run',
];
process.stdout.write(`${parts.join('; ')}\n`);
const failed =
  !crash ||
  !outage ||
  !hostile ||
  crash.lost !== 0 ||
  crash.duplicated !== 0 ||
  crash.dead !== 0 ||
  hostile.serverErrors !== 0 ||
  hostile.stateChanges !== 0 ||
  hostile.rejected !== hostile.tried ||
  outage.queued !== outage.made ||
  outage.delivered !== outage.queued ||
  outage.receipts !== outage.delivered ||
  outage.inOrder !== outage.queued ||
  (diskFull !== undefined && diskFull.halfWritten !== 0) ||
  (flood !== undefined && flood.requests !== flood.sent);
process.exitCode = failed ? 1 : 0;
