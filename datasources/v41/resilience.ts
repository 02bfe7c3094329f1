import {
  BrokenCircuitError,
  bulkhead,
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  IsolatedCircuitError,
  retry,
  TaskCancelledError,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IRetryBackoffContext,
  type RetryPolicy,
  CircuitState,
} from 'cockatiel';
import { breakerState, type BreakerStateMessage } from '../telemetry';
import { isTransient, isUpstreamFailure, V41CircuitOpenError, V41Error } from './errors';
import { currentRequestScope, type RequestScope } from './request-scope';

export interface ResilienceOptions {
  /** Upstream calls in flight at once, for the whole process; more wait in a queue. */
  concurrency: number;
  /** Tries of one call, the first included; every PrivX read is idempotent, `POST /users/search` too. */
  maxAttempts: number;
  /** The backoff before the n-th retry is drawn uniformly from 0..min(maxBackoffMs, initialBackoffMs * 2^(n-1)). */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** The longest `Retry-After` waited for; a longer one fails the call at once (and never past the deadline). */
  maxRetryAfterMs: number;
  /** Consecutive PrivX failures that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit fails calls fast before letting one probe through. */
  breakerResetMs: number;
}

export const DEFAULT_RESILIENCE: Readonly<ResilienceOptions> = {
  concurrency: 32,
  maxAttempts: 6,
  initialBackoffMs: 50,
  maxBackoffMs: 1_000,
  maxRetryAfterMs: 5_000,
  breakerThreshold: 10,
  breakerResetMs: 5_000,
};

/** cockatiel's states as the metrics name them; a manually isolated circuit is open. */
const BREAKER_STATES: Record<CircuitState, BreakerStateMessage['state']> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** Slots background work may hold at once: an eighth of the cap, at least one. */
export function backgroundShare(concurrency: number): number {
  return Math.max(1, Math.floor(concurrency / 8));
}

/** A queued call gives up its place when its request's deadline passes, rather than waiting for a slot. */
function untilDeadline<T>(work: Promise<T>, scope: RequestScope, operation: string): Promise<T> {
  if (scope.signal.aborted) return Promise.reject(scope.deadlineError(operation));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(scope.deadlineError(operation));
    scope.signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => scope.signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Every PrivX call goes through here: retried on transient failures with exponential backoff and full jitter
 * (or after the upstream's `Retry-After`), each try passing a circuit breaker that fails fast while PrivX is
 * down, then a bulkhead that caps the calls in flight. A request's deadline and call budget (see
 * `RequestScope`) bound all of it. The policies are cockatiel's; this only wires them to our errors.
 */
export class UpstreamResilience {
  readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;
  /** Background work (a `background` scope: the change poller) queues here first: at most an eighth of the slots. */
  private readonly background: BulkheadPolicy;
  private readonly retry: RetryPolicy;

  constructor(readonly options: ResilienceOptions = DEFAULT_RESILIENCE) {
    this.bulkhead = bulkhead(options.concurrency, Number.MAX_SAFE_INTEGER);
    this.background = bulkhead(backgroundShare(options.concurrency), Number.MAX_SAFE_INTEGER);
    this.breaker = circuitBreaker(
      handleWhen((error) => isUpstreamFailure(error)),
      { halfOpenAfter: options.breakerResetMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) },
    );
    this.breaker.onStateChange((state) => {
      if (breakerState.hasSubscribers) breakerState.publish({ name: 'privx', state: BREAKER_STATES[state] } satisfies BreakerStateMessage);
    });
    const jitter = new ExponentialBackoff({ generator: fullJitterGenerator, initialDelay: options.initialBackoffMs, maxDelay: options.maxBackoffMs });
    this.retry = retry(
      handleWhen((error) => this.worthRetrying(error)),
      {
        maxAttempts: Math.max(0, options.maxAttempts - 1),
        backoff: new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown> | undefined>((context, previous) => {
          const next = previous ? previous.next(context) : jitter.next();
          const error = 'error' in context.result ? context.result.error : undefined;
          const asked = error instanceof V41Error ? error.retryAfterMs : undefined;
          const remaining = currentRequestScope()?.remainingMs() ?? Number.POSITIVE_INFINITY;
          return { delay: Math.min(asked ?? next.duration, remaining), state: next };
        }),
      },
    );
  }

  /** Runs one upstream call with retries, breaker, concurrency cap, deadline and budget. */
  async execute<T>(operation: string, attempt: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const scope = currentRequestScope();
    return this.translated(operation, scope, () => this.retry.execute(() => this.tryOnce(operation, scope, attempt)));
  }

  /**
   * One try with everything but the retries: breaker, cap, deadline and budget. For a call that must not be
   * sent twice (a create: PrivX has no idempotency key).
   */
  async executeOnce<T>(operation: string, attempt: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const scope = currentRequestScope();
    return this.translated(operation, scope, () => this.tryOnce(operation, scope, attempt));
  }

  /** One try: the deadline checked, the breaker passed, a slot of the cap taken (background work: of its share). */
  private tryOnce<T>(operation: string, scope: RequestScope | undefined, attempt: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    scope?.throwIfExpired(operation);
    return this.breaker.execute(() => {
      const send = () =>
        this.bulkhead.execute(() => {
          scope?.charge(operation);
          return attempt(scope?.signal);
        });
      const sent = scope?.background ? this.background.execute(send) : send();
      return scope ? untilDeadline(sent, scope, operation) : sent;
    });
  }

  /** cockatiel's refusals in this client's terms: an open breaker, or a slot given up at the request's deadline. */
  private async translated<T>(operation: string, scope: RequestScope | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw new V41CircuitOpenError(`PrivX ${operation} not sent: the circuit breaker is open after repeated failures`, undefined, undefined, operation);
      }
      if (error instanceof TaskCancelledError && scope) throw scope.deadlineError(operation);
      throw error;
    }
  }

  /** One try, no retries: what a readiness probe wants to know. Still capped, and counted by the breaker. */
  async once<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await this.breaker.execute(() => this.bulkhead.execute(attempt));
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw new V41CircuitOpenError(`PrivX ${operation} not sent: the circuit breaker is open`, undefined, undefined, operation);
      }
      throw error;
    }
  }

  /** Transient, and any wait the upstream asked for fits both our bound and what is left of the deadline. */
  private worthRetrying(error: unknown): boolean {
    if (!isTransient(error)) return false;
    if (error.retryAfterMs === undefined) return true;
    const remaining = currentRequestScope()?.remainingMs() ?? Number.POSITIVE_INFINITY;
    return error.retryAfterMs <= Math.min(this.options.maxRetryAfterMs, remaining);
  }
}
