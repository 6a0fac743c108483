/**
 * Waits for a condition by counting polls, not by the clock: polls `read` every `intervalMs` until
 * `done(value)`, and gives up only after `patience` polls in a row that saw the same value (or an
 * error), that is no progress, or after `maxPolls` in all. A slow or shared machine makes a wait
 * longer, never red; a stuck one still fails, naming what it waited for and what it last saw.
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  options: { readonly intervalMs?: number; readonly patience?: number; readonly maxPolls?: number } = {},
): Promise<T> {
  const { intervalMs = 50, patience = 400, maxPolls = 100_000 } = options;
  let last: string | undefined;
  let still = 0;
  for (let poll = 1; poll <= maxPolls; poll++) {
    let seen: string;
    try {
      const value = await read();
      if (done(value)) return value;
      seen = JSON.stringify(value) ?? String(value);
    } catch (error) {
      seen = `error: ${(error as Error).message}`;
    }
    still = seen === last ? still + 1 : 0;
    last = seen;
    if (still >= patience) throw new Error(`no progress towards ${what} in ${patience} polls; last saw ${last.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not reached in ${maxPolls} polls; last saw ${String(last).slice(0, 300)}`);
}
