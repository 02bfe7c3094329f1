import { getEventListeners, getMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { V41Client } from '../../datasources/v41/client';
import {
  V41BudgetExceededError,
  V41CircuitOpenError,
  V41DeadlineError,
  V41Error,
  V41RateLimitedError,
  V41UnavailableError,
} from '../../datasources/v41/errors';
import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';
import type { ResilienceOptions } from '../../datasources/v41/resilience';
import { startContractFake, type ContractFake } from '../contract-fake/server';

const SOURCES = '/role-store/api/v1/sources';

/** Retries, breaker, budget and deadline of the v41 client, against the independent contract fake. */
describe('V41Client resilience', () => {
  let fake: ContractFake;
  beforeAll(async () => {
    fake = await startContractFake();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  const clientWith = (resilience: Partial<ResilienceOptions> = {}) =>
    new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000, resilience: { initialBackoffMs: 1, maxBackoffMs: 5, ...resilience } });
  const sourceCalls = () => fake.calls.filter((c) => c.path === SOURCES).length;

  it.each([500, 502, 503, 504, 429])('retries a %i and answers', async (status) => {
    fake.failNext('GET', SOURCES, status);
    expect((await clientWith().listSources()).length).toBeGreaterThan(0);
    expect(sourceCalls()).toBe(2);
  });

  it('retries POST /users/search too (a read)', async () => {
    fake.failNext('POST', '/role-store/api/v1/users/search', 503);
    const list = await clientWith().searchUsers({}, { offset: 0, limit: 5 });
    expect(list.items).toHaveLength(5);
    expect(fake.calls.filter((c) => c.path === '/role-store/api/v1/users/search')).toHaveLength(2);
  });

  it('gives up after maxAttempts tries with the last error', async () => {
    for (let i = 0; i < 5; i += 1) fake.failNext('GET', SOURCES, 503);
    const error = await clientWith({ maxAttempts: 3 }).listSources().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(V41UnavailableError);
    expect((error as V41Error).status).toBe(503);
    expect(sourceCalls()).toBe(3);
  });

  it.each([400, 404, 403])('does not retry a %i', async (status) => {
    fake.failNext('GET', SOURCES, status);
    await clientWith().listSources().catch(() => undefined);
    expect(sourceCalls()).toBe(1);
  });

  it('honours a short Retry-After, and fails at once on one longer than it may wait, saying how long', async () => {
    fake.failNext('GET', SOURCES, 429, { 'retry-after': '0' });
    await clientWith().listSources();
    expect(sourceCalls()).toBe(2);

    fake.reset();
    fake.failNext('GET', SOURCES, 429, { 'retry-after': '120' });
    const error = (await clientWith().listSources().catch((e: unknown) => e)) as V41RateLimitedError;
    expect(error).toBeInstanceOf(V41RateLimitedError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(sourceCalls()).toBe(1);
  });

  it('opens the circuit after consecutive failures, fails fast without calling, then probes its way back', async () => {
    const client = clientWith({ maxAttempts: 1, breakerThreshold: 3, breakerResetMs: 100 });
    for (let i = 0; i < 3; i += 1) fake.failNext('GET', SOURCES, 503);
    for (let i = 0; i < 3; i += 1) await expect(client.listSources()).rejects.toBeInstanceOf(V41UnavailableError);
    expect(sourceCalls()).toBe(3);
    await expect(client.listSources()).rejects.toBeInstanceOf(V41CircuitOpenError);
    expect(sourceCalls()).toBe(3); // failed fast: PrivX was not called
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(client.listSources()).resolves.toBeDefined(); // the half-open probe succeeds and closes it
    await expect(client.listSources()).resolves.toBeDefined();
    expect(sourceCalls()).toBe(5);
  });

  it('a rate limit does not open the circuit', async () => {
    const client = clientWith({ maxAttempts: 1, breakerThreshold: 2 });
    for (let i = 0; i < 3; i += 1) fake.failNext('GET', SOURCES, 429);
    for (let i = 0; i < 3; i += 1) await expect(client.listSources()).rejects.toBeInstanceOf(V41RateLimitedError);
    await expect(client.listSources()).resolves.toBeDefined();
  });

  it('charges every call, retries included, to the request, and refuses past its budget', async () => {
    const client = clientWith();
    fake.failNext('GET', SOURCES, 500);
    const scope = new RequestScope(10_000, 3);
    await runInRequestScope(scope, async () => {
      await client.listSources(); // 2 calls: a 500 and its retry
      await client.listSources(); // 3
      await expect(client.listSources()).rejects.toBeInstanceOf(V41BudgetExceededError);
    });
    expect(scope.callsMade).toBe(3);
    expect(sourceCalls()).toBe(3);
  });
});

describe('V41Client deadline and concurrency cap', () => {
  let server: Server;
  let url: string;
  let inFlight = 0;
  let maxInFlight = 0;
  let hang = false;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/auth/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'a', expires_in: 300, token_type: 'bearer' }));
        return;
      }
      if (hang) return; // never answers
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ count: 0, items: [] }));
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const connection = () => ({ baseUrl: url, oauthClientId: 'x', oauthClientSecret: 'y', apiClientId: 'z', apiClientSecret: 'w' });

  it('keeps at most `concurrency` calls in flight and queues the rest', async () => {
    hang = false;
    const client = new V41Client({ ...connection(), timeoutMs: 5_000, resilience: { concurrency: 2 } });
    const lists = await Promise.all(Array.from({ length: 10 }, () => client.listSources()));
    expect(lists).toHaveLength(10);
    expect(maxInFlight).toBe(2);
  });

  // Node warns (MaxListenersExceededWarning, in the operator's log) once a signal has more listeners than its
  // limit; jest's sandbox does not see that warning, so this checks the condition Node checks.
  it('lets one request\'s 20 calls in flight listen on its deadline without Node\'s listener-leak warning', async () => {
    hang = false;
    const client = new V41Client({ ...connection(), timeoutMs: 5_000, resilience: { concurrency: 20 } });
    const scope = new RequestScope(5_000, 20);
    let listening = 0;
    const lists = await runInRequestScope(scope, async () => {
      const calls = Promise.all(Array.from({ length: 20 }, () => client.listSources()));
      for (let tries = 0; tries < 100 && listening < 20; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        listening = Math.max(listening, getEventListeners(scope.signal, 'abort').length);
      }
      return calls;
    });
    expect(lists).toHaveLength(20);
    expect(listening).toBeGreaterThanOrEqual(20);
    expect(getMaxListeners(scope.signal)).toBeGreaterThanOrEqual(listening);
  });

  it('abandons a hanging call at the request deadline, not at the (longer) call timeout', async () => {
    hang = true;
    const client = new V41Client({ ...connection(), timeoutMs: 60_000 });
    const error = await runInRequestScope(new RequestScope(200, 100), () => client.listSources().catch((e: unknown) => e));
    expect(error).toBeInstanceOf(V41DeadlineError);
    expect((error as Error).message).toContain('deadline of 200 ms');
  });

  it('retries a timed-out call (a hang) within the deadline', async () => {
    hang = true;
    const client = new V41Client({ ...connection(), timeoutMs: 50, resilience: { maxAttempts: 2, initialBackoffMs: 1 } });
    const error = await runInRequestScope(new RequestScope(5_000, 100), () => client.listSources().catch((e: unknown) => e));
    expect(error).toBeInstanceOf(V41UnavailableError);
    expect((error as Error).message).toContain('timed out after 50 ms');
  });
});
