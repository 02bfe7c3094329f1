import { privxError, type Reply } from './http-io';
import { Random } from './random';

export interface Fault {
  method: string;
  /** A route template as the stats name it (`/role-store/api/v1/users/:id`), or `*` for every counted route. */
  route: string;
  /** The error status to answer; without it (and with `delayMs`) the call is answered normally, late. */
  status?: number;
  /** Hold the answer this long first: a slow or hanging upstream. */
  delayMs?: number;
  /** How many calls fail; forever when absent. */
  times?: number;
  /** Sent as `Retry-After` (seconds), for clients that honour it. */
  retryAfterSeconds?: number;
}

/** Throws a `RangeError` naming what is wrong; the admin route turns it into a 400. */
export function validateFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError('a fault is a JSON object');
  const { method, route, status, delayMs, times, retryAfterSeconds } = value as Record<string, unknown>;
  if (typeof method !== 'string' || method === '') throw new RangeError('fault.method must be an HTTP method');
  if (typeof route !== 'string' || route === '') throw new RangeError('fault.route must be a route template or "*"');
  if (delayMs !== undefined && (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)) {
    throw new RangeError('fault.delayMs must be a number of milliseconds >= 0');
  }
  if ((status !== undefined || delayMs === undefined) && (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)) {
    throw new RangeError('fault.status must be an HTTP error status (400-599)');
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new RangeError('fault.times must be a positive integer');
  }
  if (retryAfterSeconds !== undefined && (typeof retryAfterSeconds !== 'number' || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0)) {
    throw new RangeError('fault.retryAfterSeconds must be a non-negative integer');
  }
  return { method: method.toUpperCase(), route, status: status as number | undefined, delayMs: delayMs as number | undefined, times, retryAfterSeconds };
}

const ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'OBJECT_NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

function faultReply(fault: Fault & { status: number }): Reply {
  const code = fault.status >= 500 ? 'INTERNAL_ERROR' : (ERROR_CODES[fault.status] ?? 'BAD_REQUEST');
  const reply = privxError(fault.status, code, `injected fault: ${fault.status} on ${fault.method} ${fault.route}`);
  return fault.retryAfterSeconds === undefined ? reply : { ...reply, headers: { 'retry-after': String(fault.retryAfterSeconds) } };
}

/**
 * Decides which counted calls fail: injected faults first (oldest first), then the random failure rate. The
 * failure sequence comes from a seeded PRNG, so a run with the same seed fails the same calls.
 */
export class FaultInjector {
  private faults: { fault: Fault; remaining: number }[] = [];
  private failures: Random;

  /** `knownRoutes`: the `METHOD template` keys of counted routes, so a mistyped fault fails loudly, not silently. */
  constructor(
    private readonly failureRate: number,
    private readonly failureSeed: number,
    private readonly knownRoutes: ReadonlySet<string>,
    /** What the failure rate answers: 503 `MAX_LOAD` (overload) unless told otherwise. */
    private readonly failureStatus = 503,
  ) {
    this.failures = new Random(failureSeed);
  }

  add(fault: Fault): void {
    const valid = validateFault(fault);
    const key = `${valid.method} ${valid.route}`;
    if (valid.route !== '*' && !this.knownRoutes.has(key)) {
      throw new RangeError(`fault: ${key} is not a counted route; use one of ${[...this.knownRoutes].join(', ')} or "*"`);
    }
    this.faults.push({ fault: valid, remaining: valid.times ?? Number.POSITIVE_INFINITY });
  }

  /** Forgets every fault and restarts the failure sequence. */
  clear(): void {
    this.faults = [];
    this.failures = new Random(this.failureSeed);
  }

  /** What to do instead of (or before) the handler: wait `delayMs`, then answer `reply` if given. */
  failureFor(method: string, template: string): { reply?: Reply; delayMs?: number } | undefined {
    const entry = this.faults.find(({ fault }) => fault.method === method && (fault.route === template || fault.route === '*'));
    if (entry) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.faults = this.faults.filter((e) => e !== entry);
      const { fault } = entry;
      return { delayMs: fault.delayMs, reply: fault.status === undefined ? undefined : faultReply({ ...fault, status: fault.status }) };
    }
    if (this.failureRate > 0 && this.failures.next() < this.failureRate) {
      const reply = this.failureStatus === 503 ? privxError(503, 'MAX_LOAD', 'simulated overload: try again later') : faultReply({ method, route: template, status: this.failureStatus });
      return { reply };
    }
    return undefined;
  }
}
