import type { FastifyRequest } from 'fastify';
import type { CallRecord } from '../ports/call.js';
import type { MessageContext } from '../ports/inbound-message.js';
import { customerView } from '../calls/call-views.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import { isDuplicateMessage, type InboundMessage, type InboundMessageStore } from '../ports/inbound-message.js';
import type { AuthenticatedMessage, MessageIntake } from '../messages/message-intake.js';
import type { Receipt } from '../messages/receipt.js';
import type { Store } from '../ports/store.js';
import { receiptBarrier, type ReceiptSlot } from '../messages/receipt-barrier.js';
import type { Partner } from '../partners/partner-directory.js';
import type { OperationHandler } from './register-operations.js';
import type { RateLimiter } from '../partners/rate-limiter.js';
import { ATTR, MESSAGING_SYSTEM, noTracing, type TraceSpan, type Tracing } from '../kernel/tracing.js';

export interface SignedMessageDeps {
  readonly self: string;
  readonly intake: MessageIntake;
  readonly inbound: InboundMessageStore;
  /** Where the receipt finds the message's record in the log (`logIndex`), waiting a bounded time for it to be integrated. */
  readonly log: Pick<Store, 'settledLogIndexOf'>;
  /** Signs one receipt statement for these messages and gives each its receipt. */
  readonly receipts: (fields: { receivedAt: string; gateway: string; from: string }, messages: readonly { messageId: string; digest: string }[]) => Receipt[];
  readonly now: () => number;
  readonly rateLimiter: RateLimiter;
  /** The spans of intake and verify (none when tracing is off). */
  readonly tracing?: Tracing;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The intake span of a signed message, started before its signature is checked; still here when refused before its handler ran (ended by app.ts's onResponse then). */
    intakeSpan?: TraceSpan;
  }
}

/** Who sent a message, and what came with it besides the envelope. */
export interface MessageOrigin {
  readonly sender: Partner;
  readonly traceparent?: string;
  /** The path parameters of the endpoint it was sent to (none inside a batch). */
  readonly params: Readonly<Record<string, string>>;
}

export type Perform<T> = (envelope: Envelope, context: MessageContext<T>, origin: MessageOrigin) => Promise<T>;

/** A message's answer, as sent and as stored for an identical resend. */
export interface MessageAnswer {
  readonly status: number;
  readonly body: unknown;
  /** True when this is the stored answer to an earlier identical message. */
  readonly replay: boolean;
}

/**
 * Takes one authenticated message: addressing, replay (an identical resend gets the first answer
 * again), the clock, and the action. A refused message throws its GatewayError. `slot` is given
 * when the message came in a batch: its receipt is then signed with those of the batch's other
 * messages that reach their commit point, once all of them have reached it or been refused.
 */
export type AcceptMessage = (message: AuthenticatedMessage, envelope: Envelope, origin: MessageOrigin, slot?: ReceiptSlot, span?: TraceSpan) => Promise<MessageAnswer>;

export interface SignedOperation extends OperationHandler {
  readonly accept: AcceptMessage;
}

/**
 * A write that arrives as a signed message: signature first (before the body is trusted), then
 * `accept`. The message, its answer and the change commit together.
 */
export function signedMessageOperation<T = CallRecord>(
  deps: SignedMessageDeps,
  expectedType: MessageType | readonly MessageType[],
  status: number,
  perform: Perform<T>,
  present: (result: T) => Record<string, unknown> = (call) => ({ call: customerView(call as CallRecord) }),
): SignedOperation {
  const types = typeof expectedType === 'string' ? [expectedType] : expectedType;
  const tracing = deps.tracing ?? noTracing;
  const accept: AcceptMessage = async (message, envelope, origin, slot, given) => {
    if (!tracing.on) return take(message, envelope, origin, slot);
    const span = given ?? startIntake(tracing, origin.traceparent);
    span.set({
      [ATTR.messageId]: envelope.id,
      [ATTR.messageType]: envelope.type,
      [ATTR.partner]: message.sender.id,
      [ATTR.operationName]: envelope.type,
      'usm.chain.id': envelope.chainId,
    });
    try {
      const answer = await span.within(() => take(message, envelope, origin, slot));
      const call = (answer.body as { call?: { id?: unknown } } | null)?.call;
      span.set({ [ATTR.outcome]: answer.replay ? 'replayed' : 'accepted', 'http.response.status_code': answer.status, [ATTR.callId]: typeof call?.id === 'string' ? call.id : undefined });
      span.end();
      return answer;
    } catch (error) {
      span.set({ [ATTR.outcome]: 'refused' });
      span.end(error);
      throw error;
    }
  };
  const take: AcceptMessage = async (message, envelope, origin, slot) => {
    try {
      deps.intake.checkEnvelope(envelope, message, types);
      const previous = await deps.inbound.findInbound(envelope.from, envelope.id);
      if (previous !== undefined) return withLogIndex(deps, envelope, replayed(previous, message.digest));
      deps.intake.checkTime(envelope, message);
      const own = slot ?? alone(deps, envelope, message);
      // Called at the commit point (the change is decided, only the store is left): the answer that is stored and sent.
      const respond = async (result: T): Promise<{ status: number; body: unknown }> => ({ status, body: { ...present(result), receipt: await own.arrive() } });
      const context: MessageContext<T> = {
        record: {
          id: envelope.id,
          from: envelope.from,
          type: envelope.type,
          digest: message.digest,
          signature: message.signature,
          body: message.body.toString('utf8'),
          receivedAt: own.receivedAt,
        },
        respond,
      };
      try {
        return await withLogIndex(deps, envelope, { ...(await respond(await perform(envelope, context, origin))), replay: false });
      } catch (error) {
        if (!isDuplicateMessage(error)) throw error;
        const raced = await deps.inbound.findInbound(envelope.from, envelope.id);
        if (raced === undefined) throw error;
        return withLogIndex(deps, envelope, replayed(raced, message.digest));
      }
    } finally {
      // Refused or answered from the store before its commit point: its batch need not wait for it.
      slot?.leave();
    }
  };
  return {
    accept,
    preValidation: async (request) => {
      const signature = request.headers['usm-signature'];
      const span = tracing.on ? startIntake(tracing, headerOf(request, 'traceparent'), request.url) : undefined;
      try {
        request.signedMessage = verified(tracing, span, () => deps.intake.authenticate(request.rawBody ?? Buffer.alloc(0), Array.isArray(signature) ? signature[0] : signature));
        deps.rateLimiter.take(request.signedMessage.sender.id);
      } catch (error) {
        span?.set({ [ATTR.outcome]: 'refused' });
        span?.end(error);
        throw error;
      }
      request.intakeSpan = span;
    },
    handler: async (request, reply) => {
      const span = request.intakeSpan;
      request.intakeSpan = undefined; // ended by accept from here on
      const answer = await accept(request.signedMessage!, request.body as Envelope, originOf(request), undefined, span);
      if (answer.replay) reply.header('usm-replay', 'true');
      return reply.code(answer.status).send(answer.body);
    },
  };
}

/** The receipt of a message that came alone: its own statement, signed when it reaches its commit point. */
function alone(deps: SignedMessageDeps, envelope: Envelope, message: AuthenticatedMessage): ReceiptSlot {
  const receivedAt = new Date(deps.now()).toISOString();
  return receiptBarrier([{ messageId: envelope.id, digest: message.digest }], receivedAt, (messages) => deps.receipts({ receivedAt, gateway: deps.self, from: envelope.from }, messages))[0]!;
}

/** The span of one message taken in: a child of the traceparent it came with. */
export function startIntake(tracing: Tracing, traceparent: string | undefined, destination?: string): TraceSpan {
  if (!tracing.on) return tracing.start('usm.intake');
  return tracing.start('usm.intake', {
    kind: 'server',
    parent: traceparent ?? null,
    attributes: { [ATTR.messagingSystem]: MESSAGING_SYSTEM, [ATTR.operationType]: 'receive', [ATTR.destination]: destination },
  });
}

/** Runs a signature check in a `usm.verify` span under `parent` (directly when tracing is off). */
export function verified<T>(tracing: Tracing, parent: TraceSpan | undefined, check: () => T): T {
  if (parent === undefined) return check();
  const span = tracing.start('usm.verify', { parent, attributes: { [ATTR.messagingSystem]: MESSAGING_SYSTEM } });
  try {
    const result = check();
    const sender = (result as { sender?: { id?: string } } | { sender?: { id?: string } }[]);
    span.set({ [ATTR.partner]: Array.isArray(sender) ? sender[0]?.sender?.id : sender.sender?.id, [ATTR.outcome]: 'verified' });
    span.end();
    return result;
  } catch (error) {
    span.set({ [ATTR.outcome]: 'refused' });
    span.end(error);
    throw error;
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function originOf(request: FastifyRequest): MessageOrigin {
  const value = headerOf(request, 'traceparent');
  return { sender: request.signedMessage!.sender, params: request.params as Record<string, string>, ...(value !== undefined ? { traceparent: value } : {}) };
}

/**
 * How long an answer waits for its message's leaf index: a few of the sequencer's batches. Past it
 * the receipt goes without `logIndex` (optional, outside the JWS); the record is in the log a batch later.
 */
const LOG_INDEX_WAIT_MS = 500;

/**
 * The answer with the message's log index in its receipt, once the message is committed and its
 * entry integrated (the index is given after the receipt was signed; the inclusion proof is what
 * binds it). A replay gets the stored answer with the same index.
 */
async function withLogIndex(deps: SignedMessageDeps, envelope: Envelope, answer: MessageAnswer): Promise<MessageAnswer> {
  const body = answer.body as { receipt?: Receipt } | null;
  if (body?.receipt === undefined) return answer;
  const logIndex = await deps.log.settledLogIndexOf('in', envelope.from, envelope.id, LOG_INDEX_WAIT_MS);
  return logIndex === undefined ? answer : { ...answer, body: { ...body, receipt: { ...body.receipt, logIndex } } };
}

function replayed(previous: InboundMessage, digest: string): MessageAnswer {
  if (previous.digest !== digest) {
    throw new GatewayError('USM_ERR_MESSAGE_ID_REUSED', `message ${previous.id} was accepted before with another body`);
  }
  if (previous.purgedAt !== undefined) {
    throw new GatewayError('USM_ERR_MESSAGE_PURGED', `message ${previous.id} was accepted at ${previous.receivedAt}; its answer was purged under retention at ${previous.purgedAt} (its receipt is in the message log)`);
  }
  return { status: previous.response.status, body: previous.response.body, replay: true };
}
