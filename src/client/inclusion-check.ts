import type { components } from '../generated/api.js';
import { fromBase64url } from '../kernel/base64url.js';
import { SIGNING_ALGORITHMS } from '../keys/jwk.js';
import { readCheckpoint, type Checkpoint } from '../messages/checkpoint.js';
import { verifyInclusion as verifyAuditPath } from '../messages/merkle-tree.js';
import { recordLeafHash } from '../messages/message-log.js';
import { GatewayClientError } from './client-error.js';
import type { GatewayKeys } from './gateway-keys.js';
import { kidOf } from './receipt-check.js';

type Schemas = components['schemas'];

/** The message whose inclusion is checked: ours, as its receipt names it. */
export interface ExpectedRecord {
  readonly receipt: Schemas['Receipt'];
  /** Our party id: the record's partner at the gateway. */
  readonly from: string;
  /** The gateway's party id: the checkpoint's origin. */
  readonly gateway: string;
}

/**
 * Checks that a gateway's log holds our message (docs/protocol.md, "The message log"): the proof's
 * record is the one our receipt names (its index when it names one, message id, digest, receipt JWS,
 * us), its leaf hash
 * follows from it, the audit path leads from it to the root of a checkpoint signed by one of the
 * gateway's published keys for that gateway and that tree size. Gives the checkpoint, or throws a
 * GatewayClientError `USM_CLIENT_PROOF_INVALID` saying what does not hold.
 */
export async function verifyInclusion(proof: Schemas['InclusionProof'], expected: ExpectedRecord, keys: GatewayKeys, algorithms: readonly string[] = SIGNING_ALGORITHMS): Promise<Checkpoint> {
  const invalid = (detail: string, cause?: unknown): GatewayClientError => new GatewayClientError('USM_CLIENT_PROOF_INVALID', `inclusion proof: ${detail}`, { cause });
  const { record, receipt } = { record: proof.record, receipt: expected.receipt };
  // A receipt without its logIndex (the log had not integrated the message yet) was looked up by message id.
  if (proof.index !== record.index || (receipt.logIndex !== undefined && proof.index !== receipt.logIndex)) {
    throw invalid(`it is for record ${proof.index}, the receipt names ${receipt.logIndex ?? record.index}`);
  }
  if (record.direction !== 'in' || record.partner !== expected.from || record.messageId !== receipt.messageId || record.digest !== receipt.digest || record.receipt !== receipt.jws) {
    throw invalid('the record is not of our message with this receipt');
  }
  const { index: _index, leafHash, ...entry } = record;
  if (recordLeafHash(entry) !== leafHash) throw invalid('the leaf hash does not follow from the record');
  if (proof.checkpoint === undefined) throw invalid('no checkpoint of this tree size');
  const jws = proof.checkpoint.checkpoint;
  const kid = kidOf(jws);
  const key = kid === undefined ? undefined : await keys.keyFor(kid);
  if (key === undefined) throw invalid(`the checkpoint is not signed with a key the gateway publishes (kid ${JSON.stringify(kid ?? null)})`);
  let checkpoint: Checkpoint;
  try {
    checkpoint = readCheckpoint(jws, { algorithms: new Set(algorithms), keyFor: (id) => (id === key.kid ? key : undefined) });
  } catch (error) {
    throw invalid(`the checkpoint: ${(error as Error).message}`, error);
  }
  if (checkpoint.origin !== expected.gateway) throw invalid(`the checkpoint is of ${JSON.stringify(checkpoint.origin)}'s log, not ${expected.gateway}'s`);
  if (checkpoint.treeSize !== proof.treeSize) throw invalid(`the checkpoint is of ${checkpoint.treeSize} records, the proof of ${proof.treeSize}`);
  const path = proof.proof.map((h) => fromBase64url(h));
  const root = fromBase64url(checkpoint.rootHash);
  if (path.some((h) => h === undefined) || root === undefined) throw invalid('a hash is not base64url');
  if (!verifyAuditPath(record.index, proof.treeSize, fromBase64url(leafHash)!, path as Buffer[], root)) throw invalid("the audit path does not lead to the checkpoint's root");
  return checkpoint;
}
