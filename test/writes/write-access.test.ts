import { startStack, type Stack, type StackOptions } from '../helpers/stack';
import { captureLogs } from '../helpers/log-capture';
import { IdentityProvider } from '../helpers/identity-provider';
import { GrantRoleTypedDocument, GrantType, RevokeRoleTypedDocument } from '../generated/graphql';
import { GRANT, rolesNotHeld, userWithoutRoles, type GrantData } from './grant-fixtures';

/**
 * Who may write (docs/writes.md, "Who"): scopes by @requiresScopes for verified callers, no anonymous write in
 * production unless WRITES_ENABLED=true, WRITES_ENABLED=false read-only. A refused write is FORBIDDEN and
 * costs no upstream call at all.
 */
describe('who may write', () => {
  const ROUTER_SECRET = 'router-secret-for-writes-test';
  let idp: IdentityProvider;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
  });
  afterAll(() => idp.close());

  async function withStack<T>(options: StackOptions, run: (stack: Stack) => Promise<T>): Promise<T> {
    const stack = await startStack(options);
    try {
      return await run(stack);
    } finally {
      await stack.close();
    }
  }

  const grantInput = (stack: Stack) => {
    const user = userWithoutRoles(stack.simulator);
    return { userId: user.id, roleId: rolesNotHeld(stack.simulator, user)[0], grantType: 'PERMANENT' };
  };

  it('refuses a verified caller without roles:grant with FORBIDDEN and 0 upstream calls; writes for one with it, auditing its subject and client', async () => {
    const logs = captureLogs('info');
    await withStack({ access: idp.settings(0), logger: logs.logger }, async (stack) => {
      const input = grantInput(stack);
      stack.resetCalls();
      const readOnly = await idp.sign({ scope: 'users:pii' });
      const refused = await stack.query<GrantData, unknown>(GRANT, { input }, { authorization: `Bearer ${readOnly}` });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'Mutation.grantRole needs the scope roles:grant.', extensions: { code: 'FORBIDDEN' } });
      expect(stack.calls().total).toBe(0);

      const granting = await idp.sign({ scope: 'roles:grant', clientId: 'access-portal' }, 'admin-7');
      const typed = { userId: input.userId, roleId: input.roleId!, grantType: 'PERMANENT' as GrantType };
      const done = await stack.query(GrantRoleTypedDocument, { input: typed }, { authorization: `Bearer ${granting}` });
      expect(done.data?.grantRole.userErrors).toEqual([]);
      expect(done.data?.grantRole.assignment).toMatchObject({ role: { id: input.roleId }, explicit: true, grantType: 'PERMANENT' });
      expect(stack.simulator.roleWrites).toHaveLength(1);
      const revoked = await stack.query(RevokeRoleTypedDocument, { input: { userId: input.userId, roleId: input.roleId! } }, { authorization: `Bearer ${readOnly}` });
      expect(revoked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(stack.simulator.roleWrites).toHaveLength(1);
      const audit = logs.lines().filter((line) => line.audit === true);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: { kind: 'token', subject: 'admin-7', clientId: 'access-portal' }, outcome: 'written' });
      expect(logs.text()).not.toContain(granting);
    });
  });

  it('refuses writes in production behind a router secret alone (no verified callers), with FORBIDDEN and 0 upstream calls', async () => {
    await withStack({ production: true, access: { routerSecret: ROUTER_SECRET } }, async (stack) => {
      const input = grantInput(stack);
      stack.resetCalls();
      const refused = await stack.query<GrantData, unknown>(GRANT, { input }, { 'router-authorization': ROUTER_SECRET });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/WRITES_ENABLED=true/);
      expect(stack.calls().total).toBe(0);
    });
  });

  it('writes in production behind a router secret with WRITES_ENABLED=true, attributed to the router', async () => {
    const logs = captureLogs('info');
    await withStack({ production: true, access: { routerSecret: ROUTER_SECRET }, writesEnabled: true, logger: logs.logger }, async (stack) => {
      const done = await stack.query<GrantData, unknown>(GRANT, { input: grantInput(stack) }, { 'router-authorization': ROUTER_SECRET });
      expect(done.data?.grantRole.userErrors).toEqual([]);
      expect(logs.lines().find((line) => line.audit === true)).toMatchObject({ actor: { kind: 'router' } });
    });
  });

  it('is read-only with WRITES_ENABLED=false, even in development', async () => {
    await withStack({ writesEnabled: false }, async (stack) => {
      const input = grantInput(stack);
      stack.resetCalls();
      const refused = await stack.query<GrantData, unknown>(GRANT, { input });
      expect(refused.errors?.[0]).toMatchObject({ message: 'This deployment is read-only (WRITES_ENABLED=false).', extensions: { code: 'FORBIDDEN' } });
      expect(stack.calls().total).toBe(0);
    });
  });
});
