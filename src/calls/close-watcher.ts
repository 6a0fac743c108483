import type { Logger } from 'pino';
import type { CallService } from './call-service.js';
import type { CallStore } from '../ports/call-store.js';
import { createDueWatcher, type DueWatcher } from './due-watcher.js';

export interface CloseWatcher extends DueWatcher {
  /** Closes every resolved call whose confirmation window has ended; how many it closed. */
  tick(): Promise<number>;
}

/**
 * Closes resolved calls the customer did not answer within the agreement's confirmation window
 * (`serviceLevels.confirmationHours`, MEF 124's agreed window), every `intervalMs`. The close is an
 * ordinary change to the call: it reaches the customer's gateway as an update and confirms the
 * call's fulfilled sub-calls at its suppliers.
 */
export function createCloseWatcher(options: {
  readonly store: CallStore;
  readonly calls: CallService;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
}): CloseWatcher {
  return createDueWatcher({
    name: 'close',
    due: (now, limit) => options.store.callsDueToClose(now, limit),
    look: (id) => options.calls.closeAfterWindow(id),
    now: options.now,
    logger: options.logger,
    intervalMs: options.intervalMs,
  });
}
