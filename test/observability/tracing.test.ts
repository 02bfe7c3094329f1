import { trace } from '@opentelemetry/api';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { upstreamCallEnd, type UpstreamCallMessage } from '../../datasources/telemetry';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { UsersDocument, WorkspacesDocument } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';

const ROUTER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const ROUTER_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry spans (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let stack: Stack;

  beforeAll(async () => {
    provider.register();
    // One try per call, so the injected fault fails its field.
    stack = await startStack({ cacheTtlSeconds: 0, settings: { resilience: { maxAttempts: 1 } } });
  });
  afterAll(async () => {
    await stack.close();
    await provider.shutdown();
    trace.disable();
  });
  beforeEach(() => exporter.reset());

  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('one span per operation, child of the Router span from traceparent; one child span per upstream call', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', status: 500, times: 1 });
    await stack.query(UsersDocument, { first: 3 }, { traceparent: `00-${ROUTER_TRACE}-${ROUTER_SPAN}-01` });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.name === 'query Users');
    expect(operation).toBeDefined();
    expect(operation!.spanContext().traceId).toBe(ROUTER_TRACE);
    expect(parentOf(operation!)).toBe(ROUTER_SPAN);
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.name': 'Users', 'graphql.operation.type': 'query' });
    expect(operation!.status.code).toBe(2); // ERROR: a field failed

    const upstream = spans.filter((s) => s.name.startsWith('PrivX '));
    const calls = stack.calls();
    // Every counted PrivX call (plus the token call, which the simulator does not count) has its span.
    expect(upstream.filter((s) => !s.name.includes('/auth/'))).toHaveLength(calls.total);
    for (const span of upstream) {
      expect(span.spanContext().traceId).toBe(ROUTER_TRACE);
      expect(parentOf(span)).toBe(operation!.spanContext().spanId);
    }
    const roles = upstream.find((s) => s.name === 'PrivX GET /role-store/api/v1/roles');
    expect(roles!.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.template': '/role-store/api/v1/roles', 'http.response.status_code': 500 });
    expect(roles!.status.code).toBe(2);
    const search = upstream.find((s) => s.name === 'PrivX POST /role-store/api/v1/users/search');
    expect(search!.attributes['http.response.status_code']).toBe(200);
  });

  it('each PrivX call carries its own span in traceparent, never the caller credentials in what subscribers see', async () => {
    const sent: Record<string, string>[] = [];
    const listener = (message: unknown) => sent.push((message as UpstreamCallMessage).headers);
    subscribe(upstreamCallEnd.name as string, listener);
    try {
      await stack.query(WorkspacesDocument, {});
    } finally {
      unsubscribe(upstreamCallEnd.name as string, listener);
    }
    const spans = exporter.getFinishedSpans().filter((s) => s.name.startsWith('PrivX '));
    expect(sent.length).toBeGreaterThan(0);
    for (const headers of sent) {
      const [, traceId, spanId] = headers.traceparent!.split('-');
      expect(spans.some((s) => s.spanContext().traceId === traceId && s.spanContext().spanId === spanId)).toBe(true);
      expect(headers.authorization).toBeUndefined();
    }
  });

  it('without traceparent the operation span is a root; each request gets its own trace', async () => {
    await stack.query(WorkspacesDocument, {});
    await stack.query(WorkspacesDocument, {});
    const operations = exporter.getFinishedSpans().filter((s) => s.name === 'query Workspaces');
    expect(operations).toHaveLength(2);
    expect(parentOf(operations[0]!)).toBeUndefined();
    expect(operations[0]!.spanContext().traceId).not.toBe(operations[1]!.spanContext().traceId);
  });
});
