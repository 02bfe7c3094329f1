import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startStack, type Stack } from '../helpers/stack';
import { EXAMPLE_QUERY } from '../../examples/supergraph/example-query';
import { IDENTITY, startSupergraph, TICKETS, type RunningSupergraph } from '../../examples/supergraph/supergraph';
import type { TicketRecord } from '../../examples/supergraph/tickets-subgraph';
import { directivesOnField } from './sdl-directives';
import { rolesNotHeld, userWithoutRoles } from '../writes/grant-fixtures';

/**
 * The identity subgraph (over the simulator) and the example tickets subgraph behind a real Apollo Gateway, all
 * on loopback. The shared cache is off (TTL 0) so every request pays its own upstream calls: the counts below
 * are exact, not "whatever was not cached yet".
 */
describe('identity in a supergraph, through a gateway', () => {
  let stack: Stack;
  let supergraph: RunningSupergraph;
  let tickets: TicketRecord[];

  beforeAll(async () => {
    stack = await startStack({ cacheTtlSeconds: 0 });
    supergraph = await startSupergraph({ identityUrl: stack.subgraph.graphqlUrl, tickets: 6 });
    tickets = supergraph.tickets;
  });
  afterAll(async () => {
    await supergraph?.close();
    await stack?.close();
  });
  beforeEach(() => {
    supergraph.gateway.log.reset();
    stack.resetCalls();
  });

  const viaGateway = async <T>(query: string) => {
    const { data, errors } = await postGraphQL<T, never>(supergraph.gateway.url, query);
    expect(errors).toBeUndefined();
    return data as T;
  };
  const direct = async <T>(query: string, variables: Record<string, unknown>) => {
    const { data, errors } = await postGraphQL<T, Record<string, unknown>>(stack.subgraph.graphqlUrl, query, variables);
    expect(errors).toBeUndefined();
    return data as T;
  };
  const log = () => supergraph.gateway.log;

  it('answers tickets with users, roles, groups, organizations and workspaces equal to what identity answers directly', async () => {
    const USER = 'id name username emails { email isPrimary } roles { id name } groups { id name type }';
    const result = await viaGateway<{ tickets: { nodes: Record<string, unknown>[] } }>(`{
      tickets(first: 6) { nodes {
        id title
        assignee { ${USER} }
        requester { id username }
        approverRole { id name permissions system }
        team { id name type organization }
        organization { id name }
        workspace { id name type enabled }
      } }
    }`);

    const { usersByIds } = await direct<{ usersByIds: unknown[] }>(`query ($ids: [ID!]!) { usersByIds(ids: $ids) { ${USER} } }`, {
      ids: tickets.map((t) => t.assigneeId),
    });
    const expected = await Promise.all(
      tickets.map(async (t, i) => {
        const one = await direct<Record<string, unknown>>(
          `query ($user: ID!, $role: ID!, $group: ID!, $org: ID!, $ws: ID!) {
            requester: user(id: $user) { id username }
            approverRole: role(id: $role) { id name permissions system }
            team: group(id: $group) { id name type organization }
            organization(id: $org) { id name }
            workspace(id: $ws) { id name type enabled }
          }`,
          { user: t.requesterId, role: t.approverRoleId, group: t.teamId, org: t.organizationId, ws: t.workspaceId },
        );
        return { id: t.id, title: t.title, assignee: usersByIds[i], ...one };
      }),
    );
    expect(result.tickets.nodes).toEqual(expected);
    // Not vacuous: every relation of every ticket was really resolved.
    for (const node of result.tickets.nodes) for (const value of Object.values(node)) expect(value).not.toBeNull();
  });

  it("costs ONE _entities request to identity, and one upstream search, for N tickets' assignees", async () => {
    const result = await viaGateway<{ tickets: { nodes: { assignee: { username: string } }[] } }>(
      '{ tickets(first: 6) { nodes { id assignee { username emails { email } } } } }',
    );
    expect(result.tickets.nodes).toHaveLength(6);
    expect(log().countBySubgraph()).toEqual({ [TICKETS]: 1, [IDENTITY]: 1 });
    expect(log().entityRequests(IDENTITY)).toEqual([
      { subgraph: IDENTITY, entities: true, typenames: ['User'], representations: tickets.length },
    ]);
    expect(stack.calls().byRoute).toEqual({ 'POST /role-store/api/v1/users/search': 1 });
  });

  it('resolves EVERY entity type through _entities, one batched request per type-hop', async () => {
    await viaGateway(`{ tickets(first: 6) { nodes {
      id assignee { username } approverRole { name } team { name } organization { name } workspace { name }
    } } }`);

    const hops = log().entityRequests(IDENTITY);
    expect(hops.map((h) => h.typenames).sort()).toEqual([['Group'], ['Organization'], ['Role'], ['User'], ['Workspace']]);
    // The gateway sends a representation per ticket, duplicates included; identity's loaders de-duplicate them.
    for (const hop of hops) expect(hop.representations).toBe(tickets.length);
    // Nothing else reached identity: no root query, no per-entity request.
    expect(log().countBySubgraph()).toEqual({ [TICKETS]: 1, [IDENTITY]: 5 });
    // Upstream: one search for all users, the one role list, the one directory list; groups and organizations are
    // decoded from their ids and cost nothing.
    expect(stack.calls().byRoute).toEqual({
      'POST /role-store/api/v1/users/search': 1,
      'GET /role-store/api/v1/roles': 1,
      'GET /role-store/api/v1/sources': 1,
    });
  });

  it('resolves Group and Organization references without any upstream call', async () => {
    await viaGateway('{ tickets(first: 6) { nodes { team { name type } organization { name } } } }');
    expect(log().entityRequests(IDENTITY).map((h) => h.typenames[0]).sort()).toEqual(['Group', 'Organization']);
    expect(stack.calls().total).toBe(0);
  });

  it('runs the example query that `npm run supergraph` prints', async () => {
    const result = await viaGateway<{ tickets: { nodes: { assignee: { id: string } | null }[] } }>(EXAMPLE_QUERY);
    expect(result.tickets.nodes.map((n) => n.assignee?.id)).toEqual(tickets.slice(0, 3).map((t) => t.assigneeId));
    // assignee, approverRole and team: three hops, each one _entities request.
    expect(log().countBySubgraph()).toEqual({ [TICKETS]: 1, [IDENTITY]: 3 });
  });

  it('serves the role-grant mutations through the gateway: one mutation request to identity, the write visible to the next query', async () => {
    const user = userWithoutRoles(stack.simulator, 40);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    const granted = await postGraphQL<{ grantRole: { assignment: { role: { id: string }; grantType: string }; userErrors: unknown[] } }, never>(
      supergraph.gateway.url,
      `mutation { grantRole(input: { userId: "${user.id}", roleId: "${roleId}", grantType: FLOATING, floatingHours: 2 }) { assignment { role { id name } grantType } userErrors { code } } }`,
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantRole).toEqual({ assignment: { role: { id: roleId, name: expect.any(String) }, grantType: 'FLOATING' }, userErrors: [] });
    expect(log().requests.filter((r) => r.subgraph === IDENTITY)).toHaveLength(1);
    expect(stack.simulator.roleWrites.at(-1)?.userId).toBe(user.id);
    const after = await viaGateway<{ user: { roles: { id: string }[] } }>(`{ user(id: "${user.id}") { roles { id } } }`);
    expect(after.user.roles.map((r) => r.id)).toEqual([roleId]);
    const revoked = await viaGateway<{ revokeRole: { revoked: boolean } }>(`mutation { revokeRole(input: { userId: "${user.id}", roleId: "${roleId}" }) { revoked } }`);
    expect(revoked.revokeRole.revoked).toBe(true);
  });

  it('composed the SDL identity serves, with its router metadata', () => {
    const on = (type: string, field: string) => directivesOnField(supergraph.supergraphSdl, type, field);
    expect(on('Query', 'users')).toContain('@cost(weight: 10)');
    expect(on('User', 'roles')).toContain('@listSize(assumedSize: 10)');
    expect(on('User', 'phones')).toEqual(expect.arrayContaining(['@requiresScopes(scopes: [["users:pii"]])', '@tag(name: "pii")']));
    expect(on('User', 'remoteData')).toEqual(expect.arrayContaining(['@requiresScopes(scopes: [["users:raw"]])', '@tag(name: "internal")']));
  });
});
