import { fail, pass, type Verdict } from './conformance-case.js';
import type { Exchange } from './target-session.js';

/** A header's first value. */
export function headerOf(exchange: Exchange, name: string): string | undefined {
  const value = exchange.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function isProblemDocument(exchange: Exchange): boolean {
  return /^application\/problem\+json\s*(;|$)/i.test(headerOf(exchange, 'content-type') ?? '');
}

/** The problem's code, when the body has one. */
export function codeOf(exchange: Exchange): string | undefined {
  const code = (exchange.body as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An answer in a line: `201`, `400 USM_ERR_WRONG_RECIPIENT`, `400 (text/html)`. */
export function summaryOf(exchange: Exchange): string {
  const code = codeOf(exchange);
  if (code !== undefined) return `${exchange.status} ${code}`;
  const type = headerOf(exchange, 'content-type');
  return exchange.status >= 400 && type !== undefined && !type.includes('json') ? `${exchange.status} (${type.split(';')[0]})` : String(exchange.status);
}

/**
 * The target refused with this status and one of these codes, as a problem document. The verdict
 * names what was expected and what came.
 */
export function refused(exchange: Exchange, status: number, ...codes: readonly string[]): Verdict {
  const expected = `${status} ${codes.join(' or ')}`;
  const code = codeOf(exchange);
  if (exchange.status !== status || code === undefined || !codes.includes(code)) return fail(`expected ${expected}, got ${summaryOf(exchange)}`);
  if (!isProblemDocument(exchange)) return fail(`expected ${expected} as application/problem+json, got ${headerOf(exchange, 'content-type') ?? 'no content-type'}`);
  return pass(`${status} ${code}`);
}

/** The target answered with this status; `problems` lists what else is wrong with the answer. */
export function answered(exchange: Exchange, status: number, what: string): string | undefined {
  return exchange.status === status ? undefined : `expected ${status} (${what}), got ${summaryOf(exchange)}`;
}

/** A record, or undefined when the value is not a JSON object. */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A check: undefined when it holds, else what is wrong. A function is only called when every check before it held. */
export type Check = string | undefined | (() => string | undefined);

/** Fails with the first problem, or passes with `detail`. */
export function firstProblem(checks: readonly Check[], detail: string): Verdict {
  for (const check of checks) {
    const problem = typeof check === 'function' ? check() : check;
    if (problem !== undefined) return fail(problem);
  }
  return pass(detail);
}
