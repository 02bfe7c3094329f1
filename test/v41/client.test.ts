import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { V41Client } from '../../datasources/v41/client';
import { V41AuthError, V41Error, V41ParseError, V41UnavailableError } from '../../datasources/v41/errors';
import { TokenManager } from '../../datasources/v41/token-manager';
import { CONTRACT_SECRETS, startContractFake, type ContractFake } from '../contract-fake/server';
import { LOCAL_USERS, ROLES, ROLE_STORE_USERS, USER_IDS } from '../contract-fake/data';

/** The v41 client against the independent contract fake: pages clamped to 7, tokens that expire. */
describe('V41Client', () => {
  let fake: ContractFake;
  let client: V41Client;

  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
  });
  beforeEach(() => {
    fake.reset();
    client = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000 });
  });
  afterAll(() => fake.close());

  it('pages by count, not by short pages, and gets every user once', async () => {
    const all = await client.searchAllUsers({});
    expect(all.count).toBe(ROLE_STORE_USERS.length);
    expect(new Set(all.items.map((u) => u.id)).size).toBe(ROLE_STORE_USERS.length);
    const pages = fake.calls.filter((c) => c.path === '/role-store/api/v1/users/search');
    expect(pages).toHaveLength(Math.ceil(ROLE_STORE_USERS.length / 7));
    // Stable paging needs an explicit order: the server's default order is undocumented.
    expect(pages.every((c) => c.query.sortkey === 'principal' && c.query.sortdir === 'ASC' && c.query.limit === '1000')).toBe(true);
  });

  it('reads all roles and all local users across clamped pages', async () => {
    expect((await client.listRoles()).map((r) => r.id).sort()).toEqual(ROLES.map((r) => r.id as string).sort());
    const local = await client.allLocalUsers();
    expect(local.items.map((u) => u.id).sort()).toEqual(LOCAL_USERS.map((u) => u.id as string).sort());
  });

  it('fetches many users by id in one search, limit = batch size', async () => {
    const ids = [USER_IDS.alice, USER_IDS.judy, USER_IDS.zoe];
    const users = await client.usersByIds(ids);
    expect(users.map((u) => u.id).sort()).toEqual([...ids].sort());
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'POST', query: { limit: '3', offset: '0' }, body: { user_id: ids } });
    expect(users.every((u) => u.roles === null)).toBe(true);
  });

  it('answers null for the contract\'s not-found (404 OBJECT_NOT_FOUND and NOT_FOUND)', async () => {
    expect(await client.getUser('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await client.getUserRoles('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await client.getLocalUser(USER_IDS.heidi)).toBeNull();
    expect(await client.getRole('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('folds field-name drift into one name', async () => {
    const judy = await client.getUser(USER_IDS.judy);
    expect(judy?.updated_by).toBeDefined();
    expect(judy?.refresh_timestamp).toBe('2025-01-20T00:00:00Z');
    const ken = await client.getUser(USER_IDS.ken);
    expect(ken?.first_name).toBeDefined();
    expect(ken?.raw).toHaveProperty('given_name');
  });

  it('strips every secret while parsing, at any depth', async () => {
    const everything = JSON.stringify([
      await client.searchAllUsers({}),
      await client.allLocalUsers(),
      await Promise.all(Object.values(USER_IDS).map((id) => client.getUser(id))),
      await client.listSources(),
    ]);
    for (const secret of CONTRACT_SECRETS) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/"(password|seed|webauthn_credentials|current_session_id)"/);
    expect(everything).not.toMatch(/"[^"]*(secret|token)[^"]*"\s*:/i);
  });

  it('turns error bodies into typed errors without leaking the token', async () => {
    const once = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000, resilience: { maxAttempts: 1 } });
    fake.failNext('GET', '/role-store/api/v1/sources', 500);
    const error = (await once.listSources().catch((e: unknown) => e)) as V41Error;
    expect(error).toBeInstanceOf(V41Error);
    expect(error.status).toBe(500);
    expect(error.errorCode).toBe('INTERNAL_ERROR');
    expect(error.message).toContain('GET /role-store/api/v1/sources');
    expect(error.message).not.toMatch(/Bearer|access_token/);
  });

  it('shares one token request among concurrent callers, and re-tokens once on 401', async () => {
    await Promise.all(Array.from({ length: 10 }, () => client.listSources()));
    expect(fake.tokensIssued).toBe(1);
    fake.expireAllTokens();
    await Promise.all(Array.from({ length: 10 }, () => client.listSources()));
    expect(fake.tokensIssued).toBe(2);
  });

  it('reports refused credentials as an auth error naming the OAuth error only', async () => {
    const wrong = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, apiClientSecret: 'nope-not-it', timeoutMs: 2_000 });
    const error = (await wrong.listSources().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(V41AuthError);
    expect(error.message).toMatch(/invalid_grant|invalid_client/);
    expect(error.message).not.toContain('nope-not-it');
  });
});

describe('TokenManager', () => {
  let fake: ContractFake;
  beforeAll(async () => {
    fake = await startContractFake({ tokenTtlSeconds: 300 });
  });
  afterAll(() => fake.close());

  it('renews before expiry with the refresh grant', async () => {
    let now = 1_000_000;
    const tokens = new TokenManager({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000 }, () => now);
    const first = await tokens.accessToken();
    now += 200_000; // still fresh: no request
    expect(await tokens.accessToken()).toBe(first);
    expect(tokens.requests).toBe(1);
    now += 75_000; // within 30 s of the 300 s expiry: renew
    const second = await tokens.accessToken();
    expect(second).not.toBe(first);
    expect(tokens.requests).toBe(2);
    expect(fake.tokensIssued).toBe(2);
  });
});

/**
 * A bare upstream on loopback that answers the token call and then whatever `answer` writes for the rest
 * (nothing at all, for a server that hangs).
 */
function tokenOnlyUpstream(answer: (path: string, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    if (!path.startsWith('/auth/')) return answer(path, res);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'a', expires_in: 300, token_type: 'bearer' }));
  });
  return {
    client: async (timeoutMs: number) => {
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return new V41Client({ baseUrl, oauthClientId: 'x', oauthClientSecret: 'y', apiClientId: 'z', apiClientSecret: 'w', timeoutMs });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('V41Client against a server that answers malformed bodies', () => {
  const bodies: Record<string, unknown> = {
    '/role-store/api/v1/sources': ['not', 'an', 'object'],
    '/role-store/api/v1/roles': { count: 1, items: [{ name: 'no id' }] },
  };
  const upstream = tokenOnlyUpstream((path, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(bodies[path]));
  });
  afterAll(() => upstream.close());

  it('reports a body of the wrong shape as an upstream error, like a body that is not JSON', async () => {
    const client = await upstream.client(2_000);
    const [sources, roles] = await Promise.all([client.listSources().catch((e: unknown) => e), client.listRoles().catch((e: unknown) => e)]);
    expect(sources).toBeInstanceOf(V41ParseError);
    expect(sources).toBeInstanceOf(V41Error);
    expect((sources as Error).message).toBe('Unexpected v41 response to GET /role-store/api/v1/sources: (body) is not an object');
    expect(roles).toBeInstanceOf(V41Error);
    expect((roles as Error).message).toBe('Unexpected v41 response to GET /role-store/api/v1/roles: items[0].id is not a non-empty string (every record has an id)');
  });
});

describe('V41Client timeouts', () => {
  const silent = tokenOnlyUpstream(() => undefined);
  afterAll(() => silent.close());

  it('gives up after the configured timeout with an unavailable error', async () => {
    const client = await silent.client(150);
    const started = Date.now();
    const error = await client.listSources().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(V41UnavailableError);
    expect((error as Error).message).toContain('timed out after 150 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
