/**
 * Tests of the contract fake itself (not of the subgraph): it must answer the v41 contract and show each liberty it
 * takes, or the tests that put the subgraph in front of it prove nothing.
 */
import { LOCAL_USERS, ROLES, ROLE_IDS, ROLE_STORE_USERS, SOURCE_IDS, USER_IDS, type JsonObject } from './contract-fake/data';
import {
  EXPECTED_LOCAL_REMOTE_DATA_KEYS, EXPECTED_REMOTE_DATA_KEYS, EXPECTED_USERS, REMOTE_DATA_LOCAL_USER_ID,
  REMOTE_DATA_USER_ID, REMOVED_REMOTE_DATA_KEYS,
} from './contract-fake/expected';
import { EXPIRED_NOW, EXPECTED_STATES } from './contract-fake/expected-access';
import { CONTRACT_SECRETS, startContractFake, type ContractFake } from './contract-fake/server';

interface Page { count: number; items: JsonObject[] }

const RS = '/role-store/api/v1';
const LUS = '/local-user-store/api/v1';

async function tokenRequest(fake: ContractFake, form: Record<string, string>, basic?: string) {
  const { oauthClientId, oauthClientSecret } = fake.credentials;
  return fetch(`${fake.baseUrl}/auth/api/v1/oauth/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(basic ?? `${oauthClientId}:${oauthClientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams(form).toString(),
  });
}

async function passwordToken(fake: ContractFake): Promise<string> {
  const res = await tokenRequest(fake, {
    grant_type: 'password', username: fake.credentials.apiClientId, password: fake.credentials.apiClientSecret,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function call(fake: ContractFake, token: string | undefined, method: string, path: string, body?: unknown) {
  return fetch(`${fake.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status).toBe(status);
  return (await res.json()) as T;
}

const ids = (page: Page) => page.items.map((u) => u.id as string);

describe('contract fake', () => {
  let fake: ContractFake;
  let token: string;
  const get = async <T = Page>(path: string, status = 200) => json<T>(await call(fake, token, 'GET', path), status);
  const search = async (query: string, body: unknown = {}) =>
    json<Page>(await call(fake, token, 'POST', `${RS}/users/search${query}`, body));

  beforeAll(async () => {
    fake = await startContractFake();
    token = await passwordToken(fake);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  describe('OAuth', () => {
    it('uses a non-default OAuth client and answers with the documented token shape', async () => {
      expect(fake.credentials.oauthClientId).not.toBe('privx-external');
      expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await tokenRequest(fake, {
        grant_type: 'password', username: fake.credentials.apiClientId, password: fake.credentials.apiClientSecret,
      });
      const body = await json<Record<string, unknown>>(res);
      expect(body).toEqual({
        access_token: expect.any(String), token_type: 'bearer', expires_in: 300, refresh_token: expect.any(String),
        scope: expect.stringContaining('users-view'),
      });
      expect(fake.tokensIssued).toBe(1);
      expect(fake.calls).toEqual([]); // the token endpoint is not a "call"
    });

    it('rejects the default client, bad API secrets and unknown grants with OAuth errors', async () => {
      const good = { grant_type: 'password', username: fake.credentials.apiClientId, password: fake.credentials.apiClientSecret };
      expect(await json(await tokenRequest(fake, good, 'privx-external:x'), 401)).toEqual({
        error: 'invalid_client', error_description: expect.any(String),
      });
      expect(await json(await tokenRequest(fake, { ...good, password: 'nope' }), 400)).toMatchObject({ error: 'invalid_grant' });
      expect(await json(await tokenRequest(fake, { grant_type: 'client_credentials' }), 400)).toMatchObject({
        error: 'unsupported_grant_type',
      });
      const asJson = await fetch(`${fake.baseUrl}/auth/api/v1/oauth/token`, { method: 'POST', body: '{}' });
      expect(await json(asJson, 400)).toMatchObject({ error: 'invalid_request' });
      expect(fake.tokensIssued).toBe(0);
    });

    it('renews with a single-use refresh token', async () => {
      const first = await json<{ refresh_token: string }>(await tokenRequest(fake, {
        grant_type: 'password', username: fake.credentials.apiClientId, password: fake.credentials.apiClientSecret,
      }));
      const renewed = await json<{ access_token: string }>(
        await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }),
      );
      expect((await call(fake, renewed.access_token, 'GET', `${RS}/sources`)).status).toBe(200);
      expect(await json(await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }), 400))
        .toMatchObject({ error: 'invalid_grant' });
      expect(fake.tokensIssued).toBe(2);
    });

    it('expireAllTokens makes every issued access token answer 401 until a new one is fetched', async () => {
      const own = await passwordToken(fake);
      expect((await call(fake, own, 'GET', `${RS}/sources`)).status).toBe(200);
      fake.expireAllTokens();
      expect(await json(await call(fake, own, 'GET', `${RS}/sources`), 401)).toMatchObject({ error_code: 'UNAUTHORIZED' });
      expect((await call(fake, token, 'GET', `${RS}/sources`)).status).toBe(401);
      const fresh = await passwordToken(fake);
      expect((await call(fake, fresh, 'GET', `${RS}/sources`)).status).toBe(200);
      token = fresh; // later tests keep working
      expect(fake.calls.map((c) => c.path)).toEqual(Array(4).fill(`${RS}/sources`));
    });

    it('tokens expire on their own after tokenTtlSeconds', async () => {
      const short = await startContractFake({ tokenTtlSeconds: 0.2 });
      try {
        const t = await passwordToken(short);
        expect((await call(short, t, 'GET', `${RS}/sources`)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 300));
        expect((await call(short, t, 'GET', `${RS}/sources`)).status).toBe(401);
      } finally {
        await short.close();
      }
    });

    it('requires a bearer token on API calls but not on status', async () => {
      expect((await call(fake, undefined, 'GET', `${RS}/roles`)).status).toBe(401);
      expect((await call(fake, 'made-up', 'GET', `${RS}/roles`)).status).toBe(401);
      for (const service of ['auth', 'role-store', 'local-user-store']) {
        const status = await json<JsonObject>(await call(fake, undefined, 'GET', `/${service}/api/v1/status`));
        expect(status).toMatchObject({ status: 'ok', app_id: service, api_version: 'v1' });
      }
    });
  });

  describe('paging and order', () => {
    it('clamps every limit to 7 while count stays the total', async () => {
      const page = await search('?limit=1000&sortkey=principal', {});
      expect(page.count).toBe(ROLE_STORE_USERS.length);
      expect(page.items).toHaveLength(7);
      expect((await get(`${LUS}/users?limit=1000`)).items).toHaveLength(7);
      expect((await get(`${RS}/roles?limit=1000`)).items).toHaveLength(7);
      expect((await get(`${RS}/roles/${ROLE_IDS.employees}/members?limit=1000`)).items).toHaveLength(7);
    });

    it('a client that pages by count with a sortkey sees everyone exactly once', async () => {
      const seen: string[] = [];
      for (let offset = 0, count = Infinity; offset < count; offset += 7) {
        const page = await search(`?offset=${offset}&limit=1000&sortkey=created&sortdir=ASC`);
        count = page.count;
        seen.push(...ids(page));
      }
      expect(new Set(seen).size).toBe(ROLE_STORE_USERS.length);
      expect(seen).toHaveLength(ROLE_STORE_USERS.length);
    });

    it('rotates the default order between identical calls, so paging without a sortkey loses users', async () => {
      const a = await search('?limit=5');
      const b = await search('?limit=5');
      expect(ids(a)).not.toEqual(ids(b));
      const seen = new Set<string>();
      for (let offset = 0; offset < a.count; offset += 7) ids(await search(`?offset=${offset}`)).forEach((id) => seen.add(id));
      expect(seen.size).toBeLessThan(ROLE_STORE_USERS.length);
      const m1 = await get(`${RS}/roles/${ROLE_IDS.employees}/members`);
      const m2 = await get(`${RS}/roles/${ROLE_IDS.employees}/members`);
      expect(ids(m1)).not.toEqual(ids(m2));
    });

    it('sorts deterministically by every documented key, DESC reverses, ties break by id', async () => {
      const all = async (q: string) => {
        const first = await search(`${q}&limit=1000`, { source: SOURCE_IDS.ad });
        return [...ids(first), ...ids(await search(`${q}&offset=7`, { source: SOURCE_IDS.ad }))];
      };
      for (const key of ['created', 'updated', 'name', 'principal', 'email', 'source', 'full_name']) {
        const asc = await all(`?sortkey=${key}&sortdir=ASC`);
        expect(asc).toHaveLength(9);
        expect(await all(`?sortkey=${key}`)).toEqual(asc);
        expect(await all(`?sortkey=${key}&sortdir=DESC`)).toEqual([...asc].reverse());
      }
      // All LDAP users share `source`: the tie-break by id decides.
      expect(ids(await search('?sortkey=source', { source: SOURCE_IDS.ldap })))
        .toEqual([USER_IDS.sam, USER_IDS.tina, USER_IDS.uma, USER_IDS.victor]);
      // A missing value sorts first in ASC (quinn has no `updated`).
      expect((await all('?sortkey=updated'))[0]).toBe(USER_IDS.quinn);
    });

    it('answers 400 to an unknown sortkey, a bad sortdir or a bad limit', async () => {
      for (const q of ['?sortkey=nope', '?sortkey=name&sortdir=asc', '?limit=-1', '?offset=x']) {
        const res = await call(fake, token, 'POST', `${RS}/users/search${q}`, {});
        expect(await json(res, 400)).toMatchObject({ error_code: 'BAD_REQUEST' });
      }
    });
  });

  describe('role store users', () => {
    it('keywords match the documented fields and also tags and attribute values', async () => {
      const globex = await search('?sortkey=principal', { keywords: 'globex' });
      expect(ids(globex).sort()).toEqual([
        USER_IDS.judy, USER_IDS.ken, USER_IDS.liam, USER_IDS.mia, USER_IDS.olivia, USER_IDS.rita,
      ].sort()); // mia only through a tag and an attribute value; liam through "Globex Holdings"
      const sales = await search('?sortkey=principal&limit=50', { keywords: 'Sales', source: SOURCE_IDS.ad });
      expect(ids(sales)).toEqual(expect.arrayContaining([USER_IDS.ken, USER_IDS.liam, USER_IDS.judy, USER_IDS.rita]));
      expect(ids(await search('', { keywords: '  Judy   JONES ' }))).toEqual([USER_IDS.judy]);
      expect((await search('', { keywords: 'judy nobody' })).count).toBe(0);
    });

    it('user_id fetches many users in one (paged) call, items without roles', async () => {
      const all = ROLE_STORE_USERS.map((u) => u.id as string);
      const page = await search('?limit=1000&sortkey=principal', { user_id: [...all, '00000000-0000-4000-8000-000000000000'] });
      expect(page.count).toBe(all.length);
      expect(page.items).toHaveLength(7);
      expect(page.items.every((u) => u.roles === null)).toBe(true);
      const local = await search('?sortkey=principal', { source: SOURCE_IDS.local, user_id: [USER_IDS.judy, USER_IDS.bob] });
      expect(ids(local)).toEqual([USER_IDS.bob]);
    });

    it('answers a user with roles[], its roles list, and OBJECT_NOT_FOUND for unknown ids', async () => {
      const alice = await get<JsonObject>(`${RS}/users/${USER_IDS.alice}`);
      expect((alice.roles as JsonObject[]).map((r) => r.id)).toEqual([ROLE_IDS.developers, ROLE_IDS.admin, ROLE_IDS.employees]);
      const roles = await get(`${RS}/users/${USER_IDS.alice}/roles`);
      expect(roles.count).toBe(3);
      expect(roles.items).toEqual(alice.roles);
      expect((await get(`${RS}/users/${USER_IDS.bob}/roles`)).items).toEqual([]);
      for (const path of [`${RS}/users/00000000-0000-4000-8000-000000000000`, `${RS}/users/nope/roles`,
        `${RS}/roles/00000000-0000-4000-8000-000000000000`, `${RS}/sources/00000000-0000-4000-8000-000000000000`]) {
        expect(await get<JsonObject>(path, 404)).toMatchObject({ error_code: 'OBJECT_NOT_FOUND' });
      }
      expect(await get<JsonObject>(`${RS}/users/current`)).toMatchObject({ id: fake.credentials.apiClientId });
    });

    it('serves the drift and the secrets the client must cope with', async () => {
      const judy = await get<JsonObject>(`${RS}/users/${USER_IDS.judy}`);
      expect(judy).toMatchObject({ updatedby: expect.any(String), RefreshTimestamp: expect.any(String), x_new_field: { a: 1 } });
      expect(judy).not.toHaveProperty('updated_by');
      expect(await get<JsonObject>(`${RS}/users/${USER_IDS.ken}`)).toMatchObject({ given_name: 'Ken' });
      const everything = JSON.stringify([
        await search('?limit=1000&sortkey=principal&offset=0'), await search('?sortkey=principal&offset=7'),
        await search('?sortkey=principal&offset=14'), await search('?sortkey=principal&offset=21'),
        await get(`${LUS}/users?offset=0`), await get(`${LUS}/users?offset=7`), await get(`${RS}/sources`),
      ]);
      for (const secret of CONTRACT_SECRETS) expect(everything).toContain(secret);
    });
  });

  describe('roles, sources and local users', () => {
    it('lists roles by page and their members consistently with the users', async () => {
      const first = await get(`${RS}/roles?sortkey=name`);
      const second = await get(`${RS}/roles?sortkey=name&offset=7`);
      expect(first.count).toBe(ROLES.length);
      expect([...ids(first), ...ids(second)].sort()).toEqual(ROLES.map((r) => r.id as string).sort());
      for (const role of ROLES) {
        const members: string[] = [];
        for (let offset = 0; offset < (role.member_count as number); offset += 7) {
          members.push(...ids(await get(`${RS}/roles/${role.id as string}/members?sortkey=principal&offset=${offset}`)));
        }
        const holders = ROLE_STORE_USERS.filter((u) => (u.roles as JsonObject[]).some((r) => r.id === role.id));
        expect(members.sort()).toEqual(holders.map((u) => u.id as string).sort());
      }
      expect(await get<JsonObject>(`${RS}/roles/${ROLE_IDS.employees}`)).toMatchObject({ name: 'employees', member_count: 12 });
      const page = await get(`${RS}/roles/${ROLE_IDS.nightShift}/members`);
      expect(page.items.every((u) => Array.isArray(u.roles))).toBe(true);
      expect((await get(`${RS}/roles/${ROLE_IDS.unused}/members`))).toEqual({ count: 0, items: [] });
      const resolved = await json<Page>(await call(fake, token, 'POST', `${RS}/roles/resolve`, ['auditors', 'nope']));
      expect(ids(resolved)).toEqual([ROLE_IDS.auditors]);
    });

    it('lists all four sources unpaged', async () => {
      const sources = await get(`${RS}/sources?limit=1`);
      expect(sources.count).toBe(4);
      expect(sources.items.map((s) => [(s.connection as JsonObject).type, s.enabled, s.status_code])).toEqual(
        expect.arrayContaining([['LOCAL', true, 'OK'], ['AD', true, 'OK'], ['LDAP', false, 'OK'], ['OIDC', true, 'DEGRADED']]),
      );
      expect(await get<JsonObject>(`${RS}/sources/${SOURCE_IDS.ldap}`)).toMatchObject({ enabled: false });
    });

    it('serves local users with exact filters and NOT_FOUND', async () => {
      expect((await get(`${LUS}/users`)).count).toBe(LOCAL_USERS.length);
      expect(ids(await get(`${LUS}/users?username=bob`))).toEqual([USER_IDS.bob]);
      expect((await get(`${LUS}/users?username=bo`)).count).toBe(0);
      expect(ids(await get(`${LUS}/users?id=${USER_IDS.carol}`))).toEqual([USER_IDS.carol]);
      expect(await get<JsonObject>(`${LUS}/users/${USER_IDS.bob}`)).toMatchObject({
        password_change_required: true, password: { password: expect.any(String) },
      });
      expect(await get<JsonObject>(`${LUS}/users/${USER_IDS.heidi}`, 404)).toMatchObject({ error_code: 'NOT_FOUND' });
    });
  });

  describe('failures and bookkeeping', () => {
    it('failNext answers once with the given status and headers', async () => {
      fake.failNext('POST', `${RS}/users/search`, 503, { 'Retry-After': '0' });
      fake.failNext('get', `${RS}/roles`, 500);
      const busy = await call(fake, token, 'POST', `${RS}/users/search`, {});
      expect(busy.headers.get('retry-after')).toBe('0');
      expect(await json(busy, 503)).toMatchObject({ error_code: 'MAX_LOAD' });
      expect((await call(fake, token, 'POST', `${RS}/users/search`, {})).status).toBe(200);
      expect(await get<JsonObject>(`${RS}/roles/${ROLE_IDS.admin}`, 500)).toMatchObject({ error_code: 'INTERNAL_ERROR' });
      expect((await call(fake, token, 'GET', `${RS}/roles`)).status).toBe(200);
      fake.failNext('POST', '/auth/api/v1/oauth/token', 500);
      expect((await tokenRequest(fake, { grant_type: 'password' })).status).toBe(500);
    });

    it('records every non-auth call in order and reset forgets them', async () => {
      await call(fake, token, 'POST', `${RS}/users/search?offset=7&limit=1000`, { keywords: 'x' });
      await call(fake, undefined, 'GET', `${LUS}/users?username=bob`);
      expect(fake.calls).toEqual([
        { method: 'POST', path: `${RS}/users/search`, query: { offset: '7', limit: '1000' }, body: { keywords: 'x' } },
        { method: 'GET', path: `${LUS}/users`, query: { username: 'bob' }, body: undefined },
      ]);
      fake.failNext('GET', '/', 500);
      fake.reset();
      expect(fake.calls).toEqual([]);
      expect((await call(fake, token, 'GET', `${RS}/sources`)).status).toBe(200);
    });
  });

  // The expectations are hand-written; these only check them against the data mechanically (ids, order,
  // verbatim copies), never the mapping rules themselves.
  describe('expected values agree with the data', () => {
    it('has one expected user per role-store user, with its roles in record order', () => {
      expect(Object.keys(EXPECTED_USERS).sort()).toEqual(ROLE_STORE_USERS.map((u) => u.id as string).sort());
      for (const u of ROLE_STORE_USERS) {
        const e = EXPECTED_USERS[u.id as string];
        const allRoleIds = (u.roles as JsonObject[]).map((r) => r.id as string);
        const roleIds = allRoleIds.filter((roleId) => !EXPIRED_NOW.some(([user, role]) => user === u.id && role === roleId));
        expect(e?.roles?.map((r) => r.id)).toEqual(roleIds);
        expect(e?.roleAssignments?.map((r) => r.role.id)).toEqual(roleIds);
        expect(Object.keys(EXPECTED_STATES[u.id as string] ?? {})).toEqual(allRoleIds);
        expect(e?.username).toBe(u.principal);
        expect(e?.workspace.id).toBe(u.source);
      }
    });

    it('contains no secret, and the remoteData keys match the raw records', () => {
      const text = JSON.stringify(EXPECTED_USERS);
      for (const secret of CONTRACT_SECRETS) expect(text).not.toContain(secret);
      const judy = ROLE_STORE_USERS.find((u) => u.id === REMOTE_DATA_USER_ID) ?? {};
      expect([...EXPECTED_REMOTE_DATA_KEYS, ...REMOVED_REMOTE_DATA_KEYS, 'roles'].sort()).toEqual(Object.keys(judy).sort());
      const alice = LOCAL_USERS.find((u) => u.id === REMOTE_DATA_LOCAL_USER_ID) ?? {};
      expect([...EXPECTED_LOCAL_REMOTE_DATA_KEYS, 'password'].sort()).toEqual(Object.keys(alice).sort());
    });
  });
});
