import { createHash } from 'node:crypto';
import { createGatewayClient, type GatewayClient } from '../client/gateway-client.js';
import { codeOf } from '../kernel/gateway-error.js';
import type { Logger } from 'pino';
import type { SigningKey } from '../keys/jwk.js';
import { readCheckpoint } from '../messages/checkpoint.js';
import { cosignatureStatement, readCosignature, signCosignature } from '../messages/cosignature.js';
import type { LogReader, StoredCheckpoint } from '../messages/log-proofs.js';
import { judgeCheckpoint } from '../messages/witness-check.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import { createPartnerAgents } from '../partners/partner-tls.js';
import type { WitnessStore } from '../ports/witness-store.js';

/** What one look at a partner's log came to. */
export type CheckpointOutcome =
  | { readonly partner: string; readonly outcome: 'kept' | 'same' | 'none'; readonly treeSize?: number }
  | { readonly partner: string; readonly outcome: 'fork' | 'shrink'; readonly detail: string }
  | { readonly partner: string; readonly outcome: 'unreachable' | 'invalid'; readonly detail: string };

/** What the partner's newest cosignature of our own log came to. */
export type CosignatureOutcome =
  | { readonly outcome: 'kept' | 'none'; readonly treeSize?: number }
  /** Refused and kept as evidence: not the partner's signature, of another log, or of a tree our log never had. */
  | { readonly outcome: 'refused'; readonly detail: string }
  | { readonly outcome: 'unreachable'; readonly detail: string };

/** One witness round with a partner: its log's checkpoint, and its cosignature of ours. */
export type WitnessOutcome = CheckpointOutcome & { readonly cosignature: CosignatureOutcome };

export interface LogWitness {
  /** Looks at every partner gateway's log once: its newest checkpoint, checked against the last one kept. */
  runOnce(): Promise<WitnessOutcome[]>;
  close(): Promise<void>;
}

export interface LogWitnessOptions {
  readonly self: string;
  readonly partners: PartnerDirectory;
  /** The witness's keeping, and our own log (whose checkpoints the partners cosign). */
  readonly store: WitnessStore & Pick<LogReader, 'logCheckpoint'>;
  /** Our key: the read tokens we show the partners' gateways, and our cosignatures of their checkpoints. */
  readonly key: SigningKey;
  readonly algorithms: readonly string[];
  readonly now: () => number;
  readonly logger: Logger;
  /** How often to look (0: only when asked, `runOnce`). */
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

/**
 * Witnesses the logs of the partners that run a gateway: it fetches each one's newest signed
 * checkpoint (`GET /v1/log/checkpoint`, with our read token), checks its signature with the
 * partner's configured keys and its origin, and against the last checkpoint it kept of that log:
 * a larger one by the consistency proof the partner gives from the kept size, one of the same size
 * by its root. A consistent one is kept; a fork or a shrink is refused, logged as an error and kept
 * as evidence (both signed checkpoints and the proof), and the last good checkpoint stays.
 *
 * A checkpoint kept (or found the same as the one kept) is cosigned with our key, for the partner
 * to fetch (`GET /v1/log/cosignature`). In the same round the witness fetches the partner's newest
 * cosignature of our log: kept when it is the partner's signature, of our log and of a tree our log
 * had (a checkpoint of that size and root); else refused, logged as an error and kept as evidence.
 */
export function createLogWitness(options: LogWitnessOptions): LogWitness {
  const clients = new Map<string, GatewayClient>();
  const agents = createPartnerAgents({ timeoutMs: options.timeoutMs });
  const clientOf = async (partner: Partner & { url: string }): Promise<GatewayClient> => {
    let client = clients.get(partner.id);
    if (client === undefined) {
      const dispatcher = await agents.of(partner);
      client = clients.get(partner.id) ?? createGatewayClient({ baseUrl: partner.url, from: options.self, to: partner.id, key: options.key, retry: { attempts: 1 }, timeoutMs: options.timeoutMs, dispatcher });
      clients.set(partner.id, client);
    }
    return client;
  };
  const iso = (): string => new Date(options.now()).toISOString();

  const verifyOptions = (partner: Partner) => ({ algorithms: new Set(options.algorithms), keyFor: (kid: string) => partner.keys.find((k) => k.kid === kid) });

  async function cosign(partner: Partner, checkpoint: StoredCheckpoint): Promise<void> {
    const jws = signCosignature({ origin: partner.id, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, witness: options.self, at: iso() }, options.key);
    await options.store.keepCosignatureMade(partner.id, checkpoint.treeSize, jws);
  }

  async function cosignatureOfOurs(partner: Partner & { url: string }): Promise<CosignatureOutcome> {
    let jws: string;
    try {
      jws = (await (await clientOf(partner)).getLogCosignature()).cosignature;
    } catch (error) {
      if (codeOf(error) === 'USM_ERR_COSIGNATURE_NOT_FOUND') return { outcome: 'none' };
      return { outcome: 'unreachable', detail: (error as Error).message };
    }
    const refuse = async (detail: string): Promise<CosignatureOutcome> => {
      const id = createHash('sha256').update(jws).digest('base64url');
      const fresh = await options.store.recordRefusedCosignature({ id, witness: partner.id, detail, at: iso(), jws });
      if (fresh) options.logger.error({ partner: partner.id, detail, evidence: id }, `${partner.id}'s cosignature of our log is refused and kept as evidence: ${detail}`);
      return { outcome: 'refused', detail };
    };
    let stated;
    try {
      stated = readCosignature(jws, verifyOptions(partner));
    } catch (error) {
      return refuse(`not ${partner.id}'s cosignature: ${(error as Error).message}`);
    }
    if (stated.witness !== partner.id) return refuse(`the cosignature names ${JSON.stringify(stated.witness)} as its witness`);
    if (stated.origin !== options.self) return refuse(`the cosignature is of ${JSON.stringify(stated.origin)}'s log`);
    const ours = await options.store.logCheckpoint(stated.treeSize);
    if (ours === undefined || ours.rootHash !== stated.rootHash) {
      return refuse(ours === undefined ? `our log has no checkpoint of ${stated.treeSize} records` : `our log's checkpoint of ${stated.treeSize} records has another root`);
    }
    await options.store.keepCosignature({ witness: partner.id, treeSize: stated.treeSize, rootHash: stated.rootHash, at: stated.at, jws });
    return { outcome: 'kept', treeSize: stated.treeSize };
  }

  async function witness(partner: Partner & { url: string }): Promise<WitnessOutcome> {
    const [checked, cosignature] = await Promise.all([
      witnessCheckpoint(partner).catch((error: unknown) => ({ partner: partner.id, outcome: 'unreachable' as const, detail: (error as Error).message })),
      cosignatureOfOurs(partner).catch((error: unknown) => ({ outcome: 'unreachable' as const, detail: (error as Error).message })),
    ]);
    return { ...checked, cosignature };
  }

  async function witnessCheckpoint(partner: Partner & { url: string }): Promise<CheckpointOutcome> {
    const client = await clientOf(partner);
    let offered: StoredCheckpoint;
    try {
      const answer = await client.getLogCheckpoint();
      const stated = readCheckpoint(answer.checkpoint, verifyOptions(partner));
      if (stated.origin !== partner.id) return { partner: partner.id, outcome: 'invalid', detail: `the checkpoint is of ${JSON.stringify(stated.origin)}'s log` };
      offered = { ...stated, jws: answer.checkpoint };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'USM_ERR_CHECKPOINT_NOT_FOUND') return { partner: partner.id, outcome: 'none' };
      if (code?.startsWith('USM_ERR_SIGNATURE') === true || code === 'USM_ERR_UNKNOWN_KEY' || code === 'USM_ERR_ALGORITHM_NOT_ALLOWED') {
        return { partner: partner.id, outcome: 'invalid', detail: (error as Error).message };
      }
      return { partner: partner.id, outcome: 'unreachable', detail: (error as Error).message };
    }
    const kept = await options.store.lastPartnerCheckpoint(partner.id);
    let proof: string[] | undefined;
    if (kept !== undefined && offered.treeSize > kept.treeSize) {
      try {
        proof = (await client.getConsistencyProof(kept.treeSize, offered.treeSize)).proof;
      } catch (error) {
        // A gateway that signs a larger tree but cannot prove it extends the kept one: a fork unless it was only unreachable.
        if (codeOf(error) === 'USM_CLIENT_UNREACHABLE' || codeOf(error) === 'USM_ERR_STORE_UNAVAILABLE') return { partner: partner.id, outcome: 'unreachable', detail: (error as Error).message };
      }
    }
    const judgement = judgeCheckpoint(kept, offered, proof);
    if (judgement.verdict === 'same') {
      // Kept before it was cosigned (a store of before migration 22): cosigned now; else once is enough.
      const made = await options.store.lastCosignatureMade(partner.id);
      if (made === undefined || cosignatureStatement(made).treeSize !== kept!.treeSize) await cosign(partner, kept!);
      return { partner: partner.id, outcome: 'same', treeSize: offered.treeSize };
    }
    if (judgement.verdict === 'keep') {
      await options.store.keepPartnerCheckpoint(partner.id, offered, iso());
      await cosign(partner, offered);
      return { partner: partner.id, outcome: 'kept', treeSize: offered.treeSize };
    }
    const id = createHash('sha256').update(`${kept!.jws}\n${offered.jws}`).digest('base64url');
    const fresh = await options.store.recordWitnessEvidence({ id, partner: partner.id, kind: judgement.verdict, detail: judgement.detail, at: iso(), kept: kept!, offered, proof: proof ?? null });
    if (fresh) options.logger.error({ partner: partner.id, kind: judgement.verdict, detail: judgement.detail, evidence: id }, `the log of ${partner.id} ${judgement.verdict === 'fork' ? 'forked' : 'shrank'}: its checkpoint is refused and kept as evidence`);
    return { partner: partner.id, outcome: judgement.verdict, detail: judgement.detail };
  }

  const runOnce = async (): Promise<WitnessOutcome[]> =>
    Promise.all(
      options.partners
        .all()
        .filter((p): p is Partner & { url: string } => p.url !== undefined)
        .map((p) => witness(p)),
    );

  let running: Promise<unknown> | undefined;
  const timer =
    options.intervalMs > 0
      ? setInterval(() => {
          running ??= runOnce().finally(() => {
            running = undefined;
          });
        }, options.intervalMs)
      : undefined;
  timer?.unref();

  return {
    runOnce,
    async close() {
      if (timer !== undefined) clearInterval(timer);
      await running;
      await Promise.all([...clients.values()].map((c) => c.close()));
      await agents.close();
    },
  };
}
