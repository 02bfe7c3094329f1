import type { Span } from '@opentelemetry/api';
import { subscribe } from 'node:diagnostics_channel';
import { randomUUID } from 'node:crypto';
import { cacheEvents, upstreamCallEnd, upstreamRetry, type CacheMessage, type UpstreamCallMessage } from '../../datasources/telemetry';
import { currentRequestScope, ScopeSlot, type RequestScope } from '../../datasources/v41/request-scope';
import type { OperationOutcome } from './metrics';

/** One error of an operation as the log line shows it. */
export interface OperationError {
  code: string;
  message: string;
  path?: readonly (string | number)[];
  /** The PrivX route whose failure this is, e.g. `GET /role-store/api/v1/sources`. */
  route?: string;
  upstreamStatus?: number | null;
}

/**
 * What one request's log line says beyond its upstream work (which its scope counts, `RequestScope.usage`), gathered
 * while it runs: kept in the request's scope (datasources/v41/request-scope.ts), the one scope of a request.
 */
export interface OperationLog {
  requestId: string;
  startedAt: number;
  span: Span;
  operationName?: string;
  operationType?: string;
  outcome: OperationOutcome;
  errors: OperationError[];
}

const OPERATION_LOG = new ScopeSlot<OperationLog>('operation log');

/** The operation log of the request being served, if it is an HTTP request to the subgraph. */
export function currentOperation(): OperationLog | undefined {
  return currentRequestScope()?.get(OPERATION_LOG);
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token, else a fresh one: it goes into log lines verbatim. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Starts the operation log of the request `scope` serves. */
export function startOperationLog(scope: RequestScope, requestId: string, span: Span): OperationLog {
  const log: OperationLog = { requestId, span, startedAt: performance.now(), outcome: 'success', errors: [] };
  scope.set(OPERATION_LOG, log);
  return log;
}

let installed = false;

/** Counts each datasource event into the request it happened for (the async context it ran in). */
export function attributeDatasourceEvents(): void {
  if (installed) return;
  installed = true;
  subscribe(upstreamCallEnd.name as string, (message) => {
    const usage = currentRequestScope()?.usage;
    if (!usage) return;
    const { route, status } = message as UpstreamCallMessage;
    usage.calls[route] = (usage.calls[route] ?? 0) + 1;
    if (status === undefined || status >= 400) usage.failures[route] = (usage.failures[route] ?? 0) + 1;
  });
  subscribe(upstreamRetry.name as string, () => {
    const usage = currentRequestScope()?.usage;
    if (usage) usage.retries += 1;
  });
  subscribe(cacheEvents.name as string, (message) => {
    const usage = currentRequestScope()?.usage;
    const { event } = message as CacheMessage;
    if (!usage || event === 'eviction') return;
    if (event === 'hit') usage.cache.hits += 1;
    else usage.cache.misses += 1;
  });
}
