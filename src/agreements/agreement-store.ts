import type { NewOutboxMessage } from '../delivery/outbox.js';
import type { InboundMessage } from '../messages/inbound-message.js';
import type { AgreementVersion } from './negotiation.js';

export interface AgreementStore {
  agreementVersions(id: string): Promise<AgreementVersion[]>;
  /** Every version of every negotiated agreement, by id and version. */
  listAgreementVersions(): Promise<AgreementVersion[]>;
  /** Writes new and changed versions, with the message that caused them and the messages they cause, atomically. */
  commitAgreement(change: { versions: readonly AgreementVersion[]; inbound?: InboundMessage; outbox: readonly NewOutboxMessage[] }): Promise<void>;
}
