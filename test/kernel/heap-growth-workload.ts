// A process that holds about 30 MB and allocates fast objects that outlive a few young collections
// (as a loaded gateway's requests do): prints the highest heap size it reached. With `limit`, it
// first sets the gateway's heap growth.
import { limitHeapGrowth } from '../../src/kernel/heap-growth.js';

if (process.argv[2] === 'limit') limitHeapGrowth();
const live = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `${'x'.repeat(40)}${i}` }));
const ring: unknown[] = new Array(20_000);
let peak = 0;
for (let r = 0; r < 3_000_000; r++) {
  ring[r % ring.length] = { r, a: [r, r + 1, r + 2], s: `y${r}` };
  if (r % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
process.stdout.write(`${JSON.stringify({ peakMb: peak / 1048576, live: live.length })}\n`);
