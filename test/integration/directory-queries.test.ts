import {
  GroupMembersDocument,
  GroupsDocument,
  OrganizationMembersDocument,
  OrganizationsDocument,
  RoleMembersDocument,
  RolesDocument,
  WorkspaceMembersDocument,
  WorkspacesDocument,
} from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';
import { departmentId, holdsRoleNow, orgId, tagId, trimmed, usersWhere } from './reference';

describe('roles, groups, organizations and workspaces', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());
  const data = () => stack.simulator.data;

  it('roles: every role with its details, paged', async () => {
    const { data: result, errors } = await stack.query(RolesDocument, { first: 100 });
    expect(errors).toBeUndefined();
    const roles = result!.roles;
    expect(roles.totalCount).toBe(data().roles.length);
    const raw = data().roles[0]!;
    expect(roles.nodes.find((r) => r.id === raw.id)).toEqual({
      id: raw.id,
      name: raw.name,
      description: raw.comment,
      system: raw.system,
      permissions: raw.permissions,
      memberCount: raw.member_count,
      createdAt: new Date(raw.created).toISOString(),
      updatedAt: new Date(raw.updated).toISOString(),
    });
    const firstFive = await stack.query(RolesDocument, { first: 5 });
    const nextFive = await stack.query(RolesDocument, { first: 5, after: firstFive.data!.roles.pageInfo.endCursor });
    expect(nextFive.data!.roles.nodes.map((r) => r.id)).toEqual(roles.nodes.slice(5, 10).map((r) => r.id));
  });

  it('role(id).members: the holders whose grant has not expired, with an exact total', async () => {
    const raw = [...data().roles].sort((a, b) => b.member_count - a.member_count)[0]!;
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 20; page += 1) {
      const { data: result, errors } = await stack.query(RoleMembersDocument, { id: raw.id, first: 50, after });
      expect(errors).toBeUndefined();
      const members = result!.role!.members!;
      expect(members.totalCount).toBe(usersWhere(data(), (u) => holdsRoleNow(u, raw.id)).length);
      for (const node of members.nodes) {
        seen.push(node.id);
        expect(node.roles!.map((r) => r.id)).toContain(raw.id);
      }
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(usersWhere(data(), (u) => holdsRoleNow(u, raw.id)));
  });

  it('workspaces: every directory; workspace(id).members: its users', async () => {
    const { data: result } = await stack.query(WorkspacesDocument, {});
    expect(result!.workspaces.map((w) => w.id).sort()).toEqual(data().sources.map((s) => s.id).sort());
    const disabled = data().sources.find((s) => !s.enabled)!;
    expect(result!.workspaces.find((w) => w.id === disabled.id)).toMatchObject({ enabled: false, name: disabled.name });

    const members = await stack.query(WorkspaceMembersDocument, { id: disabled.id, first: 100 });
    const expected = usersWhere(data(), (u) => u.source === disabled.id);
    expect(members.data!.workspace!.members!.totalCount).toBe(expected.length);
    expect(members.data!.workspace!.members!.nodes.every((n) => n.workspace!.id === disabled.id)).toBe(true);
  });

  it('organizations: every company once, by name; members match exactly', async () => {
    const { data: result } = await stack.query(OrganizationsDocument, { first: 100 });
    const companies = [...new Set(data().users.map((u) => trimmed(u.company)).filter((c): c is string => !!c))].sort();
    expect(result!.organizations.nodes.map((o) => o.name)).toEqual(companies);
    expect(result!.organizations.nodes.map((o) => o.id)).toEqual(companies.map(orgId));

    const company = companies[0]!;
    const members = await stack.query(OrganizationMembersDocument, { id: orgId(company), first: 100 });
    expect(members.data!.organization).toMatchObject({ id: orgId(company), name: company });
    expect(members.data!.organization!.members!.totalCount).toBe(usersWhere(data(), (u) => trimmed(u.company) === company).length);
  });

  it('groups: departments per company and tags; filtered by organization; members match exactly', async () => {
    const { data: result } = await stack.query(GroupsDocument, { first: 100 });
    const groups = result!.groups.nodes;
    const tags = [...new Set(data().users.flatMap((u) => u.tags.map((t) => t.trim()).filter(Boolean)))];
    for (const tag of tags) expect(groups).toContainEqual({ id: tagId(tag), name: tag, type: 'TAG', organization: null });

    const raw = data().users.find((u) => trimmed(u.department) && trimmed(u.company))!;
    const company = trimmed(raw.company)!;
    const inCompany = await stack.query(GroupsDocument, { first: 100, organizationId: orgId(company) });
    const departments = [...new Set(data().users.filter((u) => trimmed(u.company) === company).map((u) => trimmed(u.department)).filter((d): d is string => !!d))];
    expect(inCompany.data!.groups.nodes.map((g) => g.name).sort()).toEqual(departments.sort());
    expect(inCompany.data!.groups.nodes.every((g) => g.type === 'DEPARTMENT' && g.organization === orgId(company))).toBe(true);

    const id = departmentId(company, trimmed(raw.department)!);
    const members = await stack.query(GroupMembersDocument, { id, first: 100 });
    expect(members.data!.group).toMatchObject({ id, name: trimmed(raw.department), type: 'DEPARTMENT', organization: orgId(company) });
    const expected = usersWhere(data(), (u) => trimmed(u.company) === company && trimmed(u.department) === trimmed(raw.department));
    expect(members.data!.group!.members!.nodes.map((n) => n.id).sort()).toEqual(expected);
    expect(members.data!.group!.members!.nodes.every((n) => n.groups.some((g) => g.id === id))).toBe(true);
  });

  it('group(id) and organization(id) decode their ids with no upstream call; garbage is BAD_USER_INPUT', async () => {
    const tag = data().users.flatMap((u) => u.tags)[0]!;
    const query = `query($g: ID!, $o: ID!) { group(id: $g) { id name type organization } organization(id: $o) { id name } }`;
    const ok = await stack.query<{ group: unknown; organization: unknown }, { g: string; o: string }>(query, { g: tagId(tag), o: orgId('Acme Corp') });
    expect(ok.data).toEqual({ group: { id: tagId(tag), name: tag, type: 'TAG', organization: null }, organization: { id: orgId('Acme Corp'), name: 'Acme Corp' } });
    expect(stack.calls().total).toBe(0);
    const bad = await stack.query(query, { g: 'garbage', o: orgId('Acme Corp') });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.calls().total).toBe(0);
  });
});
