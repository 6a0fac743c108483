import type * as Undici from 'undici';
import { lazyModule } from './lazy-module.js';

/**
 * undici, imported on the first outbound call and kept. It is some hundred modules, and loading them
 * took a good share of a gateway's start-up, before it had called anyone; modules that call out take
 * its types with `import type` and its values from here.
 */
export const undici: () => Promise<typeof Undici> = lazyModule(() => import('undici'));

/** A dispatcher made on first use (undici loaded then), closed with its owner: never made, nothing to close. */
export interface LazyDispatcher {
  get(): Promise<Undici.Dispatcher>;
  close(): Promise<void>;
}

export function lazyDispatcher(make: (undici: typeof Undici) => Undici.Dispatcher): LazyDispatcher {
  let made: Promise<Undici.Dispatcher> | undefined;
  return {
    get: () => (made ??= undici().then(make)),
    async close() {
      if (made !== undefined) await (await made).close();
    },
  };
}
