import { UserIdsPageDocument, UsersDocument } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';

/** An upstream failure on a relation is a field error; the rest of the page still comes back, with 200. */
describe('upstream failures become field errors with partial data', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack({ cacheTtlSeconds: 0 });
  });
  afterEach(() => stack.close());

  it('roles fail: every user is still returned, roles null with an UPSTREAM_ERROR at their path', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', status: 500 });
    const response = await stack.query(UsersDocument, { first: 10 });
    expect(response.status).toBe(200);
    const edges = response.data!.users.edges;
    expect(edges).toHaveLength(10);
    for (const { node } of edges) {
      expect(node.roles).toBeNull();
      expect(node.roleAssignments).toBeNull();
      expect(node.username).toBeTruthy();
      expect(node.workspace?.id).toBeTruthy();
    }
    expect(response.errors?.length).toBeGreaterThanOrEqual(1);
    expect(response.errors![0]).toMatchObject({ extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: 500 } });
    expect(response.errors![0]!.path).toEqual(['users', 'edges', 0, 'node', 'roles']);
  });

  it('directories fail: workspace and status are null, names and emails are still there', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/sources', status: 503 });
    const response = await stack.query(UsersDocument, { first: 5 });
    expect(response.status).toBe(200);
    for (const { node } of response.data!.users.edges) {
      expect(node.workspace).toBeNull();
      expect(node.status).toBeNull();
      expect(node.emails).toBeDefined();
    }
    // 503 is PrivX overloaded or down: retried, then reported as something to retry later.
    expect(new Set(response.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  });

  it('the list itself fails: a coded error, not a 500, and in production neither the upstream text, its routes nor a stack trace', async () => {
    await stack.close();
    stack = await startStack({ cacheTtlSeconds: 0, production: true });
    stack.simulator.injectFault({ method: 'POST', route: '/role-store/api/v1/users/search', status: 500 });
    const response = await stack.query(UserIdsPageDocument, { first: 5 });
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors![0]).toEqual({
      message: 'PrivX answered with an error.',
      locations: expect.any(Array),
      path: ['users'],
      extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: 500 },
    });
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js|role-store|injected fault|127\.0\.0\.1/);
  });
});
