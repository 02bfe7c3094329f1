import { context } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { RequestScope } from '../../datasources/v41/request-scope';
import { attributeDatasourceEvents, requestIdFrom, startOperationLog, type OperationLog } from './request-scope';
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
 * Runs one HTTP request to the subgraph, already inside its scope, with an operation log in that scope (request id,
 * operation span) and writes its log line (with the upstream work the scope counted) and operation metrics at the
 * end, whatever happened.
 */
export async function observeRequest(
  { logger, metrics }: Observability,
  scope: RequestScope,
  req: IncomingMessage,
  res: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  attributeDatasourceEvents();
  traceUpstreamCalls();
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const { span, context: spanContext } = startOperationSpan(req.headers);
  span.setAttribute('request.id', requestId);
  const log = startOperationLog(scope, requestId, span);
  let failure: unknown;
  try {
    await context.with(spanContext, handle);
  } catch (error) {
    failure = error;
    log.outcome = 'error';
    throw error;
  } finally {
    finish(logger, metrics, log, scope, req, failure);
  }
}

function finish(logger: Logger, metrics: Metrics, log: OperationLog, scope: RequestScope, req: IncomingMessage, failure: unknown): void {
  const { usage } = scope;
  const seconds = (performance.now() - log.startedAt) / 1000;
  log.span.end();
  const isOperation = log.operationType !== undefined || log.errors.length > 0 || failure !== undefined;
  if (!isOperation) {
    // The landing page, a CORS preflight: not operations, and not worth a line at the default level.
    logger.debug({ requestId: log.requestId, method: req.method, url: req.url, durationMs: round(seconds * 1000) }, 'request');
    return;
  }
  metrics.recordOperation(log.operationName, log.outcome, seconds);
  const calls = Object.values(usage.calls).reduce((sum, n) => sum + n, 0);
  const line = {
    requestId: log.requestId,
    operationName: log.operationName ?? null,
    operationType: log.operationType ?? null,
    outcome: log.outcome,
    durationMs: round(seconds * 1000),
    upstream: { calls, byRoute: usage.calls, failures: usage.failures, retries: usage.retries },
    cache: usage.cache,
    errorCodes: [...new Set(log.errors.map((e) => e.code))],
    ...(log.errors.length > 0 ? { errors: log.errors } : {}),
    ...(failure !== undefined ? { err: failure } : {}),
  };
  if (log.outcome === 'success') logger.info(line, 'graphql operation');
  else logger.warn(line, 'graphql operation');
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
