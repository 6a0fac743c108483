import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codeOf } from '../kernel/gateway-error.js';
import type { SigningKey, VerificationKey } from '../keys/jwk.js';
import { BATCH_TYPE, bodyDigest, checkManifest } from '../messages/batch.js';
import { verifyCompact, verifyDetached } from '../messages/jws.js';
import { receiptsFor } from '../messages/receipt.js';
import { objectOf } from './expectations.js';

/** A message the target delivered to the listener. */
export interface Delivery {
  readonly envelope: Record<string, unknown> | undefined;
  readonly body: string;
  readonly digest: string;
  /** How it came: alone to /v1/messages, or in a batch. */
  readonly via: 'single' | 'batch';
  /** Why its signature did not verify with the target's published keys, when it did not. */
  readonly signatureProblem: string | undefined;
  /** The status the listener answered it with. */
  readonly answeredWith: number;
}

/**
 * The partner's gateway, as far as status updates need one: listens where the target sends the
 * partner's `call.update`s (the target has it as a customer with this `url`), checks each message's
 * signature with the target's published keys, and answers as docs/protocol.md says a gateway does:
 * 200 with a receipt signed by the partner's key. It sends nothing by itself.
 */
export interface UpdateListener {
  readonly url: string;
  /** The keys the target's messages are checked with (known once the target's JWKS was read). */
  useKeys(keys: readonly VerificationKey[]): void;
  /** The first delivery of a message about this `externalRef` gets 503 (without Retry-After: the target's own backoff decides), so that it must send it again. */
  refuseFirstDelivery(externalRef: string): void;
  readonly deliveries: readonly Delivery[];
  /** The deliveries about this externalRef once `enough` holds for them, or what came by the deadline. */
  waitFor(externalRef: string, enough: (deliveries: readonly Delivery[]) => boolean, ms: number): Promise<readonly Delivery[]>;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function startUpdateListener(options: { readonly host: string; readonly port: number; readonly party: string; readonly key: SigningKey; readonly now?: () => number }): Promise<UpdateListener> {
  const now = options.now ?? Date.now;
  let keys: readonly VerificationKey[] = [];
  const refuse = new Set<string>();
  const refused = new Set<string>();
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const verifyOptions = () => ({ algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid: string) => keys.find((k) => k.kid === kid) });

  const about = (delivery: Delivery): string | undefined => {
    const ref = objectOf(delivery.envelope?.data)?.externalRef;
    return typeof ref === 'string' ? ref : undefined;
  };

  /** One message: its answer status and body (a receipt, or a problem). */
  function take(body: string, via: Delivery['via'], signatureProblem: string | undefined): { status: number; body: unknown } {
    let envelope: Record<string, unknown> | undefined;
    try {
      envelope = objectOf(JSON.parse(body));
    } catch {
      // kept as a delivery without an envelope
    }
    const digest = bodyDigest(Buffer.from(body));
    const ref = objectOf(envelope?.data)?.externalRef;
    let status = 200;
    let answer: unknown;
    if (signatureProblem !== undefined) {
      status = 401;
      answer = problem(401, 'USM_ERR_SIGNATURE_INVALID', signatureProblem);
    } else if (envelope === undefined || typeof envelope.id !== 'string' || typeof envelope.from !== 'string') {
      status = 400;
      answer = problem(400, 'USM_ERR_VALIDATION', 'not an envelope');
    } else if (typeof ref === 'string' && refuse.has(ref) && !refused.has(ref)) {
      refused.add(ref);
      status = 503;
      answer = problem(503, 'USM_ERR_STORE_UNAVAILABLE', 'refused once on purpose: send the same message again');
    } else {
      const [receipt] = receiptsFor({ receivedAt: new Date(now()).toISOString(), gateway: options.party, from: envelope.from }, [{ messageId: envelope.id, digest }], options.key);
      answer = { applied: true, receipt };
    }
    deliveries.push({ envelope, body, digest, via, signatureProblem, answeredWith: status });
    for (const wake of waiters) wake();
    return { status, body: answer };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return reply(response, 413, problem(413, 'USM_ERR_BODY_TOO_LARGE', 'too large'));
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    const signature = [request.headers['usm-signature']].flat()[0];
    if (request.method !== 'POST') return reply(response, 405, problem(405, 'USM_ERR_METHOD_NOT_ALLOWED', 'POST only'), { allow: 'POST' });
    // The partner's url may have a path of its own: the endpoints are under it.
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.endsWith('/v1/messages')) {
      let signatureProblem: string | undefined;
      try {
        if (signature === undefined) throw Object.assign(new Error('no signature'), { code: 'USM_ERR_SIGNATURE_MISSING' });
        verifyDetached(raw, signature, verifyOptions());
      } catch (error) {
        signatureProblem = `the message does not verify with the target's published keys (${codeOf(error) ?? 'error'})`;
      }
      const answer = take(raw.toString('utf8'), 'single', signatureProblem);
      return reply(response, answer.status, answer.body);
    }
    if (path.endsWith('/v1/messages/batch')) {
      let items: string[];
      try {
        const messages = objectOf(JSON.parse(raw.toString('utf8')))?.messages;
        if (!Array.isArray(messages)) throw new Error('no messages');
        items = messages.map((m) => String(objectOf(m)?.message));
      } catch {
        return reply(response, 400, problem(400, 'USM_ERR_VALIDATION', 'not a batch'));
      }
      let signatureProblem: string | undefined;
      try {
        if (signature === undefined) throw Object.assign(new Error('no signature'), { code: 'USM_ERR_SIGNATURE_MISSING' });
        const { payload } = verifyCompact(signature, verifyOptions(), BATCH_TYPE);
        checkManifest(payload, items.map((item) => Buffer.from(item)));
      } catch (error) {
        signatureProblem = `the batch manifest does not verify with the target's published keys or list its messages (${codeOf(error) ?? 'error'})`;
      }
      return reply(response, 200, { results: items.map((item) => take(item, 'batch', signatureProblem)) });
    }
    return reply(response, 404, problem(404, 'USM_ERR_NOT_FOUND', 'this listener takes /v1/messages and /v1/messages/batch'));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => reply(response, 500, problem(500, 'USM_ERR_INTERNAL', 'listener error')));
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`,
    deliveries,
    useKeys(given) {
      keys = given;
    },
    refuseFirstDelivery(ref) {
      refuse.add(ref);
    },
    waitFor(ref, enough, ms) {
      const matching = () => deliveries.filter((d) => about(d) === ref);
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching());
        };
        const check = (): void => {
          if (enough(matching())) done();
        };
        const timer = setTimeout(done, ms);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function problem(status: number, code: string, detail: string): Record<string, unknown> {
  return { type: `urn:usm-link:problem:${code.slice(8).toLowerCase().replaceAll('_', '-')}`, title: detail, status, code, detail };
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
