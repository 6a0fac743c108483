import { ATTR, type Tracing } from '../kernel/tracing.js';

/**
 * Wraps a store's writes in `usm.commit` spans (from the write asked for to its being durable),
 * only inside a trace; the writes themselves when tracing is off.
 */
export function commitSpans(tracing: Tracing | undefined, system: 'sqlite' | 'postgresql'): (<T>(work: () => Promise<T>) => Promise<T>) | undefined {
  if (tracing === undefined || !tracing.on) return undefined;
  const options = { withinTrace: true, attributes: { [ATTR.dbSystem]: system } };
  return (work) => tracing.span('usm.commit', options, work);
}
