export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * One partner's circuit: after `threshold` failures in a row it opens for `cooldownMs`, then lets
 * one attempt through (half-open); a success closes it, a failure opens it again.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;

  constructor(
    readonly threshold: number,
    readonly cooldownMs: number,
  ) {}

  state(now: number): CircuitState {
    if (this.#failures < this.threshold) return 'closed';
    return now < this.#openUntil ? 'open' : 'half-open';
  }

  /** When the next attempt may be made (now, unless open). */
  nextAttemptAt(now: number): number {
    return this.state(now) === 'open' ? this.#openUntil : now;
  }

  success(): void {
    this.#failures = 0;
    this.#openUntil = 0;
  }

  failure(now: number): void {
    this.#failures++;
    if (this.#failures >= this.threshold) this.#openUntil = now + this.cooldownMs;
  }

  get failures(): number {
    return this.#failures;
  }
}
