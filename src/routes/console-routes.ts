import type { FastifyRequest } from 'fastify';
import type { ConsoleAccounts } from '../keys/console-accounts.js';
import type { ConsoleSession, ConsoleSessions } from '../keys/console-sessions.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { checkedSession, sessionCookieOf, setSessionCookie } from '../http/console-session.js';
import type { TypedHandlers } from '../http/register-operations.js';
import type { RateLimiter } from '../partners/rate-limiter.js';

export interface ConsoleRouteDeps {
  readonly accounts: ConsoleAccounts;
  readonly sessions: ConsoleSessions;
  /** Failed sign-in attempts, counted per name and per client address. */
  readonly attempts: RateLimiter;
  readonly now: () => number;
}

function sessionView(session: ConsoleSession) {
  return { person: session.person, roles: [...session.roles], via: session.via, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() };
}

/** Signing in to the web console, the session, signing out. */
export function consoleRoutes(deps: ConsoleRouteDeps): TypedHandlers<'consoleSignIn' | 'consoleGetSession' | 'consoleSignOut'> {
  const cookieOf = (request: FastifyRequest): string => {
    const cookie = sessionCookieOf(request);
    if (cookie === undefined) throw new GatewayError('USM_ERR_SESSION_INVALID', 'not signed in');
    return cookie;
  };
  return {
    consoleSignIn: {
      handler: async (request, reply) => {
        const { name, password, token } = request.body;
        // Failed attempts count, per client address and per name; once they are used up, every attempt waits.
        const keys = [`address ${request.ip}`, ...(name !== undefined ? [`name ${name}`] : [])];
        for (const key of keys) deps.attempts.check(key);
        const person = await deps.accounts.signIn({ name, password, token }).catch((error: unknown) => {
          for (const key of keys) deps.attempts.take(key);
          throw error;
        });
        const { id, session } = deps.sessions.open(person);
        setSessionCookie(request, reply, id, Math.floor((session.expiresAt - deps.now()) / 1000));
        request.log.info({ console: { person: person.person, via: person.via } }, 'console: signed in');
        return reply.code(201).send(sessionView(session));
      },
    },
    consoleGetSession: {
      handler: async (request, reply) => {
        const cookie = sessionCookieOf(request);
        const session = cookie === undefined ? undefined : deps.sessions.find(cookie);
        return session === undefined ? reply.code(204).send() : sessionView(session);
      },
    },
    consoleSignOut: {
      handler: async (request, reply) => {
        const cookie = cookieOf(request);
        checkedSession(deps.sessions, request, cookie);
        deps.sessions.close(cookie);
        setSessionCookie(request, reply, undefined);
        return reply.code(204).send();
      },
    },
  };
}
