import type { StoredCheckpoint } from '../messages/log-proofs.js';

/** A fork or shrink of a partner's log, refused and kept: both signed checkpoints and the proof offered. */
export interface WitnessEvidence {
  /** Derived from the two checkpoints: the same evidence is kept once. */
  readonly id: string;
  readonly partner: string;
  readonly kind: 'fork' | 'shrink';
  readonly detail: string;
  readonly at: string;
  readonly kept: StoredCheckpoint;
  readonly offered: StoredCheckpoint;
  readonly proof: readonly string[] | null;
}

/** The RFC 3161 tokens of this gateway's own checkpoints. */
export interface CheckpointTimestampStore {
  /** Keeps the token (DER, base64) of the checkpoint of `treeSize` records, unless it has one already (another replica stamped it). */
  keepCheckpointTimestamp(treeSize: number, token: string): Promise<void>;
}

/** What a gateway keeps of its partners' logs as their witness. */
export interface WitnessStore {
  /** The newest checkpoint of a partner's log this gateway checked and kept. */
  lastPartnerCheckpoint(partner: string): Promise<StoredCheckpoint | undefined>;
  keepPartnerCheckpoint(partner: string, checkpoint: StoredCheckpoint, keptAt: string): Promise<void>;
  /** Kept once per id; true when it was new. */
  recordWitnessEvidence(evidence: WitnessEvidence): Promise<boolean>;
  listWitnessEvidence(): Promise<WitnessEvidence[]>;
}
