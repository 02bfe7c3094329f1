import { startStack, type Stack } from '../helpers/stack';
import { dataOf, GRANT, puts, REVOKE_MANY, rolesNotHeld, userWithoutRoles, type GrantData, type RevokeManyData } from './grant-fixtures';

/** revokeGrants over real HTTP against the simulator: selection by filter, dryRun, per-pair outcomes, the bound. */
describe('revokeGrants', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ cacheTtlSeconds: 300 });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.resetCalls();
    stack.simulator.clearFaults();
  });

  const revokeMany = (input: Record<string, unknown>) => stack.query<RevokeManyData, { input: Record<string, unknown> }>(REVOKE_MANY, { input });
  const grant = (input: Record<string, unknown>) => stack.query<GrantData, { input: Record<string, unknown> }>(GRANT, { input });

  it('revokes every expired explicit grant of a role, reports mapped ones as SKIPPED_IMPLICIT, and keeps the rest', async () => {
    // Three users get the same role: two grants that ended yesterday, one that runs for another day.
    const users = [0, 1, 2].map((i) => userWithoutRoles(stack.simulator, 10 + i));
    const roleId = stack.simulator.data.roles.find((r) => users.every((u) => rolesNotHeld(stack.simulator, u).includes(r.id)))!.id;
    const day = 86_400_000;
    const ended = { start: new Date(Date.now() - 3 * day), end: new Date(Date.now() - day) };
    const running = { start: new Date(Date.now() - day), end: new Date(Date.now() + day) };
    for (const [i, user] of users.entries()) {
      dataOf(await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [i < 2 ? ended : running] }));
    }
    const filter = { roleId, states: ['EXPIRED'] };

    stack.resetCalls();
    const preview = dataOf(await revokeMany({ filter, dryRun: true })).revokeGrants;
    const ours = (list: RevokeManyData['revokeGrants']['revocations']) => list.filter((r) => users.some((u) => u.id === r.userId));
    expect(ours(preview.revocations).map((r) => [r.userId, r.outcome])).toEqual(
      expect.arrayContaining([
        [users[0]!.id, 'WOULD_REVOKE'],
        [users[1]!.id, 'WOULD_REVOKE'],
      ]),
    );
    expect(ours(preview.revocations).map((r) => r.userId)).not.toContain(users[2]!.id);
    expect(preview.revokedCount).toBe(0);
    expect(puts(stack.simulator)).toBe(0);

    const done = dataOf(await revokeMany({ filter })).revokeGrants;
    expect(done.userErrors).toEqual([]);
    const wouldRevoke = preview.revocations.filter((r) => r.outcome === 'WOULD_REVOKE').length;
    expect(done.revokedCount).toBe(wouldRevoke);
    expect(done.revocations.filter((r) => r.outcome === 'REVOKED')).toHaveLength(wouldRevoke);
    expect(done.revocations.every((r) => r.role.id === roleId && r.user?.id === r.userId)).toBe(true);
    expect(done.revocations.filter((r) => r.outcome === 'SKIPPED_IMPLICIT').every((r) => r.message)).toBe(true);
    expect(puts(stack.simulator)).toBe(new Set(done.revocations.filter((r) => r.outcome === 'REVOKED').map((r) => r.userId)).size);
    const holds = (userId: string) => stack.simulator.data.users.find((u) => u.id === userId)!.roles.some((r) => r.id === roleId);
    expect(users.map((u) => holds(u.id))).toEqual([false, false, true]);

    // Nothing expired is left: a second run revokes nothing.
    const again = dataOf(await revokeMany({ filter })).revokeGrants;
    expect(again.revocations.filter((r) => r.outcome === 'REVOKED')).toEqual([]);
  });

  it('leaves a grant that an outside writer changed since it was selected, reporting FAILED', async () => {
    const user = userWithoutRoles(stack.simulator, 20);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    const day = 86_400_000;
    dataOf(await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start: new Date(Date.now() - 3 * day), end: new Date(Date.now() - day) }] }));
    // Selected as expired; then (right after the subgraph's first read) extended to 2030 by someone else.
    stack.simulator.armOutsideWrite({ userId: user.id, roleId: roleId!, times: 1 });
    const done = dataOf(await revokeMany({ filter: { roleId, states: ['EXPIRED'] } })).revokeGrants;
    const mine = done.revocations.find((r) => r.userId === user.id)!;
    expect(mine).toMatchObject({ outcome: 'FAILED', message: expect.stringContaining('No longer meets the filter') });
    expect(stack.simulator.data.users.find((u) => u.id === user.id)!.roles.some((r) => r.id === roleId)).toBe(true);
  });

  it('refuses a filter that selects more than 500 pairs, writing nothing', async () => {
    const done = dataOf(await revokeMany({ filter: {} })).revokeGrants;
    expect(done.userErrors).toEqual([{ code: 'INVALID', message: expect.stringContaining('at most 500'), field: ['input', 'filter'] }]);
    expect(done.revocations).toEqual([]);
    expect(puts(stack.simulator)).toBe(0);
  });

  it('refuses a roleId that is not a UUID as a userError', async () => {
    const done = dataOf(await revokeMany({ filter: { roleId: 'admins' } })).revokeGrants;
    expect(done.userErrors).toEqual([{ code: 'INVALID', message: expect.any(String), field: ['input', 'filter', 'roleId'] }]);
  });
});
