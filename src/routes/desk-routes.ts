import type { onRequestHookHandler } from 'fastify';
import type { ActResult, CallService, CallWithTriggers } from '../calls/call-service.js';
import { triggerViews } from '../calls/triggered-calls.js';
import type { IdempotentWrites } from '../http/idempotent-writes.js';
import type { SubcallService } from '../subcalls/subcall-service.js';
import { deskView, historyView, noteView } from '../calls/call-views.js';
import type { Actor } from '../ports/call.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { decodeCursor, page } from '../http/cursor.js';
import type { OperationHandlerMethod, TypedHandlers } from '../http/register-operations.js';
import type { RequestAuthenticator } from '../http/console-session.js';
import { FORKS, PROCESS_NAMES, PROCESS_STEPS, WORKFLOWS, WORKFLOW_NUMBERS, type Branch } from '../usm/usm-model.js';
import type { WebhookService } from '../desk/webhook-service.js';
import { linkIdOf, linkView } from './link-routes.js';
import type { ChainTracer } from '../subcalls/chain-trace.js';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { sendAttachment } from '../http/attachment-reply.js';

export interface DeskRouteDeps {
  readonly calls: CallService;
  readonly subcalls: SubcallService;
  readonly tracer: ChainTracer;
  /** A desk token, or a console session with the desk role (whose person the history then names). */
  readonly desk: RequestAuthenticator;
  readonly now: () => number;
  readonly webhooks: WebhookService;
  /** Desk writes sent with an Idempotency-Key. */
  readonly writes: IdempotentWrites;
  readonly attachments: AttachmentChecker;
}

type DeskOperation =
  | 'deskGetModel'
  | 'deskFindCalls'
  | 'deskListCalls'
  | 'deskRaiseCall'
  | 'deskGetCall'
  | 'deskGetCallHistory'
  | 'deskListCallNotes'
  | 'deskAdvanceCall'
  | 'deskSetStatus'
  | 'deskResolveCall'
  | 'deskAddCallNote'
  | 'deskGetCallAttachment'
  | 'deskGetCallTrace'
  | 'deskRaiseTriggeredCall'
  | 'deskAttachTriggeredCall'
  | 'deskListForks'
  | 'deskForkCall'
  | 'deskWorkTeamFork'
  | 'deskNoteToSupplier'
  | 'deskCancelFork'
  | 'deskListWebhooks'
  | 'deskCreateWebhook'
  | 'deskGetWebhook'
  | 'deskDeleteWebhook'
  | 'deskAddWebhookSecret'
  | 'deskRetireWebhookSecret';

/** `sla=dueSoon`: the running clock falls due within this. */
const DUE_SOON_MS = 3_600_000;

/** The USM model as the desk's console draws it (the contract's UsmModel). */
const USM_MODEL = {
  processes: PROCESS_NAMES.map((name) => ({ name, steps: [...PROCESS_STEPS[name]] })),
  workflows: WORKFLOW_NUMBERS.map((n) => {
    const w = WORKFLOWS[n];
    return { number: w.number, name: w.name, startsWith: w.startsWith, path: w.path.map((p) => ({ ...p })), resolveAt: w.resolveAt };
  }),
  forks: Object.entries(FORKS).map(([type, fork]) => ({
    type: type as keyof typeof FORKS,
    at: { ...fork!.at },
    branches: Object.entries(fork!.branches).map(([branch, workflow]) => ({ branch: branch as Branch, workflow: workflow! })),
  })),
};

/** The provider's own desk: every call, every step, internal notes and webhooks. */
export function deskRoutes(deps: DeskRouteDeps): TypedHandlers<DeskOperation> {
  const { calls, webhooks, writes } = deps;
  const callView = (result: ActResult) => deskView(result.call);
  const withTriggers = ({ call, triggers }: CallWithTriggers) => ({ ...deskView(call), ...triggerViews(call.id, triggers) });
  const onRequest: onRequestHookHandler = async (request) => {
    request.deskToken = deps.desk.verify(request);
  };
  const actorOf = (request: { deskToken?: string | undefined }): Actor => ({ kind: 'desk', id: request.deskToken! });
  const callIdOf = (request: { params: { callId: string } }): string => request.params.callId;
  const webhookIdOf = (request: { params: { webhookId: string } }): string => request.params.webhookId;
  const desk = <Op extends DeskOperation>(handler: OperationHandlerMethod<Op>) => ({ onRequest, handler });

  return {
    deskGetModel: desk(async () => USM_MODEL),
    deskFindCalls: desk(async (request) => ({ items: (await calls.find(request.query.id)).map(({ matchedBy, call }) => ({ matchedBy, call: deskView(call) })) })),
    deskListCalls: desk(async (request) => {
      const { cursor, limit, updatedSince, ...filters } = request.query;
      const dueBefore = filters.sla === 'dueSoon' ? { dueBefore: new Date(deps.now() + DUE_SOON_MS).toISOString() } : {};
      const after = decodeCursor(cursor);
      const result = await page(limit, (n) =>
        calls.list({
          ...filters,
          ...dueBefore,
          ...(updatedSince !== undefined ? { updatedSince: new Date(updatedSince).toISOString() } : {}),
          ...(after !== undefined ? { after } : {}),
          limit: n,
        }),
      );
      return { items: result.items.map(deskView), nextCursor: result.nextCursor };
    }),
    deskRaiseCall: desk(async (request, reply) =>
      writes.run(request, reply, 201, deskView, (idempotency) =>
        calls.raise({ actor: actorOf(request), request: request.body, ...(idempotency !== undefined ? { idempotency } : {}) }),
      ),
    ),
    deskGetCall: desk(async (request) => {
      const call = await calls.get(callIdOf(request));
      return { ...withTriggers({ call, triggers: await calls.triggers(call.id) }), links: (await deps.subcalls.links(call.id)).map(linkView) };
    }),
    deskGetCallHistory: desk(async (request) => ({ items: (await calls.history(callIdOf(request))).map(historyView) })),
    deskListCallNotes: desk(async (request) => ({ items: (await calls.notes(callIdOf(request))).map(noteView) })),
    deskAdvanceCall: desk(async (request, reply) => {
      const { branch, comment } = request.body;
      return writes.run(request, reply, 200, callView, (idempotency) =>
        calls.act({
          callId: callIdOf(request),
          actor: actorOf(request),
          action: branch === undefined ? { kind: 'advance' } : { kind: 'advance', branch },
          ...(comment !== undefined ? { comment } : {}),
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskSetStatus: desk(async (request, reply) => {
      const { status, reason, returnTo } = request.body;
      return writes.run(request, reply, 200, callView, (idempotency) =>
        calls.act({
          callId: callIdOf(request),
          actor: actorOf(request),
          action: { kind: 'setStatus', status, ...(returnTo !== undefined ? { to: { process: returnTo.process, step: returnTo.step } } : {}) },
          ...(reason !== undefined ? { comment: reason } : {}),
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskResolveCall: desk(async (request, reply) => {
      const { summary } = request.body;
      return writes.run(request, reply, 200, callView, (idempotency) =>
        calls.act({
          callId: callIdOf(request),
          actor: actorOf(request),
          action: { kind: 'resolve' },
          resolution: summary,
          note: { text: summary, visibility: 'public', kind: 'comment' },
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskAddCallNote: desk(async (request, reply) => {
      const { text, visibility, kind, attachments } = request.body;
      return writes.run(request, reply, 201, (result: ActResult) => noteView(result.note!), (idempotency) =>
        calls.act({
          callId: callIdOf(request),
          actor: actorOf(request),
          note: { text, visibility, kind: kind ?? 'comment' },
          ...(attachments !== undefined ? { attachments } : {}),
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskGetCallAttachment: desk(async (request, reply) => {
      const { callId, sha256 } = request.params;
      return sendAttachment(reply, await deps.subcalls.attachmentFor({ callId, sha256 }), deps.attachments);
    }),
    deskGetCallTrace: desk(async (request) => deps.tracer.trace(callIdOf(request))),
    deskRaiseTriggeredCall: desk(async (request, reply) =>
      writes.run(request, reply, 201, withTriggers, (idempotency) =>
        calls.raiseTriggered({ callId: callIdOf(request), actor: actorOf(request), request: request.body, ...(idempotency !== undefined ? { idempotency } : {}) }),
      ),
    ),
    deskAttachTriggeredCall: desk(async (request, reply) => {
      const { comment } = request.body;
      return writes.run(request, reply, 200, withTriggers, (idempotency) =>
        calls.attachTriggered({
          callId: callIdOf(request),
          triggeredCallId: request.params.triggeredCallId,
          actor: actorOf(request),
          ...(comment !== undefined ? { comment } : {}),
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskListForks: desk(async (request) => ({ items: (await deps.subcalls.links(callIdOf(request))).map(linkView) })),
    deskForkCall: desk(async (request, reply) =>
      writes.run(request, reply, 201, linkView, (idempotency) =>
        deps.subcalls.fork({ callId: callIdOf(request), actor: actorOf(request), request: request.body, ...(idempotency !== undefined ? { idempotency } : {}) }),
      ),
    ),
    deskNoteToSupplier: desk(async (request, reply) => {
      const { text, kind, attachments } = request.body;
      return writes.run(request, reply, 202, linkView, (idempotency) =>
        deps.subcalls.tellSupplier({
          callId: callIdOf(request),
          linkId: linkIdOf(request),
          actor: actorOf(request),
          type: 'call.note',
          data: { text, kind: kind ?? 'comment' },
          ...(attachments !== undefined ? { attachments } : {}),
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskWorkTeamFork: desk(async (request, reply) =>
      writes.run(request, reply, 200, linkView, (idempotency) =>
        deps.subcalls.workTeam({ callId: callIdOf(request), linkId: linkIdOf(request), actor: actorOf(request), work: request.body, ...(idempotency !== undefined ? { idempotency } : {}) }),
      ),
    ),
    deskCancelFork: desk(async (request, reply) => {
      const { reason } = request.body;
      return writes.run(request, reply, 202, linkView, (idempotency) =>
        deps.subcalls.tellSupplier({
          callId: callIdOf(request),
          linkId: linkIdOf(request),
          actor: actorOf(request),
          type: 'call.cancel',
          data: reason !== undefined ? { reason } : {},
          ...(idempotency !== undefined ? { idempotency } : {}),
        }),
      );
    }),
    deskListWebhooks: desk(async () => ({ items: await webhooks.list() })),
    deskCreateWebhook: desk(async (request, reply) => reply.code(201).send(await webhooks.create(request.body))),
    deskGetWebhook: desk(async (request) => {
      const webhook = await webhooks.get(webhookIdOf(request));
      if (webhook === undefined) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return webhook;
    }),
    deskDeleteWebhook: desk(async (request, reply) => {
      if (!(await webhooks.remove(webhookIdOf(request)))) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return reply.code(204).send();
    }),
    deskAddWebhookSecret: desk(async (request, reply) => {
      const webhook = await webhooks.addSecret(webhookIdOf(request), request.body);
      if (webhook === undefined) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return reply.code(201).send(webhook);
    }),
    deskRetireWebhookSecret: desk(async (request, reply) => {
      if (!(await webhooks.retireSecret(webhookIdOf(request), request.params.secretId))) throw new GatewayError('USM_ERR_WEBHOOK_NOT_FOUND');
      return reply.code(204).send();
    }),
  };
}
