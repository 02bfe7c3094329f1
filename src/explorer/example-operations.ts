/**
 * The example operations of the README, docs/writes.md and docs/local-users.md, preloaded as tabs of the offline explorer (a test
 * keeps them in step).
 */
export interface ExampleOperation {
  title: string;
  query: string;
  variables?: string;
}

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
    variables: '{ "org": "paste an id from the Organization ids tab" }',
  },
  {
    title: 'Grant break-glass for 2 hours',
    query: `mutation GrantBreakGlass($user: ID!, $role: ID!, $from: DateTimeISO!, $until: DateTimeISO!) {
  grantRole(input: { userId: $user, roleId: $role, grantType: TIME_RESTRICTED, periods: [{ start: $from, end: $until }], idempotencyKey: "incident-2041-break-glass" }) {
    assignment { role { name } grantType grantStart grantEnd state }
    userErrors { code message field }
  }
}`,
    variables: '{ "user": "paste a user id", "role": "paste the break-glass role id", "from": "now, e.g. 2026-12-07T10:00:00Z", "until": "now + 2 h, e.g. 2026-12-07T12:00:00Z" }',
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
    variables: '{ "user": "paste a user id", "role": "paste a role id the user holds", "from": "the grant start", "newEnd": "the new end" }',
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
    variables: '{ "role": "paste a role id" }',
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
    variables: '{ "password": "a first password, changed at first login" }',
  },
  {
    title: 'Grant a contractor a role for 2 weeks',
    query: `mutation GrantForTwoWeeks($user: ID!, $role: ID!, $from: DateTimeISO!, $until: DateTimeISO!) {
  grantRole(input: { userId: $user, roleId: $role, grantType: TIME_RESTRICTED, periods: [{ start: $from, end: $until }], idempotencyKey: "onboard-maria-virtanen-grant" }) {
    assignment { role { name } grantType grantStart grantEnd state }
    userErrors { code message field }
  }
}`,
    variables: '{ "user": "the id createLocalUser answered", "role": "paste a role id", "from": "now, e.g. 2026-12-07T10:00:00Z", "until": "now + 14 days, e.g. 2026-12-21T10:00:00Z" }',
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
    variables: '{ "user": "paste a user id" }',
  },
];
