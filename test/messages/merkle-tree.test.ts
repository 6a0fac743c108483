import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  consistencyRanges,
  EMPTY_RANGE,
  inclusionRanges,
  leafHash,
  nodesFor,
  rangeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type CompactRange,
  type NodeId,
} from '../../src/messages/merkle-tree.js';

/*
 * The reference: RFC 9162 section 2.1 written down as directly as it reads, recursion and all,
 * over the leaves' data. The efficient functions (compact range, stored subtrees, proofs from node
 * lookups) must agree with it at every size.
 */
const sha = (...parts: Uint8Array[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: readonly Buffer[]): Buffer =>
  d.length === 0 ? sha() : d.length === 1 ? sha(Buffer.from([0]), d[0]!) : sha(Buffer.from([1]), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
const path = (m: number, d: readonly Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
};
const subproof = (m: number, d: readonly Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
};

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));

/** A store as the gateway keeps one: each leaf's hash and each completed subtree, written as leaves are appended. */
function grow(data: readonly Buffer[]): { range: CompactRange; node: (id: NodeId) => Buffer; reads: NodeId[] } {
  const nodes = new Map<string, Buffer>();
  let range = EMPTY_RANGE;
  data.forEach((leaf, i) => {
    const hash = leafHash(leaf);
    nodes.set(`0/${i}`, hash);
    const appended = appendLeaf(range, hash);
    for (const c of appended.completed) nodes.set(`${c.level}/${c.index}`, c.hash);
    range = appended.range;
  });
  const reads: NodeId[] = [];
  return {
    range,
    reads,
    node: (id) => {
      reads.push(id);
      const hash = nodes.get(`${id.level}/${id.index}`);
      if (hash === undefined) throw new Error(`node ${id.level}/${id.index} was never completed`);
      return hash;
    },
  };
}

describe('the Merkle tree of the message log (RFC 9162 section 2.1)', () => {
  it('matches the RFC 6962 test vector of eight leaves', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
    expect(mth(data).toString('hex')).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(rootOf(grow(data).range).toString('hex')).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(mth([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('computes the same root as the recursive definition at every size, from the compact range and from stored subtrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const data = leaves(n);
        const tree = grow(data);
        expect(rootOf(tree.range).equals(mth(data))).toBe(true);
        expect(rangeHash({ start: 0, end: n }, tree.node).equals(mth(data))).toBe(true);
        expect(tree.range.hashes.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(Math.log2(n + 1))));
      }),
      { numRuns: 120 },
    );
  });

  it('gives the RFC inclusion proof of every leaf, which verifies, for every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 260 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))), ([n, m]) => {
        const data = leaves(n);
        const tree = grow(data);
        const proof = inclusionRanges(m, n).map((r) => rangeHash(r, tree.node));
        expect(proof.map((h) => h.toString('hex'))).toEqual(path(m, data).map((h) => h.toString('hex')));
        expect(verifyInclusion(m, n, leafHash(data[m]!), proof, mth(data))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the RFC consistency proof between every two sizes, which verifies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 260 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([m, n]) => {
        const data = leaves(n);
        const tree = grow(data);
        const proof = consistencyRanges(m, n).map((r) => rangeHash(r, tree.node));
        const expected = m === 0 ? [] : subproof(m, data, true);
        expect(proof.map((h) => h.toString('hex'))).toEqual(expected.map((h) => h.toString('hex')));
        expect(verifyConsistency(m, n, proof, mth(data.slice(0, m)), mth(data))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a proof with any hash changed, one hash too few or too many, or for another leaf or root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }), fc.nat())), ([n, m, pick]) => {
        const data = leaves(n);
        const tree = grow(data);
        const root = mth(data);
        const leaf = leafHash(data[m]!);
        const proof = inclusionRanges(m, n).map((r) => rangeHash(r, tree.node));
        const flipped = proof.map((h, i) => (i === pick % proof.length ? Buffer.from(h.map((b, j) => (j === 0 ? b ^ 1 : b))) : h));
        expect(verifyInclusion(m, n, leaf, flipped, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, [...proof, root], root)).toBe(false);
        expect(verifyInclusion((m + 1) % n, n, leaf, proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leafHash(Buffer.from('forged')), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, mth(data.slice(0, n - 1)))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a consistency proof for a rewritten prefix, a shrink, or a changed hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n), fc.nat())), ([m, n, pick]) => {
        const data = leaves(n);
        const tree = grow(data);
        const proof = consistencyRanges(m, n).map((r) => rangeHash(r, tree.node));
        const oldRoot = mth(data.slice(0, m));
        const newRoot = mth(data);
        const rewritten = [...data.slice(0, pick % m), Buffer.from('rewritten'), ...data.slice((pick % m) + 1)];
        expect(verifyConsistency(m, n, proof, mth(rewritten.slice(0, m)), newRoot)).toBe(false);
        expect(verifyConsistency(m, n, proof, oldRoot, mth(rewritten))).toBe(false);
        expect(verifyConsistency(n, m, proof, newRoot, oldRoot)).toBe(false);
        const flipped = proof.map((h, i) => (i === pick % proof.length ? Buffer.from(h.map((b, j) => (j === 0 ? b ^ 1 : b))) : h));
        expect(verifyConsistency(m, n, flipped, oldRoot, newRoot)).toBe(false);
        expect(verifyConsistency(m, n, [], oldRoot, newRoot)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('reads O(log n) stored nodes for a proof in a tree of a million leaves', () => {
    // Only the nodes a proof names are computed: a fake store of a million leaves whose node hash is its id.
    const reads: NodeId[] = [];
    const node = (id: NodeId): Buffer => {
      reads.push(id);
      return sha(Buffer.from(`${id.level}/${id.index}`));
    };
    const n = 1_000_003;
    const proof = inclusionRanges(765_432, n).map((r) => rangeHash(r, node));
    expect(proof.length).toBeLessThanOrEqual(21);
    expect(reads.length).toBeLessThan(60);
    expect(nodesFor([...inclusionRanges(765_432, n), ...consistencyRanges(999_000, n)]).length).toBeLessThan(80);
  });
});
