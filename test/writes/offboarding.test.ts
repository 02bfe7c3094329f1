import { startStack, type Stack } from '../helpers/stack';
import { captureLogs } from '../helpers/log-capture';
import { dataOf, handlesOf } from './grant-fixtures';
import { directoryUserWithGrants, localUserWithGrants, OFFBOARD, type OffboardData } from './local-user-fixtures';

type Vars = { input: Record<string, unknown> };

/**
 * offboardUser over real HTTP against the simulator (docs/local-users.md#offboarding): every step reported, no
 * explicit grant left, a failed step not stopping the later ones, a second run finishing what failed.
 */
describe('offboardUser', () => {
  let stack: Stack;
  const logs = captureLogs('info');
  beforeAll(async () => {
    stack = await startStack({ logger: logs.logger, cacheTtlSeconds: 300, settings: { resilience: { initialBackoffMs: 1, maxBackoffMs: 2 } } });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.resetCalls();
    stack.simulator.clearFaults();
  });

  const offboard = (input: Record<string, unknown>) => stack.query<OffboardData, Vars>(OFFBOARD, { input });
  const stepsOf = (data: OffboardData) => data.offboardUser.steps.map((s) => [s.step, s.outcome]);

  it('a local user, deleted when asked: sessions ended, every explicit grant revoked, MFA reset, record deleted', async () => {
    const user = localUserWithGrants(stack.simulator);
    const explicit = user.roles.filter((r) => r.explicit).map((r) => r.name);
    const revoked = user.roles.filter((r) => r.explicit).map((r) => ({ userId: user.id, roleId: r.id }));
    const data = dataOf(await offboard({ userId: user.id, deleteLocalUser: true }));
    expect(data.offboardUser.userErrors).toEqual([]);
    expect(stepsOf(data)).toEqual([
      ['TERMINATE_SESSIONS', 'DONE'],
      ['REVOKE_GRANTS', 'DONE'],
      ['RESET_MFA', 'DONE'],
      ['DELETE_LOCAL_USER', 'DONE'],
    ]);
    expect(data.offboardUser.steps[1]?.message).toContain(`Revoked ${explicit.length} explicit grant(s)`);
    expect(data.offboardUser.user).toBeNull();
    // The grants went through the grants' PUT (every explicit grant dropped), before the record was deleted.
    expect(stack.simulator.roleWrites.at(-1)).toEqual({ userId: user.id, body: [] });
    expect(stack.simulator.userSecurity.sessionTerminations).toContain(user.id);
    expect(stack.simulator.userSecurity.mfaResets).toContain(user.id);
    expect(stack.simulator.data.localUsers.some((u) => u.id === user.id)).toBe(false);
    const audit = logs.lines().filter((l) => l.audit === true && l.operation === 'offboardUser').at(-1);
    expect(audit).toMatchObject({
      outcome: 'written',
      writes: 4,
      target: { userId: user.id },
      detail: { steps: { TERMINATE_SESSIONS: 'DONE', REVOKE_GRANTS: 'DONE', RESET_MFA: 'DONE', DELETE_LOCAL_USER: 'DONE' }, revoked },
    });
  });

  it('a local user kept: no explicit grant left, the record stays (SKIPPED), MFA reset', async () => {
    const user = localUserWithGrants(stack.simulator, 1);
    const data = dataOf(await offboard({ userId: user.id }));
    expect(stepsOf(data).at(-1)).toEqual(['DELETE_LOCAL_USER', 'SKIPPED']);
    expect(data.offboardUser.user?.roleAssignments.filter((a) => a.explicit)).toEqual([]);
    const after = stack.simulator.data.users.find((u) => u.id === user.id)!;
    expect(handlesOf(after.roles)).toEqual([]);
    expect(after.mfa.status).toBe('UNINITIALIZED');
  });

  it('a directory user stays in their directory, and so do their directory-mapped roles; the payload says so', async () => {
    const user = directoryUserWithGrants(stack.simulator);
    const mapped = user.roles.filter((r) => !r.explicit).map((r) => r.id);
    const data = dataOf(await offboard({ userId: user.id, deleteLocalUser: true }));
    expect(stepsOf(data)).toEqual([
      ['TERMINATE_SESSIONS', 'DONE'],
      ['REVOKE_GRANTS', 'DONE'],
      ['RESET_MFA', 'DONE'],
      ['DELETE_LOCAL_USER', 'NOT_APPLICABLE'],
    ]);
    expect(data.offboardUser.steps[3]?.message).toContain('stays in their directory');
    expect(data.offboardUser.steps[1]?.message).toContain('directory mappings remain');
    const after = stack.simulator.data.users.find((u) => u.id === user.id)!;
    expect(handlesOf(after.roles)).toEqual([]);
    expect(after.roles.map((r) => r.id)).toEqual(mapped);
    expect(data.offboardUser.user?.roleAssignments.map((a) => a.explicit)).toEqual(mapped.map(() => false));
  });

  it('a failed step does not stop the later ones; a second run with the same key finishes what failed, a third replays', async () => {
    const user = localUserWithGrants(stack.simulator, 2);
    const input = { userId: user.id, idempotencyKey: 'offboard-failed-step-1' };
    stack.simulator.injectFault({ method: 'POST', route: '/auth/api/v1/sessionstorage/users/:id/sessions/terminate', status: 500 });
    const first = dataOf(await offboard(input));
    expect(stepsOf(first)).toEqual([
      ['TERMINATE_SESSIONS', 'FAILED'],
      ['REVOKE_GRANTS', 'DONE'],
      ['RESET_MFA', 'DONE'],
      ['DELETE_LOCAL_USER', 'SKIPPED'],
    ]);
    expect(first.offboardUser.steps[0]?.message).toBe('PrivX failed (UPSTREAM_ERROR, HTTP 500); run offboardUser again to finish.');
    expect(handlesOf(stack.simulator.data.users.find((u) => u.id === user.id)!.roles)).toEqual([]);

    stack.simulator.clearFaults();
    const second = dataOf(await offboard(input));
    expect(stepsOf(second)).toEqual([
      ['TERMINATE_SESSIONS', 'DONE'],
      ['REVOKE_GRANTS', 'DONE'],
      ['RESET_MFA', 'DONE'],
      ['DELETE_LOCAL_USER', 'SKIPPED'],
    ]);
    expect(second.offboardUser.steps[1]?.message).toContain('held no explicit grant');
    expect(stack.simulator.userSecurity.sessionTerminations).toEqual([user.id]);

    stack.resetCalls();
    const third = dataOf(await offboard(input));
    expect(third.offboardUser.steps).toEqual(second.offboardUser.steps);
    // Only the payload's `user` is read again: no write, no step re-run.
    expect(Object.keys(stack.calls().byRoute).filter((route) => !route.startsWith('GET'))).toEqual([]);
  });

  it('NOT_FOUND for nobody, INVALID for a malformed id: no step runs', async () => {
    const nobody = dataOf(await offboard({ userId: '00000000-0000-4000-8000-00000000dead' })).offboardUser;
    expect(nobody).toEqual({ steps: [], user: null, userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'userId'] }] });
    const malformed = dataOf(await offboard({ userId: 'nobody' })).offboardUser;
    expect(malformed.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'userId'] });
    expect(stack.simulator.userSecurity.sessionTerminations).toEqual([]);
  });
});
