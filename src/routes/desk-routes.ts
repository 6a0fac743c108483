import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { CallService } from '../calls/call-service.js';
import type { SubcallService } from '../subcalls/subcall-service.js';
import { deskView, historyView, noteView } from '../calls/call-views.js';
import type { Actor } from '../ports/call.js';
import type { CallType, ProcessName, PublicStatus } from '../usm/usm-model.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import { decodeCursor, page } from '../http/cursor.js';
import type { OperationHandlers } from '../http/register-operations.js';
import type { BearerAuthenticator } from '../keys/bearer-tokens.js';
import type { WebhookService } from '../desk/webhook-service.js';
import { linkIdOf, linkView } from './link-routes.js';
import type { ChainTracer } from '../subcalls/chain-trace.js';

type Schemas = components['schemas'];

export interface DeskRouteDeps {
  readonly calls: CallService;
  readonly subcalls: SubcallService;
  readonly tracer: ChainTracer;
  readonly desk: BearerAuthenticator;
  readonly webhooks: WebhookService;
}

interface DeskListQuery {
  status?: PublicStatus;
  type?: CallType;
  service?: string;
  customer?: string;
  process?: ProcessName;
  priority?: number;
  updatedSince?: string;
  cursor?: string;
  limit: number;
}

/** The provider's own desk: every call, every step, internal notes and webhooks. */
export function deskRoutes(deps: DeskRouteDeps): OperationHandlers {
  const { calls, webhooks } = deps;
  const onRequest: onRequestHookHandler = async (request) => {
    request.deskToken = deps.desk.verify(request.headers.authorization);
  };
  const actorOf = (request: FastifyRequest): Actor => ({ kind: 'desk', id: request.deskToken! });
  const callIdOf = (request: FastifyRequest): string => (request.params as { callId: string }).callId;
  const webhookIdOf = (request: FastifyRequest): string => (request.params as { webhookId: string }).webhookId;
  const desk = (handler: OperationHandlers[string]['handler']): OperationHandlers[string] => ({ onRequest, handler });

  return {
    deskListCalls: desk(async (request) => {
      const { cursor, limit, updatedSince, ...filters } = request.query as DeskListQuery;
      const after = decodeCursor(cursor);
      const result = await page(limit, (n) =>
        calls.list({
          ...filters,
          ...(updatedSince !== undefined ? { updatedSince: new Date(updatedSince).toISOString() } : {}),
          ...(after !== undefined ? { after } : {}),
          limit: n,
        }),
      );
      return { items: result.items.map(deskView), nextCursor: result.nextCursor };
    }),
    deskGetCall: desk(async (request) => {
      const call = await calls.get(callIdOf(request));
      return { ...deskView(call), links: (await deps.subcalls.links(call.id)).map(linkView) };
    }),
    deskGetCallHistory: desk(async (request) => ({ items: (await calls.history(callIdOf(request))).map(historyView) })),
    deskListCallNotes: desk(async (request) => ({ items: (await calls.notes(callIdOf(request))).map(noteView) })),
    deskAdvanceCall: desk(async (request) => {
      const { branch, comment } = request.body as Schemas['AdvanceRequest'];
      const { call } = await calls.act({
        callId: callIdOf(request),
        actor: actorOf(request),
        action: branch === undefined ? { kind: 'advance' } : { kind: 'advance', branch },
        ...(comment !== undefined ? { comment } : {}),
      });
      return deskView(call);
    }),
    deskSetStatus: desk(async (request) => {
      const { status, reason } = request.body as Schemas['StatusRequest'];
      const { call } = await calls.act({
        callId: callIdOf(request),
        actor: actorOf(request),
        action: { kind: 'setStatus', status },
        ...(reason !== undefined ? { comment: reason } : {}),
      });
      return deskView(call);
    }),
    deskResolveCall: desk(async (request) => {
      const { summary } = request.body as Schemas['ResolveRequest'];
      const { call } = await calls.act({
        callId: callIdOf(request),
        actor: actorOf(request),
        action: { kind: 'resolve' },
        resolution: summary,
        note: { text: summary, visibility: 'public', kind: 'comment' },
      });
      return deskView(call);
    }),
    deskAddCallNote: desk(async (request, reply) => {
      const { text, visibility, kind } = request.body as Schemas['DeskNoteRequest'];
      const { note } = await calls.act({ callId: callIdOf(request), actor: actorOf(request), note: { text, visibility, kind: kind ?? 'comment' } });
      return reply.code(201).send(noteView(note!));
    }),
    deskGetCallTrace: desk(async (request) => deps.tracer.trace(callIdOf(request))),
    deskListForks: desk(async (request) => ({ items: (await deps.subcalls.links(callIdOf(request))).map(linkView) })),
    deskForkCall: desk(async (request, reply) => {
      const body = request.body as Schemas['ForkRequest'];
      const link = await deps.subcalls.fork({ callId: callIdOf(request), actor: actorOf(request), request: body });
      return reply.code(201).send(linkView(link));
    }),
    deskNoteToSupplier: desk(async (request, reply) => {
      const { text, kind } = request.body as Schemas['NoteSubmission'];
      const link = await deps.subcalls.tellSupplier({ callId: callIdOf(request), linkId: linkIdOf(request), actor: actorOf(request), type: 'call.note', data: { text, kind: kind ?? 'comment' } });
      return reply.code(202).send(linkView(link));
    }),
    deskCancelFork: desk(async (request, reply) => {
      const { reason } = request.body as Schemas['CancelSubmission'];
      const link = await deps.subcalls.tellSupplier({
        callId: callIdOf(request),
        linkId: linkIdOf(request),
        actor: actorOf(request),
        type: 'call.cancel',
        data: reason !== undefined ? { reason } : {},
      });
      return reply.code(202).send(linkView(link));
    }),
    deskListWebhooks: desk(async () => ({ items: await webhooks.list() })),
    deskCreateWebhook: desk(async (request, reply) => reply.code(201).send(await webhooks.create(request.body as Schemas['WebhookRequest']))),
    deskGetWebhook: desk(async (request) => {
      const webhook = await webhooks.get(webhookIdOf(request));
      if (webhook === undefined) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return webhook;
    }),
    deskDeleteWebhook: desk(async (request, reply) => {
      if (!(await webhooks.remove(webhookIdOf(request)))) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return reply.code(204).send();
    }),
  };
}
