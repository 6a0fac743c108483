import type { onRequestHookHandler } from 'fastify';
import type { RequestAuthenticator } from '../http/console-session.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import type { TypedHandlers } from '../http/register-operations.js';
import type { OutboxMessage, OutboxStore } from '../ports/outbox-store.js';
import type { WebhookService } from '../desk/webhook-service.js';
import type { DirectoryFollower } from '../directory/directory-follower.js';
import type { Retention } from '../calls/retention.js';

export interface AdminRouteDeps {
  /** An admin token, or a console session with the admin role. */
  readonly admin: RequestAuthenticator;
  readonly outbox: OutboxStore;
  readonly wake: (partners?: readonly string[]) => void;
  /** The partners with a gateway (those delivery can be paused for). */
  readonly isGateway: (partner: string) => boolean;
  readonly now: () => number;
  readonly neighbours: () => Promise<components['schemas']['Neighbour'][]>;
  readonly webhooks: Pick<WebhookService, 'listDeadLetters' | 'replayDeadLetter'>;
  /** The network directory followed, if any. */
  readonly directory?: DirectoryFollower | undefined;
  readonly retention: Pick<Retention, 'purge' | 'erase'>;
  /** Reads the config file again (as SIGHUP does). */
  readonly reload: () => Promise<components['schemas']['ReloadResult']>;
}

/** Operators' view of delivery to partner gateways (the queue and the dead letters) and of webhook dead letters. */
export function adminRoutes(
  deps: AdminRouteDeps,
): TypedHandlers<
  | 'adminListNeighbours'
  | 'adminGetDirectory'
  | 'adminRefreshDirectory'
  | 'adminReload'
  | 'adminListOutbox'
  | 'adminListDeadLetters'
  | 'adminReplayDeadLetter'
  | 'adminReplayDeadLetters'
  | 'adminPausePartner'
  | 'adminResumePartner'
  | 'adminListWebhookDeadLetters'
  | 'adminReplayWebhookDeadLetter'
  | 'adminPurgeRetention'
  | 'adminEraseRequester'
> {
  const onRequest: onRequestHookHandler = async (request) => {
    deps.admin.verify(request);
  };
  const gatewayOf = (partner: string): string => {
    if (!deps.isGateway(partner)) throw new GatewayError('USM_ERR_PARTNER_NOT_FOUND', `${partner} is not a partner with a gateway`);
    return partner;
  };
  const deliveryOf = async (partner: string) => {
    const pause = (await deps.outbox.pausedPartners()).find((p) => p.partner === partner);
    return { partner, paused: pause !== undefined, ...(pause !== undefined ? { pausedAt: pause.pausedAt } : {}) };
  };
  return {
    adminListNeighbours: {
      onRequest,
      handler: async () => ({ items: await deps.neighbours(), ...(deps.directory === undefined ? {} : { directory: deps.directory.status() }) }),
    },
    adminGetDirectory: { onRequest, handler: async () => followed(deps.directory).status() },
    adminRefreshDirectory: { onRequest, handler: async () => followed(deps.directory).refresh() },
    adminReload: { onRequest, handler: async () => ({ ...(await deps.reload()) }) },
    adminListOutbox: {
      onRequest,
      handler: async (request) => {
        const { partner, limit } = request.query;
        return { items: (await deps.outbox.listOutbox({ status: 'pending', ...(partner ? { partner } : {}), limit })).map(outboxView) };
      },
    },
    adminListDeadLetters: {
      onRequest,
      handler: async (request) => {
        const { partner, limit } = request.query;
        return { items: (await deps.outbox.listOutbox({ status: 'dead', ...(partner ? { partner } : {}), limit })).map(outboxView) };
      },
    },
    adminReplayDeadLetter: {
      onRequest,
      handler: async (request, reply) => {
        const { messageId } = request.params;
        const message = await deps.outbox.requeue(messageId);
        if (message === undefined) throw new GatewayError('USM_ERR_DEAD_LETTER_NOT_FOUND', `no dead letter ${messageId}`);
        deps.wake();
        return reply.code(202).send(outboxView(message));
      },
    },
    adminReplayDeadLetters: {
      onRequest,
      handler: async (request, reply) => {
        const { partner, limit } = request.query;
        const messages = await deps.outbox.requeueAll({ ...(partner ? { partner } : {}), limit });
        deps.wake();
        return reply.code(202).send({ items: messages.map(outboxView) });
      },
    },
    adminPausePartner: {
      onRequest,
      handler: async (request) => {
        const partner = gatewayOf(request.params.partnerId);
        await deps.outbox.pauseDelivery(partner, new Date(deps.now()).toISOString());
        return deliveryOf(partner);
      },
    },
    adminResumePartner: {
      onRequest,
      handler: async (request) => {
        const partner = gatewayOf(request.params.partnerId);
        await deps.outbox.resumeDelivery(partner);
        deps.wake([partner]);
        return deliveryOf(partner);
      },
    },
    adminListWebhookDeadLetters: {
      onRequest,
      handler: async (request) => {
        const { webhook, limit } = request.query as { webhook?: string; limit: number };
        return { items: await deps.webhooks.listDeadLetters({ ...(webhook ? { webhookId: webhook } : {}), limit }) };
      },
    },
    adminPurgeRetention: { onRequest, handler: () => deps.retention.purge() },
    adminEraseRequester: {
      onRequest,
      handler: async (request) => {
        const { id, email } = request.body;
        const erasure = await deps.retention.erase({ ...(id !== undefined ? { id } : {}), ...(email !== undefined ? { email } : {}) }, deps.admin.verify(request));
        return { ...erasure, calls: [...erasure.calls] };
      },
    },
    adminReplayWebhookDeadLetter: {
      onRequest,
      handler: async (request) => {
        const { deadLetterId } = request.params as { deadLetterId: string };
        const replay = await deps.webhooks.replayDeadLetter(deadLetterId);
        if (replay === undefined) throw new GatewayError('USM_ERR_WEBHOOK_DEAD_LETTER_NOT_FOUND', `no webhook dead letter ${deadLetterId}`);
        return replay;
      },
    },
  };
}

function followed(directory: DirectoryFollower | undefined): DirectoryFollower {
  if (directory === undefined) throw new GatewayError('USM_ERR_NOT_FOUND', 'this gateway follows no network directory (config network.url)');
  return directory;
}

function outboxView(message: OutboxMessage): components['schemas']['OutboxMessage'] {
  return {
    id: message.id,
    partner: message.partner,
    type: message.type,
    path: message.path,
    callId: message.callId,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.nextAttemptAt,
    createdAt: message.createdAt,
    deliveredAt: message.deliveredAt,
  };
}
