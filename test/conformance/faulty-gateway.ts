import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { generatePrivateJwk, signingKeyOf } from '../../src/keys/jwk.js';
import { signCompact } from '../../src/messages/jws.js';
import { RECEIPT_TYPE } from '../../src/messages/receipt.js';

/** What a gateway answered, as the proxy may change it before the kit sees it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A deliberate departure from docs/protocol.md: it may answer instead of the gateway, or change the gateway's answer. */
export interface Fault {
  readonly name: string;
  /** An answer of its own (the gateway never sees the request), or undefined to pass it on. */
  readonly intercept?: (request: { method: string; url: string; body: string }) => Answer | undefined;
  readonly alter?: (answer: Answer, request: { method: string; url: string; body: string }) => Answer | Promise<Answer>;
}

const json = (value: unknown): string => JSON.stringify(value);

/** Accepts a message addressed to another party, as if it were for this gateway. */
export function acceptsWrongRecipient(partyId: string): Fault {
  return {
    name: 'accepts a wrong recipient',
    intercept: ({ method, body }) => {
      if (method !== 'POST') return undefined;
      let to: unknown;
      try {
        to = (JSON.parse(body) as { to?: unknown }).to;
      } catch {
        return undefined;
      }
      if (typeof to !== 'string' || to === partyId) return undefined;
      return { status: 201, headers: { 'content-type': 'application/json' }, body: json({ call: { id: randomUUID(), status: 'acknowledged' }, receipt: {} }) };
    },
  };
}

/** Answers an identical resend with a new answer: no Usm-Replay header, a new receipt time. */
export function answersResendAnew(): Fault {
  return {
    name: 'answers a resend with a new answer',
    alter: (answer) => {
      if (answer.headers['usm-replay'] !== 'true') return answer;
      const { 'usm-replay': _replay, ...headers } = answer.headers;
      const body = JSON.parse(answer.body) as { receipt?: { receivedAt?: string } };
      if (body.receipt !== undefined) body.receipt.receivedAt = new Date().toISOString();
      return { ...answer, headers, body: json(body) };
    },
  };
}

/** Signs its receipts with a key it does not publish (under the published kid). */
export async function signsReceiptsWithAnotherKey(): Promise<Fault> {
  const jwk = await generatePrivateJwk('EdDSA');
  return {
    name: 'signs receipts with another key',
    alter: (answer) => {
      if (!/json/.test(answer.headers['content-type'] ?? '') || answer.status >= 300) return answer;
      const body = JSON.parse(answer.body) as { receipt?: { jws?: string } };
      const jws = body.receipt?.jws;
      if (typeof jws !== 'string') return answer;
      const [header, payload] = jws.split('.');
      const { kid } = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as { kid: string };
      body.receipt!.jws = signCompact(Buffer.from(payload!, 'base64url'), signingKeyOf({ ...jwk, kid }), RECEIPT_TYPE);
      return { ...answer, body: json(body) };
    },
  };
}

/** Has no batch endpoint (docs/protocol.md allows that: 404). */
export function withoutBatches(): Fault {
  return {
    name: 'has no batch endpoint',
    intercept: ({ url }) =>
      url.startsWith('/v1/messages/batch')
        ? { status: 404, headers: { 'content-type': 'application/problem+json' }, body: json({ type: 'urn:usm-link:problem:not-found', title: 'No such resource', status: 404, code: 'USM_ERR_NOT_FOUND' }) }
        : undefined,
  };
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A gateway that speaks the protocol but for one fault: a node:http server in front of a real
 * gateway that passes every request on and the answer back, except where the fault steps in.
 */
export async function startFaultyGateway(upstream: string, fault: Fault): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming);
      const seen = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', body };
      let answer = fault.intercept?.(seen);
      if (answer === undefined) {
        const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name))) as Record<string, string>;
        const response = await request(`${upstream}${seen.url}`, { method: seen.method as 'GET', headers, ...(seen.method === 'GET' || seen.method === 'HEAD' ? {} : { body }) });
        const passed = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)).map(([k, v]) => [k, String(v)]));
        answer = { status: response.statusCode, headers: passed, body: await response.body.text() };
        if (fault.alter !== undefined) answer = await fault.alter(answer, seen);
      }
      outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
      outgoing.end(answer.body);
    })().catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
