import { loadConfig } from '../../src/config';
import { UsersDocument } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';

/**
 * At 20,000 users the role-membership index holds about 18,000 members: more than the default
 * CACHE_MAX_ENTRIES (10,000 records). It used not to fit, so every warm 100-user page rebuilt it (49 calls).
 * Whole-directory values are now held apart from that bound (docs/cache.md#memory): a warm page costs its one
 * user search. Counted on the simulator's request counter.
 */
describe('a directory larger than CACHE_MAX_ENTRIES', () => {
  let stack: Stack;
  const defaultBound = loadConfig({}, false).cacheMaxEntries;
  beforeAll(async () => {
    stack = await startStack({
      cacheMaxEntries: defaultBound,
      simulator: { users: 20_000 },
      // A cold fill of 49 pages of 2 MB on a shared 2-core machine: bounds for a slow machine, not the test's point.
      settings: { requestBounds: { timeoutMs: 60_000, callBudget: 100 } },
      upstreamTimeoutMs: 30_000,
    });
  }, 120_000);
  afterAll(() => stack?.close());

  it('at 20,000 users with the default bound, a warm 100-user page with every field costs 1 call', async () => {
    expect(defaultBound).toBe(10_000);
    const cold = await stack.query(UsersDocument, { first: 100 });
    expect(cold.errors).toBeUndefined();
    const index = await stack.upstream.catalog.peekMembershipIndex();
    expect(index?.size).toBeGreaterThan(defaultBound); // the index is heavier than the whole record bound

    for (const after of [cold.data!.users.pageInfo.endCursor, null]) {
      stack.resetCalls();
      const warm = await stack.query(UsersDocument, { first: 100, after });
      expect(warm.errors).toBeUndefined();
      expect(warm.data!.users.edges).toHaveLength(100);
      expect(warm.data!.users.edges.some(({ node }) => (node.roles?.length ?? 0) > 0)).toBe(true);
      expect(stack.calls()).toEqual({ total: 1, byRoute: { 'POST /role-store/api/v1/users/search': 1 } });
    }
  }, 120_000);
});
