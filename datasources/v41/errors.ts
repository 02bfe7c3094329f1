/**
 * Typed upstream failures. Messages carry the method, route and PrivX error code, never a token, a body of a
 * successful response, or a credential, so they are safe to log. They are the detail a log wants; what a
 * client sees in production is decided where errors leave the server (`src/errors.ts`).
 */

export interface V41ErrorBody {
  error_code?: string;
  error_message?: string;
  property?: string;
}

export class V41Error extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorCode: string | undefined,
    readonly operation: string,
    /** How long the upstream asked us to wait (`Retry-After`), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'V41Error';
  }
}

/** HTTP 404, or `error_code` OBJECT_NOT_FOUND / NOT_FOUND: "not found" in docs/upstream-v41.md#status-codes-and-errors. */
export class V41NotFoundError extends V41Error {
  override name = 'V41NotFoundError';
}

/** The upstream refused our credentials (OAuth error, or 401/403 after one re-token). */
export class V41AuthError extends V41Error {
  override name = 'V41AuthError';
}

/** No answer in time, the connection failed, or 502/503/504: PrivX is down or overloaded. */
export class V41UnavailableError extends V41Error {
  override name = 'V41UnavailableError';
}

/**
 * The upstream answered 2xx with JSON of the wrong shape (a list that is not an object, a record without an
 * id). An upstream failure like any other, so it surfaces as UPSTREAM_ERROR on the field that needed it.
 */
export class V41ParseError extends V41Error {
  override name = 'V41ParseError';
  constructor(what: string) {
    super(`Unexpected v41 response: ${what}`, undefined, 'UNEXPECTED_RESPONSE', 'parse');
  }
}

/** HTTP 429: PrivX asks us to slow down, for `retryAfterMs` when it says. */
export class V41RateLimitedError extends V41Error {
  override name = 'V41RateLimitedError';
}

/** No answer came (a timeout, a reset connection, or none opened): `mayHaveReached` says whether it was sent. */
export class V41NoAnswerError extends V41UnavailableError {
  override name = 'V41NoAnswerError';
  constructor(message: string, status: number | undefined, errorCode: string | undefined, operation: string, retryAfterMs: number | undefined, readonly mayHaveReached: boolean) {
    super(message, status, errorCode, operation, retryAfterMs);
  }
}

/** The circuit breaker is open: recent calls failed, so this one was not sent at all. */
export class V41CircuitOpenError extends V41UnavailableError {
  override name = 'V41CircuitOpenError';
}

/** The GraphQL request's deadline passed before this call could finish; the call was abandoned. */
export class V41DeadlineError extends V41UnavailableError {
  override name = 'V41DeadlineError';
}

/** The GraphQL request already made as many upstream calls as one request may. */
export class V41BudgetExceededError extends V41Error {
  override name = 'V41BudgetExceededError';
  constructor(
    operation: string,
    readonly budget: number,
  ) {
    super(`PrivX ${operation} not sent: the request used its budget of ${budget} upstream calls`, undefined, undefined, operation);
  }
}

const NOT_FOUND_CODES = new Set(['OBJECT_NOT_FOUND', 'NOT_FOUND']);
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

export function errorFromResponse(operation: string, status: number, body: V41ErrorBody | undefined, retryAfterMs?: number): V41Error {
  const code = body?.error_code;
  const detail = body?.error_message ? `: ${body.error_message}` : '';
  const message = `PrivX ${operation} failed with ${status}${code ? ` ${code}` : ''}${detail}`;
  if (status === 404 || (code && NOT_FOUND_CODES.has(code))) return new V41NotFoundError(message, status, code, operation);
  if (status === 401 || status === 403) return new V41AuthError(message, status, code, operation);
  if (status === 429) return new V41RateLimitedError(message, status, code, operation, retryAfterMs);
  if (UNAVAILABLE_STATUSES.has(status)) return new V41UnavailableError(message, status, code, operation, retryAfterMs);
  return new V41Error(message, status, code, operation, retryAfterMs);
}

/**
 * Worth another try: the network, a timeout, 500/502/503/504 or 429. Never a refusal, a "not found", a body we
 * could not read as JSON, or our own deadline, budget or open breaker.
 */
export function isTransient(error: unknown): error is V41Error {
  if (error instanceof V41CircuitOpenError || error instanceof V41DeadlineError || error instanceof V41BudgetExceededError) return false;
  if (error instanceof V41UnavailableError || error instanceof V41RateLimitedError) return true;
  return error instanceof V41Error && error.status === 500;
}

/** What says PrivX itself is failing (for the breaker): transient, except being asked to slow down. */
export function isUpstreamFailure(error: unknown): boolean {
  return isTransient(error) && !(error instanceof V41RateLimitedError);
}
