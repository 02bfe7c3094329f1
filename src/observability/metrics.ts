import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import {
  breakerState,
  cacheEvents,
  upstreamCallEnd,
  upstreamCallStart,
  upstreamRetry,
  type BreakerStateMessage,
  type CacheMessage,
  type UpstreamCallMessage,
  type UpstreamRetryMessage,
} from '../../datasources/telemetry';

export type OperationOutcome = 'success' | 'partial' | 'error';

const BREAKER_STATES: BreakerStateMessage['state'][] = ['closed', 'half-open', 'open'];
/** Operation names come from clients: beyond this many distinct ones, new names count as `(other)`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The Prometheus metrics of one subgraph process, in a registry of their own (served at `/metrics`). Upstream
 * and cache figures come from the datasources' diagnostics channels; operation figures from the request layer.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly started = new WeakMap<UpstreamCallMessage, number>();

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations served, by operation name and outcome (success, partial: data with errors, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from request to response of a GraphQL operation, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamCalls = new Counter({
    name: 'privx_upstream_requests_total',
    help: 'Requests sent to PrivX, by route template and HTTP status (`error`: no answer).',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'privx_upstream_request_duration_seconds',
    help: 'Latency of requests to PrivX, by route template and HTTP status.',
    labelNames: ['route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamInFlight = new Gauge({
    name: 'privx_upstream_requests_in_flight',
    help: 'Requests to PrivX sent and not yet answered.',
    registers: [this.registry],
  });
  readonly upstreamRetries = new Counter({
    name: 'privx_upstream_retries_total',
    help: 'Requests to PrivX sent again, by route template and reason (token-renewal, retry-after, …).',
    labelNames: ['route', 'reason'] as const,
    registers: [this.registry],
  });
  readonly breaker = new Gauge({
    name: 'privx_upstream_breaker_state',
    help: 'Circuit breaker in front of PrivX: 1 for its current state (closed, half-open, open), else 0.',
    labelNames: ['name', 'state'] as const,
    registers: [this.registry],
  });
  readonly cache = new Counter({
    name: 'privx_cache_events_total',
    help: 'Shared cache lookups (hit, miss) and evictions, by kind of entry.',
    labelNames: ['kind', 'event'] as const,
    registers: [this.registry],
  });

  readonly mutations = new Counter({
    name: 'graphql_mutations_total',
    help: 'Mutations, by operation (grantRole, …) and outcome (written, unchanged, replayed, user_error, forbidden, conflict, unknown, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly requestsRefused = new Counter({
    name: 'graphql_requests_refused_total',
    help: 'GraphQL requests answered 503 SERVER_BUSY before their body was read, by reason (queue-full, queue-timeout).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private admission: { inFlight: number; queued: number } | undefined;
  readonly requestsInFlight: Gauge = new Gauge({
    name: 'graphql_requests_in_flight',
    help: 'GraphQL requests being worked on (at most MAX_IN_FLIGHT).',
    registers: [this.registry],
    collect: (): void => this.requestsInFlight.set(this.admission?.inFlight ?? 0),
  });
  readonly requestsQueued: Gauge = new Gauge({
    name: 'graphql_requests_queued',
    help: 'GraphQL requests waiting for a slot (at most MAX_QUEUED).',
    registers: [this.registry],
    collect: (): void => this.requestsQueued.set(this.admission?.queued ?? 0),
  });

  private readonly onStart = (message: unknown) => {
    this.started.set(message as UpstreamCallMessage, performance.now());
    this.upstreamInFlight.inc();
  };
  private readonly onEnd = (message: unknown) => {
    const call = message as UpstreamCallMessage;
    const started = this.started.get(call);
    if (started === undefined) return; // began before this registry subscribed
    this.upstreamInFlight.dec();
    const labels = { route: call.route, status: call.status === undefined ? 'error' : String(call.status) };
    this.upstreamCalls.inc(labels);
    this.upstreamDuration.observe(labels, (performance.now() - started) / 1000);
  };
  private readonly onRetry = (message: unknown) => {
    const { route, reason } = message as UpstreamRetryMessage;
    this.upstreamRetries.inc({ route, reason });
  };
  private readonly onBreaker = (message: unknown) => {
    const { name, state } = message as BreakerStateMessage;
    for (const s of BREAKER_STATES) this.breaker.set({ name, state: s }, s === state ? 1 : 0);
  };
  private readonly onCache = (message: unknown) => {
    const { kind, event } = message as CacheMessage;
    this.cache.inc({ kind, event });
  };

  constructor({ defaultMetrics = true }: { defaultMetrics?: boolean } = {}) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
    subscribe(upstreamCallStart.name as string, this.onStart);
    subscribe(upstreamCallEnd.name as string, this.onEnd);
    subscribe(upstreamRetry.name as string, this.onRetry);
    subscribe(breakerState.name as string, this.onBreaker);
    subscribe(cacheEvents.name as string, this.onCache);
  }

  recordOperation(operationName: string | undefined, outcome: OperationOutcome, seconds: number): void {
    const labels = { operation: this.operationLabel(operationName), outcome };
    this.operations.inc(labels);
    this.operationDuration.observe(labels, seconds);
  }

  /** Where the in-flight and queued gauges read their values when scraped. */
  watchAdmission(source: { inFlight: number; queued: number }): void {
    this.admission = source;
  }

  /** Prometheus text format. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Stops listening to the datasources (a closed subgraph's registry must not keep counting). */
  close(): void {
    unsubscribe(upstreamCallStart.name as string, this.onStart);
    unsubscribe(upstreamCallEnd.name as string, this.onEnd);
    unsubscribe(upstreamRetry.name as string, this.onRetry);
    unsubscribe(breakerState.name as string, this.onBreaker);
    unsubscribe(cacheEvents.name as string, this.onCache);
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
