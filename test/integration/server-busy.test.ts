import 'reflect-metadata';
import { request } from 'node:http';
import type { AdmissionLimits } from '../../src/admission';
import { ensureExplorerBundle } from '../../tools/explorer-bundle';
import { captureLogs } from '../helpers/log-capture';
import { startStack, type Stack, type StackOptions } from '../helpers/stack';

/** The bound on GraphQL requests in flight (docs/protection.md, "Load"): past it, 503 SERVER_BUSY from the headers alone. */

// The explorer is one of the routes the bound never touches: it is served from the bundle `npm run build` writes.
beforeAll(() => ensureExplorerBundle());

const SEARCH = '/role-store/api/v1/users/search';
const FEW_USERS = JSON.stringify({ query: '{ users(first: 3) { nodes { id } } }' });

interface Reply {
  status: number;
  retryAfter: string | null;
  json: { data?: { users: { nodes: { id: string }[] } }; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(stack: Stack, body = FEW_USERS, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as Reply['json'] };
}

/** A sample of the subgraph's own /metrics (0 when absent). */
async function metric(stack: Stack, sample: string): Promise<number> {
  const text = await (await fetch(`${stack.subgraph.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? 0 : Number(line.slice(sample.length + 1));
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const inFlight = (stack: Stack) => metric(stack, 'graphql_requests_in_flight');
const queued = (stack: Stack) => metric(stack, 'graphql_requests_queued');
const upstreamCalls = (stack: Stack) => stack.calls().byRoute[`POST ${SEARCH}`] ?? 0;

describe('server busy: the bound on GraphQL requests in flight', () => {
  let stack: Stack;
  let closed = false;
  /** Starts the stack and warms it: from then on the 3-user page is one upstream call (the page itself). */
  const start = async (admission: AdmissionLimits, options: StackOptions = {}, headers: Record<string, string> = {}) => {
    stack = await startStack({ admission, ...options });
    closed = false;
    const warm = await post(stack, FEW_USERS, headers);
    expect(warm.status).toBe(200);
    stack.resetCalls();
    return warm.json.data!.users.nodes.map((n) => n.id);
  };
  afterEach(async () => {
    if (!closed) await stack.close();
  });

  it('serves the bound and the queue in full, refuses the rest fast with 503 SERVER_BUSY, no upstream call, /health untouched', async () => {
    const logs = captureLogs('warn');
    const expectedIds = await start({ maxInFlight: 2, maxQueued: 1, maxQueueWaitMs: 5_000 }, { logger: logs.logger });
    expect(expectedIds).toHaveLength(3);
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, delayMs: 800 });

    const flood = Array.from({ length: 7 }, () => post(stack));
    // While two requests wait on PrivX and one on a slot: liveness, metrics, readiness still answer.
    await until(async () => (await inFlight(stack)) === 2 && (await queued(stack)) === 1, 'two in flight and one queued');
    expect((await fetch(`${stack.subgraph.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.subgraph.url}/ready`)).status).toBe(200);
    expect((await fetch(`${stack.subgraph.url}/explorer`)).status).toBe(200);
    const preflight = await fetch(stack.subgraph.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    const replies = await Promise.all(flood);

    const served = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status === 503);
    expect(served).toHaveLength(3);
    expect(refused).toHaveLength(4);
    for (const reply of served) {
      expect(reply.json.errors).toBeUndefined();
      expect(reply.json.data!.users.nodes.map((n) => n.id)).toEqual(expectedIds);
    }
    for (const reply of refused) {
      expect(reply.retryAfter).toBe('1');
      expect(reply.json).toEqual({ errors: [{ message: expect.stringMatching(/busy/) as string, extensions: { code: 'SERVER_BUSY' } }] });
    }
    // Only the served requests reached PrivX.
    expect(upstreamCalls(stack)).toBe(3);
    expect(await metric(stack, 'graphql_requests_refused_total{reason="queue-full"}')).toBe(4);
    expect(await inFlight(stack)).toBe(0);

    // One warning for the flood so far; the other refusals go into one summary line, not one line each.
    const busyLines = () => logs.lines().filter((l) => String(l.msg).startsWith('Server busy'));
    expect(busyLines()).toHaveLength(1);
    expect(busyLines()[0]).toMatchObject({ level: 'warn', reason: 'queue-full', maxInFlight: 2, maxQueued: 1 });

    // Load gone: served again.
    stack.simulator.clearFaults();
    expect((await post(stack)).status).toBe(200);
    // Shutdown writes what the window still counted.
    closed = true;
    await stack.close();
    expect(busyLines()).toHaveLength(2);
    expect(busyLines()[1]).toMatchObject({ refused: 3, byReason: { 'queue-full': 3, 'queue-timeout': 0 } });
  });

  it('a request that waits longer than MAX_QUEUE_WAIT_MS is refused without reaching PrivX', async () => {
    await start({ maxInFlight: 1, maxQueued: 5, maxQueueWaitMs: 100 });
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, delayMs: 1_000 });
    const first = post(stack);
    await until(async () => (await inFlight(stack)) === 1, 'one in flight');
    const second = await post(stack);
    expect(second.status).toBe(503);
    expect(second.json.errors![0]!.extensions!.code).toBe('SERVER_BUSY');
    expect((await first).status).toBe(200);
    expect(upstreamCalls(stack)).toBe(1);
    expect(await metric(stack, 'graphql_requests_refused_total{reason="queue-timeout"}')).toBe(1);
  });

  it('frees the slot after a refused guard, a bad body, an upstream failure and a deadline: the next request is served', async () => {
    const router = { 'router-authorization': 'a-router-secret-of-16+' };
    const options = { access: { routerSecret: router['router-authorization'] }, settings: { requestBounds: { timeoutMs: 300, callBudget: 100 } } };
    await start({ maxInFlight: 1, maxQueued: 0, maxQueueWaitMs: 100 }, options, router);
    // (afterwards each must leave the single slot free)
    expect((await post(stack)).status).toBe(401);
    expect((await post(stack, '{"query": ', router)).status).toBe(400);
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, status: 403, times: 1 });
    const failed = await post(stack, FEW_USERS, router);
    expect(failed.json.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAUTHORIZED');
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, delayMs: 2_000, times: 1 });
    const late = await post(stack, FEW_USERS, router);
    expect(late.json.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
    const next = await post(stack, FEW_USERS, router);
    expect(next.status).toBe(200);
    expect(next.json.data!.users.nodes).toHaveLength(3);
    expect(await metric(stack, 'graphql_requests_refused_total{reason="queue-full"}')).toBe(0);
  });

  it('a client that disconnects mid-request does not keep its slot: in flight, in the queue, or before its body is sent', async () => {
    await start({ maxInFlight: 1, maxQueued: 1, maxQueueWaitMs: 5_000 });
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, delayMs: 300 });

    // Leaves while its request waits on PrivX: the slot is freed once that work ends (by its deadline at the latest).
    const running = new AbortController();
    const abandoned = fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: FEW_USERS, signal: running.signal });
    await until(async () => upstreamCalls(stack) === 1, 'the request reached PrivX');
    // Leaves while queued behind it: its place is given up at once.
    const waiting = new AbortController();
    const gaveUp = fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: FEW_USERS, signal: waiting.signal });
    await until(async () => (await queued(stack)) === 1, 'the second request queued');
    waiting.abort();
    running.abort();
    await expect(abandoned).rejects.toThrow();
    await expect(gaveUp).rejects.toThrow();
    await until(async () => (await queued(stack)) === 0 && (await inFlight(stack)) === 0, 'both slots given back');
    expect(upstreamCalls(stack)).toBe(1);

    // Sends its headers, half its body, and hangs up.
    await new Promise<void>((resolve) => {
      const partial = request(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(FEW_USERS.length) } });
      partial.on('error', () => resolve());
      partial.write(FEW_USERS.slice(0, 10), () => setTimeout(() => partial.destroy(), 50));
    });
    await until(async () => (await inFlight(stack)) === 0, 'the half-sent request gave its slot back');

    stack.simulator.clearFaults();
    const next = await post(stack);
    expect(next.status).toBe(200);
    expect(next.json.data!.users.nodes).toHaveLength(3);
    expect(await metric(stack, 'graphql_requests_refused_total{reason="queue-full"}')).toBe(0);
  });

  it('MAX_IN_FLIGHT=0: no bound, nothing refused', async () => {
    await start({ maxInFlight: 0, maxQueued: 0, maxQueueWaitMs: 1 });
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, delayMs: 200 });
    const replies = await Promise.all(Array.from({ length: 5 }, () => post(stack)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(upstreamCalls(stack)).toBe(5);
  });
});
