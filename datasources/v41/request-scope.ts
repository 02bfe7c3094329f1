import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { V41BudgetExceededError, V41DeadlineError } from './errors';

/**
 * What one GraphQL request may spend upstream: a deadline and a number of calls. Carried by async context
 * rather than through every loader and client method, so the layers keep their signatures and a call made
 * anywhere below a request (a loader batch, a shared cache load, a page of a list) is charged to it.
 */
export class RequestScope {
  readonly signal: AbortSignal;
  private calls = 0;

  constructor(
    readonly deadlineMs: number,
    readonly callBudget: number,
    /** When the request arrived: time it spent waiting for a slot counts toward its deadline. */
    private readonly startedAt = Date.now(),
    /**
     * Work no client waits for (the change poller): its calls share a small part of the upstream concurrency
     * (`UpstreamResilience`), so it never takes the slots requests need.
     */
    readonly background = false,
  ) {
    this.signal = AbortSignal.timeout(Math.max(0, deadlineMs - (Date.now() - startedAt)));
    // Each upstream call in flight listens on this signal (its wait and its fetch): up to two per call the
    // budget allows, which is no leak, so Node's warning past 10 listeners would only cry wolf in the logs.
    setMaxListeners(Math.max(10, 2 * callBudget), this.signal);
  }

  get callsMade(): number {
    return this.calls;
  }

  /** Milliseconds left before the deadline (0 once passed). */
  remainingMs(): number {
    return Math.max(0, this.deadlineMs - (Date.now() - this.startedAt));
  }

  /** Charges one upstream call, or throws when the deadline passed or the budget is spent. */
  charge(operation: string): void {
    this.throwIfExpired(operation);
    if (this.calls >= this.callBudget) throw new V41BudgetExceededError(operation, this.callBudget);
    this.calls += 1;
  }

  throwIfExpired(operation: string): void {
    if (this.signal.aborted) throw this.deadlineError(operation);
  }

  /**
   * `work`, or this scope's deadline error once the deadline passes first: how a request waits for something it
   * does not own (a shared load), bounded by its own deadline while the work goes on for the others.
   */
  bound<T>(work: Promise<T>, operation: string): Promise<T> {
    if (this.signal.aborted) return Promise.reject(this.deadlineError(operation));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.deadlineError(operation));
      this.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', onAbort));
    });
  }

  deadlineError(operation: string): V41DeadlineError {
    return new V41DeadlineError(`PrivX ${operation} abandoned: the request deadline of ${this.deadlineMs} ms passed`, undefined, undefined, operation);
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with every upstream call below it charged to `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/**
 * Runs `load` in a scope of its own (`bounds`: a fresh deadline and call budget), whatever request started it:
 * for a load other requests may join (a de-duplicated cache load), so that the starter's deadline or spent
 * budget never fails the joiners. Its calls are charged to no request.
 */
export function runDetached<T>(bounds: { timeoutMs: number; callBudget: number }, load: () => Promise<T>): Promise<T> {
  return storage.run(new RequestScope(bounds.timeoutMs, bounds.callBudget), load);
}

/** `work` bounded by the current request's deadline, if there is a request; else `work` itself. */
export function withinCurrentDeadline<T>(work: Promise<T>, operation: string): Promise<T> {
  const scope = storage.getStore();
  return scope ? scope.bound(work, operation) : work;
}

/** The scope of the request being served, if any (start-up, readiness probes and scripts have none). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
