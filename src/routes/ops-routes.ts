import { readFile } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypedHandlers } from '../http/register-operations.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { VerificationKey } from '../keys/jwk.js';

export interface OpsRouteDeps {
  readonly contract: Readonly<Record<string, unknown>>;
  /** The keys published now (they change during a rollover). */
  readonly keys: () => readonly VerificationKey[];
  readonly checks: Readonly<Record<string, () => Promise<void>>>;
  /** The signed network directory to serve (config `network.serveFile`), if any. */
  readonly directoryFile?: string | undefined;
}

type DirectoryHandler = { readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> };

/** Liveness, readiness, the contract, this gateway's public keys and the network directory it serves. */
export function opsRoutes(deps: OpsRouteDeps): TypedHandlers<'getHealth' | 'getReadiness' | 'getContract' | 'getGatewayKeys'> & { readonly getNetworkDirectory: DirectoryHandler } {
  return {
    getHealth: { handler: async () => ({ status: 'ok' }) },
    getReadiness: {
      handler: async (request, reply) => {
        const details: Record<string, string> = {};
        const results = await Promise.all(
          Object.entries(deps.checks).map(async ([name, check]) => {
            try {
              await check();
              return [name, 'ok'] as const;
            } catch (error) {
              request.log.warn({ err: error, check: name }, 'readiness check failing');
              // Only a check that says what may be said in public (the network directory's state) gives a detail.
              const detail = (error as { detail?: unknown }).detail;
              if (typeof detail === 'string') details[name] = detail;
              return [name, 'failing'] as const;
            }
          }),
        );
        const ready = results.every(([, state]) => state === 'ok');
        return reply
          .code(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results), ...(Object.keys(details).length > 0 ? { details } : {}) });
      },
    },
    getContract: { handler: async () => deps.contract },
    getGatewayKeys: {
      handler: async (_request, reply) => reply.header('cache-control', 'public, max-age=300').code(200).send({ keys: deps.keys().map((k) => k.jwk) }),
    },
    getNetworkDirectory: {
      // Read on every request: the operator replaces the file and the next request serves the new one.
      handler: async (_request, reply) => {
        if (deps.directoryFile === undefined) throw new GatewayError('USM_ERR_NOT_FOUND', 'this gateway serves no network directory (config network.serveFile)');
        let text: string;
        try {
          text = (await readFile(deps.directoryFile, 'utf8')).trim();
        } catch (error) {
          throw new GatewayError('USM_ERR_NOT_FOUND', `the network directory cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
        return reply.header('cache-control', 'public, max-age=60').type('application/jose').code(200).send(text);
      },
    },
  };
}
