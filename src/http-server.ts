import type { ApolloServer } from '@apollo/server';
import bodyParser from 'body-parser';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Admission } from './admission';
import { httpGraphQLRequestOf, sendHTTPGraphQLResponse } from './apollo-node-http';
import type { Caller } from './auth/caller';
import { Unauthenticated, type RequestGuard } from './auth/request-guard';
import type { Context } from './context';
import { corsPolicy, type CorsOrigins } from './cors-policy';
import { serveExplorer } from './explorer/routes';
import { observeRequest, type Observability } from './observability';
import { securityHeaders } from './security-headers';
import { RequestScope, runInRequestScope } from '../datasources/v41/request-scope';
import type { ServedUpstream } from './upstream';

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/health';
export const METRICS_PATH = '/metrics';
export const READY_PATH = '/ready';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const jsonBody = bodyParser.json({ limit: '1mb' }) as Middleware;

function run(middleware: Middleware, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => middleware(req, res, (error) => (error ? reject(error) : resolve())));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Prometheus text and its content type: this process's registry, or the sum over a cluster's workers. */
export type RenderMetrics = () => Promise<{ contentType: string; body: string }>;

/** `GET /metrics` in Prometheus text format; anything else on a metrics-only port is a 404. */
export async function serveMetrics(render: RenderMetrics, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
    sendJson(res, 404, { error: `Not found. Metrics are served at ${METRICS_PATH}.` });
    return;
  }
  const { contentType, body } = await render();
  res.writeHead(200, { 'content-type': contentType });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Who may call, how the HTTP layer guards it, and what it serves besides GraphQL. */
export interface RouteOptions {
  /** Runs on the headers of every GraphQL request before its body is read; refusals become 401. */
  guard: RequestGuard;
  corsOrigins: CorsOrigins;
  production: boolean;
  observability: Observability;
  /** Serve `/metrics` here too (no `METRICS_PORT`), answered by this. */
  metricsRoute: RenderMetrics | undefined;
  /** Serve the offline GraphiQL explorer at `/explorer` (development). */
  explorer: boolean;
  /** Each request's deadline and call budget, and the readiness check behind `/ready`. */
  upstream: Pick<ServedUpstream, 'bounds' | 'readiness'>;
  /** The bound on GraphQL requests in flight: past it, `503 SERVER_BUSY` before the body is read. */
  admission: Admission;
}

interface Handlers {
  guard: RequestGuard;
  cors: Middleware;
  context: (caller: Caller, subscription: boolean) => Promise<Context>;
}

/**
 * The `node:http` routes: `GET /health` (liveness: the process serves), `GET /ready` (readiness: PrivX answers),
 * `GET /metrics` unless it has a port of its own, the offline explorer in development, and Apollo at
 * `/graphql`, each GraphQL request admitted by the in-flight bound (or refused `503 SERVER_BUSY` from its headers
 * alone) and run in its own `RequestScope` (deadline, upstream-call budget). Apollo's standalone server answers
 * on every path and has no health route; this keeps the surface to exactly what we serve.
 */
export function subgraphRoutes(apollo: ApolloServer<Context>, context: (caller: Caller, subscription: boolean) => Promise<Context>, options: RouteOptions): RequestListener {
  const securityHeadersOn = securityHeaders(options.production);
  const handlers: Handlers = { guard: options.guard, cors: corsPolicy(options.corsOrigins), context };
  const { metricsRoute, explorer } = options;
  return (req, res) => {
    securityHeadersOn(req, res, () => undefined); // sets headers only, synchronously: every answer below carries them
    const path = (req.url ?? '/').split('?')[0];
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === HEALTH_PATH && read) {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path === READY_PATH && read) {
      const { readiness } = options.upstream;
      void readiness.isReady().then((ready) => sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : readiness.draining ? 'draining' : 'upstream unavailable' }));
      return;
    }
    if (metricsRoute && path === METRICS_PATH) {
      serveMetrics(metricsRoute, req, res).catch(() => res.headersSent || sendJson(res, 500, { error: 'metrics unavailable' }));
      return;
    }
    if (explorer && serveExplorer(GRAPHQL_PATH, req, res)) return;
    if (path !== GRAPHQL_PATH) {
      sendJson(res, 404, { error: `Not found. GraphQL is served at ${GRAPHQL_PATH}.` });
      return;
    }
    void serveGraphQL(apollo, handlers, options, req, res, Date.now());
  };
}

/**
 * One GraphQL request in its scope; its deadline counts from its arrival, time waiting for a slot included. Who
 * calls is settled first, from the headers: a token may have to wait for the key set, and that wait must not hold
 * one of the slots that serve verified work (with a slow key set, random `kid`s would otherwise fill them all).
 * A preflight carries no operation and takes no slot: browsers must never see it refused.
 */
function serveGraphQL(apollo: ApolloServer<Context>, handlers: Handlers, options: RouteOptions, req: IncomingMessage, res: ServerResponse, arrived: number): Promise<void> {
  const { observability, upstream } = options;
  const scope = new RequestScope(upstream.bounds.timeoutMs, upstream.bounds.callBudget, arrived);
  return runInRequestScope(scope, () => observeRequest(observability, scope, req, res, () => handleGraphQL(apollo, handlers, options.admission, req, res))).catch((error: { status?: number; type?: string }) => {
    if (error instanceof Unauthenticated) {
      const challenge: Record<string, string> = error.challenge ? { 'www-authenticate': error.challenge } : {};
      sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }, challenge);
      return;
    }
    // body-parser errors carry an HTTP status (400 bad JSON, 413 too large, 415 charset); say only that, with a code.
    const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
    const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 500 ? 'Internal server error' : `Bad request (${error.type ?? 'invalid body'})`, extensions: { code } }] });
    else res.end();
  });
}

/** The Apollo Router's callback protocol marks a subscription with `extensions.subscription` (its callback URL). */
function isSubscriptionCallback(body: unknown): boolean {
  const extensions = (body as { extensions?: { subscription?: unknown } } | undefined)?.extensions;
  return typeof extensions?.subscription === 'object' && extensions.subscription !== null;
}

async function handleGraphQL(apollo: ApolloServer<Context>, handlers: Handlers, admission: Admission, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await run(handlers.cors, req, res);
  if (req.method === 'OPTIONS') {
    // Answered by cors for an allowed origin; otherwise a bare 204 without CORS headers, which browsers refuse.
    if (!res.writableEnded) res.writeHead(204).end();
    return;
  }
  // Preflights carry no credentials; everything else is checked before the body is even read.
  const caller = await handlers.guard(req.headers);
  // Refused (answered 503 SERVER_BUSY) or left while queued: nothing more to do.
  const release = await admission.admit(res);
  if (!release) return;
  try {
    await executeGraphQL(apollo, handlers.context, caller, req, res);
  } finally {
    release();
  }
}

async function executeGraphQL(apollo: ApolloServer<Context>, context: Handlers['context'], caller: Caller, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await run(jsonBody, req, res);
  const httpGraphQLRequest = httpGraphQLRequestOf(req);
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    // A router's subscription (HTTP callback protocol) outlives this request: its events get a context of their own.
    context: () => context(caller, isSubscriptionCallback(httpGraphQLRequest.body)),
  });
  await sendHTTPGraphQLResponse(res, response);
}
