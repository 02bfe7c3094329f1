import { type RunningSimulator, SIMULATOR_CREDENTIALS, startSimulator } from '../../datasources/simulator/server';
import { accessToken, basic, call, type Json, requestToken } from './sim-client';

const PASSWORD_GRANT = {
  grant_type: 'password',
  username: SIMULATOR_CREDENTIALS.apiClientId,
  password: SIMULATOR_CREDENTIALS.apiClientSecret,
};

describe('simulator auth', () => {
  let clock = Date.UTC(2025, 0, 1);
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ users: 20, tokenTtlSeconds: 1, now: () => clock });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.stats.reset());

  it('issues a bearer token for the API client through the OAuth client', async () => {
    const { status, body, headers } = await requestToken(sim, PASSWORD_GRANT);
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1,
      refresh_token: expect.any(String),
      scope: expect.stringContaining('users-view'),
    });
    expect(headers.get('cache-control')).toBe('no-store');
    const me = await call<Json>(sim, 'GET', '/role-store/api/v1/users/current', { token: body.access_token as string });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ principal: SIMULATOR_CREDENTIALS.apiClientId, source_type: 'API-CLIENT', roles: [] });
    const byId = await call<Json>(sim, 'GET', `/role-store/api/v1/users/${me.body.id as string}`, { token: body.access_token as string });
    expect(byId.body).toEqual(me.body);
  });

  it('rejects a wrong OAuth client with invalid_client', async () => {
    const { status, body } = await requestToken(sim, PASSWORD_GRANT, basic(SIMULATOR_CREDENTIALS.oauthClientId, 'wrong'));
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect((await requestToken(sim, PASSWORD_GRANT, '')).status).toBe(401);
  });

  it('rejects wrong API client credentials with invalid_grant', async () => {
    const { status, body } = await requestToken(sim, { ...PASSWORD_GRANT, password: 'nope' });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('renews with a refresh token, and rejects an unknown one', async () => {
    const first = await requestToken(sim, PASSWORD_GRANT);
    const renewed = await requestToken(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string });
    expect(renewed.status).toBe(200);
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    expect((await call(sim, 'GET', '/role-store/api/v1/sources', { token: renewed.body.access_token as string })).status).toBe(200);

    const bad = await requestToken(sim, { grant_type: 'refresh_token', refresh_token: 'forged' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_grant');
  });

  it('answers other OAuth mistakes in OAuth shape', async () => {
    expect((await requestToken(sim, { grant_type: 'client_credentials' })).body.error).toBe('unsupported_grant_type');
    expect((await requestToken(sim, {})).body.error).toBe('invalid_request');
    const json = await fetch(`${sim.url}/auth/api/v1/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(SIMULATOR_CREDENTIALS.oauthClientId, SIMULATOR_CREDENTIALS.oauthClientSecret), 'content-type': 'application/json' },
      body: JSON.stringify(PASSWORD_GRANT),
    });
    expect(json.status).toBe(400);
  });

  it('answers a missing, unknown or expired bearer token with 401 and the PrivX error body', async () => {
    const missing = await call<Json>(sim, 'GET', '/role-store/api/v1/sources');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error_code: 'UNAUTHORIZED', error_message: 'missing bearer token' });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');

    const unknown = await call<Json>(sim, 'GET', '/role-store/api/v1/sources', { token: 'not-a-token' });
    expect(unknown.status).toBe(401);

    const token = await accessToken(sim);
    expect((await call(sim, 'GET', '/role-store/api/v1/sources', { token })).status).toBe(200);
    clock += 999;
    expect((await call(sim, 'GET', '/role-store/api/v1/sources', { token })).status).toBe(200);
    clock += 1;
    const expired = await call<Json>(sim, 'GET', '/role-store/api/v1/sources', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error_code: 'UNAUTHORIZED', error_message: 'access token expired' });
  });

  it('does not count token requests, but counts data calls even when they are refused', async () => {
    await requestToken(sim, PASSWORD_GRANT);
    await call(sim, 'GET', '/role-store/api/v1/sources');
    expect(sim.stats.snapshot()).toEqual({ total: 1, byRoute: { 'GET /role-store/api/v1/sources': 1 } });
  });

  it('accepts custom credentials', async () => {
    const custom = await startSimulator({ users: 5, oauthClientId: 'oc', oauthClientSecret: 'os', apiClientId: 'ac', apiClientSecret: 'as' });
    try {
      const { status } = await requestToken(custom, { grant_type: 'password', username: 'ac', password: 'as' }, basic('oc', 'os'));
      expect(status).toBe(200);
      expect((await requestToken(custom, PASSWORD_GRANT)).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
