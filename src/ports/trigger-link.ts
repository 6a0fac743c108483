import type { CallType, Position } from '../usm/usm-model.js';

/**
 * What became of a wait: `waiting` while the triggered call is open; `fulfilled` when it closed as
 * done; `cancelled` or `rejected` when it ended so; `withdrawn` when the waiting call ended first.
 */
export type TriggerStatus = 'waiting' | 'fulfilled' | 'cancelled' | 'rejected' | 'withdrawn';

/** A call waiting on a triggered call (raised at its trigger step, or an open call attached to it). */
export interface TriggerLink {
  readonly waitingCallId: string;
  readonly triggeredCallId: string;
  /** The triggered call's type. */
  readonly type: CallType;
  /** The waiting call's trigger step. */
  readonly at: Position;
  readonly status: TriggerStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}
