import { createServer, type Server } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createLocalJWKSet, flattenedVerify, type JSONWebKeySet } from 'jose';
import { tmf621Document } from '../../src/tmf/tmf621-contract.js';

/** The listener event schema of openapi/tmf621.yaml, every delivered event is checked against. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ ...tmf621Document, $id: 'tmf621' });
const validEvent = ajv.getSchema('tmf621#/components/schemas/ListenerEvent')!;

export interface ReceivedEvent {
  readonly body: any;
  readonly raw: string;
  readonly signature: string;
}

export interface TmfListener {
  readonly url: string;
  /** Every request received, in order (retries included). */
  readonly received: ReceivedEvent[];
  /** The answer to the next request (default 200). */
  answer: (event: ReceivedEvent) => number;
  /** Checks each received event's `Usm-Signature` with the gateway's JWKS and its body against the contract; throws naming the first that does not do. */
  verifyAll(jwksUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** A TMF621 listener: a plain HTTP server on 127.0.0.1 that keeps what it is sent. */
export async function startTmfListener(): Promise<TmfListener> {
  const received: ReceivedEvent[] = [];
  const listener: TmfListener = {
    url: '',
    received,
    answer: () => 200,
    async verifyAll(jwksUrl) {
      const jwks = createLocalJWKSet((await (await fetch(jwksUrl)).json()) as JSONWebKeySet);
      for (const event of received) {
        const [protectedHeader, empty, signature] = event.signature.split('.');
        if (empty !== '') throw new Error(`not a detached JWS: ${event.signature}`);
        await flattenedVerify({ protected: protectedHeader!, payload: Buffer.from(event.raw).toString('base64url'), signature: signature! }, jwks);
        if (!validEvent(event.body)) throw new Error(`event ${event.body.eventId} does not match ListenerEvent: ${ajv.errorsText(validEvent.errors)}`);
      }
    },
    close: async () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const event = { body: JSON.parse(raw), raw, signature: String(request.headers['usm-signature'] ?? '') };
      received.push(event);
      response.statusCode = listener.answer(event);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  (listener as { url: string }).url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/listener`;
  return listener;
}
