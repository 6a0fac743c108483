import type { Logger } from 'pino';
import type * as pkijs from 'pkijs';
import { GatewayError } from '../kernel/gateway-error.js';
import type { LogReader } from '../messages/log-proofs.js';
import type { CheckpointTimestampStore } from '../ports/witness-store.js';
import { checkpointImprint, timestampRequest, verifyTimestampResponse } from './timestamp-token.js';

/** What one look at the newest checkpoint came to. */
export type StampOutcome =
  | { readonly outcome: 'stamped' | 'current'; readonly treeSize: number }
  | { readonly outcome: 'none' }
  | { readonly outcome: 'failed'; readonly detail: string };

export interface CheckpointStamper {
  /** Looks at the newest checkpoint once: one without a token is sent to the TSA, the answer checked and the token kept. */
  stampOnce(): Promise<StampOutcome>;
  /** A commit signed a new checkpoint: look soon. */
  nudge(): void;
  /** The refusal of a write while stamping has failed for longer than allowed, else undefined. */
  refusal(): GatewayError | undefined;
  /** For `/readyz`: throws, with a public `detail`, while writes are refused. */
  readiness(): Promise<void>;
  close(): Promise<void>;
}

/** Sends a DER TimeStampReq to the TSA and answers the DER TimeStampResp; throws when none came. */
export type TsaTransport = (request: Buffer) => Promise<Buffer>;

export interface CheckpointStamperOptions {
  readonly store: Pick<LogReader, 'logCheckpoint'> & CheckpointTimestampStore;
  readonly transport: TsaTransport;
  /** The certificates trusted for the TSA (config `evidence.tsa.certificates`). */
  readonly anchors: readonly pkijs.Certificate[];
  readonly maxFailureMs: number;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly logger: Logger;
}

const NUDGE_DELAY_MS = 50;

/**
 * Timestamps the message log's checkpoints (RFC 3161): periodically and shortly after each
 * commit it takes the newest checkpoint and, unless it has a token, asks the TSA for one over the
 * SHA-256 of its JWS with a fresh nonce; the answer is kept only when granted and fully checked
 * (`verifyTimestampResponse`). A token over the newest checkpoint vouches for every earlier one
 * by consistency, so only the newest is stamped each time.
 *
 * Fail-closed (X-Road's rule): from the first failed look after the last good one, once
 * `maxFailureMs` have passed, `refusal()` answers USM_ERR_TIMESTAMPING_UNAVAILABLE and writes are
 * refused; the next good look lifts it.
 */
export function createCheckpointStamper(options: CheckpointStamperOptions): CheckpointStamper {
  let failingSince: number | undefined;
  let lastError = '';
  let running: Promise<StampOutcome> | undefined;
  let again = false;
  let closed = false;
  let nudgeTimer: NodeJS.Timeout | undefined;

  async function look(): Promise<StampOutcome> {
    try {
      const checkpoint = await options.store.logCheckpoint();
      if (checkpoint === undefined) return good({ outcome: 'none' });
      if (checkpoint.timestampToken !== undefined) return good({ outcome: 'current', treeSize: checkpoint.treeSize });
      const request = timestampRequest(checkpointImprint(checkpoint.jws));
      const answer = await options.transport(request.der);
      const { token, genTime } = await verifyTimestampResponse(answer, { jws: checkpoint.jws, nonce: request.nonce }, options.anchors, new Date(options.now()));
      await options.store.keepCheckpointTimestamp(checkpoint.treeSize, token.toString('base64'));
      options.logger.debug({ treeSize: checkpoint.treeSize, genTime: genTime.toISOString() }, 'checkpoint timestamped');
      return good({ outcome: 'stamped', treeSize: checkpoint.treeSize });
    } catch (error) {
      const detail = (error as Error).message;
      if (failingSince === undefined) failingSince = options.now();
      lastError = detail;
      options.logger.warn({ err: error, failingSince: new Date(failingSince).toISOString() }, 'checkpoint timestamping failed');
      return { outcome: 'failed', detail };
    }
  }
  function good(outcome: StampOutcome): StampOutcome {
    if (failingSince !== undefined) options.logger.info({ failedSince: new Date(failingSince).toISOString() }, 'checkpoint timestamping works again');
    failingSince = undefined;
    lastError = '';
    return outcome;
  }

  async function stampOnce(): Promise<StampOutcome> {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      let outcome: StampOutcome;
      do {
        again = false;
        outcome = await look();
      } while (again && !closed);
      return outcome;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  const refusing = (): boolean => failingSince !== undefined && options.now() - failingSince >= options.maxFailureMs;
  const since = (): string => new Date(failingSince ?? options.now()).toISOString();
  const tick = (): void => void stampOnce();
  const timer = options.intervalMs > 0 ? setInterval(tick, options.intervalMs).unref() : undefined;
  setImmediate(tick);

  return {
    stampOnce,
    nudge() {
      if (closed || nudgeTimer !== undefined) return;
      nudgeTimer = setTimeout(() => {
        nudgeTimer = undefined;
        tick();
      }, NUDGE_DELAY_MS).unref();
    },
    refusal: () =>
      refusing()
        ? new GatewayError('USM_ERR_TIMESTAMPING_UNAVAILABLE', `no checkpoint could be timestamped since ${since()}; writes resume once the TSA answers again`, {
            headers: { 'retry-after': String(Math.max(1, Math.round(options.intervalMs / 1000))) },
          })
        : undefined,
    async readiness() {
      if (refusing()) throw Object.assign(new Error(lastError), { detail: `timestamping failing since ${since()}: writes are refused (USM_ERR_TIMESTAMPING_UNAVAILABLE)` });
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      if (nudgeTimer !== undefined) clearTimeout(nudgeTimer);
      await running;
    },
  };
}

/** POSTs the request to the TSA over fetch, bounded by `timeoutMs`; anything but a 200 of a TimeStampResp fails. */
export function httpTsaTransport(url: string, timeoutMs: number): TsaTransport {
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: new Uint8Array(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(`the TSA at ${url} cannot be reached (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`the TSA at ${url} answered ${response.status}`);
    return body;
  };
}
