import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';
import type { BearerAuthenticator } from '../keys/bearer-tokens.js';
import type { ConsoleRole } from '../keys/console-accounts.js';
import type { ConsoleSession, ConsoleSessions } from '../keys/console-sessions.js';

/** The console's session cookie (httpOnly, SameSite=Strict, Secure over TLS). */
export const SESSION_COOKIE = 'usm_console';
/** The header a console write carries its session's CSRF token in. */
export const CSRF_HEADER = 'usm-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who made a desk or admin request: a bearer token's name, or the person signed in to the console. */
export interface RequestAuthenticator {
  verify(request: FastifyRequest): string;
}

export function sessionCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * A bearer token when the request has `Authorization`; else the console session of its cookie,
 * which must have `role`, and whose CSRF token every write must carry in `Usm-Csrf-Token` (a page
 * of another site can make the browser send the cookie, never that header's value).
 */
export function tokenOrSession(bearer: BearerAuthenticator, sessions: ConsoleSessions, role: ConsoleRole): RequestAuthenticator {
  return {
    verify(request) {
      const cookie = request.headers.authorization === undefined ? sessionCookieOf(request) : undefined;
      if (cookie === undefined) return bearer.verify(request.headers.authorization);
      const session = checkedSession(sessions, request, cookie);
      if (!session.roles.includes(role)) throw new GatewayError('USM_ERR_ROLE_REQUIRED', `${session.person} does not have the ${role} role`);
      return session.person;
    },
  };
}

/** The session of the cookie, with the CSRF token checked on a write. */
export function checkedSession(sessions: ConsoleSessions, request: FastifyRequest, cookie: string): ConsoleSession {
  const session = sessions.get(cookie);
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (!sessions.csrfMatches(session, typeof sent === 'string' ? sent : undefined)) throw new GatewayError('USM_ERR_CSRF_TOKEN_INVALID', `send the session's CSRF token in ${CSRF_HEADER}`);
  }
  return session;
}

/** Sets (or, with no id, clears) the session cookie. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string | undefined, maxAgeSeconds = 0): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${id ?? ''}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${id === undefined ? 0 : maxAgeSeconds}${secure}`);
}
