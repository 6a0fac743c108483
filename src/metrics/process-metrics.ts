import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * The process's own figures (CPU, memory, event loop delay, GC, handles), in a registry of their own
 * that every gateway of the process adds to its exposition. They are collected once per process: each
 * collection starts an event-loop monitor and a GC observer that are never stopped, and a test that
 * runs many gateways in one process must not gather them once per gateway.
 */
export function processMetrics(): Registry {
  if (shared === undefined) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
