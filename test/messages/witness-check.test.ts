import { describe, expect, it } from 'vitest';
import { consistencyRanges, EMPTY_RANGE, leafHash, rangeHash, rootOf, appendLeaf, type CompactRange, type NodeId } from '../../src/messages/merkle-tree.js';
import { judgeCheckpoint } from '../../src/messages/witness-check.js';

/** A log of `n` leaves whose `changed` leaf (if any) was rewritten: its checkpoint and proofs from it. */
function log(n: number, changed?: number) {
  const nodes = new Map<string, Buffer>();
  let range: CompactRange = EMPTY_RANGE;
  const roots: string[] = [];
  for (let i = 0; i < n; i++) {
    const hash = leafHash(Buffer.from(i === changed ? 'rewritten' : `leaf ${i}`));
    nodes.set(`0/${i}`, hash);
    const appended = appendLeaf(range, hash);
    for (const c of appended.completed) nodes.set(`${c.level}/${c.index}`, c.hash);
    range = appended.range;
    roots.push(rootOf(range).toString('base64url'));
  }
  const node = (id: NodeId) => nodes.get(`${id.level}/${id.index}`)!;
  return {
    checkpoint: (size: number) => ({ origin: 'exchange', treeSize: size, rootHash: roots[size - 1]!, at: `t${size}` }),
    proof: (from: number, to: number) => consistencyRanges(from, to).map((r) => rangeHash(r, node).toString('base64url')),
  };
}

describe("a witness's judgement of a partner's checkpoint", () => {
  const honest = log(40);
  const rewritten = log(40, 3);

  it('keeps the first, and a larger one whose consistency proof holds; a repeat is the same', () => {
    expect(judgeCheckpoint(undefined, honest.checkpoint(7))).toEqual({ verdict: 'keep' });
    expect(judgeCheckpoint(honest.checkpoint(7), honest.checkpoint(29), honest.proof(7, 29))).toEqual({ verdict: 'keep' });
    expect(judgeCheckpoint(honest.checkpoint(7), honest.checkpoint(7))).toEqual({ verdict: 'same' });
  });

  it('refuses a shrink, two roots for one size, a larger tree that rewrote the kept records, and a larger one without a proof', () => {
    expect(judgeCheckpoint(honest.checkpoint(29), honest.checkpoint(7))).toMatchObject({ verdict: 'shrink' });
    expect(judgeCheckpoint(honest.checkpoint(7), rewritten.checkpoint(7))).toMatchObject({ verdict: 'fork', detail: 'two roots for 7 records' });
    expect(judgeCheckpoint(honest.checkpoint(7), rewritten.checkpoint(29), rewritten.proof(7, 29))).toMatchObject({ verdict: 'fork' });
    expect(judgeCheckpoint(honest.checkpoint(7), rewritten.checkpoint(29), honest.proof(7, 29))).toMatchObject({ verdict: 'fork' });
    expect(judgeCheckpoint(honest.checkpoint(7), honest.checkpoint(29))).toMatchObject({ verdict: 'fork' });
    expect(judgeCheckpoint(honest.checkpoint(7), honest.checkpoint(29), ['not a hash'])).toMatchObject({ verdict: 'fork' });
  });
});
