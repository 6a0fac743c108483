import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * Random bytes from a pool refilled 4 KB at a time: one call into the CSPRNG for many ids instead of
 * one per id. The bytes are copied out; a caller may change them.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > pool.length) throw new RangeError(`at most ${pool.length} bytes at a time`);
  if (offset + size > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}
