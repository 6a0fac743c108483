import type { Logger } from 'pino';

export interface DueWatcher {
  /** Looks at every call due now; how many it acted on. */
  tick(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Every `intervalMs`, asks the store for the calls due at `now` (an indexed due time, so a restart
 * or another replica finds them too) and looks at each. One tick at a time; a tick asked for while
 * one runs joins it. Two replicas may look at one call at once: the call service decides again on
 * a version conflict, so what a look does happens once.
 */
export function createDueWatcher(options: {
  readonly name: string;
  readonly due: (now: string, limit: number) => Promise<string[]>;
  /** Looks at one call; true when it acted on it. */
  readonly look: (callId: string) => Promise<boolean>;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
}): DueWatcher {
  let running: Promise<number> | undefined;
  const tick = (): Promise<number> => {
    running ??= (async () => {
      let acted = 0;
      for (const id of await options.due(new Date(options.now()).toISOString(), 100)) {
        if (await options.look(id)) acted++;
      }
      return acted;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.logger.warn({ err: error }, `${options.name}: check failed`));
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
