/**
 * The example operations of the README and docs/explorer.md, preloaded as tabs of the offline explorer (a test keeps the two in step).
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
];
