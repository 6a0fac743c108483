/**
 * Run as a process of its own by test/storage/sqlite-cache.test.ts: opens the SQLite store in
 * argv[2] with the page cache given (MiB, argv[3]), reads every call twice and prints how many it
 * read and how much the process's memory outside V8's heap grew meanwhile, in MB.
 */
import { openSqliteStore } from '../../src/storage/sqlite-store.js';

const [file, cacheMb] = [process.argv[2]!, Number(process.argv[3])];
const store = openSqliteStore(file, { cacheMb });
const offHeap = (): number => {
  const { rss, heapTotal } = process.memoryUsage();
  return (rss - heapTotal) / 1e6;
};
const before = offHeap();
let read = 0;
for (let round = 0; round < 2; round++) read += (await store.listCalls({ limit: 100_000 })).length;
const grewMb = offHeap() - before;
await store.close();
process.stdout.write(JSON.stringify({ read, grewMb }));
