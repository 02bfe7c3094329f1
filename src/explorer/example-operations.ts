/**
 * The example operations of the README, docs/explorer.md, docs/writes.md and docs/local-users.md, preloaded as tabs of the offline
 * explorer (a test keeps them in step, and the browser test runs every tab as it opens). A tab is data: adding an
 * example adds a tab.
 */
export interface ExampleOperation {
  title: string;
  query: string;
  /** Variables the tab opens with, as they are. */
  variables?: Record<string, unknown>;
  /**
   * Variables the page fills in before the tab opens, each from a query it sends first to the same endpoint:
   * ids differ between PrivX deployments, so an example never asks its reader to paste one.
   */
  lookups?: Record<string, Lookup>;
}

/** What the page hands its script (src/explorer/browser/main.ts): where GraphQL is, and the tabs. */
export interface ExplorerConfig {
  /** The GraphQL endpoint's path on this host. */
  graphqlPath: string;
  examples: ExampleOperation[];
}

/** A variable the page fills in: an id from a query, or an instant relative to when the tab opens. */
export type Lookup = IdLookup | InstantLookup;

export interface IdLookup {
  /** A query without variables. */
  query: string;
  /** Where the value is in its `data`, dot-separated (`organizations.nodes.0.id`). */
  path: string;
}

/** An instant this many minutes from when the page opens (RFC 3339), for the grant examples' periods. */
export interface InstantLookup {
  fromNowMinutes: number;
}

/** The first organization's id: ids encode the company, so the lookup costs one user search at most. */
const FIRST_ORGANIZATION: IdLookup = { query: '{ organizations(first: 1) { nodes { id } } }', path: 'organizations.nodes.0.id' };
/** The first role's id, from the cached role list. */
const FIRST_ROLE: IdLookup = { query: '{ roles(first: 1) { nodes { id } } }', path: 'roles.nodes.0.id' };
/** The first user's id (one user search). */
const FIRST_USER: IdLookup = { query: '{ users(first: 1) { nodes { id } } }', path: 'users.nodes.0.id' };
const NOW: InstantLookup = { fromNowMinutes: 0 };
/** A local user who has not chosen a password yet (INVITED): the offboarding tab deletes one. */
const FIRST_INVITED_USER: IdLookup = { query: '{ users(first: 1, filter: { status: INVITED }) { nodes { id } } }', path: 'users.nodes.0.id' };

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    title: 'Active users',
    query: '{ users(first: 3, filter: { status: ACTIVE }) { totalCount nodes { id name username emails { email } roles { name } workspace { name type } groups { name type } } } }',
  },
  {
    title: 'Organization ids',
    query: '{ organizations { nodes { id name } } }',
  },
  {
    title: 'People of one company',
    query: `query PeopleOfOneCompany($org: ID!) {
  organization(id: $org) {
    name
    members(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        title
        status
        phones { number extension }          # needs the users:pii scope (see Security)
        roleAssignments { role { name description } explicit grantType grantEnd }
      }
    }
  }
}`,
    lookups: { org: FIRST_ORGANIZATION },
  },
  {
    title: 'Who can use a role now',
    query: `query WhoCanUseRoleNow($role: ID!) {
  roleAssignments(filter: { roleId: $role, states: [ACTIVE, ACTIVATABLE] }, first: 100) {
    totalCount
    nodes {
      user { name username }
      assignment { grantType state nextChangeAt }
    }
  }
}`,
    lookups: { role: FIRST_ROLE },
  },
  {
    title: 'Grant break-glass for 2 hours',
    query: `mutation GrantBreakGlass($user: ID!, $role: ID!, $from: DateTimeISO!, $until: DateTimeISO!) {
  grantRole(input: { userId: $user, roleId: $role, grantType: TIME_RESTRICTED, periods: [{ start: $from, end: $until }], idempotencyKey: "incident-2041-break-glass" }) {
    assignment { role { name } grantType grantStart grantEnd state }
    userErrors { code message field }
  }
}`,
    lookups: { user: FIRST_USER, role: FIRST_ROLE, from: NOW, until: { fromNowMinutes: 120 } },
  },
  {
    title: 'Extend a grant',
    query: `mutation ExtendGrant($user: ID!, $role: ID!, $from: DateTimeISO!, $newEnd: DateTimeISO!) {
  grantRole(input: { userId: $user, roleId: $role, grantType: TIME_RESTRICTED, periods: [{ start: $from, end: $newEnd }] }) {
    assignment { grantEnd nextChangeAt }
    user { name roleAssignments { role { name } grantType grantEnd } }
    userErrors { code message field }
  }
}`,
    lookups: { user: FIRST_USER, role: FIRST_ROLE, from: NOW, newEnd: { fromNowMinutes: 8 * 60 } },
  },
  {
    title: 'Revoke expired grants of a role',
    query: `mutation RevokeExpiredGrants($role: ID!) {
  revokeGrants(input: { filter: { roleId: $role, states: [EXPIRED] }, dryRun: false }) {
    revokedCount
    revocations { user { name username } role { name } outcome message }
    userErrors { code message field }
  }
}`,
    lookups: { role: FIRST_ROLE },
  },
  {
    title: 'Onboard a contractor',
    query: `mutation OnboardContractor($password: String!) {
  createLocalUser(input: {
    username: "maria.virtanen@contractor.example"
    firstName: "Maria"
    lastName: "Virtanen"
    name: "Maria Virtanen"
    title: "Consultant"
    email: "maria.virtanen@contractor.example"
    organization: "Contractor Oy"
    department: "Platform"
    tags: ["contractor"]
    languages: ["fi-FI"]
    timezone: "Europe/Helsinki"
    password: $password
    requirePasswordChange: true
    idempotencyKey: "onboard-maria-virtanen"
  }) {
    user { id username name status }
    userErrors { code message field }
  }
}`,
    variables: { password: 'Change-me-at-first-login-1!' },
  },
  {
    title: 'Grant a contractor a role for 2 weeks',
    query: `mutation GrantForTwoWeeks($user: ID!, $role: ID!, $from: DateTimeISO!, $until: DateTimeISO!) {
  grantRole(input: { userId: $user, roleId: $role, grantType: TIME_RESTRICTED, periods: [{ start: $from, end: $until }], idempotencyKey: "onboard-maria-virtanen-grant" }) {
    assignment { role { name } grantType grantStart grantEnd state }
    userErrors { code message field }
  }
}`,
    lookups: { user: FIRST_USER, role: FIRST_ROLE, from: NOW, until: { fromNowMinutes: 14 * 24 * 60 } },
  },
  {
    title: 'Offboard a person',
    query: `mutation OffboardPerson($user: ID!) {
  offboardUser(input: { userId: $user, deleteLocalUser: true }) {
    steps { step outcome message }
    user { name roleAssignments { role { name } explicit } }
    userErrors { code message field }
  }
}`,
    lookups: { user: FIRST_INVITED_USER },
  },
];
