import type { TypedHandlers } from '../http/register-operations.js';
import type { VerificationKey } from '../keys/jwk.js';

export interface OpsRouteDeps {
  readonly contract: Readonly<Record<string, unknown>>;
  readonly keys: readonly VerificationKey[];
  readonly checks: Readonly<Record<string, () => Promise<void>>>;
}

/** Liveness, readiness, the contract and this gateway's public keys. */
export function opsRoutes(deps: OpsRouteDeps): TypedHandlers<'getHealth' | 'getReadiness' | 'getContract' | 'getGatewayKeys'> {
  return {
    getHealth: { handler: async () => ({ status: 'ok' }) },
    getReadiness: {
      handler: async (request, reply) => {
        const results = await Promise.all(
          Object.entries(deps.checks).map(async ([name, check]) => {
            try {
              await check();
              return [name, 'ok'] as const;
            } catch (error) {
              request.log.warn({ err: error, check: name }, 'readiness check failing');
              return [name, 'failing'] as const;
            }
          }),
        );
        const ready = results.every(([, state]) => state === 'ok');
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
      },
    },
    getContract: { handler: async () => deps.contract },
    getGatewayKeys: {
      handler: async (_request, reply) => reply.header('cache-control', 'public, max-age=300').code(200).send({ keys: deps.keys.map((k) => k.jwk) }),
    },
  };
}
