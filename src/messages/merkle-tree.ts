import { createHash } from 'node:crypto';

/**
 * The message log's Merkle tree in the shape of RFC 9162 section 2.1 (Certificate Transparency v2):
 * leaves hashed as SHA-256(0x00 || leaf), interior nodes as SHA-256(0x01 || left || right), the tree
 * of n leaves split at the largest power of two below n. Pure functions, no storage: a store keeps
 * the hash of every complete, aligned subtree (a `NodeId`) and answers the ranges a proof needs.
 */

/** The perfect subtree of 2^level leaves starting at leaf `index * 2^level`. Level 0 is a leaf. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** The leaves [start, end) of the tree, as the RFC's recursion cuts them. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** A node's hash, looked up by a store (or computed from leaves). */
export type NodeHashes = (node: NodeId) => Buffer;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF).update(leaf).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The largest power of two smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete, aligned subtrees that make up a range of the recursion, largest (leftmost) first. */
export function perfectPieces(range: LeafRange): NodeId[] {
  const pieces: NodeId[] = [];
  let at = range.start;
  let left = range.end - range.start;
  while (left > 0) {
    const size = highestPowerOfTwo(left);
    if (at % size !== 0) throw new RangeError(`leaves [${range.start}, ${range.end}) are not a range of the tree`);
    pieces.push({ level: Math.log2(size), index: at / size });
    at += size;
    left -= size;
  }
  return pieces;
}

/** The hash of a range of the recursion: its perfect pieces folded from the right (RFC 9162 MTH). */
export function rangeHash(range: LeafRange, nodes: NodeHashes): Buffer {
  const pieces = perfectPieces(range);
  if (pieces.length === 0) return EMPTY_ROOT;
  let hash = nodes(pieces.at(-1)!);
  for (let i = pieces.length - 2; i >= 0; i--) hash = nodeHash(nodes(pieces[i]!), hash);
  return hash;
}

/** The ranges whose hashes are the inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 PATH), nearest the leaf first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path = (m: number, start: number, end: number): LeafRange[] => {
    const n = end - start;
    if (n <= 1) return [];
    const k = splitPoint(n);
    return m < k ? [...path(m, start, start + k), { start: start + k, end }] : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(index, 0, size);
}

/** The ranges whose hashes are the consistency proof from the tree of `from` leaves to the one of `to` (RFC 9162 PROOF). */
export function consistencyRanges(from: number, to: number): LeafRange[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0) return [];
  const subproof = (m: number, start: number, end: number, whole: boolean): LeafRange[] => {
    const n = end - start;
    if (m === n) return whole ? [] : [{ start, end }];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, start, start + k, whole), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return subproof(from, 0, to, true);
}

/** Every node a list of ranges needs, once each. */
export function nodesFor(ranges: readonly LeafRange[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const range of ranges) for (const node of perfectPieces(range)) seen.set(`${node.level}/${node.index}`, node);
  return [...seen.values()];
}

/**
 * Checks an inclusion proof (RFC 9162 section 2.1.3.2): that the leaf with this hash is leaf
 * `index` of the tree of `size` leaves whose root is `root`.
 */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * Checks a consistency proof (RFC 9162 section 2.1.4.2): that the tree of `from` leaves with root
 * `fromRoot` is a prefix of the tree of `to` leaves with root `toRoot`. Equal sizes need an empty
 * proof and equal roots; the empty tree is a prefix of every tree.
 */
export function verifyConsistency(from: number, to: number, proof: readonly Uint8Array[], fromRoot: Uint8Array, toRoot: Uint8Array): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (from === 0) return proof.length === 0 && EMPTY_ROOT.equals(fromRoot);
  if (from === to) return proof.length === 0 && Buffer.from(fromRoot).equals(toRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

/**
 * The compact range of a tree: the hashes of its perfect pieces, largest first (at most one per bit
 * of its size). Enough to append a leaf and to compute the root without reading any leaf.
 */
export interface CompactRange {
  readonly size: number;
  readonly hashes: readonly Buffer[];
}

export const EMPTY_RANGE: CompactRange = { size: 0, hashes: [] };

/** Appends one leaf: the new compact range, and the subtrees this leaf completed (level 1 and up), lowest first. */
export function appendLeaf(range: CompactRange, leaf: Buffer): { range: CompactRange; completed: (NodeId & { hash: Buffer })[] } {
  const hashes = [...range.hashes];
  const completed: (NodeId & { hash: Buffer })[] = [];
  let hash = leaf;
  let index = range.size;
  let level = 0;
  while (index % 2 === 1) {
    hash = nodeHash(hashes.pop()!, hash);
    index = (index - 1) / 2;
    level++;
    completed.push({ level, index, hash });
  }
  hashes.push(hash);
  return { range: { size: range.size + 1, hashes }, completed };
}

/** The root of the tree a compact range stands for. */
export function rootOf(range: CompactRange): Buffer {
  if (range.hashes.length === 0) return EMPTY_ROOT;
  let hash = range.hashes.at(-1)!;
  for (let i = range.hashes.length - 2; i >= 0; i--) hash = nodeHash(range.hashes[i]!, hash);
  return hash;
}

function highestPowerOfTwo(n: number): number {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && highestPowerOfTwo(n) === n;
}
