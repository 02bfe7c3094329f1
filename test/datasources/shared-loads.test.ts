import { setTimeout as sleep } from 'node:timers/promises';
import { createSharedCache } from '../../datasources/cache';
import { startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';
import { UpstreamCatalog } from '../../datasources/upstream-catalog';
import { V41Client } from '../../datasources/v41/client';
import { V41BudgetExceededError, V41DeadlineError } from '../../datasources/v41/errors';
import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';

/**
 * One request never fails because of another (issue 21, section 3): a de-duplicated cache load runs under its
 * own deadline and budget, not those of the request that happened to start it; each request waits for it no
 * longer than its own deadline. Real HTTP to the simulator, whose latency knob makes GET /roles slow.
 */
describe('shared cache loads belong to no request', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ users: 50 });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.clearFaults();
    sim.stats.reset();
  });

  const ROLES = 'GET /role-store/api/v1/roles';
  const catalogWith = (ttlSeconds: number) => {
    const client = new V41Client({ baseUrl: sim.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 5_000 });
    return new UpstreamCatalog(client, createSharedCache({ ttlSeconds, maxRecords: 10_000 }), { timeoutMs: 10_000, callBudget: 100 });
  };
  /** A request scope of `deadlineMs` with only `leftMs` of it left (it arrived long ago). */
  const request = (leftMs: number, deadlineMs = 10_000, budget = 100) => new RequestScope(deadlineMs, budget, Date.now() - (deadlineMs - leftMs));
  const settle = <T>(work: Promise<T>) => work.then((value) => ({ value }), (error: unknown) => ({ error }));

  it('request A with 100 ms left starts a 300 ms GET /roles, request B with 10 s joins it: A times out, B succeeds, one call', async () => {
    const catalog = catalogWith(30);
    await catalog.roles().catch(() => undefined); // a token first: only the roles call is slow
    sim.stats.reset();
    const fresh = catalogWith(30);
    sim.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', delayMs: 300 });
    const started = performance.now();
    const a = settle(runInRequestScope(request(100), () => fresh.roles()));
    await sleep(20);
    const b = settle(runInRequestScope(request(10_000), () => fresh.roles()));
    const aResult = await a;
    expect(performance.now() - started).toBeLessThan(280); // A gave up at its own deadline, not the load's end
    expect((aResult as { error: unknown }).error).toBeInstanceOf(V41DeadlineError);
    const bResult = (await b) as { value: { id: string }[] };
    expect(bResult.value.length).toBeGreaterThan(0);
    expect(sim.stats.snapshot().byRoute[ROLES]).toBe(1);
  });

  it('a joiner with 100 ms left waits no longer than its own deadline; the starter still gets the value', async () => {
    const catalog = catalogWith(30);
    sim.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', delayMs: 300 });
    const a = settle(runInRequestScope(request(10_000), () => catalog.roles()));
    await sleep(20);
    const started = performance.now();
    const b = await settle(runInRequestScope(request(100), () => catalog.roles()));
    expect(performance.now() - started).toBeLessThan(250);
    expect((b as { error: Error }).error).toBeInstanceOf(V41DeadlineError);
    expect((b as { error: Error }).error.message).toBe('PrivX cached roles abandoned: the request deadline of 10000 ms passed');
    expect(((await a) as { value: unknown[] }).value.length).toBeGreaterThan(0);
  });

  it('a starter whose call budget is spent: the shared load has a budget of its own, so it and the joiner succeed', async () => {
    const catalog = catalogWith(30);
    const spent = new RequestScope(10_000, 0);
    sim.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', delayMs: 50 });
    const a = runInRequestScope(spent, () => catalog.roles());
    await sleep(10);
    const b = runInRequestScope(request(10_000), () => catalog.roles());
    const [aRoles, bRoles] = await Promise.all([a, b]);
    expect(aRoles.length).toBeGreaterThan(0);
    expect(bRoles).toBe(aRoles);
    expect(sim.stats.snapshot().byRoute[ROLES]).toBe(1);
    expect(spent.callsMade).toBe(0);
  });

  it('without a shared cache (TTL 0) nothing is shared: the load is the request\'s own, in its budget', async () => {
    const catalog = catalogWith(0);
    await expect(runInRequestScope(new RequestScope(10_000, 0), () => catalog.roles())).rejects.toBeInstanceOf(V41BudgetExceededError);
    const scope = new RequestScope(10_000, 5);
    await runInRequestScope(scope, () => catalog.roles());
    expect(scope.callsMade).toBe(1);
  });
});
