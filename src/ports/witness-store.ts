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

/** A partner's cosignature of a checkpoint of this gateway's own log, checked and kept (docs/protocol.md, "Cosignatures"). */
export interface StoredCosignature {
  /** The cosigning partner. */
  readonly witness: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** When the partner cosigned, as it states. */
  readonly at: string;
  /** The compact JWS (`typ: usm-link-cosignature+jws`) by the partner's key. */
  readonly jws: string;
}

/** A cosignature of this gateway's log a partner offered and this gateway refused (a tree it never had, another log, not the partner's signature): kept as evidence. */
export interface RefusedCosignature {
  /** Derived from the JWS: the same one is kept once. */
  readonly id: string;
  readonly witness: string;
  readonly detail: string;
  /** When it was refused. */
  readonly at: string;
  readonly jws: string;
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
  /** Keeps the cosignature this gateway made of a partner checkpoint it kept (`treeSize` records), unless it has one of it already. */
  keepCosignatureMade(partner: string, treeSize: number, jws: string): Promise<void>;
  /** The newest cosignature this gateway made of a partner's log (of its largest cosigned tree). */
  lastCosignatureMade(partner: string): Promise<string | undefined>;
  /** Keeps a partner's checked cosignature of this gateway's log; the same witness and tree size are kept once (the first). */
  keepCosignature(cosignature: StoredCosignature): Promise<void>;
  /** A partner's newest cosignature of this gateway's log kept (of the largest tree). */
  lastCosignature(witness: string): Promise<StoredCosignature | undefined>;
  /** The cosignatures of this gateway's log its partners made, oldest first. */
  listCosignatures(): Promise<StoredCosignature[]>;
  /** Kept once per id; true when it was new. */
  recordRefusedCosignature(refused: RefusedCosignature): Promise<boolean>;
  listRefusedCosignatures(): Promise<RefusedCosignature[]>;
}
