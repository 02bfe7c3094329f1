import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startStack, type Stack } from '../helpers/stack';
import { aliases, entities, GROUP_MEMBERS_FAN_OUT, nestedRoles, PAGE_OF_100_EVERY_FIELD } from '../demand-control/queries';

/** Demand control over HTTP: every abusive operation of docs/protection.md's table is refused before any upstream call. */
describe('demand control', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ production: true });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());

  async function refused(query: string, variables?: Record<string, unknown>) {
    const response = await postGraphQL(stack.subgraph.graphqlUrl, query, variables);
    expect(response.data ?? null).toBeNull();
    expect(stack.calls().total).toBe(0);
    return { status: response.status, error: response.errors![0]! };
  }

  it.each([
    ['100 users → roles → members(100)', '{ users(first: 100) { nodes { roles { members(first: 100) { nodes { id } } } } } }'],
    ['2 levels of roles → members', nestedRoles(2).replace(/first: 1\b/g, 'first: 20')],
    ['100 users → groups → members(100)', GROUP_MEMBERS_FAN_OUT],
    [
      'first: null at every level (served as 50, not 10)',
      '{ users(first: null) { nodes { organizations { members(first: null) { nodes { organizations { members(first: null) { nodes { id } } } } } } } } }',
    ],
  ])('%s: COST_ESTIMATED_TOO_EXPENSIVE naming the estimate and the limit', async (_, query) => {
    const { status, error } = await refused(query);
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('COST_ESTIMATED_TOO_EXPENSIVE');
    expect(error.message).toMatch(/^Estimated cost \d+(\.\d+)?(e\+\d+)? exceeds the limit \(MAX_QUERY_COST\) of 20000/);
  });

  it('30 and 5 levels of roles → members: refused by the depth limit', async () => {
    for (const levels of [30, 5]) {
      const { status, error } = await refused(nestedRoles(levels));
      expect(status).toBe(400);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe(`Query depth limit of 12 exceeded, found ${3 + 3 * levels}.`);
    }
  });

  it('40 aliases: refused by the alias limit', async () => {
    const { status, error } = await refused(aliases(40));
    expect(status).toBe(400);
    expect(error).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: 'Aliases limit of 30 exceeded, found 40.' });
  });

  it('1000 aliases of users(first: 100), and a document of 45,000 aliases: parsing stops at the token limit', async () => {
    for (const query of [aliases(1000), aliases(45_000, '__typename')]) {
      const { status, error } = await refused(query);
      expect(status).toBe(400);
      expect(error.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(error.message).toContain('5000 tokens');
    }
  });

  it('a body over 1 MB: refused before parsing', async () => {
    const response = await fetch(stack.subgraph.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: aliases(100_000, '__typename') }),
    });
    expect(response.status).toBe(413);
    expect(stack.calls().total).toBe(0);
  });

  it('depth beyond MAX_QUERY_DEPTH is refused even where the cost is low', async () => {
    let inner = 'id';
    for (let i = 0; i < 7; i += 1) inner = `organizations { nodes { ${inner} } }`;
    const { error } = await refused(`{ user(id: "x") { ${inner} } }`);
    expect(error).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: 'Query depth limit of 12 exceeded, found 16.' });
  });

  it('_entities with 5,000 representations: refused by MAX_ENTITIES', async () => {
    const { query, variables } = entities(5_000);
    const { status, error } = await refused(query, variables);
    expect(status).toBe(400);
    expect(error).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: '_entities got 5000 representations; the limit (MAX_ENTITIES) is 500' });
  });

  it('_entities with an unknown __typename or without its key: BAD_USER_INPUT, not an internal error', async () => {
    const unknown = entities(1, 'Ticket');
    const { status, error } = await refused(unknown.query, unknown.variables);
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('__typename "Ticket" is not an entity of this subgraph');
    const keyless = await refused(unknown.query, { representations: [{ __typename: 'User' }] });
    expect(keyless.error.extensions?.code).toBe('BAD_USER_INPUT');
    const notObject = await refused(unknown.query, { representations: ['User'] });
    expect(notObject.error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  /** `_entities` reached through a root inline fragment, a named fragment on Query, and a fragment inside one. */
  const WRAPPED_ENTITIES = [
    ['an inline fragment', 'query E($representations: [_Any!]!) { ... on Query { _entities(representations: $representations) { ... on User { id } } } }'],
    ['a named fragment', 'query E($representations: [_Any!]!) { ...F } fragment F on Query { _entities(representations: $representations) { ... on User { id } } }'],
    ['a fragment in an inline fragment', 'query E($representations: [_Any!]!) { ... { ...F } } fragment F on Query { e: _entities(representations: $representations) { __typename } }'],
  ];

  it.each(WRAPPED_ENTITIES)('_entities inside %s: MAX_ENTITIES still applies', async (_, query) => {
    const { status, error } = await refused(query, entities(5_000).variables);
    expect(status).toBe(400);
    expect(error).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: '_entities got 5000 representations; the limit (MAX_ENTITIES) is 500' });
  });

  it.each(WRAPPED_ENTITIES)('_entities inside %s: a bogus __typename is BAD_USER_INPUT, HTTP 400, before any resolver', async (_, query) => {
    const { status, error } = await refused(query, entities(1, 'NotAType').variables);
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('__typename "NotAType" is not an entity of this subgraph');
  });

  it.each([
    ['a string', ['User']],
    ['null members of an object', [{ __typename: null, id: null }]],
    ['an array', [[1, 2]]],
    ['an id that is an object', [{ __typename: 'User', id: { $ne: 1 } }]],
    ['an empty id', [{ __typename: 'User', id: '' }]],
    ['a number for an id', [{ __typename: 'Group', id: 42 }]],
    ['one object instead of a list', { __typename: 'Role' }],
    ['a __typename that is a number', [{ __typename: 7, id: '1' }]],
  ])('a malformed representation (%s): BAD_USER_INPUT with HTTP 400, never 500', async (_, representations) => {
    const { status, error } = await refused(entities(0).query, { representations });
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets the 100-user page with every field through, answered whole', async () => {
    const response = await postGraphQL<{ users: { nodes: unknown[] } }, undefined>(stack.subgraph.graphqlUrl, PAGE_OF_100_EVERY_FIELD);
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.nodes).toHaveLength(100);
    expect(stack.calls().total).toBeGreaterThan(0);
  });

  it('lets 500 valid representations through', async () => {
    const ids = stack.simulator.data.users.slice(0, 100).map((u) => u.id);
    const { query } = entities(0);
    const representations = Array.from({ length: 500 }, (_, i) => ({ __typename: 'User', id: ids[i % ids.length] }));
    const response = await postGraphQL<{ _entities: { id: string }[] }, unknown>(stack.subgraph.graphqlUrl, query.replace('id name', 'id'), { representations });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toHaveLength(500);
  });
});
