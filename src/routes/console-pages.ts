import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';
import { CONSOLE_ASSET_PATH, type ConsoleBundle } from '../http/console-bundle.js';

/**
 * The console's pages: no script or style but the bundle's own files (so no inline script or
 * style runs, whatever a call's text holds), nothing framed, nothing sent elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

/** Asset names carry their content hash: a new bundle has new names, so an old one may be cached for a year. */
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * Serves the console (the HTML shell at `/console`, its assets under `/console/assets/`). These are
 * pages, not API operations: the console reads and writes through the contract's operations only.
 */
export function consolePages(bundle: () => Promise<ConsoleBundle>) {
  return async (app: FastifyInstance): Promise<void> => {
    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      const { html } = await bundle();
      reply.headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
      return reply.send(html);
    };
    app.get('/console', page);
    app.get('/console/', page);
    app.get<{ Params: { name: string } }>(`${CONSOLE_ASSET_PATH}:name`, async (request, reply) => {
      const asset = (await bundle()).assets.get(request.params.name);
      if (asset === undefined) throw new GatewayError('USM_ERR_NOT_FOUND', `no console asset ${request.params.name}`);
      const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      reply.headers(SECURITY_HEADERS).header('cache-control', FOREVER).header('vary', 'accept-encoding').type(asset.type);
      if (gzip) reply.header('content-encoding', 'gzip');
      return reply.send(gzip ? asset.gzip : asset.body);
    });
  };
}
