import type { Span } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { randomUUID } from 'node:crypto';
import { cacheEvents, upstreamCallEnd, upstreamRetry, type CacheMessage, type UpstreamCallMessage } from '../../datasources/telemetry';
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

/** What one request did, gathered while it runs, written as one log line at its end. */
export interface RequestScope {
  requestId: string;
  startedAt: number;
  span: Span;
  operationName?: string;
  operationType?: string;
  outcome: OperationOutcome;
  /** Upstream calls answered or failed, by route template. */
  upstream: Record<string, number>;
  /** Upstream calls with no answer or a status >= 400, by route template. */
  upstreamFailures: Record<string, number>;
  retries: number;
  cache: { hits: number; misses: number };
  errors: OperationError[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

export function runInRequest<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token, else a fresh one: it goes into log lines verbatim. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
}

export function newRequestScope(requestId: string, span: Span): RequestScope {
  return { requestId, span, startedAt: performance.now(), outcome: 'success', upstream: {}, upstreamFailures: {}, retries: 0, cache: { hits: 0, misses: 0 }, errors: [] };
}

let installed = false;

/** Counts each datasource event into the request it happened for (the async context it ran in). */
export function attributeDatasourceEvents(): void {
  if (installed) return;
  installed = true;
  subscribe(upstreamCallEnd.name as string, (message) => {
    const scope = storage.getStore();
    if (!scope) return;
    const { route, status } = message as UpstreamCallMessage;
    scope.upstream[route] = (scope.upstream[route] ?? 0) + 1;
    if (status === undefined || status >= 400) scope.upstreamFailures[route] = (scope.upstreamFailures[route] ?? 0) + 1;
  });
  subscribe(upstreamRetry.name as string, () => {
    const scope = storage.getStore();
    if (scope) scope.retries += 1;
  });
  subscribe(cacheEvents.name as string, (message) => {
    const scope = storage.getStore();
    const { event } = message as CacheMessage;
    if (!scope || event === 'eviction') return;
    if (event === 'hit') scope.cache.hits += 1;
    else scope.cache.misses += 1;
  });
}
