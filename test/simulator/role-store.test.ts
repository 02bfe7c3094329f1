import type { RawRoleStoreUser } from '../../datasources/simulator/demo-types';
import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken, authed, type Json, type ListBody } from './sim-client';

const RS = '/role-store/api/v1';

describe('simulator role store', () => {
  let sim: RunningSimulator;
  let api: ReturnType<typeof authed>;
  beforeAll(async () => {
    sim = await startSimulator({ users: 1500 });
    api = authed(sim, await accessToken(sim));
  });
  afterAll(() => sim.close());

  const search = (body: unknown, query = '') => api.post<ListBody<Json>>(`${RS}/users/search${query}`, body);

  describe('POST /users/search', () => {
    it('lists everyone for {}, 50 at a time by default, with roles null', async () => {
      const { status, body } = await search({});
      expect(status).toBe(200);
      expect(body.count).toBe(1500);
      expect(body.items).toHaveLength(50);
      for (const item of body.items) expect(item.roles).toBeNull();
      expect(body.items[0]?.id).toBe(sim.data.users[0]?.id);
    });

    it('pages by offset and limit, keeps count the total and clamps limit to 1000', async () => {
      const page = await search({}, '?offset=10&limit=5&sortkey=principal');
      const all = await search({}, '?limit=5000&sortkey=principal');
      expect(page.body.count).toBe(1500);
      expect(all.body.count).toBe(1500);
      expect(all.body.items).toHaveLength(1000);
      expect(page.body.items.map((u) => u.id)).toEqual(all.body.items.slice(10, 15).map((u) => u.id));
      const beyond = await search({}, '?offset=1500');
      expect(beyond.body).toEqual({ count: 1500, items: [] });
      const tail = await search({}, '?offset=1498&limit=10');
      expect(tail.body.items).toHaveLength(2);
    });

    it('rejects malformed paging and sort parameters', async () => {
      for (const query of ['?limit=-1', '?offset=abc', '?sortkey=password', '?sortdir=UP']) {
        const { status, body } = await api.post<Json>(`${RS}/users/search${query}`, {});
        expect(status).toBe(400);
        expect(body.error_code).toBe('BAD_REQUEST');
      }
    });

    it('matches every keyword, case-insensitively, as a substring of the searched fields', async () => {
      const target = sim.data.users.find((u) => u.company === 'Northwind: EMEA' && u.department && u.last_name) as RawRoleStoreUser;
      const keywords = `${target.last_name?.toUpperCase()}   northwind:  ${target.department?.slice(1, 5).toLowerCase()}`;
      const words = keywords.toLowerCase().split(/\s+/).filter(Boolean);
      const fields = (u: RawRoleStoreUser) =>
        [u.principal, u.full_name, u.first_name ?? u.given_name, u.last_name, u.email, u.company, u.department, u.job_title]
          .filter((f): f is string => f !== undefined)
          .map((f) => f.toLowerCase());
      const expected = sim.data.users.filter((u) => words.every((w) => fields(u).some((f) => f.includes(w)))).map((u) => u.id);

      const { body } = await search({ keywords }, '?limit=1000');
      expect(body.items.map((u) => u.id)).toEqual(expected);
      expect(body.count).toBe(expected.length);
      expect(expected).toContain(target.id);
    });

    it('does not search tags or attributes, and ANDs the words', async () => {
      expect((await search({ keywords: 'admin-tier0' })).body.count).toBe(0);
      expect((await search({ keywords: 'avatars.example.com' })).body.count).toBe(0);
      const acme = (await search({ keywords: 'acme' })).body.count;
      const acmeAndX = (await search({ keywords: 'acme zzzz-no-such-word' })).body.count;
      expect(acme).toBeGreaterThan(0);
      expect(acmeAndX).toBe(0);
      expect((await search({ keywords: '   ' })).body.count).toBe(1500);
    });

    it('fetches many users by id in one call, and filters by directory', async () => {
      const wanted = [sim.data.users[7], sim.data.users[3], sim.data.users[900]].map((u) => u?.id as string);
      const { body } = await search({ user_id: [...wanted, wanted[0], '00000000-0000-4000-8000-000000000000'] });
      expect(body.count).toBe(3);
      expect(new Set(body.items.map((u) => u.id))).toEqual(new Set(wanted));

      const ldap = sim.data.directories.ldap.id;
      const inLdap = sim.data.users.filter((u) => u.source === ldap);
      const bySource = await search({ source: ldap }, '?limit=1000');
      expect(bySource.body.count).toBe(inLdap.length);
      expect(bySource.body.items.every((u) => u.source === ldap)).toBe(true);
      const both = await search({ source: ldap, user_id: wanted });
      expect(both.body.items.every((u) => u.source === ldap)).toBe(true);
    });

    it('sorts by every documented key, stable by id, in both directions', async () => {
      const value = (u: Json, key: string) => {
        const field = key === 'name' ? 'principal' : key;
        const v = (u[field] as string | undefined) ?? '';
        return key === 'created' || key === 'updated' || key === 'source' ? v : v.toLowerCase();
      };
      for (const key of ['created', 'updated', 'name', 'principal', 'email', 'source', 'full_name']) {
        const asc = (await search({}, `?limit=1000&sortkey=${key}`)).body.items;
        const desc = (await search({}, `?limit=1000&sortkey=${key}&sortdir=desc`)).body.items;
        for (let i = 1; i < asc.length; i += 1) {
          const [a, b] = [asc[i - 1] as Json, asc[i] as Json];
          expect(value(a, key) < value(b, key) || (value(a, key) === value(b, key) && (a.id as string) < (b.id as string))).toBe(true);
        }
        const allAsc = [...asc, ...(await search({}, `?offset=1000&limit=1000&sortkey=${key}`)).body.items];
        expect(desc.map((u) => u.id)).toEqual(allAsc.reverse().slice(0, 1000).map((u) => u.id));
      }
    });

    it('rejects a malformed body, user_id or source', async () => {
      const raw = await fetch(`${sim.url}${RS}/users/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await accessToken(sim)}`, 'content-type': 'application/json' },
        body: '{"keywords":',
      });
      expect(raw.status).toBe(400);
      expect(((await raw.json()) as Json).error_code).toBe('BAD_REQUEST');
      for (const body of [{ user_id: ['not-a-uuid'] }, { user_id: 'x' }, { source: 'x' }, { keywords: 5 }, [1]]) {
        expect((await search(body)).status).toBe(400);
      }
    });

    it('leaves absent fields out of the JSON and keeps drift, unknown keys and secrets as the upstream does', async () => {
      const [, , , , twoWords] = sim.data.users;
      const { body } = await search({ user_id: sim.data.users.slice(0, 12).map((u) => u.id) });
      const item = body.items.find((u) => u.id === twoWords?.id) as Json;
      expect('first_name' in item).toBe(false);
      expect('updated_by' in item || 'updatedby' in item).toBe(true);
      const secrets = body.items.find((u) => u.id === sim.data.users[9]?.id) as Json;
      expect(secrets).toHaveProperty('api_token');
      expect(secrets).toHaveProperty('current_session_id');
      expect(secrets).toHaveProperty('webauthn_credentials');
      expect(secrets).toHaveProperty('x_vendor_note');
      expect(secrets).toHaveProperty('mfa.seed');
    });
  });

  describe('users by id', () => {
    it('returns one user with roles, and its role list', async () => {
      const user = sim.data.users[2] as RawRoleStoreUser;
      const one = await api.get<Json>(`${RS}/users/${user.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(JSON.parse(JSON.stringify(user)));
      expect((one.body.roles as unknown[]).length).toBe(user.roles.length);
      const roles = await api.get<ListBody>(`${RS}/users/${user.id.toUpperCase()}/roles`);
      expect(roles.body).toEqual({ count: user.roles.length, items: JSON.parse(JSON.stringify(user.roles)) });
    });

    it('answers 404 OBJECT_NOT_FOUND for an unknown id and 400 BAD_REQUEST for a malformed one', async () => {
      const missing = await api.get<Json>(`${RS}/users/00000000-0000-4000-8000-000000000000`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error_code: 'OBJECT_NOT_FOUND', error_message: expect.any(String) });
      const malformed = await api.get<Json>(`${RS}/users/not-a-uuid/roles`);
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ error_code: 'BAD_REQUEST', property: 'user_id' });
      expect((await api.get(`${RS}/roles/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      expect((await api.get(`${RS}/sources/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });

    it('answers 404 NOT_FOUND for an unknown route', async () => {
      const { status, body } = await api.get<Json>('/role-store/api/v2/users');
      expect(status).toBe(404);
      expect(body.error_code).toBe('NOT_FOUND');
    });
  });

  describe('roles', () => {
    it('lists roles, sorted by name when asked', async () => {
      const { body } = await api.get<ListBody>(`${RS}/roles?sortkey=name&sortdir=ASC`);
      expect(body.count).toBe(sim.data.roles.length);
      const names = body.items.map((r) => r.name as string);
      expect(names).toEqual([...names].sort());
      expect((await api.get<ListBody>(`${RS}/roles?limit=3&offset=2`)).body.items).toHaveLength(3);
      expect((await api.get(`${RS}/roles?sortkey=principal`)).status).toBe(400);
    });

    it('returns one role, and exactly the users holding it as members, with their roles', async () => {
      const role = sim.data.roles.find((r) => r.name === 'developers');
      expect(role).toBeDefined();
      const one = await api.get<Json>(`${RS}/roles/${role?.id}`);
      expect(one.body).toMatchObject({ id: role?.id, name: 'developers', member_count: role?.member_count });

      const holders = sim.data.users.filter((u) => u.roles.some((r) => r.id === role?.id)).map((u) => u.id);
      const members: Json[] = [];
      for (let offset = 0; offset < (role?.member_count ?? 0); offset += 100) {
        const page = await api.get<ListBody>(`${RS}/roles/${role?.id}/members?offset=${offset}&limit=100&sortkey=principal`);
        expect(page.body.count).toBe(role?.member_count);
        members.push(...page.body.items);
      }
      expect(new Set(members.map((m) => m.id))).toEqual(new Set(holders));
      expect(members).toHaveLength(holders.length);
      for (const member of members) expect((member.roles as Json[]).some((r) => r.id === role?.id)).toBe(true);
    });

    it('has an empty member list for a role nobody holds', async () => {
      const empty = sim.data.roles.find((r) => r.member_count === 0);
      expect((await api.get<ListBody>(`${RS}/roles/${empty?.id}/members`)).body).toEqual({ count: 0, items: [] });
    });

    it('resolves many roles by name, skipping unknown names', async () => {
      const { body } = await api.post<ListBody>(`${RS}/roles/resolve`, ['auditors', 'no-such-role', 'privx-admin', 'auditors']);
      expect(body.count).toBe(2);
      expect(body.items.map((r) => r.name)).toEqual(['auditors', 'privx-admin']);
      expect((await api.post(`${RS}/roles/resolve`, { names: ['auditors'] })).status).toBe(400);
    });
  });

  describe('sources', () => {
    it('lists every directory unpaged and returns one by id', async () => {
      const { body } = await api.get<ListBody>(`${RS}/sources?limit=1`);
      expect(body.count).toBe(4);
      expect(body.items).toHaveLength(4);
      expect(body.items.filter((s) => s.enabled === false)).toHaveLength(1);
      const ldap = await api.get<Json>(`${RS}/sources/${sim.data.directories.ldap.id}`);
      expect(ldap.body).toMatchObject({ enabled: false, connection: { type: 'LDAP' } });
    });
  });
});
