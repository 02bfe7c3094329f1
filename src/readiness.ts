/**
 * `/ready`: whether PrivX answered a token request and one cheap call within the last interval. The answer is
 * kept for the interval, and concurrent probes share one check, so a busy load balancer costs PrivX one call
 * per interval at most.
 */
export class Readiness {
  private checkedAt = Number.NEGATIVE_INFINITY;
  private ready = false;
  private pending: Promise<boolean> | undefined;
  private drainingSince: number | undefined;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True once the process has begun to stop: a load balancer must send it nothing new, whatever PrivX does. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** Called when shutdown begins; there is no way back. */
  drain(): void {
    this.drainingSince ??= this.now();
  }

  isReady(): Promise<boolean> {
    if (this.draining) return Promise.resolve(false);
    if (this.now() - this.checkedAt < this.intervalMs) return Promise.resolve(this.ready);
    this.pending ??= this.ping()
      .then(
        () => true,
        () => false,
      )
      .then((ready) => {
        this.ready = ready;
        this.checkedAt = this.now();
        this.pending = undefined;
        return ready;
      });
    return this.pending;
  }
}
