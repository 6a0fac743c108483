import { fromBase64url, toBase64url } from '../kernel/base64url.js';
import type { Checkpoint } from './checkpoint.js';
import { consistencyRanges, inclusionRanges, nodesFor, rangeHash, type LeafRange, type NodeId } from './merkle-tree.js';
import type { LogRecord } from './message-log.js';

/** A checkpoint as the gateway keeps it: what it states and its JWS. */
export interface StoredCheckpoint extends Checkpoint {
  readonly jws: string;
  /** The RFC 3161 TimeStampToken of the JWS (DER, base64), once a TSA stamped it (config `evidence.tsa`). */
  readonly timestampToken?: string;
}

/** Signs the tree head a commit batch leaves (`treeSize` records, `rootHash`): the checkpoint kept with the batch. */
export type CheckpointSigner = (head: { readonly treeSize: number; readonly rootHash: string }) => StoredCheckpoint;

/** What a store answers about its message log's tree; enough for every proof without reading every leaf. */
export interface LogReader {
  /** The number of records in the log. */
  logSize(): Promise<number>;
  logRecordAt(index: number): Promise<LogRecord | undefined>;
  /** The index of a logged message: received (`in`) from a partner, or sent (`out`) to one. */
  logIndexOf(direction: 'in' | 'out', partner: string, messageId: string): Promise<number | undefined>;
  /** The hashes (base64url) of complete subtrees, keyed `level/index`. */
  logNodes(nodes: readonly NodeId[]): Promise<ReadonlyMap<string, string>>;
  /** The newest checkpoint, or the one of exactly `treeSize` records. */
  logCheckpoint(treeSize?: number): Promise<StoredCheckpoint | undefined>;
}

export const nodeKey = (node: NodeId): string => `${node.level}/${node.index}`;

/** The proof of leaf `index` in the tree of `treeSize` records (RFC 9162 PATH), base64url, nearest the leaf first. */
export function inclusionProof(reader: LogReader, index: number, treeSize: number): Promise<string[]> {
  return hashesOf(reader, inclusionRanges(index, treeSize));
}

/** The proof that the tree of `from` records is a prefix of the one of `to` (RFC 9162 PROOF), base64url. */
export function consistencyProof(reader: LogReader, from: number, to: number): Promise<string[]> {
  return hashesOf(reader, consistencyRanges(from, to));
}

async function hashesOf(reader: LogReader, ranges: readonly LeafRange[]): Promise<string[]> {
  const nodes = await reader.logNodes(nodesFor(ranges));
  const node = (id: NodeId): Buffer => {
    const hash = nodes.get(nodeKey(id));
    if (hash === undefined) throw new Error(`the log has no subtree ${nodeKey(id)}`);
    return fromBase64url(hash)!;
  };
  return ranges.map((range) => toBase64url(rangeHash(range, node)));
}
