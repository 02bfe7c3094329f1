import { startStack, type Stack } from '../helpers/stack';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';
import {
  dataOf,
  GRANT,
  handlesOf,
  HOUR,
  puts,
  REVOKE,
  ROLES_OF,
  rolesNotHeld,
  userWithMixedGrants,
  userWithoutRoles,
  type GrantData,
  type RevokeData,
  type RolesOfData,
} from './grant-fixtures';

/**
 * grantRole and revokeRole over real HTTP against the embedded simulator (docs/writes.md): what the PUT carries,
 * that nothing is lost to a concurrent or outside writer, idempotency, checks before any write, the audit line
 * and fresh reads after a write.
 */
describe('grantRole and revokeRole', () => {
  let stack: Stack;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs('info');
    stack = await startStack({ logger: logs.logger, cacheTtlSeconds: 300 });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.resetCalls();
    stack.simulator.clearFaults();
  });

  const grant = (input: Record<string, unknown>) => stack.query<GrantData, { input: Record<string, unknown> }>(GRANT, { input });
  const revoke = (input: Record<string, unknown>) => stack.query<RevokeData, { input: Record<string, unknown> }>(REVOKE, { input });
  const rolesOf = async (id: string) => dataOf(await stack.query<RolesOfData, { id: string }>(ROLES_OF, { id })).user.roleAssignments;

  it('sends every other explicit grant back field for field, no mapped role, and reads back: GET, GET, PUT, GET', async () => {
    const user = userWithMixedGrants(stack.simulator);
    const others = handlesOf(user.roles);
    const mapped = user.roles.filter((r) => !r.explicit).map((r) => r.id);
    const roleId = rolesNotHeld(stack.simulator, user)[0]!;
    const start = new Date(Date.now() + HOUR);
    const end = new Date(Date.now() + 3 * HOUR);

    const { grantRole } = dataOf(await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start, end }] }));

    expect(grantRole.userErrors).toEqual([]);
    expect(grantRole.assignment).toMatchObject({ role: { id: roleId }, explicit: true, grantType: 'TIME_RESTRICTED', grantEnd: end.toISOString() });
    const [write] = stack.simulator.roleWrites;
    const body = write!.body as Record<string, unknown>[];
    expect(write!.userId).toBe(user.id);
    expect(body.slice(0, -1)).toEqual(others);
    expect(body.at(-1)).toMatchObject({ id: roleId, explicit: true, grant_type: 'TIME_RESTRICTED' });
    expect(body.map((h) => h.id)).not.toEqual(expect.arrayContaining(mapped.slice(0, 1)));
    const byRoute = stack.calls().byRoute;
    expect(byRoute['GET /role-store/api/v1/users/:id/roles']).toBe(3);
    expect(byRoute['PUT /role-store/api/v1/users/:id/roles']).toBe(1);
    // The mapped roles are still there (PrivX adds them), and every other grant kept its terms.
    const after = stack.simulator.data.users.find((u) => u.id === user.id)!;
    expect(after.roles.filter((r) => !r.explicit).map((r) => r.id)).toEqual(mapped);
    expect(handlesOf(after.roles).slice(0, -1)).toEqual(others);
  });

  it('extends a grant in place (an upsert), and writes nothing when the terms are already so', async () => {
    const user = userWithMixedGrants(stack.simulator, 1);
    const roleId = rolesNotHeld(stack.simulator, user)[0]!;
    const start = new Date('2031-03-01T08:00:00Z');
    await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start, end: new Date('2031-03-01T10:00:00Z') }] });
    const extended = dataOf(await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start, end: new Date('2031-03-01T12:00:00Z') }] }));
    expect(extended.grantRole.assignment?.grantEnd).toBe('2031-03-01T12:00:00.000Z');
    const held = stack.simulator.data.users.find((u) => u.id === user.id)!.roles.filter((r) => r.id === roleId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ grant_end: '2031-03-01T12:00:00Z' });
    expect(puts(stack.simulator)).toBe(2);

    stack.resetCalls();
    const again = dataOf(await grant({ userId: user.id, roleId, grantType: 'TIME_RESTRICTED', periods: [{ start, end: new Date('2031-03-01T12:00:00Z') }] }));
    expect(again.grantRole.userErrors).toEqual([]);
    expect(again.grantRole.assignment?.grantEnd).toBe('2031-03-01T12:00:00.000Z');
    expect(puts(stack.simulator)).toBe(0);
  });

  it('10 concurrent grants of 10 roles to one user leave all 10', async () => {
    const user = userWithoutRoles(stack.simulator);
    const roles = rolesNotHeld(stack.simulator, user).slice(0, 10);
    expect(roles).toHaveLength(10);
    const answers = await Promise.all(roles.map((roleId) => grant({ userId: user.id, roleId, grantType: 'FLOATING', floatingHours: 2 })));
    for (const answer of answers) expect(dataOf(answer).grantRole.userErrors).toEqual([]);
    const held = await rolesOf(user.id);
    expect(held.map((a) => a.role.id).sort()).toEqual([...roles].sort());
    expect(held.every((a) => a.explicit && a.grantType === 'FLOATING' && a.floatingHours === 2)).toBe(true);
  });

  it('loses nothing to a writer outside the subgraph between its first read and its PUT', async () => {
    const user = userWithoutRoles(stack.simulator, 1);
    const [outsider, mine] = rolesNotHeld(stack.simulator, user);
    stack.simulator.armOutsideWrite({ userId: user.id, roleId: outsider!, times: 1 });
    const { grantRole } = dataOf(await grant({ userId: user.id, roleId: mine, grantType: 'PERMANENT' }));
    expect(grantRole.userErrors).toEqual([]);
    const held = stack.simulator.data.users.find((u) => u.id === user.id)!.roles;
    expect(held.map((r) => r.id).sort()).toEqual([outsider, mine].sort());
    // Rebuilt from the newer read: the PUT carried the outside writer's grant with its terms.
    expect(stack.simulator.roleWrites.at(-1)!.body).toEqual([
      { id: outsider, name: expect.any(String), explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2030-01-01T00:00:00Z', grant_end: '2030-01-02T00:00:00Z' },
      expect.objectContaining({ id: mine, grant_type: 'PERMANENT' }),
    ]);
  });

  it('answers CONFLICT having written nothing when an outside writer keeps changing the grants', async () => {
    const user = userWithoutRoles(stack.simulator, 2);
    const [outsider, mine] = rolesNotHeld(stack.simulator, user);
    stack.simulator.armOutsideWrite({ userId: user.id, roleId: outsider!, times: 10 });
    const { grantRole } = dataOf(await grant({ userId: user.id, roleId: mine, grantType: 'PERMANENT' }));
    expect(grantRole.userErrors).toEqual([{ code: 'CONFLICT', message: expect.stringContaining('nothing was written'), field: null }]);
    expect(grantRole.assignment).toBeNull();
    expect(puts(stack.simulator)).toBe(0);
  });

  it('makes one PUT for the same idempotency key twice, and refuses the key with another input', async () => {
    const user = userWithoutRoles(stack.simulator, 3);
    const [roleId, other] = rolesNotHeld(stack.simulator, user);
    const input = { userId: user.id, roleId, grantType: 'FLOATING', floatingHours: 4, idempotencyKey: 'ticket-4711' };
    const first = dataOf(await grant(input));
    const second = dataOf(await grant(input));
    expect(second).toEqual(first);
    expect(puts(stack.simulator)).toBe(1);

    const reused = dataOf(await grant({ ...input, roleId: other }));
    expect(reused.grantRole.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), field: ['input', 'idempotencyKey'] }]);
    expect(puts(stack.simulator)).toBe(1);
  });

  it('waits for the first request of a key still running instead of writing twice', async () => {
    const user = userWithoutRoles(stack.simulator, 4);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    stack.simulator.injectFault({ method: 'PUT', route: '/role-store/api/v1/users/:id/roles', delayMs: 300, times: 1 });
    const input = { userId: user.id, roleId, grantType: 'PERMANENT', idempotencyKey: 'same-time' };
    const [a, b] = await Promise.all([grant(input), grant(input)]);
    expect(dataOf(a)).toEqual(dataOf(b));
    expect(dataOf(a).grantRole.assignment?.grantType).toBe('PERMANENT');
    expect(puts(stack.simulator)).toBe(1);
  });

  it.each([
    ['a user id that is not a UUID', { userId: 'nobody', grantType: 'PERMANENT' }, 'INVALID', ['input', 'userId']],
    ['TIME_RESTRICTED without periods', { grantType: 'TIME_RESTRICTED' }, 'INVALID', ['input', 'periods']],
    ['a period ending before it starts', { grantType: 'TIME_RESTRICTED', periods: [{ start: '2031-01-02T00:00:00Z', end: '2031-01-01T00:00:00Z' }] }, 'INVALID', ['input', 'periods', '0', 'end']],
    ['FLOATING without hours', { grantType: 'FLOATING' }, 'INVALID', ['input', 'floatingHours']],
    ['FLOATING for 0 hours', { grantType: 'FLOATING', floatingHours: 0 }, 'INVALID', ['input', 'floatingHours']],
    ['a key longer than 128 characters', { grantType: 'PERMANENT', idempotencyKey: 'k'.repeat(129) }, 'INVALID', ['input', 'idempotencyKey']],
    ['an unknown role', { grantType: 'PERMANENT', roleId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', ['input', 'roleId']],
    ['an unknown user', { grantType: 'PERMANENT', userId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', ['input', 'userId']],
  ])('refuses %s with 0 writes', async (_name, change, code, field) => {
    const user = userWithMixedGrants(stack.simulator, 2);
    const roleId = rolesNotHeld(stack.simulator, user)[0];
    const { grantRole } = dataOf(await grant({ userId: user.id, roleId, ...change }));
    expect(grantRole.userErrors).toEqual([{ code, message: expect.any(String), field }]);
    expect(grantRole.assignment).toBeNull();
    expect(puts(stack.simulator)).toBe(0);
  });

  it('revokes an explicit grant, keeping the others; a mapped role is IMPLICIT_GRANT with 0 writes', async () => {
    const user = userWithMixedGrants(stack.simulator, 3);
    const [gone, ...kept] = user.roles.filter((r) => r.explicit);
    const keptHandles = handlesOf(kept);
    const mapped = user.roles.find((r) => !r.explicit)!;

    const { revokeRole } = dataOf(await revoke({ userId: user.id, roleId: gone!.id }));
    expect(revokeRole).toMatchObject({ revoked: true, userErrors: [] });
    expect(revokeRole.user?.roles.map((r) => r.id)).not.toContain(gone!.id);
    expect(stack.simulator.roleWrites.at(-1)!.body).toEqual(keptHandles);

    stack.resetCalls();
    const implicit = dataOf(await revoke({ userId: user.id, roleId: mapped.id }));
    expect(implicit.revokeRole.userErrors).toEqual([{ code: 'IMPLICIT_GRANT', message: expect.any(String), field: ['input', 'roleId'] }]);
    const notHeld = dataOf(await revoke({ userId: user.id, roleId: gone!.id }));
    expect(notHeld.revokeRole).toMatchObject({ revoked: false, userErrors: [] });
    expect(puts(stack.simulator)).toBe(0);
  });

  it('shows the change on the next read although the cache TTL (300 s) has not passed', async () => {
    const user = userWithMixedGrants(stack.simulator, 4);
    const roleId = rolesNotHeld(stack.simulator, user)[0]!;
    const members = `query Members($id: ID!) { role(id: $id) { memberCount members(first: 1) { totalCount } } }`;
    type Members = { role: { memberCount: number; members: { totalCount: number } } };
    const review = `query Review($role: ID!) { roleAssignments(filter: { roleId: $role }, first: 1) { totalCount } }`;
    type Review = { roleAssignments: { totalCount: number } };
    expect((await rolesOf(user.id)).map((a) => a.role.id)).not.toContain(roleId); // warm the caches
    const before = dataOf(await stack.query<Members, { id: string }>(members, { id: roleId })).role;
    const reviewedBefore = dataOf(await stack.query<Review, { role: string }>(review, { role: roleId }));

    dataOf(await grant({ userId: user.id, roleId, grantType: 'PERMANENT' }));

    expect((await rolesOf(user.id)).map((a) => a.role.id)).toContain(roleId);
    const after = dataOf(await stack.query<Members, { id: string }>(members, { id: roleId })).role;
    expect(after.memberCount).toBe(before.memberCount + 1);
    expect(after.members.totalCount).toBe(before.members.totalCount + 1);
    const reviewed = dataOf(await stack.query<Review, { role: string }>(review, { role: roleId }));
    expect(reviewed.roleAssignments.totalCount).toBe(reviewedBefore.roleAssignments.totalCount + 1);
  });

  it('writes one audit line per mutation, with the actor and no secret', async () => {
    const user = userWithoutRoles(stack.simulator, 5);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    const already = logs.lines().length;
    dataOf(await grant({ userId: user.id, roleId, grantType: 'FLOATING', floatingHours: 1, idempotencyKey: 'audit-me' }));
    dataOf(await revoke({ userId: user.id, roleId }));
    const audit = logs.lines().slice(already).filter((line) => line.audit === true);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      level: 'info',
      audit: true,
      operation: 'grantRole',
      actor: { kind: 'development' },
      target: { userId: user.id, roleId },
      change: { before: null, after: { id: roleId, explicit: true, grant_type: 'FLOATING', floating_length: 1 } },
      idempotencyKeyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      upstreamStatus: 200,
      writes: 1,
      outcome: 'written',
      durationMs: expect.any(Number),
    });
    expect(audit[1]).toMatchObject({ operation: 'revokeRole', outcome: 'written', change: { before: expect.objectContaining({ id: roleId }), after: null } });
    const text = logs.text();
    for (const secret of Object.values(SIMULATOR_CREDENTIALS).filter((v) => v.includes('secret'))) expect(text).not.toContain(secret);
    expect(text).not.toContain('audit-me');
    const metrics = await (await fetch(stack.subgraph.metricsUrl)).text();
    expect(metrics).toMatch(/graphql_mutations_total\{operation="grantRole",outcome="written"\} [1-9]/);
  });

  it.each([
    [404, 'NOT_FOUND'],
    [400, 'UPSTREAM_REJECTED'],
  ])('turns a PUT answered %i into the userError %s', async (status, code) => {
    const user = userWithoutRoles(stack.simulator, 7);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    stack.simulator.injectFault({ method: 'PUT', route: '/role-store/api/v1/users/:id/roles', status, times: 1 });
    const { grantRole } = dataOf(await grant({ userId: user.id, roleId, grantType: 'PERMANENT' }));
    expect(grantRole.userErrors.map((e) => e.code)).toEqual([code]);
    expect(stack.simulator.data.users.find((u) => u.id === user.id)!.roles).toEqual([]);
  });

  it('runs the mutations of one operation one after another, also once the operation is compiled (graphql-jit)', async () => {
    const user = userWithoutRoles(stack.simulator, 8);
    const [roleId] = rolesNotHeld(stack.simulator, user);
    const both = `mutation GrantThenRevoke($user: ID!, $role: ID!) {
      granted: grantRole(input: { userId: $user, roleId: $role, grantType: PERMANENT }) { assignment { grantType } }
      revoked: revokeRole(input: { userId: $user, roleId: $role }) { revoked }
    }`;
    type Both = { granted: { assignment: { grantType: string } }; revoked: { revoked: boolean } };
    for (let run = 0; run < 3; run += 1) {
      const answer = dataOf(await stack.query<Both, { user: string; role: string | undefined }>(both, { user: user.id, role: roleId }));
      expect(answer).toEqual({ granted: { assignment: { grantType: 'PERMANENT' } }, revoked: { revoked: true } });
    }
    expect(stack.simulator.data.users.find((u) => u.id === user.id)!.roles).toEqual([]);
  });

  it('answers UPSTREAM_TIMEOUT with writeOutcome UNKNOWN when the PUT gets no answer before the deadline', async () => {
    const slow = await startStack({ settings: { requestBounds: { timeoutMs: 800, callBudget: 100 } } });
    try {
      const user = userWithoutRoles(slow.simulator, 6);
      const [roleId] = rolesNotHeld(slow.simulator, user);
      slow.simulator.injectFault({ method: 'PUT', route: '/role-store/api/v1/users/:id/roles', delayMs: 1_500, times: 1 });
      const answer = await slow.query<GrantData, { input: Record<string, unknown> }>(GRANT, { input: { userId: user.id, roleId, grantType: 'PERMANENT' } });
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' });
    } finally {
      await slow.close();
    }
  });
});
