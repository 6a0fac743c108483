/** The network directory this gateway follows, as it was accepted: the signed document and its sequence. */
export interface HeldDirectory {
  /** The compact JWS as fetched from the operator. */
  readonly jws: string;
  readonly sequence: number;
  /** When a replica accepted it (ISO 8601). */
  readonly acceptedAt: string;
}

/**
 * The last good directory, kept so that a restart starts from it and replicas share one fetch: the
 * replica holding the fetch lease fetches and keeps the document, the others read it from here.
 */
export interface DirectoryStore {
  /** The directory last kept, if any. */
  heldDirectory(): Promise<HeldDirectory | undefined>;
  /** Keeps this directory when its sequence is above the one held; false when it is not (a replica kept a newer one). */
  keepDirectory(directory: HeldDirectory): Promise<boolean>;
  /** Takes (or renews) the lease to fetch the directory for `leaseMs`; false while another replica holds it. */
  claimDirectoryFetch(owner: string, leaseMs: number): Promise<boolean>;
  /** Gives the lease up (a replica closing), so that another one fetches at its next refresh. */
  releaseDirectoryFetch(owner: string): Promise<void>;
}
