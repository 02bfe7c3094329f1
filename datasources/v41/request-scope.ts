import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { V41BudgetExceededError, V41DeadlineError } from './errors';

/**
 * A typed place in every request's scope for what a layer above keeps of the request: src/observability keeps the
 * operation log (request id, span, outcome, errors) in one. The datasources never read these; they import nothing
 * of src/ (docs/architecture.md), so the slot, not this file, knows the type.
 */
export class ScopeSlot<T> {
  /** Only for the type: a slot of one type is not a slot of another. */
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/** The upstream work done for a request, counted from the datasources' events (datasources/telemetry.ts). */
export interface UpstreamUsage {
  /** Upstream calls answered or failed, by route template. */
  calls: Record<string, number>;
  /** Upstream calls with no answer or a status >= 400, by route template. */
  failures: Record<string, number>;
  retries: number;
  cache: { hits: number; misses: number };
}

/** What a scope reports into: its own, or (a shared load's) the request that started it. */
interface Report {
  readonly usage: UpstreamUsage;
  readonly slots: Map<ScopeSlot<unknown>, unknown>;
}

const newReport = (): Report => ({ usage: { calls: {}, failures: {}, retries: 0, cache: { hits: 0, misses: 0 } }, slots: new Map() });

/**
 * Everything one request holds while it is answered, and nothing outlives it: what it may spend upstream (a
 * deadline and a number of calls), its "now", its memo of reads per record, the upstream work it caused and what
 * the layers above attach (its operation log). One object, carried by async context rather than through every
 * loader and client method, so the layers keep their signatures and a call made anywhere below a request (a loader
 * batch, a page of a list) is charged to it; the GraphQL context holds the same object (`context.request`).
 */
export class RequestScope {
  private deadline: AbortSignal | undefined;
  private calls = 0;
  private clock: number | undefined;
  private readonly report: Report;
  /**
   * One read per record and relation (src/entities/per-user.ts), keyed by the record: records may be shared by
   * requests (the cached membership index's members are), a read is not, so the memo lives in the request's scope.
   */
  readonly memo = new WeakMap<object, Map<string, Promise<unknown>>>();

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
    /** A shared load's scope reports to the request that started it (`runDetached`); a request's to itself. */
    reportTo?: RequestScope,
  ) {
    this.report = reportTo?.report ?? newReport();
  }

  /**
   * Aborts at the deadline. Made when first asked for (a request that calls nothing upstream, or a context used
   * outside any request, never arms a timer), already aborted when asked for past the deadline.
   */
  get signal(): AbortSignal {
    if (this.deadline) return this.deadline;
    const left = this.remainingMs();
    this.deadline = left > 0 ? AbortSignal.timeout(left) : AbortSignal.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    // Each upstream call in flight listens on this signal (its wait and its fetch): up to two per call the
    // budget allows, which is no leak, so Node's warning past 10 listeners would only cry wolf in the logs.
    setMaxListeners(Math.max(10, 2 * this.callBudget), this.deadline);
    return this.deadline;
  }

  get callsMade(): number {
    return this.calls;
  }

  /** "Now" for the request, read once: every rule of one response (grant states, filters) agrees on it. */
  now(): number {
    return (this.clock ??= Date.now());
  }

  /** The upstream work counted for this request (a shared load's counts go to the request that started it). */
  get usage(): UpstreamUsage {
    return this.report.usage;
  }

  /** What a layer above keeps in `slot` for this request (for a shared load: for the request that started it). */
  get<T>(slot: ScopeSlot<T>): T | undefined {
    return this.report.slots.get(slot) as T | undefined;
  }

  set<T>(slot: ScopeSlot<T>, value: T): void {
    this.report.slots.set(slot, value);
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
 * budget never fails the joiners. Its calls are charged to no request's budget; they are still counted in the
 * starter's log line, as the calls that request caused.
 */
export function runDetached<T>(bounds: { timeoutMs: number; callBudget: number }, load: () => Promise<T>): Promise<T> {
  return storage.run(new RequestScope(bounds.timeoutMs, bounds.callBudget, Date.now(), false, storage.getStore()), load);
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
