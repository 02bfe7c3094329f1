import { startStack, type Stack } from '../helpers/stack';
import { IdentityProvider } from '../helpers/identity-provider';
import { CREATE, localUserWithGrants, OFFBOARD, RESET_MFA, type CreateData, type OffboardData, type ResetMfaData } from './local-user-fixtures';

/**
 * Who may change users (docs/local-users.md): `users:write` for the local-user mutations and security actions,
 * `users:write` and `roles:grant` together for offboardUser. A refusal is FORBIDDEN with 0 upstream calls.
 */
describe('local-user mutations need their scopes', () => {
  let idp: IdentityProvider;
  let stack: Stack;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    stack = await startStack({ access: idp.settings(0) });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });
  beforeEach(() => stack.resetCalls());

  const as = async (scope: string) => ({ authorization: `Bearer ${await idp.sign({ scope, clientId: 'admin-portal' }, 'admin-3')}` });

  it('refuses createLocalUser and resetUserMfa without users:write: FORBIDDEN, 0 upstream calls', async () => {
    const headers = await as('roles:grant users:pii');
    const create = await stack.query<CreateData, unknown>(CREATE, { input: { username: 'no.scope' } }, headers);
    expect(create.errors?.[0]).toMatchObject({ message: 'Mutation.createLocalUser needs the scope users:write.', extensions: { code: 'FORBIDDEN' } });
    const user = localUserWithGrants(stack.simulator);
    const reset = await stack.query<ResetMfaData, unknown>(RESET_MFA, { input: { userId: user.id } }, headers);
    expect(reset.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.calls().total).toBe(0);
    expect(stack.simulator.localUserWrites).toEqual([]);
  });

  it('refuses offboardUser with only one of users:write and roles:grant; runs it with both', async () => {
    const user = localUserWithGrants(stack.simulator);
    for (const scope of ['users:write', 'roles:grant']) {
      const refused = await stack.query<OffboardData, unknown>(OFFBOARD, { input: { userId: user.id } }, await as(scope));
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(stack.calls().total).toBe(0);
    const done = await stack.query<OffboardData, unknown>(OFFBOARD, { input: { userId: user.id } }, await as('users:write roles:grant'));
    expect(done.data?.offboardUser.steps.map((s) => s.outcome)).toEqual(['DONE', 'DONE', 'DONE', 'SKIPPED']);
  });

  it('creates with users:write', async () => {
    const created = await stack.query<CreateData, unknown>(CREATE, { input: { username: 'with.scope' } }, await as('users:write'));
    expect(created.data?.createLocalUser.userErrors).toEqual([]);
    expect(stack.simulator.localUserWrites).toHaveLength(1);
  });
});
