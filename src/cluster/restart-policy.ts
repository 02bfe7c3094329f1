export interface RestartPolicyOptions {
  /** Wait before the first replacement; doubled for each worker that dies soon after the last. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A worker that served this long died of something else than a crash loop: the delay starts over. */
  stableMs: number;
  /** Replacements in a row that die before serving: past this, the configuration or machine is at fault. */
  maxStartFailures: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { initialDelayMs: 500, maxDelayMs: 30_000, stableMs: 60_000, maxStartFailures: 5 };

export type RestartDecision = { restartInMs: number } | { giveUp: string };

/**
 * When the cluster primary replaces a worker that died: at once-ish after a long life, ever later while
 * workers keep dying (a crash loop must not spin), and never again once replacements keep failing to start.
 */
export class RestartPolicy {
  private delayMs: number;
  private startFailures = 0;

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {
    this.delayMs = options.initialDelayMs;
  }

  /** `servedMs`: how long the dead worker served; `undefined` if it died before it served at all. */
  onExit(servedMs: number | undefined): RestartDecision {
    if (servedMs === undefined) {
      this.startFailures += 1;
      if (this.startFailures >= this.options.maxStartFailures) return { giveUp: `${this.startFailures} workers in a row died before serving` };
    } else {
      this.startFailures = 0;
      if (servedMs >= this.options.stableMs) this.delayMs = this.options.initialDelayMs;
    }
    const restartInMs = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs);
    return { restartInMs };
  }
}
