import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Context as OtelContext, type Span } from '@opentelemetry/api';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders } from 'node:http';
import { upstreamCallEnd, upstreamCallStart, type UpstreamCallMessage } from '../../datasources/telemetry';

/**
 * Spans through `@opentelemetry/api` only: without a registered SDK (see `otel-sdk.ts`) every call here is a
 * no-op, so tracing costs nothing unless an OTLP endpoint is configured.
 */
const TRACER_NAME = 'privx-identity-subgraph';

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The span of one HTTP request to the subgraph, a child of the Router's span when it sent `traceparent`. */
export function startOperationSpan(headers: IncomingHttpHeaders): { span: Span; context: OtelContext } {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan('graphql.request', { kind: SpanKind.SERVER }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * Background work no request asked for (a change poll): a trace of its own, so its PrivX calls are its children
 * rather than loose root spans.
 */
export function traceBackground<T>(name: string, work: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: SpanKind.INTERNAL, root: true }, async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}

const upstreamSpans = new WeakMap<UpstreamCallMessage, Span>();
let installed = false;

/**
 * One client span per PrivX call, child of whatever span is active (the operation's), carrying its route and
 * status; its trace context goes out in the call's headers.
 */
export function traceUpstreamCalls(): void {
  if (installed) return;
  installed = true;
  subscribe(upstreamCallStart.name as string, (message) => {
    const call = message as UpstreamCallMessage;
    const [method, route] = call.route.split(' ', 2);
    const span = tracer().startSpan(`PrivX ${call.route}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': method, 'url.template': route, 'privx.route': call.route },
    });
    propagation.inject(trace.setSpan(context.active(), span), call.headers);
    upstreamSpans.set(call, span);
  });
  subscribe(upstreamCallEnd.name as string, (message) => {
    const call = message as UpstreamCallMessage;
    const span = upstreamSpans.get(call);
    if (!span) return;
    if (call.status !== undefined) span.setAttribute('http.response.status_code', call.status);
    if (call.error) {
      span.recordException(call.error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: call.error.message });
    } else if (call.status !== undefined && call.status >= 500) {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  });
}
