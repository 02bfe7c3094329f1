import type { Logger } from '../observability';
import type { Refusal } from './in-flight-limit';

/** One warning per window, however many requests a flood gets refused. */
export const REJECTION_LOG_WINDOW_MS = 10_000;

/**
 * The log side of refusals: the first refusal is logged at once, the rest of a flood as one summary line per
 * window (counts by reason), so an overload is never silent and never writes a line per refused request.
 */
export class RejectionLog {
  private counts: Record<Refusal, number> = { 'queue-full': 0, 'queue-timeout': 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly describe: () => Record<string, unknown>,
    private readonly windowMs = REJECTION_LOG_WINDOW_MS,
  ) {}

  record(reason: Refusal): void {
    if (this.timer) {
      this.counts[reason] += 1;
      return;
    }
    this.logger.warn({ reason, ...this.describe() }, 'Server busy: refusing GraphQL requests with 503 SERVER_BUSY');
    this.startWindow();
  }

  /** Writes what is still counted (at shutdown). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.summarise();
  }

  private startWindow(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Still refusing: keep summarising; quiet for a whole window: the next refusal is logged at once again.
      if (this.summarise()) this.startWindow();
    }, this.windowMs);
    this.timer.unref();
  }

  private summarise(): boolean {
    const { counts } = this;
    const total = counts['queue-full'] + counts['queue-timeout'];
    if (total === 0) return false;
    this.counts = { 'queue-full': 0, 'queue-timeout': 0 };
    this.logger.warn({ refused: total, byReason: counts, windowMs: this.windowMs, ...this.describe() }, `Server busy: refused ${total} more GraphQL requests with 503 SERVER_BUSY`);
    return true;
  }
}
