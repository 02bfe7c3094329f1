import { LOCAL_USERS, USER_IDS } from '../contract-fake/data';
import { startContractFake, type ContractFake } from '../contract-fake/server';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';
import { dataOf } from '../writes/grant-fixtures';
import { CREATE, OFFBOARD, SET_PASSWORD, UPDATE, type CreateData, type OffboardData, type SetPasswordData, type UpdateData } from '../writes/local-user-fixtures';

const PASSWORD = 'Contract-Pa55word-for-Fake-42';
type Vars = { input: Record<string, unknown> };

/**
 * The local-user mutations against the independent contract fake (written from docs/upstream-v41.md only): it
 * answers a create with `{id}` alone, a replace and a delete with 204 and no body, and drifts to `updatedby`.
 */
describe('local-user mutations over the independent v41 contract fake', () => {
  let fake: ContractFake;
  let stack: SubgraphStack;

  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
    stack = await startSubgraphOver({ baseUrl: fake.baseUrl, ...fake.credentials }, { cacheTtlSeconds: 300 });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  it('a created user reads back with the same unified values; the password reached the fake and nothing else', async () => {
    const input = { username: 'fake.contractor', firstName: 'Fay', lastName: 'Kontract', title: 'Auditor', email: 'fay@audit.example', organization: 'Audit Oy', languages: ['sv-FI'], timezone: 'Europe/Helsinki', password: PASSWORD };
    const answer = await stack.query<CreateData, Vars>(CREATE, { input });
    const { createLocalUser } = dataOf(answer);
    expect(createLocalUser.userErrors).toEqual([]);
    expect(createLocalUser.user).toMatchObject({ username: 'fake.contractor', firstName: 'Fay', lastName: 'Kontract', name: 'Fay Kontract', title: 'Auditor', emails: [{ email: 'fay@audit.example', isPrimary: true }], organizations: [{ name: 'Audit Oy' }], languages: ['sv-FI'], timezone: 'Europe/Helsinki', status: 'INVITED' });
    expect(fake.written.passwords.get(createLocalUser.user!.id)).toBe(PASSWORD);
    expect(JSON.stringify(answer)).not.toContain(PASSWORD);
    const posts = fake.calls.filter((c) => c.method === 'POST' && c.path === '/local-user-store/api/v1/users');
    expect(posts).toHaveLength(1);
  });

  it('an update of one field PUTs the record as the fake sent it with only that field changed', async () => {
    const alice = LOCAL_USERS.find((u) => u.id === USER_IDS.alice)!;
    fake.reset();
    const { updateLocalUser } = dataOf(await stack.query<UpdateData, Vars>(UPDATE, { input: { id: alice.id, department: 'Security' } }));
    expect(updateLocalUser.userErrors).toEqual([]);
    expect(updateLocalUser.user?.groups).toContainEqual({ name: 'Security', type: 'DEPARTMENT' });
    const put = fake.calls.find((c) => c.method === 'PUT')!;
    const { id: _i, created: _c, updated: _u, updated_by: _b, author: _a, password: _p, ...sendable } = alice;
    expect(put.body).toEqual({ ...sendable, department: 'Security' });
  });

  it('sets a password (204, no body) and offboards a local user with every step DONE', async () => {
    const bob = USER_IDS.bob;
    const set = dataOf(await stack.query<SetPasswordData, Vars>(SET_PASSWORD, { input: { id: bob, password: PASSWORD, requireChange: true } }));
    expect(set.setLocalUserPassword.userErrors).toEqual([]);
    const offboarded = dataOf(await stack.query<OffboardData, Vars>(OFFBOARD, { input: { userId: bob, deleteLocalUser: true } }));
    expect(offboarded.offboardUser.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['TERMINATE_SESSIONS', 'DONE'],
      ['REVOKE_GRANTS', 'DONE'],
      ['RESET_MFA', 'DONE'],
      ['DELETE_LOCAL_USER', 'DONE'],
    ]);
    expect(fake.written.localUsers.some((u) => u.id === bob)).toBe(false);
  });
});
