import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * How often the event-loop delay is sampled, in ms (prom-client's default is 10): a timer that fires
 * 100 times a second was the larger part of an idle gateway's CPU. The `nodejs_eventloop_lag_*`
 * figures are the same delays, of fewer samples.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * The process's own figures (CPU, memory, event loop delay, GC, handles), in a registry of their own
 * that every gateway of the process adds to its exposition. They are collected once per process: each
 * collection starts an event-loop monitor and a GC observer that are never stopped, and a test that
 * runs many gateways in one process must not gather them once per gateway.
 */
export function processMetrics(): Registry {
  if (shared === undefined) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }
  return shared;
}
