import { startStack, type Stack } from '../helpers/stack';

/**
 * The demo data agrees with the schema: every simulated user, read through the subgraph, follows each field's
 * documented rule (docs/mapping.md, docs/access.md). One test per rule, each over ALL demo users.
 */
const PAGE = `query AllUsers($after: String) {
  users(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id status rawStatus createdAt updatedAt lastSyncedAt externalId passwordSetAt mfaStatus
      workspace { id type enabled status }
      emails { email type isPrimary }
      organizations { id name }
      groups { id name type organization organizationName }
    }
  }
}`;

interface DemoUser {
  id: string;
  status: string;
  rawStatus: string;
  createdAt: string;
  updatedAt: string;
  lastSyncedAt: string | null;
  externalId: string | null;
  passwordSetAt: string | null;
  mfaStatus: string | null;
  workspace: { id: string; type: string; enabled: boolean; status: string | null } | null;
  emails: { email: string; type: string; isPrimary: boolean }[];
  organizations: { id: string; name: string }[];
  groups: { id: string; name: string; type: string; organization: string | null; organizationName: string | null }[];
}

interface UserPage {
  users: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: DemoUser[] };
}

describe('the demo data follows every documented field rule, for all demo users', () => {
  let stack: Stack;
  const users: DemoUser[] = [];
  beforeAll(async () => {
    stack = await startStack();
    let after: string | null = null;
    do {
      const { data, errors }: { data?: UserPage | null; errors?: unknown } = await stack.query<UserPage, { after: string | null }>(PAGE, { after });
      expect(errors).toBeUndefined();
      users.push(...data!.users.nodes);
      after = data!.users.pageInfo.hasNextPage ? data!.users.pageInfo.endCursor : null;
    } while (after !== null);
  });
  afterAll(() => stack.close());

  const local = (u: DemoUser) => u.workspace?.type === 'LOCAL';
  const violations = (rule: (u: DemoUser) => boolean) => users.filter((u) => !rule(u)).map((u) => u.id);

  it('reads every demo user, of every directory', () => {
    expect(users).toHaveLength(stack.simulator.data.users.length);
    expect(new Set(users.map((u) => u.workspace?.type))).toEqual(new Set(['LOCAL', 'AD', 'LDAP', 'OIDC']));
  });

  it('lastSyncedAt: null for every LOCAL user, set for every user of a synchronised directory, after its creation', () => {
    expect(violations((u) => (local(u) ? u.lastSyncedAt === null : u.lastSyncedAt !== null && u.lastSyncedAt >= u.createdAt))).toEqual([]);
  });

  it('externalId: null for LOCAL users, the directory id for the others', () => {
    expect(violations((u) => (local(u) ? u.externalId === null : typeof u.externalId === 'string' && u.externalId !== ''))).toEqual([]);
  });

  it("passwordSetAt: a LOCAL user's password date (after its creation), null for the others", () => {
    expect(violations((u) => (local(u) ? u.passwordSetAt !== null && u.passwordSetAt >= u.createdAt : u.passwordSetAt === null))).toEqual([]);
  });

  it('mfaStatus: one of the three states for every user', () => {
    expect(violations((u) => ['ENABLED', 'DISABLED', 'UNINITIALIZED'].includes(u.mfaStatus ?? ''))).toEqual([]);
  });

  it('createdAt and updatedAt: both set, updated at or after created', () => {
    expect(violations((u) => Boolean(u.createdAt) && u.updatedAt >= u.createdAt)).toEqual([]);
  });

  it('status: INACTIVE in a disabled directory, INVITED for a local user who must change the password, else ACTIVE with the directory code', () => {
    const mustChange = new Set(stack.simulator.data.localUsers.filter((l) => l.password_change_required).map((l) => l.id));
    expect(
      violations((u) => {
        if (!u.workspace?.enabled) return u.status === 'INACTIVE' && u.rawStatus === 'source_disabled';
        if (local(u) && mustChange.has(u.id)) return u.status === 'INVITED' && u.rawStatus === 'password_change_required';
        if (u.workspace.status === 'FAILED') return u.status === 'ACTIVE' && u.rawStatus === 'SYNC_FAILED';
        return u.status === 'ACTIVE' && u.rawStatus === 'active';
      }),
    ).toEqual([]);
  });

  it('emails: none, or one primary work address', () => {
    expect(violations((u) => u.emails.length === 0 || (u.emails.length === 1 && u.emails[0]!.type === 'work' && u.emails[0]!.isPrimary))).toEqual([]);
  });

  it("organizations and groups: at most one company; a department names it (id and name), a tag names none", () => {
    expect(
      violations((u) => {
        const org = u.organizations[0];
        if (u.organizations.length > 1) return false;
        return u.groups.every((g) =>
          g.type === 'DEPARTMENT' ? g.organization === (org?.id ?? null) && g.organizationName === (org?.name ?? null) : g.organization === null && g.organizationName === null,
        );
      }),
    ).toEqual([]);
  });

  it('the groups list tells every entry apart: no two with the same name, type and organization name', async () => {
    const { data, errors } = await stack.query<{ groups: { nodes: { name: string; type: string; organizationName: string | null }[] } }, Record<string, never>>(
      '{ groups(first: 100) { nodes { name type organizationName } } }',
      {},
    );
    expect(errors).toBeUndefined();
    const shown = data!.groups.nodes.map((g) => `${g.name} | ${g.type} | ${g.organizationName ?? ''}`);
    expect(new Set(shown).size).toBe(shown.length);
    const support = data!.groups.nodes.filter((g) => g.name === 'Customer Support');
    expect(support.length).toBeGreaterThan(1);
    expect(new Set(support.map((g) => g.organizationName)).size).toBe(support.length);
  });
});
