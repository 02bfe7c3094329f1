import type { Server } from 'node:http';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { LoaderFactory } from '../../datasources/loaders';
import type { Upstream } from '../../datasources/upstream';
import type { Caller } from '../auth/caller';
import { Unauthenticated, type RequestGuard } from '../auth/request-guard';
import type { ChangeTracking } from '../changes';
import type { CorsOrigins } from '../cors-policy';
import type { Logger } from '../observability';
import type { RequestBounds } from '../request-bounds';
import { createSubscriptionContext } from './subscription-context';

export interface WebSocketOptions {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  upstream: Upstream;
  /** How each event's loaders are made (the server's factory). */
  loaders: LoaderFactory;
  bounds: RequestBounds;
  changes: ChangeTracking | undefined;
  guard: RequestGuard;
  corsOrigins: CorsOrigins;
  validationRules: readonly ValidationRule[];
  /** Demand control's token bound, as for HTTP requests. */
  maxTokens: number;
  production: boolean;
  logger: Logger;
}

/** What a WebSocket client may send instead of headers (browsers cannot set them): graphql-ws `connectionParams`. */
const CREDENTIAL_PARAMS = ['authorization', 'router-authorization'] as const;

/** Close codes of the graphql-ws protocol's range for "not allowed". */
const FORBIDDEN = 4403;

interface Connection extends Record<PropertyKey, unknown> {
  caller?: Caller;
  expiry?: NodeJS.Timeout;
}

/**
 * Subscriptions over graphql-ws on the GraphQL path (the `graphql-transport-ws` protocol). The same gate as
 * queries: the upgrade's headers or the `connectionParams` carry the token or router secret, checked when the
 * connection opens, and the connection is closed when a verified token expires. Only subscriptions are served
 * here: queries and mutations go over HTTP, through the in-flight bound and a request's deadline.
 */
export function serveWebSocketSubscriptions(options: WebSocketOptions): { dispose(): Promise<void> } {
  const { corsOrigins } = options;
  const wsServer = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: 1024 * 1024,
    // A browser page of another origin must not ride on a user's ambient credentials (cross-site WebSocket hijacking).
    verifyClient: ({ origin }: { origin?: string }) => corsOrigins === '*' || !origin || corsOrigins.includes(origin),
  });
  const rules = [...specifiedRules, ...options.validationRules];
  const disposable = useServer<Record<string, unknown> | undefined, Connection>(
    {
      schema: options.schema,
      isProd: options.production,
      validate: (schema, document) => validate(schema, document, rules),
      onConnect: async (ctx) => {
        const headers: Record<string, string | string[] | undefined> = { ...ctx.extra.request.headers };
        for (const name of CREDENTIAL_PARAMS) {
          const params = Object.entries(ctx.connectionParams ?? {});
          const given = params.find(([key]) => key.toLowerCase() === name)?.[1];
          if (typeof given === 'string') headers[name] = given;
        }
        try {
          const caller = await options.guard(headers);
          ctx.extra.caller = caller;
          if (caller.kind === 'verified' && caller.expiresAt !== undefined) {
            const socket = ctx.extra.socket;
            ctx.extra.expiry = setTimeout(() => socket.close(FORBIDDEN, 'Forbidden: the bearer token expired'), Math.max(0, caller.expiresAt - Date.now()));
            ctx.extra.expiry.unref();
          }
          return true;
        } catch (error) {
          if (error instanceof Unauthenticated) return false;
          options.logger.error({ component: 'subscriptions', err: error instanceof Error ? error.message : String(error) }, 'Checking a WebSocket connection failed');
          return false;
        }
      },
      onClose: (ctx) => clearTimeout(ctx.extra.expiry),
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch {
          return undefined; // graphql-ws parses it again and reports the syntax error
        }
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries over HTTP.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        return undefined;
      },
      context: (ctx) => createSubscriptionContext(options.upstream, ctx.extra.caller ?? { kind: 'trusted' }, options.changes, options.bounds, options.loaders),
    },
    wsServer,
  );
  return {
    dispose: async () => {
      await disposable.dispose();
    },
  };
}
