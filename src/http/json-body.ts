import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';

/** Parses JSON bodies while keeping their exact bytes on `request.rawBody` (signatures cover bytes, not values). */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(/^application\/([a-z0-9.+-]+\+)?json\s*(;.*)?$/i, { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.rawBody = bytes;
    if (bytes.length === 0) return done(new GatewayError('USM_ERR_MALFORMED_JSON', 'the body is empty'), undefined);
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch (error) {
      done(new GatewayError('USM_ERR_MALFORMED_JSON', (error as Error).message), undefined);
    }
  });
}
