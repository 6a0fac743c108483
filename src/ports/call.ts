import type { components } from '../generated/api.js';
import type { ActorKind, LifecycleChange, LifecycleState } from '../usm/call-lifecycle.js';
import type { CallType } from '../usm/usm-model.js';
import type { Level, Priority } from '../usm/priority.js';
import type { SlaClock } from '../usm/sla-clock.js';
import type { CallRetention } from './retention.js';

export type Requester = components['schemas']['Requester'];
export type Attachment = components['schemas']['Attachment'];

/**
 * An attachment as a call holds it: the reference it came with and what this gateway knows of it.
 * Records from before gateways checked attachments have none of the optional fields.
 */
export interface HeldAttachment extends Attachment {
  /** This gateway fetched the content and found the declared size and SHA-256 (it keeps the content). */
  readonly verified?: boolean;
  readonly addedAt?: string;
  readonly addedBy?: Actor;
  /** The note it came with. */
  readonly noteId?: string;
  /** Internal: came with an internal note, or was sent to a supplier by the desk; the customer does not see it. */
  readonly visibility?: 'internal';
  /** The sub-calls (link ids) it was sent to: their suppliers may download it. */
  readonly sentTo?: readonly string[];
}
export type CallSubmission = components['schemas']['CallSubmission'];
export type EventType = components['schemas']['EventType'];

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

/** A call as the provider keeps it. */
export interface CallRecord {
  readonly id: string;
  readonly customer: string;
  readonly type: CallType;
  readonly service: string;
  readonly agreement: string;
  readonly summary: string;
  readonly description?: string;
  readonly impact: Level;
  readonly urgency: Level;
  readonly priority: Priority;
  readonly requester: Requester;
  readonly attachments: readonly HeldAttachment[];
  readonly externalRef?: string;
  readonly chainId: string;
  readonly lifecycle: LifecycleState;
  readonly resolution?: { readonly summary: string; readonly resolvedAt: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-concurrency version, 1 on creation. */
  readonly version: number;
  /** The gateways the call passed before this one (from the message that brought it). */
  readonly hops?: readonly string[];
  /** The W3C traceparent it arrived with. */
  readonly trace?: string;
  /** Sequence number of the last update sent to the customer's gateway. */
  readonly updateSeq?: number;
  /** The service-level clock, from the agreement's targets for the call's priority. */
  readonly sla?: SlaClock;
  /** When the clock next needs a look; null when it is stopped or paused. */
  readonly slaNextDue?: string | null;
  /** The agreement's confirmation window (hours) when the call was submitted; none: a resolution waits for the customer. */
  readonly confirmationHours?: number;
  /** The agreement's `serviceLevels.onRejection` when the call was submitted: the step a rejected resolution goes back to. */
  readonly onRejection?: components['schemas']['Position'];
  /** While resolved under a confirmation window: when the gateway closes the call unless the customer answers first. */
  readonly closeDueAt?: string;
  /** How a call raised at the desk came in (absent: a customer's signed call.submit). */
  readonly channel?: components['schemas']['DeskChannel'];
  /** The call whose evaluate and close step raised this risk. */
  readonly raisedFrom?: string;
  /** The risks raised from this call's evaluate and close, oldest first (each names it in `raisedFrom`). */
  readonly raised?: readonly string[];
  /** The requester is not a user the agreement knows, and the agreement flags such calls. */
  readonly requesterUnknown?: true;
  /** What retention or an erasure removed from the call, and when. */
  readonly retention?: CallRetention;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly callId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly change: LifecycleChange;
  readonly comment?: string;
}

export type NoteVisibility = 'public' | 'internal';
export type NoteKind = 'comment' | 'information' | 'request';

export interface Note {
  readonly id: string;
  readonly callId: string;
  readonly visibility: NoteVisibility;
  readonly kind: NoteKind;
  readonly text: string;
  readonly author: Actor;
  readonly createdAt: string;
  /** Retention removed its text (`text` is empty). */
  readonly purged?: true;
  readonly purgedAt?: string;
}

export interface CallEvent {
  readonly id: string;
  readonly type: EventType;
  readonly callId: string;
  readonly at: string;
  readonly payload: Record<string, unknown>;
}

export interface StoredEvent extends CallEvent {
  readonly seq: number;
}
