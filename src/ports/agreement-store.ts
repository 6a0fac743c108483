import type { NewOutboxMessage } from './outbox-store.js';
import type { InboundMessage } from './inbound-message.js';
import type { components } from '../generated/api.js';

export type ServiceLevels = components['schemas']['ServiceLevels'];
export type ServiceLevelsByService = components['schemas']['ServiceLevelsByService'];
export type AgreementDocument = components['schemas']['AgreementDocument'];
export type Termination = components['schemas']['Termination'];
export type TerminationNotice = components['schemas']['TerminationNotice'];
export type NegotiationStatus = 'proposed' | 'countered' | 'active' | 'rejected' | 'superseded';

/**
 * One version of an agreement negotiated across the link. `document` is the exact JSON text both
 * parties sign; an active version carries both signatures.
 */
export interface AgreementVersion {
  readonly id: string;
  readonly version: number;
  readonly provider: string;
  readonly customer: string;
  readonly status: NegotiationStatus;
  readonly document: string;
  readonly offeredBy: string;
  readonly signatures: { readonly customer: string | null; readonly provider: string | null };
  readonly reason?: string;
  /** This side's wish whose Agree 4-5 opened the negotiation (not part of the signed document). */
  readonly forCall?: string;
  /** Set on an active version when either party terminates it (from `effectiveAt`). */
  readonly termination?: Termination;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AgreementStore {
  agreementVersions(id: string): Promise<AgreementVersion[]>;
  /** Every version of every negotiated agreement, by id and version. */
  listAgreementVersions(): Promise<AgreementVersion[]>;
  /**
   * The active versions of the negotiated agreements whose customer is `customer`, by id and version:
   * what a call of that customer (or, for this gateway itself, a fork to its suppliers) can go under.
   * An index lookup, so a call costs the same with a thousand agreements negotiated as with none.
   */
  activeAgreementVersions(customer: string): Promise<AgreementVersion[]>;
  /** Every version of the agreements negotiated for a call's wish (`forCall`), by id and version: an index lookup too. */
  wishAgreementVersions(callId: string): Promise<AgreementVersion[]>;
  /** Writes new and changed versions, with the message that caused them and the messages they cause, atomically. */
  commitAgreement(change: { versions: readonly AgreementVersion[]; inbound?: InboundMessage; outbox: readonly NewOutboxMessage[] }): Promise<void>;
}
