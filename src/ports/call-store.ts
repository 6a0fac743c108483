import { codeOf } from '../kernel/gateway-error.js';
import type { IdempotentRequest } from './idempotency.js';
import type { CallType } from '../usm/usm-model.js';
import type { PublicStatus, ProcessName } from '../usm/usm-model.js';
import type { CallEvent, CallRecord, HistoryEntry, Note } from './call.js';
import type { InboundMessage } from './inbound-message.js';
import type { NewOutboxMessage } from './outbox-store.js';
import type { SupplierLink } from './supplier-link.js';
import type { TriggerLink } from './trigger-link.js';
import type { AgreementVersion } from './agreement-store.js';

export interface CallFilter {
  readonly customer?: string;
  readonly status?: PublicStatus;
  readonly type?: CallType;
  readonly service?: string;
  readonly process?: ProcessName;
  readonly priority?: number;
  readonly updatedSince?: string;
  /** Only calls forked to this supplier. */
  readonly supplier?: string;
  /** `breached`: a target was missed; `dueSoon`: the running clock falls due by `dueBefore`. */
  readonly sla?: 'breached' | 'dueSoon';
  readonly dueBefore?: string;
  /** Resume after this (updatedAt, id) position. */
  readonly after?: { readonly updatedAt: string; readonly id: string };
  readonly limit: number;
}

/** Everything one change to a call writes; the store commits it atomically or not at all. */
export interface CallCommit {
  readonly call: CallRecord;
  /** The version the change was computed from; null for a new call. */
  readonly expectedVersion: number | null;
  readonly history: readonly Omit<HistoryEntry, 'seq'>[];
  readonly notes: readonly Note[];
  readonly events: readonly CallEvent[];
  /** The call as the desk sees it after the change; stored once and carried by each of `events`. */
  readonly eventCall?: unknown;
  /** The signed message that caused the change, recorded for replay protection. */
  readonly inbound?: InboundMessage;
  /** The desk request (by its Idempotency-Key) that caused the change, remembered with its answer. */
  readonly idempotent?: IdempotentRequest;
  /** Sub-calls created or changed, each with the version it was read at (null when new). */
  readonly links?: readonly { readonly link: SupplierLink; readonly expectedVersion: number | null }[];
  /** Messages to partner gateways, sent after the commit. */
  readonly outbox?: readonly NewOutboxMessage[];
  /** Waits on triggered calls created or changed (a link is written whole, by its two calls). */
  readonly triggers?: readonly TriggerLink[];
  /**
   * Versions of negotiated agreements written with the call: a wish's negotiation with a supplier
   * opened (the wish held) or settled (the wish resumed) in the same transaction.
   */
  readonly agreements?: readonly AgreementVersion[];
  /**
   * Other calls changed with this one, in the same transaction, each at its own version: a
   * triggered call raised with the call that waits on it, the calls that wait on one that ends.
   * Their `inbound` and `idempotent` are not used (the cause is this change's).
   */
  readonly also?: readonly CallCommit[];
}

export interface CallStore {
  getCall(id: string): Promise<CallRecord | undefined>;
  listCalls(filter: CallFilter): Promise<CallRecord[]>;
  listHistory(callId: string): Promise<HistoryEntry[]>;
  /** The calls one id names (ours, the customer's reference, a supplier's call id, the chain id), each with how it matched; at most 50. */
  findCalls(id: string): Promise<{ readonly matchedBy: 'id' | 'externalRef' | 'supplierCallId' | 'chainId'; readonly call: CallRecord }[]>;
  listNotes(callId: string, visibility: 'public' | 'all'): Promise<Note[]>;
  /** Throws VersionConflictError or DuplicateMessageError; writes nothing then. */
  commitCall(commit: CallCommit): Promise<void>;
  /** The waits the call takes part in, as waiting call or as triggered call, oldest first. */
  triggersOf(callId: string): Promise<TriggerLink[]>;
  /** Ids of calls whose service-level clock is due at or before `now`, the most overdue first. */
  callsDueForSla(now: string, limit: number): Promise<string[]>;
  /** Ids of resolved calls whose confirmation window (`closeDueAt`) ended at or before `now`, the oldest first. */
  callsDueToClose(now: string, limit: number): Promise<string[]>;
}

/** The code of a `VersionConflictError`: the call or a sub-call changed since it was read; decide again. */
export const VERSION_CONFLICT = 'USM_STORE_VERSION_CONFLICT';

export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  readonly code = VERSION_CONFLICT;
}

export function isVersionConflict(error: unknown): boolean {
  return codeOf(error) === VERSION_CONFLICT;
}
