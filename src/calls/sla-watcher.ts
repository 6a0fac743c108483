import type { Logger } from 'pino';
import type { CallService } from './call-service.js';
import type { CallStore } from '../ports/call-store.js';

export interface SlaWatcher {
  /** Checks every call whose clock is due now. */
  tick(): Promise<number>;
  close(): Promise<void>;
}

/** Looks for calls past a service-level target every `intervalMs` and records the breach once. */
export function createSlaWatcher(options: {
  readonly store: CallStore;
  readonly calls: CallService;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
}): SlaWatcher {
  let running: Promise<number> | undefined;
  const tick = (): Promise<number> => {
    running ??= (async () => {
      let checked = 0;
      for (const id of await options.store.callsDueForSla(new Date(options.now()).toISOString(), 100)) {
        await options.calls.checkSla(id);
        checked++;
      }
      return checked;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.logger.warn({ err: error }, 'sla: check failed'));
  }, options.intervalMs);
  timer.unref();
  return {
    tick,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
