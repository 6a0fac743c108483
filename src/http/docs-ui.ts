import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

/** Headers of the Swagger UI's answers that the gateway's own reply sets itself. */
const OWN_HEADERS = new Set(['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding']);

/**
 * The Swagger UI at `/docs` (over the contract, `/openapi.json`), made on its first request: its
 * plugins (@fastify/swagger, @fastify/swagger-ui with @fastify/static, their YAML library) were a
 * large share of a gateway's start-up, and most gateways never show it. It runs in a fastify app of
 * its own, never listening: each request to `/docs` and below is passed to it and its answer sent as
 * the gateway's (through the gateway's hooks: request id, metrics); a path it does not serve is the
 * gateway's 404 problem.
 */
export function installDocsUi(app: FastifyInstance, contract: object): void {
  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = (): Promise<FastifyInstance> =>
    (docs ??= (async () => {
      const [{ default: fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([import('fastify'), import('@fastify/swagger'), import('@fastify/swagger-ui')]);
      const ui = fastify({ logger: false });
      await ui.register(swagger, { mode: 'static', specification: { document: contract as never } });
      await ui.register(swaggerUi, { routePrefix: '/docs', uiConfig: { url: '/openapi.json' } as never });
      await ui.ready();
      return ui;
    })());
  // A failed build is tried again on the next request.
  const ready = (): Promise<FastifyInstance> => docsApp().catch((error: unknown) => ((docs = undefined), Promise.reject(error)));

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const ui = await ready();
    const answer = await ui.inject({ method: request.method as 'GET' | 'HEAD', url: request.url, headers: request.headers });
    if (answer.statusCode === 404) return reply.callNotFound();
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!OWN_HEADERS.has(name) && value !== undefined) headers[name] = value;
    return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
  };
  app.get('/docs', handler);
  app.get('/docs/*', handler);
  app.addHook('onClose', async () => {
    if (docs !== undefined) await (await docs.catch(() => undefined))?.close();
  });
}
