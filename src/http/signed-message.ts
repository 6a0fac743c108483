import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CallRecord } from '../calls/call.js';
import type { MessageContext } from '../calls/call-service.js';
import { customerView } from '../calls/call-views.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import { DuplicateMessageError, type InboundMessage, type InboundMessageStore } from '../messages/inbound-message.js';
import type { MessageIntake } from '../messages/message-intake.js';
import type { Receipt } from '../messages/receipt.js';
import type { OperationHandler } from './register-operations.js';
import type { RateLimiter } from '../partners/rate-limiter.js';

export interface SignedMessageDeps {
  readonly self: string;
  readonly intake: MessageIntake;
  readonly inbound: InboundMessageStore;
  readonly receipt: (fields: { messageId: string; digest: string; receivedAt: string; gateway: string; from: string }) => Receipt;
  readonly now: () => number;
  readonly rateLimiter: RateLimiter;
}

export type Perform<T> = (envelope: Envelope, context: MessageContext<T>, request: FastifyRequest) => Promise<T>;

/**
 * A write that arrives as a signed message: signature first (before the body is trusted), then
 * addressing, replay (an identical resend gets the first answer again), the clock, and the action.
 * The message, its answer and the change commit together.
 */
export function signedMessageOperation<T = CallRecord>(
  deps: SignedMessageDeps,
  expectedType: MessageType | readonly MessageType[],
  status: number,
  perform: Perform<T>,
  present: (result: T) => Record<string, unknown> = (call) => ({ call: customerView(call as CallRecord) }),
): OperationHandler {
  return {
    preValidation: async (request) => {
      const signature = request.headers['usm-signature'];
      request.signedMessage = deps.intake.authenticate(request.rawBody ?? Buffer.alloc(0), Array.isArray(signature) ? signature[0] : signature);
      deps.rateLimiter.take(request.signedMessage.sender.id);
    },
    handler: async (request, reply) => {
      const message = request.signedMessage!;
      const envelope = request.body as Envelope;
      deps.intake.checkEnvelope(envelope, message, typeof expectedType === 'string' ? [expectedType] : expectedType);
      const previous = await deps.inbound.findInbound(envelope.from, envelope.id);
      if (previous !== undefined) return replay(reply, previous, message.digest);
      deps.intake.checkTime(envelope, message);
      const receivedAt = new Date(deps.now()).toISOString();
      const receipt = deps.receipt({ messageId: envelope.id, digest: message.digest, receivedAt, gateway: deps.self, from: envelope.from });
      const respond = (result: T): { status: number; body: unknown } => ({ status, body: { ...present(result), receipt } });
      const context: MessageContext<T> = {
        record: {
          id: envelope.id,
          from: envelope.from,
          type: envelope.type,
          digest: message.digest,
          signature: message.signature,
          body: message.body.toString('utf8'),
          receivedAt,
        },
        respond,
      };
      try {
        const answer = respond(await perform(envelope, context, request));
        return reply.code(answer.status).send(answer.body);
      } catch (error) {
        if (!(error instanceof DuplicateMessageError)) throw error;
        const raced = await deps.inbound.findInbound(envelope.from, envelope.id);
        if (raced === undefined) throw error;
        return replay(reply, raced, message.digest);
      }
    },
  };
}

function replay(reply: FastifyReply, previous: InboundMessage, digest: string): FastifyReply {
  if (previous.digest !== digest) {
    throw new GatewayError('USM_ERR_MESSAGE_ID_REUSED', `message ${previous.id} was accepted before with another body`);
  }
  return reply.code(previous.response.status).header('usm-replay', 'true').send(previous.response.body);
}
