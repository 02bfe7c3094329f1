import { membershipPages } from '../../datasources/upstream-catalog';
import { PAGE_SIZE } from '../../datasources/v41/paging';
import { UserDocument, UserEntitiesDocument, UsersDocument } from '../generated/graphql';
import { naiveLoaders } from '../../bench/naive/loaders';
import { startStack, type Stack } from '../helpers/stack';

/**
 * The upstream call budget of docs/architecture.md#what-a-query-costs-upstream, counted on the simulator's request counter
 * (non-auth calls). N: users in the batch; P: pages to list every role and every role's members; L: pages of the
 * local-user list.
 */
function budgetTerms(stack: Stack, n: number) {
  const { roles, localUsers } = stack.simulator.data;
  const p = 1 + membershipPages(roles);
  const l = Math.ceil(localUsers.length / PAGE_SIZE);
  return { n, p, l, cold: 2 + Math.min(n, p) + l };
}

describe('upstream call budget', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.close());

  it('users(first: 100) with every field: cold within 2 + min(N, P) + L, warm at most 2', async () => {
    const { cold } = budgetTerms(stack, 100);
    stack.resetCalls();
    const first = await stack.query(UsersDocument, { first: 100 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.users.edges).toHaveLength(100);
    const coldCalls = stack.calls();
    expect(coldCalls.total).toBeLessThanOrEqual(cold);
    // One page of users; the roles by inversion, never one call per user; directories and local users once.
    expect(coldCalls.byRoute['POST /role-store/api/v1/users/search']).toBe(1);
    expect(coldCalls.byRoute['GET /role-store/api/v1/users/:id/roles']).toBeUndefined();
    expect(coldCalls.byRoute['GET /role-store/api/v1/sources']).toBe(1);
    expect(coldCalls.byRoute['GET /role-store/api/v1/roles']).toBe(1);

    stack.resetCalls();
    const again = await stack.query(UsersDocument, { first: 100, after: first.data!.users.pageInfo.endCursor });
    expect(again.errors).toBeUndefined();
    expect(again.data!.users.edges).toHaveLength(100);
    expect(stack.calls().total).toBeLessThanOrEqual(2);
  });

  it('_entities with 100 User representations, every field: cold within budget, warm at most 2', async () => {
    const { cold } = budgetTerms(stack, 100);
    const representations = stack.simulator.data.users.slice(100, 200).map((u) => ({ __typename: 'User', id: u.id }));
    stack.resetCalls();
    const first = await stack.query(UserEntitiesDocument, { representations });
    expect(first.errors).toBeUndefined();
    expect(first.data!._entities.map((e) => (e as { id: string }).id)).toEqual(representations.map((r) => r.id));
    expect(stack.calls().total).toBeLessThanOrEqual(cold);
    expect(stack.calls().byRoute['POST /role-store/api/v1/users/search']).toBe(1);

    stack.resetCalls();
    const warm = await stack.query(UserEntitiesDocument, { representations: representations.slice().reverse() });
    expect(warm.errors).toBeUndefined();
    expect(stack.calls().total).toBeLessThanOrEqual(2);
  });

  it('user(id) with every field: at most 4 cold, at most 2 warm', async () => {
    const local = stack.simulator.data.users.find((u) => u.source_type === 'LOCAL' && !u.full_name)!;
    stack.resetCalls();
    const first = await stack.query(UserDocument, { id: local.id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.user!.id).toBe(local.id);
    expect(stack.calls().total).toBeLessThanOrEqual(4);
    // The roles came with GET /users/{id}: no roles call of their own.
    expect(stack.calls().byRoute['GET /role-store/api/v1/users/:id/roles']).toBeUndefined();

    stack.resetCalls();
    const other = stack.simulator.data.users.find((u) => u.source_type === 'LOCAL' && u.id !== local.id)!;
    await stack.query(UserDocument, { id: local.id });
    await stack.query(UserDocument, { id: other.id });
    expect(stack.calls().byRoute['GET /role-store/api/v1/users/:id']).toBe(2);
    expect(stack.calls().total).toBeLessThanOrEqual(2 * 2);
  });

  it('a small batch takes per-user role calls when they are cheaper than listing every role member', async () => {
    const few = stack.simulator.data.users.slice(0, 3).map((u) => ({ __typename: 'User', id: u.id }));
    stack.resetCalls();
    const result = await stack.query(UserEntitiesDocument, { representations: few });
    expect(result.errors).toBeUndefined();
    expect(stack.calls().byRoute['GET /role-store/api/v1/users/:id/roles']).toBe(3);
    expect(stack.calls().byRoute['GET /role-store/api/v1/roles/:id/members']).toBeUndefined();
  });
});

describe('naive mode (loaders and cache off) costs one call per user and relation', () => {
  it('users(first: 100) with every field', async () => {
    // Naive mode is far past the product's per-request call budget; lift it to price naive honestly.
    const stack = await startStack({ loaders: naiveLoaders, cacheTtlSeconds: 0, settings: { requestBounds: { timeoutMs: 30_000, callBudget: 10_000 } } });
    try {
      stack.resetCalls();
      const result = await stack.query(UsersDocument, { first: 100 });
      expect(result.errors).toBeUndefined();
      const users = result.data!.users.edges.map((e) => e.node.id);
      const locals = stack.simulator.data.users.filter((u) => users.includes(u.id) && u.source_type === 'LOCAL').length;
      const calls = stack.calls().byRoute;
      expect(calls['GET /role-store/api/v1/users/:id/roles']).toBe(100);
      expect(calls['GET /role-store/api/v1/sources/:id']).toBe(100);
      expect(calls['GET /local-user-store/api/v1/users/:id']).toBe(locals);
    } finally {
      await stack.close();
    }
  });
});

describe('the shared cache across concurrent requests', () => {
  it('five concurrent cold requests read the role list, directories and local users once between them', async () => {
    const stack = await startStack();
    try {
      stack.resetCalls();
      const pages = await Promise.all(Array.from({ length: 5 }, (_, i) => stack.query(UsersDocument, { first: 20, after: i === 0 ? null : undefined })));
      pages.forEach((page) => expect(page.errors).toBeUndefined());
      const calls = stack.calls().byRoute;
      expect(calls['GET /role-store/api/v1/roles']).toBe(1);
      expect(calls['GET /role-store/api/v1/sources']).toBe(1);
      expect(calls['GET /local-user-store/api/v1/users'] ?? 0).toBeLessThanOrEqual(1);
    } finally {
      await stack.close();
    }
  });

  it('CACHE_TTL_SECONDS=0: nothing is kept between requests', async () => {
    const stack = await startStack({ cacheTtlSeconds: 0 });
    try {
      await stack.query(UsersDocument, { first: 20 });
      stack.resetCalls();
      await stack.query(UsersDocument, { first: 20 });
      expect(stack.calls().byRoute['GET /role-store/api/v1/sources']).toBe(1);
    } finally {
      await stack.close();
    }
  });
});

describe('with the cache off', () => {
  it('a small batch reads each user\'s roles exactly once', async () => {
    const stack = await startStack({ cacheTtlSeconds: 0 });
    try {
      const few = stack.simulator.data.users.slice(0, 4).map((u) => ({ __typename: 'User', id: u.id }));
      stack.resetCalls();
      const result = await stack.query(UserEntitiesDocument, { representations: few });
      expect(result.errors).toBeUndefined();
      expect(stack.calls().byRoute['GET /role-store/api/v1/users/:id/roles']).toBe(4);
    } finally {
      await stack.close();
    }
  });
});
