import type { Logger } from 'pino';
import type { CallService } from './call-service.js';
import type { CallStore } from '../ports/call-store.js';
import { createDueWatcher, type DueWatcher } from './due-watcher.js';

export interface SlaWatcher extends DueWatcher {
  /** Checks every call whose clock is due now; how many it checked. */
  tick(): Promise<number>;
}

/** Looks for calls past a service-level target every `intervalMs` and records the breach once. */
export function createSlaWatcher(options: {
  readonly store: CallStore;
  readonly calls: CallService;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
}): SlaWatcher {
  return createDueWatcher({
    name: 'sla',
    due: (now, limit) => options.store.callsDueForSla(now, limit),
    look: async (id) => {
      await options.calls.checkSla(id);
      return true;
    },
    now: options.now,
    logger: options.logger,
    intervalMs: options.intervalMs,
  });
}
