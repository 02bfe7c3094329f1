import { startStack, type Stack } from '../helpers/stack';
import { dataOf, GRANT, HOUR, REVOKE, rolesNotHeld, userWithMixedGrants, type GrantData, type RevokeData } from './grant-fixtures';

interface FeedData {
  userChanges: { nodes: { kind: string; userId: string; role: { id: string } | null }[]; pageInfo: { endCursor: string } };
}
const CURSOR = 'query { userChangesCursor }';
const CHANGES = 'query Changes($after: String) { userChanges(after: $after) { nodes { kind userId role { id } } pageInfo { endCursor } } }';

/** docs/changes.md: the subgraph's own writes appear in the change feed at once, before any poll (no poller runs here). */
describe('role writes in the change feed', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({});
  });
  afterAll(() => stack.close());

  it('a grant and a revocation each appear once as ROLES_CHANGED of that user and role, with no poll', async () => {
    const user = userWithMixedGrants(stack.simulator);
    const roleId = rolesNotHeld(stack.simulator, user)[0]!;
    const start = dataOf(await stack.query<{ userChangesCursor: string }, Record<string, never>>(CURSOR, {})).userChangesCursor;

    const granted = dataOf(
      await stack.query<GrantData, { input: Record<string, unknown> }>(GRANT, {
        input: { userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start: new Date(Date.now() + HOUR), end: new Date(Date.now() + 2 * HOUR) }] },
      }),
    );
    expect(granted.grantRole.userErrors).toEqual([]);
    const revoked = dataOf(await stack.query<RevokeData, { input: Record<string, unknown> }>(REVOKE, { input: { userId: user.id, roleId } }));
    expect(revoked.revokeRole.userErrors).toEqual([]);

    const feed = dataOf(await stack.query<FeedData, { after: string }>(CHANGES, { after: start })).userChanges;
    expect(feed.nodes).toEqual([
      { kind: 'ROLES_CHANGED', userId: user.id, role: { id: roleId } },
      { kind: 'ROLES_CHANGED', userId: user.id, role: { id: roleId } },
    ]);
  });
});
