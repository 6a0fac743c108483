import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../src/delivery/backoff.js';
import { CircuitBreaker } from '../../src/delivery/circuit-breaker.js';

describe('backoff', () => {
  it('doubles up to the ceiling, with half of it random', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(4, 100, 10_000, () => 0.5)).toBe(600);
    expect(backoffDelay(30, 100, 10_000, () => 1)).toBe(10_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('the circuit breaker', () => {
  it('opens after the threshold, lets one attempt through after the cooldown, and closes on success', () => {
    const circuit = new CircuitBreaker(3, 1000);
    circuit.failure(0);
    circuit.failure(10);
    expect(circuit.state(20)).toBe('closed');
    circuit.failure(20);
    expect(circuit.state(500)).toBe('open');
    expect(circuit.nextAttemptAt(500)).toBe(1020);
    expect(circuit.state(1020)).toBe('half-open');
    circuit.failure(1020);
    expect(circuit.state(1500)).toBe('open');
    circuit.success();
    expect(circuit.state(1500)).toBe('closed');
    expect(circuit.nextAttemptAt(1500)).toBe(1500);
  });
});
