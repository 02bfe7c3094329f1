import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { startTracingSdk } from '../../src/observability/otel-sdk';

/** An OTLP/HTTP collector on loopback that keeps the JSON bodies it receives. */
async function startCollector(): Promise<{ url: string; received: { path: string; body: string }[]; server: Server }> {
  const received: { path: string; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { intValue?: number | string; stringValue?: string } }[];
}

function spansIn(bodies: string[]): OtlpSpan[] {
  return bodies.flatMap((body) =>
    (JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
  );
}

describe('npm start with OTEL_EXPORTER_OTLP_ENDPOINT, end to end', () => {
  let child: ChildProcess | undefined;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const lines: Record<string, unknown>[] = [];

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    collector?.server.closeAllConnections();
    collector?.server.close();
  });

  it('is not started without an endpoint', () => {
    expect(startTracingSdk({ otlpEndpoint: undefined, serviceName: 'x' })).toBeUndefined();
  });

  it('an upstream fault: one log line (request id, route, code, no secret), /metrics counts it, the collector gets the trace', async () => {
    collector = await startCollector();
    // The real entry point in its own process (the OTLP exporter loads `http` in a way jest's VM cannot).
    child = spawn(process.execPath, ['--require', '@swc-node/register', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', SIM_USERS: '50', LOG_LEVEL: 'info', LOG_PRETTY: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'identity-e2e', UPSTREAM_MAX_ATTEMPTS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const reader = createInterface({ input: child.stdout! });
    const ready = new Promise<Record<string, unknown>>((resolve) => {
      reader.on('line', (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.graphql === 'string') resolve(line);
      });
    });
    const { graphql, metrics } = (await ready) as { graphql: string; metrics: string };
    const simulatorUrl = lines.find((l) => typeof l.simulatorUrl === 'string')!.simulatorUrl as string;
    await fetch(`${simulatorUrl}/__faults`, { method: 'POST', body: JSON.stringify({ method: 'GET', route: '/role-store/api/v1/sources', status: 500 }) });

    const response = await fetch(graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'e2e-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      body: JSON.stringify({ query: 'query Spaces { workspaces { id } }' }),
    });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UPSTREAM_ERROR');
    const scraped = await (await fetch(metrics)).text();
    expect(scraped).toContain('privx_upstream_requests_total{route="GET /role-store/api/v1/sources",status="500"} 1');
    expect(scraped).toContain('graphql_operations_total{operation="Spaces",outcome="error"} 1');

    child.kill('SIGTERM'); // flushes the last spans
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);

    const operationLines = lines.filter((l) => l.msg === 'graphql operation');
    expect(operationLines).toHaveLength(1);
    expect(operationLines[0]).toMatchObject({ requestId: 'e2e-1', errorCodes: ['UPSTREAM_ERROR'], errors: [{ route: 'GET /role-store/api/v1/sources', code: 'UPSTREAM_ERROR' }] });
    expect(JSON.stringify(lines)).not.toMatch(/simulator-(api|oauth)-secret/);

    const bodies = collector.received.filter((r) => r.path === '/v1/traces').map((r) => r.body);
    expect(bodies.join('')).toContain('identity-e2e');
    const spans = spansIn(bodies);
    const operation = spans.find((s) => s.name === 'query Spaces')!;
    expect(operation.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(operation.parentSpanId).toBe('00f067aa0ba902b7');
    // The change poller's calls (npm start polls in the background) are in traces of their own.
    const upstream = spans.filter((s) => s.name.startsWith('PrivX ') && s.traceId === operation.traceId);
    expect(upstream.map((s) => s.name)).toContain('PrivX GET /role-store/api/v1/sources');
    for (const span of upstream) expect(span.parentSpanId).toBe(operation.spanId);
    const poll = spans.find((s) => s.name === 'change poll')!;
    expect(spans.filter((s) => s.name.startsWith('PrivX ') && s.traceId === poll.traceId).every((s) => s.parentSpanId === poll.spanId)).toBe(true);
  }, 60_000);
});
