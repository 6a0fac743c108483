import { GatewayError, type FieldError } from '../kernel/gateway-error.js';
import { problemOf } from '../kernel/problem.js';
import { MAX_BATCH, type BatchItem } from '../messages/batch.js';
import type { Envelope, MessageType } from '../messages/envelope.js';
import type { AuthenticatedMessage } from '../messages/message-intake.js';
import { receiptBarrier } from '../messages/receipt-barrier.js';
import { duplicateMember } from '../messages/duplicate-members.js';
import { duplicateMemberError } from './json-body.js';
import { classify } from './problem-handler.js';
import type { OperationHandler } from './register-operations.js';
import { verified, type AcceptMessage, type SignedMessageDeps } from './signed-message.js';
import { ATTR, MESSAGING_SYSTEM, noTracing } from '../kernel/tracing.js';

export interface BatchDeps extends Omit<SignedMessageDeps, 'inbound'> {
  /** The message types a batch may carry: the operation that takes each alone, and the contract's check of its body. */
  readonly byType: ReadonlyMap<MessageType, { readonly accept: AcceptMessage; readonly validate: (envelope: unknown) => FieldError[] | undefined }>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The messages of a batch whose manifest signature verified, in order. */
    batchMessages?: AuthenticatedMessage[];
  }
}

type Checked = { readonly envelope: Envelope } | { readonly error: unknown };

/**
 * Several gateway-to-gateway messages under one signature. The manifest signature is checked first,
 * before any message is trusted; then each message is taken exactly as its own endpoint takes it
 * (addressing, replay, clock, action), side by side so that their commits share one fsync. One
 * receipt statement is signed for the messages that reach their commit point, once every message
 * has reached it or been refused, so that it names no message the batch refused (see
 * `receiptBarrier`). Each message gets its own answer, success or problem.
 */
export function batchOperation(deps: BatchDeps): OperationHandler {
  const tracing = deps.tracing ?? noTracing;
  return {
    preValidation: async (request) => {
      const items = itemsOf(request.body);
      const signature = request.headers['usm-signature'];
      // The manifest's check, in a span of its own under the first message's trace; each message then gets its intake span.
      const span = tracing.on
        ? tracing.start('usm.intake.batch', {
            kind: 'server',
            parent: items[0]?.traceparent ?? null,
            attributes: { [ATTR.messagingSystem]: MESSAGING_SYSTEM, [ATTR.operationType]: 'receive', [ATTR.destination]: request.url, [ATTR.batchCount]: items.length },
          })
        : undefined;
      try {
        request.batchMessages = verified(tracing, span, () =>
          deps.intake.authenticateBatch(
            items.map((item) => Buffer.from(item.message)),
            Array.isArray(signature) ? signature[0] : signature,
          ),
        );
        span?.end();
      } catch (error) {
        span?.end(error);
        throw error;
      }
      deps.rateLimiter.take(request.batchMessages[0]!.sender.id, items.length);
    },
    handler: async (request) => {
      const messages = request.batchMessages!;
      const items = (request.body as { messages: BatchItem[] }).messages;
      const sender = messages[0]!.sender;
      const checked = items.map((item): Checked => check(deps, item));
      const firsts = firstsOf(checked);
      // A message whose id came earlier in the batch is no candidate: it is answered after (and like) that one.
      const candidates = checked.flatMap((c, i) => ('envelope' in c && firsts[i] === i ? [{ index: i, messageId: c.envelope.id, digest: messages[i]!.digest }] : []));
      const receivedAt = new Date(deps.now()).toISOString();
      const barrier = receiptBarrier(candidates, receivedAt, (accepted) => deps.receipts({ receivedAt, gateway: deps.self, from: sender.id }, accepted));
      const slots = new Map(candidates.map((c, k) => [c.index, barrier[k]!]));
      const answers = new Map<number, Promise<{ status: number; body: unknown }>>();
      const answer = async (c: Checked, i: number): Promise<{ status: number; body: unknown }> => {
        if ('error' in c) throw c.error;
        const first = firsts[i]!;
        if (first !== i) {
          if (messages[first]!.digest !== messages[i]!.digest) throw new GatewayError('USM_ERR_MESSAGE_ID_REUSED', `message ${c.envelope.id} is in this batch twice, with another body`);
          return answers.get(first)!;
        }
        const origin = { sender, params: {}, ...(items[i]!.traceparent !== undefined ? { traceparent: items[i]!.traceparent } : {}) };
        const taken = await deps.byType.get(c.envelope.type)!.accept(messages[i]!, c.envelope, origin, slots.get(i));
        return { status: taken.status, body: taken.body };
      };
      checked.forEach((c, i) => answers.set(i, answer(c, i)));
      const results = await Promise.all(
        checked.map(async (_, i) => {
          try {
            return await answers.get(i)!;
          } catch (error) {
            const classified = classify(error);
            if (classified.code === 'USM_ERR_INTERNAL') request.log.error({ err: error }, 'unhandled error in a batch');
            const problem = problemOf(classified.code, classified.detail, `${request.url}#${i}`, classified.errors);
            return { status: problem.status, body: problem };
          }
        }),
      );
      return { results };
    },
  };
}

/** For each message, the place of the first message in the batch with its sender and id (its own place when it is the first). */
function firstsOf(checked: readonly Checked[]): (number | undefined)[] {
  const seen = new Map<string, number>();
  return checked.map((c, i) => {
    if (!('envelope' in c)) return undefined;
    const key = `${c.envelope.from}\n${c.envelope.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first ?? i;
  });
}

/** The batch's items, checked just enough to find the signed bytes; the contract checks the rest after the signature. */
function itemsOf(body: unknown): BatchItem[] {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_BATCH || !messages.every((m) => typeof (m as BatchItem | null)?.message === 'string')) {
    throw new GatewayError('USM_ERR_VALIDATION', `a batch is {"messages": [{"message": "<envelope>"}, ...]} with 1 to ${MAX_BATCH} messages`);
  }
  return messages as BatchItem[];
}

/** One message's envelope, parsed and checked against the contract for its type. */
function check(deps: BatchDeps, item: BatchItem): Checked {
  let envelope: unknown;
  try {
    envelope = JSON.parse(item.message);
  } catch {
    return { error: new GatewayError('USM_ERR_MALFORMED_JSON', 'the message is not valid JSON') };
  }
  const duplicate = duplicateMember(item.message);
  if (duplicate !== undefined) return { error: duplicateMemberError(duplicate) };
  const type = (envelope as { type?: unknown } | null)?.type;
  const entry = typeof type === 'string' ? deps.byType.get(type as MessageType) : undefined;
  if (entry === undefined) {
    return { error: new GatewayError('USM_ERR_MESSAGE_TYPE_MISMATCH', `a batch carries ${[...deps.byType.keys()].join(', ')}, not ${String(type)}`) };
  }
  const errors = entry.validate(envelope);
  if (errors !== undefined) return { error: new GatewayError('USM_ERR_VALIDATION', `${errors.length} problem(s) in the message`, { errors }) };
  return { envelope: envelope as Envelope };
}
