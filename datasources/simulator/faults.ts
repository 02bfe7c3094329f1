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
  /**
   * A PrivX that answers 2xx with the wrong shape: the handler's answer is sent with this JSON as its whole body
   * (e.g. `{}` or `{"items": null}` for a list).
   */
  body?: unknown;
  /**
   * Or the handler's own body with these keys rewritten: a dotted path (`*` for every item of a list or key of
   * an object, e.g. `items.*.roles.*.permissions`, `count`) to the JSON value to put there. Paths that lead
   * nowhere change nothing.
   */
  set?: Record<string, unknown>;
}

/** Where `set` paths point: every match, creating nothing but the last key. */
function setAt(target: unknown, segments: readonly string[], value: unknown): void {
  if (target === null || typeof target !== 'object') return;
  const [head, ...rest] = segments as [string, ...string[]];
  const record = target as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(record) : [head];
  for (const key of keys) {
    if (rest.length === 0) record[key] = structuredClone(value);
    else setAt(record[key], rest, value);
  }
}

/** The answer a `body` or `set` fault turns a handler's 2xx answer into (a copy: handlers may answer store objects). */
export function rewriteReply(fault: Pick<Fault, 'body' | 'set'>, reply: Reply): Reply {
  if (reply.status < 200 || reply.status > 299) return reply;
  if (fault.body !== undefined) return { ...reply, body: structuredClone(fault.body) };
  const body = structuredClone(reply.body);
  for (const [path, value] of Object.entries(fault.set ?? {})) setAt(body, path.split('.'), value);
  return { ...reply, body };
}

/** Throws a `RangeError` naming what is wrong; the admin route turns it into a 400. */
export function validateFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError('a fault is a JSON object');
  const { method, route, status, delayMs, times, retryAfterSeconds, body, set } = value as Record<string, unknown>;
  if (typeof method !== 'string' || method === '') throw new RangeError('fault.method must be an HTTP method');
  if (typeof route !== 'string' || route === '') throw new RangeError('fault.route must be a route template or "*"');
  if (delayMs !== undefined && (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)) {
    throw new RangeError('fault.delayMs must be a number of milliseconds >= 0');
  }
  if (set !== undefined && (typeof set !== 'object' || set === null || Array.isArray(set) || Object.keys(set).some((path) => path.split('.').includes('')))) {
    throw new RangeError('fault.set must map dotted key paths to JSON values');
  }
  const rewrites = body !== undefined || set !== undefined;
  if (rewrites && status !== undefined) throw new RangeError('fault.body and fault.set rewrite a success: they take no status');
  if (body !== undefined && set !== undefined) throw new RangeError('fault.body and fault.set: one or the other');
  if ((status !== undefined || (delayMs === undefined && !rewrites)) && (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)) {
    throw new RangeError('fault.status must be an HTTP error status (400-599)');
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new RangeError('fault.times must be a positive integer');
  }
  if (retryAfterSeconds !== undefined && (typeof retryAfterSeconds !== 'number' || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0)) {
    throw new RangeError('fault.retryAfterSeconds must be a non-negative integer');
  }
  return {
    method: method.toUpperCase(),
    route,
    status: status as number | undefined,
    delayMs: delayMs as number | undefined,
    times,
    retryAfterSeconds,
    ...(body !== undefined ? { body } : {}),
    ...(set !== undefined ? { set: set as Record<string, unknown> } : {}),
  };
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

  /** What to do instead of (or around) the handler: wait `delayMs`, then answer `reply` if given, or `rewrite` the handler's. */
  failureFor(method: string, template: string): { reply?: Reply; delayMs?: number; rewrite?: (reply: Reply) => Reply } | undefined {
    const entry = this.faults.find(({ fault }) => fault.method === method && (fault.route === template || fault.route === '*'));
    if (entry) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.faults = this.faults.filter((e) => e !== entry);
      const { fault } = entry;
      const rewrite = fault.body !== undefined || fault.set !== undefined ? (reply: Reply) => rewriteReply(fault, reply) : undefined;
      return { delayMs: fault.delayMs, reply: fault.status === undefined ? undefined : faultReply({ ...fault, status: fault.status }), rewrite };
    }
    if (this.failureRate > 0 && this.failures.next() < this.failureRate) {
      const reply = this.failureStatus === 503 ? privxError(503, 'MAX_LOAD', 'simulated overload: try again later') : faultReply({ method, route: template, status: this.failureStatus });
      return { reply };
    }
    return undefined;
  }
}
