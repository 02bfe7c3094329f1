/**
 * Typed upstream failures. Messages carry the method, route and PrivX error code, never a token, a body of a
 * successful response, or a credential, so they are safe to log and to surface as GraphQL field errors.
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

/** No answer in time, or the connection failed. */
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

const NOT_FOUND_CODES = new Set(['OBJECT_NOT_FOUND', 'NOT_FOUND']);

export function errorFromResponse(operation: string, status: number, body: V41ErrorBody | undefined): V41Error {
  const code = body?.error_code;
  const detail = body?.error_message ? `: ${body.error_message}` : '';
  const message = `PrivX ${operation} failed with ${status}${code ? ` ${code}` : ''}${detail}`;
  if (status === 404 || (code && NOT_FOUND_CODES.has(code))) return new V41NotFoundError(message, status, code, operation);
  if (status === 401 || status === 403) return new V41AuthError(message, status, code, operation);
  return new V41Error(message, status, code, operation);
}
