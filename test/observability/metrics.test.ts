import { breakerState } from '../../datasources/telemetry';
import { WorkspacesDocument } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';

async function scrape(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one sample, e.g. `privx_upstream_requests_total{route="…",status="500"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const have = labelText.split(',');
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics', () => {
  let stack: Stack;
  afterEach(() => stack.close());

  it('counts the calls of a faulted request, the operation by outcome, the cache, plus process metrics', async () => {
    // One try per call: this test counts a single failed call; retries are counted in the next one.
    stack = await startStack({ cacheTtlSeconds: 30, settings: { resilience: { maxAttempts: 1 } } });
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/sources', status: 500, times: 1 });
    await stack.query(WorkspacesDocument, {});
    await stack.query(WorkspacesDocument, {});
    await stack.query(WorkspacesDocument, {});

    const { status, type, text } = await scrape(stack.subgraph.metricsUrl);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(stack.subgraph.metricsUrl).toBe(`${stack.subgraph.url}/metrics`);
    const sources = 'GET /role-store/api/v1/sources';
    expect(sample(text, 'privx_upstream_requests_total', { route: sources, status: '500' })).toBe(1);
    expect(sample(text, 'privx_upstream_requests_total', { route: sources, status: '200' })).toBe(1);
    expect(sample(text, 'privx_upstream_requests_total', { route: 'POST /auth/api/v1/oauth/token', status: '200' })).toBe(1);
    expect(sample(text, 'privx_upstream_request_duration_seconds_count', { route: sources, status: '500' })).toBe(1);
    expect(sample(text, 'graphql_operations_total', { operation: 'Workspaces', outcome: 'error' })).toBe(1);
    expect(sample(text, 'graphql_operations_total', { operation: 'Workspaces', outcome: 'success' })).toBe(2);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Workspaces', outcome: 'success' })).toBe(2);
    // The failed load was not kept: miss, miss (reloaded), then a hit.
    expect(sample(text, 'privx_cache_events_total', { kind: 'sources', event: 'miss' })).toBe(2);
    expect(sample(text, 'privx_cache_events_total', { kind: 'sources', event: 'hit' })).toBe(1);
    expect(text).toMatch(/^privx_upstream_requests_in_flight 0$/m);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts retries (re-token after a 401) and shows the breaker state published by the datasources', async () => {
    let clockOffset = 0;
    stack = await startStack({ cacheTtlSeconds: 0, simulator: { now: () => Date.now() + clockOffset } });
    await stack.query(WorkspacesDocument, {});
    clockOffset = 10 * 60_000; // the simulator's clock jumps past the token's life; ours does not know

    await stack.query(WorkspacesDocument, {});
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/sources', status: 503, times: 1, retryAfterSeconds: 0 });
    await stack.query(WorkspacesDocument, {});
    breakerState.publish({ name: 'privx', state: 'open' });
    const { text } = await scrape(stack.subgraph.metricsUrl);
    expect(sample(text, 'privx_upstream_retries_total', { route: 'GET /role-store/api/v1/sources', reason: 'token-renewal' })).toBe(1);
    expect(sample(text, 'privx_upstream_requests_total', { route: 'GET /role-store/api/v1/sources', status: '401' })).toBe(1);
    expect(sample(text, 'privx_upstream_retries_total', { route: 'GET /role-store/api/v1/sources', reason: 'retry-after' })).toBe(1);
    expect(sample(text, 'privx_upstream_requests_total', { route: 'GET /role-store/api/v1/sources', status: '503' })).toBe(1);
    expect(sample(text, 'privx_upstream_breaker_state', { name: 'privx', state: 'open' })).toBe(1);
    expect(sample(text, 'privx_upstream_breaker_state', { name: 'privx', state: 'closed' })).toBe(0);
  });

  it('on METRICS_PORT: served there only, not on the GraphQL port', async () => {
    stack = await startStack({ metricsPort: 0 });
    await stack.query(WorkspacesDocument, {});
    expect(stack.subgraph.metricsUrl).not.toBe(`${stack.subgraph.url}/metrics`);
    const own = await scrape(stack.subgraph.metricsUrl);
    expect(own.status).toBe(200);
    expect(sample(own.text, 'graphql_operations_total', { operation: 'Workspaces', outcome: 'success' })).toBe(1);
    expect((await scrape(`${stack.subgraph.url}/metrics`)).status).toBe(404);
    expect((await scrape(stack.subgraph.metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
