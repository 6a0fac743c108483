import { randomUUID } from 'node:crypto';
import type { Integrated } from './commit-plan.js';
import type { Params, Sql } from './sql.js';
import { STATEMENTS as S } from './statements.js';

/** How the sequencer of a store shared by replicas runs (PostgreSQL). */
export interface SequencerOptions {
  /** How long a holder's lease lasts unrenewed: another replica takes over that long after the holder stopped. */
  readonly leaseMs?: number;
  /**
   * How often the holder looks for entries and events other replicas committed while their commits'
   * notifications are not heard (its own commits wake it at once, and so do others' notifications).
   */
  readonly periodMs?: number;
  /** How often it looks while notifications are heard: for a commit whose notification was missed (one made as its replica lost the lease). */
  readonly fallbackMs?: number;
  /** The most entries, and the most event batches, one batch integrates. */
  readonly batch?: number;
  /** The least time between two tidyings of the queues, while batches integrate. */
  readonly tidyMs?: number;
}

export interface SequencerDeps {
  readonly now: () => number;
  readonly read: <R>(statement: Sql, params?: Params) => Promise<R[]>;
  readonly write: (statement: Sql, params: Params) => Promise<{ changes: number }>;
  /** One batch, in one transaction: what it integrated. */
  readonly integrate: (limit: number) => Promise<Integrated>;
  /** Told after each batch has committed, what it integrated. */
  readonly integrated: (integrated: Integrated) => void;
  /** Whether other replicas' notifications are heard now. */
  readonly hearing: () => boolean;
  /**
   * Clears what the batches took from the queues (PostgreSQL's VACUUM): every batch reads the oldest
   * pending rows first, and without it would pass over the dead rows of every batch before it
   * (autovacuum comes once a minute at best). Run beside the batches, never in their way.
   */
  readonly tidy?: () => Promise<void>;
}

export interface Sequencer {
  /** A local commit wrote entries or events to be integrated: the holder runs a batch now (one after the running one). */
  wake(): void;
  /** Another replica committed entries or events to be integrated: the holder runs a batch now. */
  heard(): void;
  /**
   * Resolves once a batch that began after the call has committed (what this replica committed
   * before the call is then integrated), or at once when this replica does not hold the lease or
   * has asked for no batch since the last one; after `ms` at the latest.
   */
  ownBatch(ms: number): Promise<void>;
  /** Another replica gave the lease up: this one tries to take it now rather than at its next look. */
  vacant(): void;
  /** Whether this replica holds the lease. */
  readonly holding: boolean;
  /** Stops, lets the running batch finish, and gives the lease up so that another replica need not wait for it to lapse; whether it held it. */
  stop(): Promise<boolean>;
}

/**
 * The log sequencer of one replica. The replica holding the `log_sequencer` lease integrates, a
 * batch at a time, what commits left unsequenced (`integrateLogSteps`); the others only watch for the
 * lease to lapse. The lease is for liveness alone: every batch locks the log head until it commits,
 * so a holder that lost its lease and runs a batch anyway still runs it after (or before) the new
 * holder's, never interleaved, and a batch that dies rolls back whole.
 */
export function startSequencer(deps: SequencerDeps, options: SequencerOptions = {}): Sequencer {
  const leaseMs = options.leaseMs ?? 5000;
  const periodMs = options.periodMs ?? 20;
  const fallbackMs = options.fallbackMs ?? 1000;
  const batch = options.batch ?? 500;
  const tidyMs = options.tidyMs ?? 2000;
  let tidiedAt = 0;
  let tidying = false;
  /** After a batch: tidies unless a tidying runs or one began less than `tidyMs` ago. */
  const tidy = (): void => {
    if (deps.tidy === undefined || tidying || deps.now() - tidiedAt < tidyMs) return;
    tidying = true;
    tidiedAt = deps.now();
    void deps
      .tidy()
      .catch(() => undefined)
      .finally(() => (tidying = false));
  };
  const owner = randomUUID();
  const iso = (ms: number): string => new Date(ms).toISOString();
  let holding = false;
  let renewAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let woken = false;
  let soon: NodeJS.Immediate | undefined;
  // Batches asked for by local commits, and the last of them a finished batch covered.
  let asked = 0;
  let served = 0;
  let servedWaiters: { readonly want: number; readonly done: () => void }[] = [];
  const serve = (upTo: number): void => {
    served = Math.max(served, upTo);
    const waiting = servedWaiters;
    servedWaiters = waiting.filter((w) => w.want > served);
    for (const w of waiting) if (w.want <= served) w.done();
  };

  const claim = async (): Promise<void> => {
    const at = deps.now();
    holding = (await deps.write(S.claimSequencer, { owner, until: iso(at + leaseMs), now: iso(at) })).changes === 1;
    renewAt = at + leaseMs / 3;
  };
  const cycle = async (wake: boolean): Promise<void> => {
    if (!holding || deps.now() >= renewAt) await claim();
    const covering = asked;
    if (!holding) return serve(Number.MAX_SAFE_INTEGER);
    // Polled: a batch is begun only when something waits (an empty batch still locks the head, a write).
    if (!wake && !(await deps.read<{ due: boolean }>(S.sequencingDue))[0]?.due) return;
    for (;;) {
      const done = await deps.integrate(batch);
      deps.integrated(done);
      tidy();
      // A full batch leaves more behind; events beyond a batch's limit wait for the next one.
      if (stopped || done.entries < batch) return serve(covering);
    }
  };
  const run = (wake: boolean): void => {
    if (stopped) return;
    if (running !== undefined) {
      woken ||= wake;
      return;
    }
    clearTimeout(timer);
    running = cycle(wake)
      // A failed batch rolled back; the next cycle takes the same entries again.
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (woken) {
          woken = false;
          run(true);
        } else {
          timer = setTimeout(() => run(false), holding ? (deps.hearing() ? fallbackMs : periodMs) : leaseMs / 2);
          timer.unref();
        }
      });
  };
  // The commits that finish in the same turn of the event loop go in one batch.
  const batchSoon = (): void => {
    soon ??= setImmediate(() => {
      soon = undefined;
      run(true);
    });
  };
  run(false);

  return {
    wake() {
      if (!holding) return;
      asked++;
      batchSoon();
    },
    heard() {
      if (holding) batchSoon();
    },
    ownBatch(ms) {
      if (!holding || served >= asked) return Promise.resolve();
      const want = asked;
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          servedWaiters = servedWaiters.filter((w) => w.done !== done);
          resolve();
        }, ms);
        servedWaiters.push({ want, done });
      });
    },
    vacant() {
      if (!holding) run(false);
    },
    get holding() {
      return holding;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (soon !== undefined) clearImmediate(soon);
      await running;
      serve(Number.MAX_SAFE_INTEGER);
      const held = holding;
      if (held) await deps.write(S.releaseSequencer, { owner }).catch(() => undefined);
      holding = false;
      return held;
    },
  };
}
