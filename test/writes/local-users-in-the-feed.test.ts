import { startStack, type Stack } from '../helpers/stack';
import { dataOf } from './grant-fixtures';
import { CREATE, DELETE, localUserWithGrants, OFFBOARD, RESET_MFA, TERMINATE, UPDATE, type CreateData } from './local-user-fixtures';

interface FeedData {
  userChanges: { nodes: { kind: string; userId: string }[] };
}
const CURSOR = 'query { userChangesCursor }';
const CHANGES = 'query Changes($after: String) { userChanges(after: $after) { nodes { kind userId } } }';
type Vars = { input: Record<string, unknown> };

/** docs/changes.md: the local-user mutations appear in the change feed at once, before any poll (no poller runs here). */
describe('local-user writes in the change feed', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({});
  });
  afterAll(() => stack.close());

  const cursor = async () => dataOf(await stack.query<{ userChangesCursor: string }, Record<string, never>>(CURSOR, {})).userChangesCursor;
  const since = async (after: string) => dataOf(await stack.query<FeedData, { after: string }>(CHANGES, { after })).userChanges.nodes;

  it('create, update, MFA reset and delete appear as CREATED, UPDATED, UPDATED, DELETED; ending sessions changes no record', async () => {
    const start = await cursor();
    const id = dataOf(await stack.query<CreateData, Vars>(CREATE, { input: { username: 'feed.user' } })).createLocalUser.user!.id;
    await stack.query(UPDATE, { input: { id, title: 'Fed' } });
    await stack.query(RESET_MFA, { input: { userId: id } });
    await stack.query(TERMINATE, { input: { userId: id } });
    await stack.query(DELETE, { input: { id } });
    expect(await since(start)).toEqual([
      { kind: 'CREATED', userId: id },
      { kind: 'UPDATED', userId: id },
      { kind: 'UPDATED', userId: id },
      { kind: 'DELETED', userId: id },
    ]);
  });

  it('offboarding appears as the grants revoked, the MFA reset and the deletion', async () => {
    const user = localUserWithGrants(stack.simulator, 3);
    const start = await cursor();
    await stack.query(OFFBOARD, { input: { userId: user.id, deleteLocalUser: true } });
    expect((await since(start)).map((c) => [c.kind, c.userId])).toEqual([
      ['ROLES_CHANGED', user.id],
      ['UPDATED', user.id],
      ['DELETED', user.id],
    ]);
  });
});
