import { context } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { attributeDatasourceEvents, newRequestScope, requestIdFrom, runInRequest, type RequestScope } from './request-scope';
import { startOperationSpan, traceUpstreamCalls } from './tracing';

export { createLogger, silentLogger, type Logger, type LogLevel } from './logger';
export { Metrics } from './metrics';
export { operationPlugin } from './operation-plugin';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Runs one HTTP request to the subgraph inside its scope (request id, operation span, per-request counters)
 * and writes its log line and operation metrics at the end, whatever happened.
 */
export async function observeRequest({ logger, metrics }: Observability, req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  attributeDatasourceEvents();
  traceUpstreamCalls();
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const { span, context: spanContext } = startOperationSpan(req.headers);
  span.setAttribute('request.id', requestId);
  const scope = newRequestScope(requestId, span);
  let failure: unknown;
  try {
    await runInRequest(scope, () => context.with(spanContext, handle));
  } catch (error) {
    failure = error;
    scope.outcome = 'error';
    throw error;
  } finally {
    finish(logger, metrics, scope, req, failure);
  }
}

function finish(logger: Logger, metrics: Metrics, scope: RequestScope, req: IncomingMessage, failure: unknown): void {
  const seconds = (performance.now() - scope.startedAt) / 1000;
  scope.span.end();
  const isOperation = scope.operationType !== undefined || scope.errors.length > 0 || failure !== undefined;
  if (!isOperation) {
    // The landing page, a CORS preflight: not operations, and not worth a line at the default level.
    logger.debug({ requestId: scope.requestId, method: req.method, url: req.url, durationMs: round(seconds * 1000) }, 'request');
    return;
  }
  metrics.recordOperation(scope.operationName, scope.outcome, seconds);
  const calls = Object.values(scope.upstream).reduce((sum, n) => sum + n, 0);
  const line = {
    requestId: scope.requestId,
    operationName: scope.operationName ?? null,
    operationType: scope.operationType ?? null,
    outcome: scope.outcome,
    durationMs: round(seconds * 1000),
    upstream: { calls, byRoute: scope.upstream, failures: scope.upstreamFailures, retries: scope.retries },
    cache: scope.cache,
    errorCodes: [...new Set(scope.errors.map((e) => e.code))],
    ...(scope.errors.length > 0 ? { errors: scope.errors } : {}),
    ...(failure !== undefined ? { err: failure } : {}),
  };
  if (scope.outcome === 'success') logger.info(line, 'graphql operation');
  else logger.warn(line, 'graphql operation');
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
