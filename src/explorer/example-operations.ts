/**
 * The README's example operations, preloaded as tabs of the offline explorer (a test keeps the two in step, and
 * the browser test runs every tab as it opens). A tab is data: adding an example adds a tab.
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
  lookups?: Record<string, IdLookup>;
}

export interface IdLookup {
  /** A query without variables. */
  query: string;
  /** Where the value is in its `data`, dot-separated (`organizations.nodes.0.id`). */
  path: string;
}

/** The first organization's id: ids encode the company, so the lookup costs one user search at most. */
const FIRST_ORGANIZATION: IdLookup = { query: '{ organizations(first: 1) { nodes { id } } }', path: 'organizations.nodes.0.id' };
/** The first role's id, from the cached role list. */
const FIRST_ROLE: IdLookup = { query: '{ roles(first: 1) { nodes { id } } }', path: 'roles.nodes.0.id' };

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
];
