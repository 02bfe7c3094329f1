import pMap from 'p-map';
import type { DemoData } from '../../datasources/simulator/demo-data';
import { postGraphQL } from '../../examples/supergraph/graphql-http';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const USER = 'id name username status emails { email } roles { id name } workspace { id name } groups { id name type } organizations { id name }';

/** What clients ask of the identity subgraph: pages, single users, batches, entity references, reference data, access reviews. */
export function mixedOperations(data: DemoData): Operation[] {
  const ids = data.users.map((u) => u.id);
  return [
    { name: 'users page', query: `{ users(first: 100) { totalCount nodes { ${USER} } } }` },
    { name: 'one user', query: `query ($id: ID!) { user(id: $id) { ${USER} } }`, variables: { id: ids[7] } },
    { name: 'another user', query: `query ($id: ID!) { user(id: $id) { ${USER} } }`, variables: { id: ids[42] } },
    { name: 'users by ids', query: `query ($ids: [ID!]!) { usersByIds(ids: $ids) { ${USER} } }`, variables: { ids: ids.slice(100, 130) } },
    {
      name: 'entities',
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${USER} } } }`,
      variables: { r: ids.slice(200, 260).map((id) => ({ __typename: 'User', id })) },
    },
    { name: 'roles', query: '{ roles(first: 100) { nodes { id name permissions } } }' },
    { name: 'workspaces', query: '{ workspaces { id name type enabled } }' },
    { name: 'organizations', query: '{ organizations(first: 20) { totalCount nodes { id name } } }' },
    { name: 'groups', query: '{ groups(first: 20) { totalCount nodes { id name type } } }' },
    // Read from the membership index's member records: proves the index survives Redis with them.
    {
      name: 'access review',
      query: '{ roleAssignments(first: 50) { totalCount nodes { user { id username } assignment { role { id name } explicit grantType grantStart grantEnd } } } }',
    },
  ];
}

/** The federated query through the gateway: tickets with their people, roles and teams from identity. */
export const GATEWAY_QUERY = `{ tickets(first: 6) { nodes {
  id title
  assignee { ${USER} }
  requester { id username }
  approverRole { id name permissions }
  team { id name type }
  workspace { id name }
} } }`;

export interface Answer {
  name: string;
  data: unknown;
  errors?: unknown;
  status: number;
}

export async function run(url: string, operations: Operation[], concurrency = 1): Promise<Answer[]> {
  return pMap(
    operations,
    async (op) => {
      const { status, data, errors } = await postGraphQL<unknown, Record<string, unknown>>(url, op.query, op.variables);
      return { name: op.name, status, data, ...(errors ? { errors } : {}) };
    },
    { concurrency },
  );
}
