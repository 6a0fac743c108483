import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';
import type { IdempotencyContext, IdempotencyStore, IdempotentRequest } from '../ports/idempotency.js';

export interface IdempotentWrites {
  /**
   * Runs a desk write under the request's `Idempotency-Key`, when it has one: the first time,
   * `work` gets the context it commits with its change; the same request again gets the stored
   * answer (`Usm-Replay: true`) and does nothing; the key with another request is refused.
   */
  run<T>(request: FastifyRequest, reply: FastifyReply, status: number, present: (result: T) => unknown, work: (idempotency: IdempotencyContext<T> | undefined) => Promise<T>): Promise<FastifyReply>;
}

/**
 * draft-ietf-httpapi-idempotency-key-header for the desk's writes. The key is remembered in the
 * transaction of the change it made, so a write is remembered exactly when it happened; two
 * requests with one key racing each other both decide, one commits, and the other's commit is
 * refused by the key's uniqueness and answered with the first one's answer.
 */
export function createIdempotentWrites(deps: {
  readonly store: IdempotencyStore;
  readonly now: () => number;
  /** Whose keys a request's are (keys of different callers never meet). */
  readonly owner: (request: FastifyRequest) => string;
  readonly retentionMs: number;
}): IdempotentWrites {
  const { store } = deps;

  /** The request's remembered twin, if any: the same one again (replay) or another (refused). */
  async function remembered(owner: string, key: string, fingerprint: string): Promise<IdempotentRequest | undefined> {
    const found = await store.findIdempotent(owner, key);
    if (found === undefined) return undefined;
    const cutoff = deps.now() - deps.retentionMs;
    if (Date.parse(found.createdAt) < cutoff) {
      await store.forgetIdempotent(new Date(cutoff).toISOString());
      return undefined;
    }
    if (found.fingerprint !== fingerprint) {
      throw new GatewayError('USM_ERR_IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used on ${found.createdAt} for another request`);
    }
    return found;
  }

  return {
    async run(request, reply, status, present, work) {
      const key = keyOf(request.headers['idempotency-key']);
      if (key === undefined) return reply.code(status).send(present(await work(undefined)));
      const owner = deps.owner(request);
      const fingerprint = fingerprintOf(request);
      const replay = (found: IdempotentRequest): FastifyReply => reply.header('usm-replay', 'true').code(found.response.status).send(found.response.body);
      const earlier = await remembered(owner, key, fingerprint);
      if (earlier !== undefined) return replay(earlier);
      const context = {
        record: { owner, key, fingerprint, createdAt: new Date(deps.now()).toISOString() },
        respond: (result: Parameters<typeof present>[0]) => ({ status, body: present(result) }),
      };
      try {
        return reply.code(status).send(present(await work(context)));
      } catch (error) {
        // Another request with this key committed first (or while this one decided again): its answer is this one's.
        const raced = await remembered(owner, key, fingerprint);
        if (raced !== undefined) return replay(raced);
        throw error;
      }
    },
  };
}

/** The key: a structured-field string (`"..."`, quotes dropped) or a bare token, as the contract's pattern allows. */
function keyOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
}

/** SHA-256 of the method, the path and the exact body bytes. */
function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n`)
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('base64url');
}
