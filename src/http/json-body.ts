import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';
import { duplicateMember } from '../messages/duplicate-members.js';

/**
 * Parses JSON bodies while keeping their exact bytes on `request.rawBody` (signatures cover bytes,
 * not values). A body with a member twice in one object is refused: JSON.parse would keep the last
 * value, another reader of the same signed bytes the first.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(/^application\/([a-z0-9.+-]+\+)?json\s*(;.*)?$/i, { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.rawBody = bytes;
    if (bytes.length === 0) return done(new GatewayError('USM_ERR_MALFORMED_JSON', 'the body is empty'), undefined);
    const text = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return done(new GatewayError('USM_ERR_MALFORMED_JSON', (error as Error).message), undefined);
    }
    const duplicate = duplicateMember(text);
    if (duplicate !== undefined) return done(duplicateMemberError(duplicate), undefined);
    done(null, value);
  });
}

/** The refusal of a member that appears twice (in a body, or in a message of a batch). */
export function duplicateMemberError(pointer: string): GatewayError {
  return new GatewayError('USM_ERR_DUPLICATE_MEMBER', `the member ${pointer} appears more than once`, { errors: [{ path: `body${pointer}`, message: 'appears more than once' }] });
}
