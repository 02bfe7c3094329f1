import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from '../helpers/stack';
import { dataOf, HOUR, rolesNotHeld, userWithoutRoles } from './grant-fixtures';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'writes.md'), 'utf8');
const example = (name: string) => [...DOC.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!).find((q) => q.includes(`mutation ${name}(`))!;

/** The three examples of docs/writes.md (also the explorer's tabs), run as written against the simulator. */
describe('the docs/writes.md examples', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('grant break-glass for the next 2 hours, extend it, then revoke the expired grants of a role', async () => {
    const user = userWithoutRoles(stack.simulator, 50);
    const breakGlass = stack.simulator.data.roles.find((r) => r.name === 'break-glass')!;
    const from = new Date();
    const until = new Date(from.getTime() + 2 * HOUR);
    type Granted = { grantRole: { assignment: { role: { name: string }; grantType: string; grantEnd: string; state: string }; userErrors: unknown[] } };
    const granted = dataOf(await stack.query<Granted, unknown>(example('GrantBreakGlass'), { user: user.id, role: breakGlass.id, from, until }));
    expect(granted.grantRole).toMatchObject({ assignment: { role: { name: 'break-glass' }, grantType: 'TIME_RESTRICTED', grantEnd: until.toISOString(), state: 'ACTIVE' }, userErrors: [] });

    const newEnd = new Date(until.getTime() + 2 * HOUR);
    type Extended = { grantRole: { assignment: { grantEnd: string; nextChangeAt: string }; user: { roleAssignments: { role: { name: string }; grantEnd: string }[] } } };
    const extended = dataOf(await stack.query<Extended, unknown>(example('ExtendGrant'), { user: user.id, role: breakGlass.id, from, newEnd }));
    expect(extended.grantRole.assignment).toEqual({ grantEnd: newEnd.toISOString(), nextChangeAt: newEnd.toISOString() });
    expect(extended.grantRole.user.roleAssignments).toEqual([{ role: { name: 'break-glass' }, grantType: 'TIME_RESTRICTED', grantEnd: newEnd.toISOString() }]);

    // An expired grant of another role, then the clean-up of that role.
    const role = rolesNotHeld(stack.simulator, user).find((id) => id !== breakGlass.id)!;
    await stack.query(example('GrantBreakGlass').replace('incident-2041-break-glass', 'expired-one'), { user: user.id, role, from: new Date(Date.now() - 5 * HOUR), until: new Date(Date.now() - 3 * HOUR) });
    type Revoked = { revokeGrants: { revokedCount: number; revocations: { user: { username: string }; outcome: string }[] } };
    const revoked = dataOf(await stack.query<Revoked, unknown>(example('RevokeExpiredGrants'), { role }));
    expect(revoked.revokeGrants.revocations).toContainEqual({ user: { name: expect.anything(), username: user.principal }, role: { name: expect.any(String) }, outcome: 'REVOKED', message: null });
    expect(stack.simulator.data.users.find((u) => u.id === user.id)!.roles.map((r) => r.name)).toEqual(['break-glass']);
  });
});
