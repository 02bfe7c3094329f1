import type { ApolloServerPlugin, GraphQLRequestContextDidEncounterErrors } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { SpanStatusCode } from '@opentelemetry/api';
import type { GraphQLError } from 'graphql';
import { routeTemplate } from '../../datasources/telemetry';
import { V41Error } from '../../datasources/v41/errors';
import { clientErrorCode, upstreamCode } from '../errors';
import { withoutEchoedValue } from '../variable-errors';
import type { Logger } from './logger';
import { currentOperation, type OperationError } from './request-scope';

/** `GET /role-store/api/v1/users/3f…` → `GET /role-store/api/v1/users/:id`; `token` stays `token`. */
function routeOf(operation: string): string {
  const [method, path] = operation.split(' ', 2);
  return path === undefined ? operation : `${method} ${routeTemplate(path)}`;
}

function describe(error: GraphQLError): { described: OperationError; internal?: unknown } {
  const original = unwrapResolverError(error);
  const path = error.path;
  if (original instanceof V41Error) {
    return { described: { code: upstreamCode(original), message: original.message, path, route: routeOf(original.operation), upstreamStatus: original.status ?? null } };
  }
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : (clientErrorCode(error) ?? 'INTERNAL_SERVER_ERROR');
  // Never a refused variable's value: it may hold a password (src/variable-errors.ts).
  return { described: { code, message: withoutEchoedValue(error.message, error), path }, internal: code === 'INTERNAL_SERVER_ERROR' ? original : undefined };
}

/**
 * Feeds the request's scope with what only Apollo knows (operation name and type, errors with their
 * originals, whether data came back); the request layer writes the log line and the metrics from it.
 * Internal errors get a line of their own with the stack: the response hides them in production, the log
 * is where their detail goes.
 */
export function operationPlugin<TContext extends object>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async contextCreationDidFail({ error }) {
      const scope = currentOperation();
      if (!scope) return;
      scope.outcome = 'error';
      scope.errors.push({ code: 'INTERNAL_SERVER_ERROR', message: `context creation failed: ${(error as Error).message}` });
      logger.error({ requestId: scope.requestId, err: error }, 'internal error');
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const scope = currentOperation();
          if (!scope || !operation) return;
          scope.operationName = operationName ?? undefined;
          scope.operationType = operation.operation;
          scope.span.updateName(`${operation.operation} ${operationName ?? '(anonymous)'}`);
          scope.span.setAttributes({ 'graphql.operation.type': operation.operation, ...(operationName ? { 'graphql.operation.name': operationName } : {}) });
        },
        async didEncounterErrors({ errors, request }: GraphQLRequestContextDidEncounterErrors<TContext>) {
          const scope = currentOperation();
          if (!scope) return;
          scope.operationName ??= request.operationName ?? undefined;
          for (const error of errors) {
            const { described, internal } = describe(error);
            scope.errors.push(described);
            if (internal !== undefined) logger.error({ requestId: scope.requestId, path: described.path, err: internal }, 'internal error');
          }
        },
        async willSendResponse({ response }) {
          const scope = currentOperation();
          if (!scope || scope.errors.length === 0) return;
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          scope.outcome = data === undefined || data === null ? 'error' : 'partial';
          scope.span.setStatus({ code: SpanStatusCode.ERROR, message: scope.errors.map((e) => e.code).join(', ') });
        },
      };
    },
  };
}
