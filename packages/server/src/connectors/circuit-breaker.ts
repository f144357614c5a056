// Stops calling a failing department for a cool-down, so a dead system costs nothing per request.

/** closed → (N consecutive failures) → open → (cool-down) → half-open → success closes / failure reopens. */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil = 0;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 'open' while cooling down; 'half-open' lets one trial through after it. */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.consecutiveFailures < this.failureThreshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** True when a call may go out now. */
  allows(): boolean {
    return this.state !== 'open';
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
  }

  recordFailure(): void {
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.failureThreshold) this.openUntil = this.now() + this.cooldownMs;
  }
}
