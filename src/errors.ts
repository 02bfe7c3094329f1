import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { V41AuthError, V41Error, V41NotFoundError, V41UnavailableError } from '../datasources/v41/errors';

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** Codes a client can act on: retry later, fix the deployment, or report. */
export function upstreamCode(error: V41Error): string {
  if (error instanceof V41UnavailableError) return 'UPSTREAM_UNAVAILABLE';
  if (error instanceof V41AuthError) return 'UPSTREAM_UNAUTHORIZED';
  if (error instanceof V41NotFoundError) return 'UPSTREAM_NOT_FOUND';
  return 'UPSTREAM_ERROR';
}

/**
 * Every error leaves through here. Upstream failures keep their (secret-free) message and a code; in
 * production anything unexpected becomes a bare INTERNAL_SERVER_ERROR so no internals or stack traces leak.
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof V41Error) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return {
        ...formatted,
        message: original.message,
        extensions: { ...(production ? {} : extensions), code: upstreamCode(original), upstreamStatus: original.status ?? null },
      };
    }
    const code = formatted.extensions?.code;
    if (production && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
