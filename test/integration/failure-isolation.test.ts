import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startStack, type Stack } from '../helpers/stack';

const ROLES_OF_USER = '/role-store/api/v1/users/:id/roles';
const SOURCES = '/role-store/api/v1/sources';

interface Page {
  users: { nodes: { id: string; username: string | null; roles: { id: string }[] | null; workspace: { name: string | null } | null }[] };
}

/** Upstream faults from the simulator's knobs: what fails, what still answers, which codes, how many calls. */
describe('failure isolation and client-actionable codes', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });
  const page = (first: number, fields = 'id username roles { id } workspace { name }') => postGraphQL<Page, undefined>(stack!.subgraph.graphqlUrl, `{ users(first: ${first}) { nodes { ${fields} } } }`);

  it('one failed roles call in a batch of 3 fails only that user’s roles, and the error names that user', async () => {
    stack = await startStack({ cacheTtlSeconds: 0, settings: { resilience: { maxAttempts: 1 } } });
    stack.simulator.injectFault({ method: 'GET', route: ROLES_OF_USER, status: 503, times: 1 });
    const response = await page(3, 'id roles { id }');
    const nodes = response.data!.users.nodes;
    expect(nodes).toHaveLength(3);
    const failed = nodes.flatMap((node, i) => (node.roles === null ? [i] : []));
    expect(failed).toHaveLength(1);
    const i = failed[0]!;
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['users', 'nodes', i, 'roles'], extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 } });
    expect(response.errors![0]!.message).toContain(nodes[i]!.id);
    expect(nodes.filter((n) => n.roles !== null).every((n) => n.roles!.length > 0)).toBe(true);
    expect(stack.calls().byRoute[`GET ${ROLES_OF_USER}`]).toBe(3);
  });

  it('a one-off 500 is retried: the answer is whole, at one extra call', async () => {
    stack = await startStack({ cacheTtlSeconds: 0 });
    stack.simulator.injectFault({ method: 'GET', route: SOURCES, status: 500, times: 1 });
    const response = await page(5);
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.nodes.every((n) => n.workspace !== null)).toBe(true);
    expect(stack.calls().byRoute[`GET ${SOURCES}`]).toBe(2);
  });

  it('at 30 % upstream 500s, nested 100-user pages still come back whole, and none fails whole', async () => {
    stack = await startStack({ simulator: { failureRate: 0.3, failureStatus: 500 } });
    const results: ('complete' | 'partial' | 'failed')[] = [];
    for (let i = 0; i < 20; i += 1) {
      const response = await page(100);
      results.push(!response.data?.users ? 'failed' : response.errors ? 'partial' : 'complete');
    }
    expect(results.filter((r) => r === 'failed')).toHaveLength(0);
    expect(results.filter((r) => r === 'complete').length).toBeGreaterThanOrEqual(19);
  });

  it('429 with Retry-After beyond what we wait: UPSTREAM_RATE_LIMITED with retryAfter, and no upstream text in production', async () => {
    stack = await startStack({ cacheTtlSeconds: 0, production: true });
    stack.simulator.injectFault({ method: 'GET', route: SOURCES, status: 429, retryAfterSeconds: 120 });
    const response = await page(2, 'id workspace { name }');
    expect(response.data!.users.nodes).toHaveLength(2);
    expect(response.errors![0]).toEqual({
      message: 'PrivX is limiting the request rate; try again after `retryAfter` seconds.',
      locations: expect.any(Array),
      path: ['users', 'nodes', 0, 'workspace'],
      extensions: { code: 'UPSTREAM_RATE_LIMITED', upstreamStatus: 429, retryAfter: 120 },
    });
    expect(stack.calls().byRoute[`GET ${SOURCES}`]).toBe(1);
  });

  it('PrivX down: the breaker opens and later requests fail fast as UPSTREAM_UNAVAILABLE without calling it', async () => {
    stack = await startStack({ cacheTtlSeconds: 0, production: true, settings: { resilience: { breakerThreshold: 4, breakerResetMs: 60_000 } } });
    stack.simulator.injectFault({ method: 'POST', route: '/role-store/api/v1/users/search', status: 503 });
    const first = await page(1, 'id');
    expect(first.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const callsWhenOpen = stack.calls().total;
    expect(callsWhenOpen).toBe(4);
    const second = await page(1, 'id');
    expect(second.errors![0]).toMatchObject({ message: 'PrivX is unavailable or did not answer in time; try again later.', extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(stack.calls().total).toBe(callsWhenOpen);
  });

  it('stale-if-error: an expired directory list whose refresh fails is served from the last good value', async () => {
    stack = await startStack({ cacheTtlSeconds: 1 });
    expect((await page(3, 'id workspace { name }')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    stack.resetCalls();
    stack.simulator.injectFault({ method: 'GET', route: SOURCES, status: 503 });
    const response = await page(3, 'id workspace { name }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.nodes.every((n) => n.workspace?.name)).toBe(true);
    expect(stack.calls().byRoute[`GET ${SOURCES}`]).toBe(6); // the refresh was tried, with its retries (UPSTREAM_MAX_ATTEMPTS)
  });

  it('a hanging upstream: at the request deadline the unfinished fields become errors and the rest is answered', async () => {
    stack = await startStack({ cacheTtlSeconds: 0, upstreamTimeoutMs: 60_000, settings: { requestBounds: { timeoutMs: 500, callBudget: 100 } } });
    stack.simulator.injectFault({ method: 'GET', route: SOURCES, delayMs: 60_000 });
    const response = await page(3, 'id username workspace { name }');
    expect(response.data!.users.nodes.map((n) => n.username)).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    expect(response.data!.users.nodes.every((n) => n.workspace === null)).toBe(true);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(response.errors![0]!.message).toContain('deadline of 500 ms');
  });

  it('the per-request budget: calls past it are not made, their fields are errors, the rest is answered', async () => {
    stack = await startStack({ cacheTtlSeconds: 0, settings: { requestBounds: { timeoutMs: 10_000, callBudget: 4 } } });
    const response = await page(8, 'id roles { id }');
    const nodes = response.data!.users.nodes;
    expect(nodes).toHaveLength(8);
    expect(stack.calls().total).toBe(4);
    expect(nodes.filter((n) => n.roles === null).length).toBeGreaterThan(0);
    expect(new Set(response.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_BUDGET_EXCEEDED']));
  });
});
