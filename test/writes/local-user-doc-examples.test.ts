import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from '../helpers/stack';
import { dataOf, HOUR, rolesNotHeld } from './grant-fixtures';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'local-users.md'), 'utf8');
const example = (name: string) => [...DOC.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!).find((q) => q.includes(`mutation ${name}(`))!;

/** The examples of docs/local-users.md (also the explorer's tabs), run as written against the simulator. */
describe('the docs/local-users.md examples', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('onboard a contractor with a 2-week grant, retitle them, then offboard them', async () => {
    type Onboarded = { createLocalUser: { user: { id: string; username: string; name: string; status: string }; userErrors: unknown[] } };
    const onboarded = dataOf(await stack.query<Onboarded, unknown>(example('OnboardContractor'), { password: 'First-Login-Pa55!' }));
    expect(onboarded.createLocalUser).toEqual({
      user: { id: expect.any(String), username: 'maria.virtanen@contractor.example', name: 'Maria Virtanen', status: 'INVITED' },
      userErrors: [],
    });
    // The same key again: the same user, no second POST.
    const again = dataOf(await stack.query<Onboarded, unknown>(example('OnboardContractor'), { password: 'First-Login-Pa55!' }));
    expect(again).toEqual(onboarded);
    expect(stack.simulator.stats.snapshot().byRoute['POST /local-user-store/api/v1/users']).toBe(1);

    const user = onboarded.createLocalUser.user.id;
    const role = rolesNotHeld(stack.simulator, { roles: [] } as never)[0]!;
    const from = new Date();
    const until = new Date(from.getTime() + 14 * 24 * HOUR);
    type Granted = { grantRole: { assignment: { grantType: string; grantEnd: string; state: string }; userErrors: unknown[] } };
    const granted = dataOf(await stack.query<Granted, unknown>(example('GrantForTwoWeeks'), { user, role, from, until }));
    expect(granted.grantRole).toMatchObject({ assignment: { grantType: 'TIME_RESTRICTED', grantEnd: until.toISOString(), state: 'ACTIVE' }, userErrors: [] });

    type Read = { user: { updatedAt: string } };
    const seen = dataOf(await stack.query<Read, unknown>('query($id: ID!) { user(id: $id) { updatedAt } }', { id: user })).user.updatedAt;
    type Retitled = { updateLocalUser: { user: { title: string; phones: unknown[] }; userErrors: unknown[] } };
    const retitled = dataOf(await stack.query<Retitled, unknown>(example('RetitleUser'), { id: user, seen }));
    expect(retitled.updateLocalUser).toMatchObject({ user: { title: 'Lead Consultant', phones: [] }, userErrors: [] });

    type Offboarded = { offboardUser: { steps: { step: string; outcome: string }[]; user: unknown; userErrors: unknown[] } };
    const offboarded = dataOf(await stack.query<Offboarded, unknown>(example('OffboardPerson'), { user }));
    expect(offboarded.offboardUser.steps.map((s) => s.outcome)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    expect(offboarded.offboardUser.user).toBeNull();
    expect(stack.simulator.data.localUsers.some((u) => u.id === user)).toBe(false);
  });
});
