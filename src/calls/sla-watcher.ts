import type { Logger } from 'pino';
import type { CallService } from './call-service.js';
import type { CallStore } from '../ports/call-store.js';
import { createDueWatcher, type DueWatcher } from './due-watcher.js';

export interface SlaWatcher extends DueWatcher {
  /** Checks every call whose clock is due now; how many it checked. */
  tick(): Promise<number>;
}

/** More things with due times the watcher looks at the same way (internal teams' sub-calls), each by its own indexed due time. */
export interface SlaSource {
  readonly name: string;
  readonly due: (now: string, limit: number) => Promise<string[]>;
  /** Records what is missed; true when it recorded a breach. */
  readonly look: (id: string) => Promise<boolean>;
}

/**
 * Looks for calls past a service-level target every `intervalMs` and records the breach once;
 * and, the same way, for what the `sources` watch (calls/ knows nothing of sub-calls: they are given).
 */
export function createSlaWatcher(options: {
  readonly store: CallStore;
  readonly calls: CallService;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
  readonly sources?: readonly SlaSource[];
}): SlaWatcher {
  const watch = (name: string, due: SlaSource['due'], look: SlaSource['look']): DueWatcher =>
    createDueWatcher({ name, due, look, now: options.now, logger: options.logger, intervalMs: options.intervalMs });
  const watchers = [
    watch('sla', (now, limit) => options.store.callsDueForSla(now, limit), async (id) => {
      await options.calls.checkSla(id);
      return true;
    }),
    ...(options.sources ?? []).map((source) => watch(`sla ${source.name}`, source.due, source.look)),
  ];
  return {
    async tick() {
      let acted = 0;
      for (const watcher of watchers) acted += await watcher.tick();
      return acted;
    },
    async close() {
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}
