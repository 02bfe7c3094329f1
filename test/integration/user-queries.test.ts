import { UserDocument, UserIdsPageDocument, UsersByIdsDocument, UsersDocument } from '../generated/graphql';
import type { UserFilter, UserOrder } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';
import { departmentId, expectedStatus, holdsRoleNow, keywordMatch, localOf, orgId, plantedSecrets, sourceOf, tagId, trimmed, usersWhere } from './reference';

describe('user queries over the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());

  const data = () => stack.simulator.data;

  /** Every id a filter selects, read page by page through the API. */
  async function allIds(filter?: UserFilter, orderBy?: UserOrder, first = 100): Promise<{ ids: string[]; totalCount: number | null | undefined }> {
    const ids: string[] = [];
    let after: string | null | undefined;
    let totalCount: number | null | undefined;
    for (let page = 0; page < 50; page += 1) {
      const { data: result, errors } = await stack.query(UserIdsPageDocument, { first, after, filter, orderBy });
      expect(errors).toBeUndefined();
      totalCount = result!.users.totalCount;
      ids.push(...result!.users.nodes.map((n) => n.id));
      if (!result!.users.pageInfo.hasNextPage) break;
      after = result!.users.pageInfo.endCursor;
    }
    return { ids, totalCount };
  }

  describe('user(id)', () => {
    it('returns the user with values from the upstream record', async () => {
      const raw = data().users.find((u) => u.source_type === 'LOCAL' && u.full_name && u.email && u.telephone)!;
      const { data: result, errors } = await stack.query(UserDocument, { id: raw.id });
      expect(errors).toBeUndefined();
      const user = result!.user!;
      expect(user).toMatchObject({
        id: raw.id,
        username: raw.principal,
        name: raw.full_name,
        title: trimmed(raw.job_title) ?? null,
        emails: [{ email: raw.email, type: 'work', isPrimary: true }],
        status: expectedStatus(data(), raw),
        workspace: { id: raw.source, name: sourceOf(data(), raw)!.name, type: 'LOCAL', enabled: true, organization: null },
        createdAt: new Date(raw.created).toISOString(),
      });
      expect(user.roles!.map((r) => r.id)).toEqual(raw.roles.map((r) => r.id));
      expect(user.roleAssignments!.map((a) => [a.role.id, a.explicit, a.grantType])).toEqual(raw.roles.map((r) => [r.id, r.explicit, r.grant_type]));
      const remote = user.remoteData as { roleStoreUser: { id: string }; localUser: { id: string } | null };
      expect(remote.roleStoreUser.id).toBe(raw.id);
      expect(remote.localUser?.id).toBe(localOf(data(), raw)!.id);
    });

    it('answers null, without an error, for an id PrivX does not know', async () => {
      const result = await stack.query(UserDocument, { id: '00000000-0000-4000-8000-000000000000' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ user: null });
    });

    it('refuses a non-UUID id with BAD_USER_INPUT before any upstream call', async () => {
      const result = await stack.query(UserDocument, { id: 'not-a-uuid' });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe('id must be a UUID');
      expect(stack.calls().total).toBe(0);
    });
  });

  describe('users', () => {
    it('pages through every user exactly once, with an exact totalCount', async () => {
      const { ids, totalCount } = await allIds();
      expect(totalCount).toBe(data().users.length);
      expect(ids).toHaveLength(data().users.length);
      expect(new Set(ids).size).toBe(data().users.length);
    });

    it('keeps edges, nodes and cursors consistent', async () => {
      const first = await stack.query(UsersDocument, { first: 3 });
      const page = first.data!.users;
      expect(page.edges).toHaveLength(3);
      expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[2]!.cursor });
      const next = await stack.query(UserIdsPageDocument, { first: 2, after: page.edges[0]!.cursor });
      expect(next.data!.users.nodes.map((n) => n.id)).toEqual([page.edges[1]!.node.id, page.edges[2]!.node.id]);
    });

    it('answers first: 0 with an empty page and the total', async () => {
      const { data: result } = await stack.query(UserIdsPageDocument, { first: 0 });
      expect(result!.users).toEqual({ totalCount: data().users.length, pageInfo: { hasNextPage: true, endCursor: null }, nodes: [] });
    });

    it.each([[101], [-1], [1000]])('refuses first: %d with BAD_USER_INPUT before any upstream call', async (first) => {
      const result = await stack.query(UserIdsPageDocument, { first });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(stack.calls().total).toBe(0);
    });

    it('refuses a cursor it did not issue', async () => {
      const result = await stack.query(UserIdsPageDocument, { first: 5, after: 'bm90LWEtY3Vyc29y' });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(stack.calls().total).toBe(0);
    });

    it('sorts by the requested field and direction', async () => {
      const { ids } = await allIds(undefined, { field: 'CREATED_AT', direction: 'DESC' });
      const created = ids.map((id) => Date.parse(data().users.find((u) => u.id === id)!.created));
      expect(created).toEqual([...created].sort((a, b) => b - a));
    });
  });

  describe('users filters, applied exactly', () => {
    it('workspaceId: the users of one directory', async () => {
      const source = data().sources[1]!;
      const { ids, totalCount } = await allIds({ workspaceId: source.id });
      expect(ids.sort()).toEqual(usersWhere(data(), (u) => u.source === source.id));
      expect(totalCount).toBe(ids.length);
    });

    it('email: exact and case-insensitive', async () => {
      const raw = data().users.find((u) => u.email)!;
      const { ids, totalCount } = await allIds({ email: raw.email!.toUpperCase() });
      expect(ids).toEqual(usersWhere(data(), (u) => u.email?.toLowerCase() === raw.email!.toLowerCase()));
      expect(totalCount).toBe(ids.length);
    });

    it('username: exact', async () => {
      const raw = data().users[7]!;
      expect((await allIds({ username: raw.principal })).ids).toEqual([raw.id]);
      expect((await allIds({ username: raw.principal.slice(0, -1) })).ids).toEqual(usersWhere(data(), (u) => u.principal === raw.principal.slice(0, -1)));
    });

    it('organizationId: users whose company matches exactly (a colon in the name included)', async () => {
      const companies = [...new Set(data().users.map((u) => trimmed(u.company)).filter((c): c is string => !!c))];
      const company = companies.find((c) => c.includes(':')) ?? companies[0]!;
      const { ids, totalCount } = await allIds({ organizationId: orgId(company) });
      expect(ids.sort()).toEqual(usersWhere(data(), (u) => trimmed(u.company) === company));
      expect(totalCount).toBe(ids.length);
    });

    it('groupId: a department within a company, and a tag', async () => {
      const raw = data().users.find((u) => trimmed(u.department) && trimmed(u.company))!;
      const department = await allIds({ groupId: departmentId(trimmed(raw.company)!, trimmed(raw.department)!) });
      expect(department.ids.sort()).toEqual(
        usersWhere(data(), (u) => trimmed(u.department) === trimmed(raw.department) && trimmed(u.company) === trimmed(raw.company)),
      );
      const tag = data().users.flatMap((u) => u.tags)[0]!;
      const tagged = await allIds({ groupId: tagId(tag) });
      expect(tagged.ids.sort()).toEqual(usersWhere(data(), (u) => u.tags.map((t) => t.trim()).includes(tag.trim())));
      expect(tagged.totalCount).toBe(tagged.ids.length);
    });

    it('roleId: the holders of a role, leaving out those whose grant has expired', async () => {
      const role = data().roles[2]!;
      const { ids, totalCount } = await allIds({ roleId: role.id });
      const live = usersWhere(data(), (u) => holdsRoleNow(u, role.id));
      expect(ids.sort()).toEqual(live);
      expect(totalCount).toBe(live.length);
      // The demo data has expired grants of this role, so the filter is seen to leave someone out.
      expect(live.length).toBeLessThan(role.member_count);
    });

    it.each(['ACTIVE', 'INACTIVE', 'INVITED'] as const)('status: %s', async (status) => {
      const { ids, totalCount } = await allIds({ status });
      expect(ids.sort()).toEqual(usersWhere(data(), (u) => expectedStatus(data(), u) === status));
      expect(totalCount).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(0);
    });

    it('search: the upstream keyword match, re-checked exactly', async () => {
      const raw = data().users[11]!;
      const words = `${raw.principal.slice(0, 3)} ${trimmed(raw.department) ?? ''}`.trim();
      const { ids, totalCount } = await allIds({ search: words });
      expect(ids.sort()).toEqual(usersWhere(data(), (u) => keywordMatch(u, words)));
      expect(totalCount).toBe(ids.length);
    });

    it('combines criteria with AND', async () => {
      const role = data().roles[0]!;
      const source = data().sources[0]!;
      const { ids } = await allIds({ roleId: role.id, workspaceId: source.id, status: 'ACTIVE' });
      expect(ids.sort()).toEqual(
        usersWhere(data(), (u) => u.source === source.id && u.roles.some((r) => r.id === role.id) && expectedStatus(data(), u) === 'ACTIVE'),
      );
    });

    it.each([
      [{ workspaceId: 'nope' }],
      [{ roleId: '123' }],
      [{ organizationId: 'not-an-org-id' }],
      [{ groupId: orgId('Acme') }],
    ])('refuses malformed ids %j with BAD_USER_INPUT before any upstream call', async (filter) => {
      const result = await stack.query(UserIdsPageDocument, { first: 5, filter });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(stack.calls().total).toBe(0);
    });
  });

  describe('usersByIds', () => {
    it('keeps the order asked, null where unknown, in one upstream call', async () => {
      const known = [data().users[5]!, data().users[1]!, data().users[300]!];
      const unknown = '00000000-0000-4000-8000-000000000001';
      const ids = [known[0]!.id, unknown, known[1]!.id, known[2]!.id];
      const { data: result, errors } = await stack.query(UsersByIdsDocument, { ids });
      expect(errors).toBeUndefined();
      expect(result!.usersByIds).toEqual([
        { id: known[0]!.id, username: known[0]!.principal },
        null,
        { id: known[1]!.id, username: known[1]!.principal },
        { id: known[2]!.id, username: known[2]!.principal },
      ]);
      expect(stack.calls()).toEqual({ total: 1, byRoute: { 'POST /role-store/api/v1/users/search': 1 } });
    });

    it('refuses more than 100 ids, and a malformed id, before any upstream call', async () => {
      const many = data().users.slice(0, 101).map((u) => u.id);
      const tooMany = await stack.query(UsersByIdsDocument, { ids: many });
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const malformed = await stack.query(UsersByIdsDocument, { ids: [data().users[0]!.id, 'x'] });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(stack.calls().total).toBe(0);
    });
  });

  it('never returns a planted secret, remoteData included, on any page', async () => {
    const secrets = plantedSecrets(data());
    expect(secrets.length).toBeGreaterThan(50);
    let after: string | null | undefined;
    for (let page = 0; page < 10; page += 1) {
      const { data: result, errors } = await stack.query(UsersDocument, { first: 100, after });
      expect(errors).toBeUndefined();
      const body = JSON.stringify(result);
      for (const secret of secrets) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/"(password|seed|api_token|webauthn_credentials|current_session_id)"/);
      if (!result!.users.pageInfo.hasNextPage) break;
      after = result!.users.pageInfo.endCursor;
    }
  });
});
