import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../kernel/gateway-error.js';
import type { ConsolePerson } from './console-accounts.js';

export interface ConsoleSession extends ConsolePerson {
  /** Sent back by the console in `Usm-Csrf-Token` with every write. */
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface ConsoleSessions {
  /** A new session for the person: the cookie's value (a random secret, kept here only as its digest) and the session. */
  open(person: ConsolePerson): { readonly id: string; readonly session: ConsoleSession };
  /** The session of a cookie value; a 401 USM_ERR_SESSION_INVALID when unknown, signed out or expired. */
  get(id: string): ConsoleSession;
  /** The session of a cookie value, or undefined when there is none (now). */
  find(id: string): ConsoleSession | undefined;
  close(id: string): void;
  /** Whether `token` is the session's CSRF token (compared in constant time). */
  csrfMatches(session: ConsoleSession, token: string | undefined): boolean;
}

/**
 * The console's sessions, in this process's memory: a restart signs everyone out, and with
 * replicas a session is known to the replica that opened it only (sticky sessions, docs/console.md).
 * Kept in memory because nothing about a session needs to outlive the process, and no session
 * secret then sits in the store. Sessions end `lifetimeMs` after sign-in; at most `max` are kept
 * (the oldest goes first).
 */
export function createConsoleSessions(options: { lifetimeMs: number; now: () => number; max?: number }): ConsoleSessions {
  const sessions = new Map<string, ConsoleSession>();
  const max = options.max ?? 10_000;
  const keyOf = (id: string): string => createHash('sha256').update(id).digest('base64url');
  const sweep = (t: number): void => {
    for (const [key, session] of sessions) if (session.expiresAt <= t) sessions.delete(key);
  };
  function get(id: string): ConsoleSession {
    const key = keyOf(id);
    const session = sessions.get(key);
    if (session === undefined) throw new GatewayError('USM_ERR_SESSION_INVALID', 'sign in again');
    if (session.expiresAt <= options.now()) {
      sessions.delete(key);
      throw new GatewayError('USM_ERR_SESSION_INVALID', 'the session has expired; sign in again');
    }
    return session;
  }
  return {
    open(person) {
      const t = options.now();
      sweep(t);
      if (sessions.size >= max) sessions.delete(sessions.keys().next().value!);
      const id = randomBytes(32).toString('base64url');
      const session: ConsoleSession = { ...person, csrfToken: randomBytes(24).toString('base64url'), createdAt: t, expiresAt: t + options.lifetimeMs };
      sessions.set(keyOf(id), session);
      return { id, session };
    },
    get,
    find(id) {
      try {
        return get(id);
      } catch {
        return undefined;
      }
    },
    close(id) {
      sessions.delete(keyOf(id));
    },
    csrfMatches(session, token) {
      if (token === undefined) return false;
      const a = Buffer.from(session.csrfToken);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
