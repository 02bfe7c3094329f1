import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken, call, type Json } from './sim-client';

const RS = '/role-store/api/v1';

describe('simulator stats, faults and knobs', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ users: 50 });
    token = await accessToken(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await call(sim, 'POST', '/__reset');
  });

  const get = (path: string) => call<Json>(sim, 'GET', path, { token });

  it('counts calls by route template, not by URL, and serves the snapshot over HTTP', async () => {
    const [a, b] = sim.data.users;
    await get(`${RS}/users/${a?.id}/roles`);
    await get(`${RS}/users/${b?.id}/roles`);
    await get(`${RS}/users/${a?.id}`);
    await call(sim, 'POST', `${RS}/users/search?limit=5`, { token, body: {} });
    await get('/local-user-store/api/v1/users?limit=1');
    await get('/role-store/api/v1/status');
    await get('/auth/api/v1/status');
    await get('/no/such/route');

    const expected = {
      total: 6,
      byRoute: {
        'GET /local-user-store/api/v1/users': 1,
        'GET /role-store/api/v1/status': 1,
        'GET /role-store/api/v1/users/:id': 1,
        'GET /role-store/api/v1/users/:id/roles': 2,
        'POST /role-store/api/v1/users/search': 1,
      },
    };
    expect(sim.stats.snapshot()).toEqual(expected);
    const overHttp = await call<Json>(sim, 'GET', '/__stats');
    expect(overHttp.body).toEqual(expected);
  });

  it('resets counters and faults with POST /__reset', async () => {
    await get(`${RS}/sources`);
    sim.injectFault({ method: 'GET', route: `${RS}/sources`, status: 500 });
    const reset = await call(sim, 'POST', '/__reset');
    expect(reset.status).toBe(204);
    expect(sim.stats.snapshot()).toEqual({ total: 0, byRoute: {} });
    expect((await get(`${RS}/sources`)).status).toBe(200);
  });

  it('answers injected faults with the PrivX error body, the given number of times, and counts them', async () => {
    sim.injectFault({ method: 'get', route: `${RS}/users/:id`, status: 503, times: 2 });
    const id = sim.data.users[0]?.id;
    const first = await get(`${RS}/users/${id}`);
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ error_code: 'INTERNAL_ERROR', error_message: expect.any(String) });
    expect((await get(`${RS}/users/${id}`)).status).toBe(503);
    expect((await get(`${RS}/users/${id}`)).status).toBe(200);
    expect((await get(`${RS}/users/${id}/roles`)).status).toBe(200);
    expect(sim.stats.snapshot().byRoute[`GET ${RS}/users/:id`]).toBe(3);
  });

  it('takes faults over HTTP too, with 4xx codes and Retry-After', async () => {
    const posted = await call(sim, 'POST', '/__faults', { body: { method: 'POST', route: `${RS}/users/search`, status: 429, retryAfterSeconds: 2 } });
    expect(posted.status).toBe(204);
    const limited = await call<Json>(sim, 'POST', `${RS}/users/search`, { token, body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body.error_code).toBe('TOO_MANY_REQUESTS');
    expect(limited.headers.get('retry-after')).toBe('2');

    expect((await call(sim, 'POST', '/__faults', { body: { method: 'GET', route: '*', status: 200 } })).status).toBe(400);
    expect((await call(sim, 'POST', '/__faults', { rawBody: '{' })).status).toBe(400);
    expect(() => sim.injectFault({ method: 'GET', route: '*', status: 500, times: 0 })).toThrow(RangeError);
    // A mistyped route would otherwise never fire and the test using it would pass for the wrong reason.
    expect(() => sim.injectFault({ method: 'GET', route: `${RS}/users/{id}`, status: 500 })).toThrow(/not a counted route/);
    expect(() => sim.injectFault({ method: 'POST', route: '/auth/api/v1/oauth/token', status: 500 })).toThrow(RangeError);
    expect((await call(sim, 'POST', '/__faults', { body: { method: 'GET', route: '/nope', status: 500 } })).status).toBe(400);
  });

  it('fails with "*" on every counted route until faults are cleared', async () => {
    sim.injectFault({ method: 'GET', route: '*', status: 500 });
    expect((await get(`${RS}/roles`)).status).toBe(500);
    expect((await get('/local-user-store/api/v1/users')).status).toBe(500);
    sim.clearFaults();
    expect((await get(`${RS}/roles`)).status).toBe(200);
  });

  it('answers a 2xx of the wrong shape: a whole `body`, or keys of the real answer rewritten by `set`', async () => {
    sim.injectFault({ method: 'GET', route: `${RS}/roles`, body: { items: null }, times: 1 });
    const replaced = await get(`${RS}/roles`);
    expect(replaced).toMatchObject({ status: 200, body: { items: null } });

    const posted = await call(sim, 'POST', '/__faults', { body: { method: 'GET', route: `${RS}/roles`, set: { 'items.*.name': { en: 'x' }, count: 1 }, times: 1 } });
    expect(posted.status).toBe(204);
    const rewritten = await call<{ count: number; items: Json[] }>(sim, 'GET', `${RS}/roles`, { token });
    expect(rewritten.body.count).toBe(1);
    expect(rewritten.body.items.length).toBeGreaterThan(1);
    expect(rewritten.body.items.every((role) => JSON.stringify(role.name) === '{"en":"x"}')).toBe(true);
    // The store is untouched: the next answer is the real one.
    const real = await call<{ items: Json[] }>(sim, 'GET', `${RS}/roles`, { token });
    expect(real.body.items.every((role) => typeof role.name === 'string')).toBe(true);

    expect(() => sim.injectFault({ method: 'GET', route: `${RS}/roles`, body: {}, status: 500 })).toThrow(RangeError);
    expect(() => sim.injectFault({ method: 'GET', route: `${RS}/roles`, set: { 'items..name': 1 } })).toThrow(RangeError);
  });

  it('never injects faults into token requests', async () => {
    sim.injectFault({ method: 'POST', route: '*', status: 500 });
    expect(await accessToken(sim)).toEqual(expect.any(String));
    sim.clearFaults();
  });
});

describe('simulator failure rate and latency', () => {
  const statuses = async (sim: RunningSimulator, n: number) => {
    const token = await accessToken(sim);
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) out.push((await call(sim, 'GET', `${RS}/sources`, { token })).status);
    return out;
  };

  it('fails about the given share of counted calls with 503 MAX_LOAD, in a sequence fixed by the seed', async () => {
    const a = await startSimulator({ users: 5, failureRate: 0.3, seed: 7 });
    const b = await startSimulator({ users: 5, failureRate: 0.3, seed: 7 });
    try {
      const first = await statuses(a, 200);
      expect(await statuses(b, 200)).toEqual(first);
      const failed = first.filter((s) => s === 503).length;
      expect(failed).toBeGreaterThan(30);
      expect(failed).toBeLessThan(90);
      expect(first.every((s) => s === 200 || s === 503)).toBe(true);
      a.injectFault({ method: 'GET', route: '*', status: 500, times: 1 });
      const body = (await call<Json>(a, 'GET', `${RS}/sources`)).body;
      expect(body.error_code).toBe('INTERNAL_ERROR');

      await call(a, 'POST', '/__reset');
      expect(await statuses(a, 200)).toEqual(first);
      const token = await accessToken(a);
      let overload: Json | undefined;
      for (let i = 0; i < 50 && !overload; i += 1) {
        const response = await call<Json>(a, 'GET', `${RS}/roles`, { token });
        if (response.status === 503) overload = response.body;
      }
      expect(overload).toEqual({ error_code: 'MAX_LOAD', error_message: expect.any(String) });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('delays counted calls by latencyMs, but not token requests', async () => {
    const sim = await startSimulator({ users: 5, latencyMs: 120 });
    try {
      let started = Date.now();
      const token = await accessToken(sim);
      expect(Date.now() - started).toBeLessThan(110);
      started = Date.now();
      await call(sim, 'GET', `${RS}/sources`, { token });
      expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await sim.close();
    }
  });

  it('rejects invalid options', async () => {
    await expect(startSimulator({ failureRate: 2 })).rejects.toThrow(/failureRate/);
    await expect(startSimulator({ users: -1 })).rejects.toThrow(/users/);
    await expect(startSimulator({ port: 70000 })).rejects.toThrow(/port/);
  });
});
