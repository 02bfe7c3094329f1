import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import {
  V41AuthError,
  V41BudgetExceededError,
  V41Error,
  V41NotFoundError,
  V41RateLimitedError,
  V41UnavailableError,
} from '../datasources/v41/errors';
import { withoutEchoedValue } from './variable-errors';

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** Codes a client can act on: retry later, retry after N seconds, ask for less, fix the deployment, or report. */
export function upstreamCode(error: V41Error): string {
  if (error instanceof V41UnavailableError) return 'UPSTREAM_UNAVAILABLE';
  if (error instanceof V41RateLimitedError) return 'UPSTREAM_RATE_LIMITED';
  if (error instanceof V41BudgetExceededError) return 'UPSTREAM_BUDGET_EXCEEDED';
  if (error instanceof V41AuthError) return 'UPSTREAM_UNAUTHORIZED';
  if (error instanceof V41NotFoundError) return 'UPSTREAM_NOT_FOUND';
  return 'UPSTREAM_ERROR';
}

/**
 * Apollo refuses some requests with a GraphQLError that carries an HTTP 4xx status but no code (an APQ hash that
 * does not match its query, among others); Apollo would then call it INTERNAL_SERVER_ERROR, and the log would
 * record the caller's mistake as ours. Such an error is the client's: this names it.
 */
export function clientErrorCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || typeof error.extensions?.code === 'string') return undefined;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return error.message === APQ_HASH_MISMATCH ? 'PERSISTED_QUERY_HASH_MISMATCH' : 'BAD_REQUEST';
}

/** Apollo Server's message for an automatic persisted query whose `sha256Hash` is not its query's. */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * graphql-js suggests names in some messages ("Did you mean the enum value \"ACTIVE\"?"), variable coercion
 * errors among them, which Apollo's `hideSchemaDetailsFromClientErrors` leaves alone: production strips them all.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '');
}

/** What production says: never the upstream's own text, its routes or its URL. */
const PRODUCTION_MESSAGES: Record<string, string> = {
  UPSTREAM_UNAVAILABLE: 'PrivX is unavailable or did not answer in time; try again later.',
  UPSTREAM_RATE_LIMITED: 'PrivX is limiting the request rate; try again after `retryAfter` seconds.',
  UPSTREAM_BUDGET_EXCEEDED: 'This request needs more PrivX calls than one request may make; ask for less.',
  UPSTREAM_UNAUTHORIZED: 'PrivX refused the credentials of this service.',
  UPSTREAM_NOT_FOUND: 'PrivX did not recognise a call of this service; check its V41_BASE_URL.',
  UPSTREAM_ERROR: 'PrivX answered with an error.',
};

function upstreamExtensions(error: V41Error, code: string): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code, upstreamStatus: error.status ?? null };
  if (code === 'UPSTREAM_RATE_LIMITED') extensions.retryAfter = error.retryAfterMs === undefined ? null : Math.ceil(error.retryAfterMs / 1000);
  return extensions;
}

/**
 * Every error leaves through here. Upstream failures get a code a client can act on; in development their
 * message names the call (method, route, PrivX error code), in production a fixed sentence per code, the
 * detail staying on the original error (`originalError` of the GraphQLError Apollo hands to plugins and
 * loggers). In production anything unexpected becomes a bare INTERNAL_SERVER_ERROR: no internals, no stack, and
 * no message suggests a name of the schema. A client's mistake Apollo left without a code gets one.
 */
export function createErrorFormatter(production: boolean) {
  return (received: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = { ...received, message: withoutEchoedValue(received.message, error) };
    const original = unwrapResolverError(error);
    if (original instanceof V41Error) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      const code = upstreamCode(original);
      return {
        ...formatted,
        message: production ? (PRODUCTION_MESSAGES[code] ?? PRODUCTION_MESSAGES.UPSTREAM_ERROR!) : original.message,
        extensions: { ...(production ? {} : extensions), ...upstreamExtensions(original, code) },
      };
    }
    const clientCode = clientErrorCode(error);
    const code = clientCode ?? formatted.extensions?.code;
    if (production && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const extensions = clientCode ? { ...formatted.extensions, code: clientCode } : formatted.extensions;
    return { ...formatted, message: production ? withoutSuggestions(formatted.message) : formatted.message, ...(extensions ? { extensions } : {}) };
  };
}
