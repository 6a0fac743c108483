import type { onRequestHookHandler } from 'fastify';
import type { components } from '../generated/api.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { TypedHandlers } from '../http/register-operations.js';
import { consistencyProof, inclusionProof, type LogReader, type StoredCheckpoint } from '../messages/log-proofs.js';
import { cosignatureStatement } from '../messages/cosignature.js';
import type { RateLimiter } from '../partners/rate-limiter.js';
import type { WitnessStore } from '../ports/witness-store.js';
import type { ReadTokenVerifier } from '../partners/read-token.js';

type Schemas = components['schemas'];

export interface LogRouteDeps {
  readonly log: LogReader;
  readonly cosignatures: Pick<WitnessStore, 'lastCosignatureMade'>;
  readonly readTokens: ReadTokenVerifier;
  readonly rateLimiter: RateLimiter;
}

/**
 * The message log's evidence for partners, with a read token: checkpoints and consistency proofs
 * (sizes and hashes, nothing of any message) for every partner; an inclusion proof only for a
 * record of a message the caller sent or was sent; and, as the caller's witness, this gateway's
 * newest cosignature of the caller's own log.
 */
export function logRoutes(deps: LogRouteDeps): TypedHandlers<'getLogCheckpoint' | 'getLogCosignature' | 'getLogInclusionProof' | 'getLogConsistencyProof'> {
  const authenticate: onRequestHookHandler = async (request) => {
    request.partner = await deps.readTokens.verify(request.headers.authorization);
    deps.rateLimiter.take(request.partner.id);
  };
  const checkpointOf = async (treeSize?: number): Promise<StoredCheckpoint> => {
    const checkpoint = await deps.log.logCheckpoint(treeSize);
    if (checkpoint === undefined) {
      throw new GatewayError('USM_ERR_CHECKPOINT_NOT_FOUND', treeSize === undefined ? 'the log has no checkpoint yet' : `no checkpoint was signed at ${treeSize} records`);
    }
    return checkpoint;
  };
  const withinLog = async (treeSize: number): Promise<void> => {
    const size = await deps.log.logSize();
    if (treeSize > size) throw new GatewayError('USM_ERR_LOG_RANGE', `the log has ${size} records, not ${treeSize}`);
  };
  /** The index the caller names, or that of the record of its message `messageId` (sent by it or to it). */
  const recordNamed = async (partner: string, query: { index?: number; messageId?: string }): Promise<number> => {
    if ((query.index === undefined) === (query.messageId === undefined)) {
      throw new GatewayError('USM_ERR_VALIDATION', 'name the record by exactly one of index and messageId');
    }
    if (query.index !== undefined) return query.index;
    const index = (await deps.log.logIndexOf('in', partner, query.messageId!)) ?? (await deps.log.logIndexOf('out', partner, query.messageId!));
    if (index === undefined) throw new GatewayError('USM_ERR_LOG_RECORD_NOT_FOUND', `the log has no record of a message ${query.messageId} to or from ${partner} (yet)`);
    return index;
  };
  return {
    getLogCheckpoint: {
      onRequest: authenticate,
      handler: async (request) => checkpointView(await checkpointOf(request.query.treeSize)),
    },
    getLogCosignature: {
      onRequest: authenticate,
      handler: async (request) => {
        const jws = await deps.cosignatures.lastCosignatureMade(request.partner!.id);
        if (jws === undefined) throw new GatewayError('USM_ERR_COSIGNATURE_NOT_FOUND', `no checkpoint of ${request.partner!.id}'s log was cosigned yet`);
        return { cosignature: jws, ...cosignatureStatement(jws) };
      },
    },
    getLogInclusionProof: {
      onRequest: authenticate,
      handler: async (request) => {
        const index = await recordNamed(request.partner!.id, request.query);
        const checkpoint = request.query.treeSize === undefined ? await checkpointOf() : await deps.log.logCheckpoint(request.query.treeSize);
        const treeSize = request.query.treeSize ?? checkpoint!.treeSize;
        await withinLog(treeSize);
        if (index >= treeSize) throw new GatewayError('USM_ERR_LOG_RANGE', `record ${index} is not in the tree of ${treeSize} records`);
        const record = await deps.log.logRecordAt(index);
        if (record === undefined) throw new GatewayError('USM_ERR_LOG_RANGE', `the log has no record ${index}`);
        if (record.partner !== request.partner!.id) throw new GatewayError('USM_ERR_FORBIDDEN', `record ${index} is not of a message to or from ${request.partner!.id}`);
        const proof = await inclusionProof(deps.log, index, treeSize);
        return { index, treeSize, record, proof, ...(checkpoint !== undefined ? { checkpoint: checkpointView(checkpoint) } : {}) };
      },
    },
    getLogConsistencyProof: {
      onRequest: authenticate,
      handler: async (request) => {
        const { from, to } = request.query;
        if (from > to) throw new GatewayError('USM_ERR_LOG_RANGE', `a log of ${from} records is not a prefix of one of ${to}`);
        await withinLog(to);
        return { from, to, proof: await consistencyProof(deps.log, from, to) };
      },
    },
  };
}

export function checkpointView(checkpoint: StoredCheckpoint): Schemas['LogCheckpoint'] {
  const { jws, origin, treeSize, rootHash, at, timestampToken } = checkpoint;
  return { checkpoint: jws, origin, treeSize, rootHash, at, ...(timestampToken !== undefined ? { timestampToken } : {}) };
}
