/**
 * The example operations of the README and docs/writes.md, preloaded as tabs of the offline explorer (a test
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
];
