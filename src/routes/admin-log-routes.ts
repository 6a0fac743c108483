import type { onRequestHookHandler } from 'fastify';
import type { RequestAuthenticator } from '../http/console-session.js';
import type { TypedHandlers } from '../http/register-operations.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { inclusionProof } from '../messages/log-proofs.js';
import { verifyLog, type LogRecord } from '../messages/message-log.js';
import type { Store } from '../ports/store.js';
import { checkpointView } from './log-routes.js';

export interface AdminLogRouteDeps {
  /** An admin token, or a console session with the admin role. */
  readonly admin: RequestAuthenticator;
  readonly log: Pick<Store, 'searchLog' | 'readLog' | 'logSize' | 'logRecordAt' | 'logNodes' | 'logCheckpoint' | 'logIndexOf'>;
}

/** The operator's view of the message log: its records searched by message or call, any record's inclusion proof, and the whole log checked. */
export function adminLogRoutes(deps: AdminLogRouteDeps): TypedHandlers<'adminListLog' | 'adminGetLogInclusionProof' | 'adminVerifyLog'> {
  const onRequest: onRequestHookHandler = async (request) => {
    deps.admin.verify(request);
  };
  return {
    adminListLog: {
      onRequest,
      handler: async (request) => {
        const { messageId, callId, before, limit = 50 } = request.query;
        const [items, size, checkpoint] = await Promise.all([
          deps.log.searchLog({ ...(messageId !== undefined ? { messageId } : {}), ...(callId !== undefined ? { callId } : {}), ...(before !== undefined ? { before } : {}), limit: limit + 1 }),
          deps.log.logSize(),
          deps.log.logCheckpoint(),
        ]);
        const page = items.slice(0, limit);
        return {
          items: page,
          size,
          ...(items.length > limit ? { next: page.at(-1)!.index } : {}),
          ...(checkpoint !== undefined ? { checkpoint: checkpointView(checkpoint) } : {}),
        };
      },
    },
    adminGetLogInclusionProof: {
      onRequest,
      handler: async (request) => {
        const { index } = request.query;
        const checkpoint = await deps.log.logCheckpoint();
        if (checkpoint === undefined) throw new GatewayError('USM_ERR_CHECKPOINT_NOT_FOUND', 'the log has no checkpoint yet');
        if (index >= checkpoint.treeSize) throw new GatewayError('USM_ERR_LOG_RANGE', `record ${index} is not in the tree of the newest checkpoint (${checkpoint.treeSize} records)`);
        const record = await deps.log.logRecordAt(index);
        if (record === undefined) throw new GatewayError('USM_ERR_LOG_RANGE', `the log has no record ${index}`);
        return { index, treeSize: checkpoint.treeSize, record, proof: await inclusionProof(deps.log, index, checkpoint.treeSize), checkpoint: checkpointView(checkpoint) };
      },
    },
    adminVerifyLog: {
      onRequest,
      handler: async () => {
        const checkpoint = await deps.log.logCheckpoint();
        const records: LogRecord[] = [];
        for await (const record of deps.log.readLog()) records.push(record);
        const verdict = verifyLog(records, { checkpoints: checkpoint === undefined ? [] : [checkpoint] });
        const view = checkpoint === undefined ? {} : { checkpoint: checkpointView(checkpoint) };
        return verdict.ok
          ? { ok: true, records: verdict.records, rootHash: verdict.rootHash, ...view }
          : { ok: false, records: verdict.records, brokenAt: verdict.brokenAt, reason: verdict.reason, ...view };
      },
    },
  };
}
