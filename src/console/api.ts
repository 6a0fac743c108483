import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../generated/api.js';

export type Schemas = components['schemas'];
export type DeskCall = Schemas['DeskCall'];
export type Session = Schemas['ConsoleSession'];
export type Problem = Schemas['Problem'];

/** The session's CSRF token, sent with every write (set at sign-in and when the session is read). */
let csrfToken: string | undefined;
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken !== undefined) request.headers.set('usm-csrf-token', csrfToken);
    return request;
  },
};

/** The gateway's API, typed by its contract: the console can call only what the contract has. */
export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(csrf);

/** An answer that is not a success: its problem document, as one line for the page. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(`${problem.title ?? `HTTP ${status}`}${problem.detail ? `: ${problem.detail}` : ''}${problem.code ? ` (${problem.code})` : ''}`);
  }
}

/** The data of a successful answer, or an ApiProblem. */
export async function must<T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiProblem(response.status, (error ?? {}) as Partial<Problem>);
  return data as T;
}
