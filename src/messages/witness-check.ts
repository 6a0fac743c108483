import { fromBase64url } from '../kernel/base64url.js';
import type { Checkpoint } from './checkpoint.js';
import { verifyConsistency } from './merkle-tree.js';

/** What a witness makes of a partner's new checkpoint, against the last one it kept of that partner's log. */
export type WitnessJudgement =
  | { readonly verdict: 'keep' }
  | { readonly verdict: 'same' }
  /** Refused and kept as evidence: the log shrank, or its tree is not an extension of the one kept. */
  | { readonly verdict: 'shrink' | 'fork'; readonly detail: string };

/**
 * Judges a partner's checkpoint (its signature checked already): the first one is kept; a larger
 * one is kept when the consistency proof from the kept size holds (RFC 9162 section 2.1.4.2); one of
 * the kept size must have its root; a smaller one is a shrink. `proof` is needed only for a larger one.
 */
export function judgeCheckpoint(kept: Checkpoint | undefined, offered: Checkpoint, proof?: readonly string[]): WitnessJudgement {
  if (kept === undefined) return { verdict: 'keep' };
  if (offered.treeSize < kept.treeSize) return { verdict: 'shrink', detail: `the log had ${kept.treeSize} records (${kept.at}), it now says ${offered.treeSize}` };
  if (offered.treeSize === kept.treeSize) {
    return offered.rootHash === kept.rootHash ? { verdict: 'same' } : { verdict: 'fork', detail: `two roots for ${kept.treeSize} records` };
  }
  const hashes = (proof ?? []).map((h) => fromBase64url(h));
  const oldRoot = fromBase64url(kept.rootHash);
  const newRoot = fromBase64url(offered.rootHash);
  if (proof === undefined || hashes.some((h) => h === undefined || h.length !== 32) || oldRoot === undefined || newRoot === undefined) {
    return { verdict: 'fork', detail: `no valid consistency proof from ${kept.treeSize} to ${offered.treeSize} records` };
  }
  return verifyConsistency(kept.treeSize, offered.treeSize, hashes as Buffer[], oldRoot, newRoot)
    ? { verdict: 'keep' }
    : { verdict: 'fork', detail: `the log of ${offered.treeSize} records does not extend the one of ${kept.treeSize} kept (${kept.at})` };
}
