import { AccessReviewDocument, UserAccessDocument, UsersDocument, type AccessReviewQuery } from '../generated/graphql';
import type { GraphQLResponse } from '../../examples/supergraph/graphql-http';
import { startStack, type Stack } from '../helpers/stack';
import { holdsRoleNow } from './reference';

/** Grant states and access reviews over the simulator's demo data, with upstream call counts. */
describe('effective access over the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const data = () => stack.simulator.data;
  const now = Date.now();
  const timed = () => data().users.flatMap((u) => u.roles.filter((r) => r.grant_type === 'TIME_RESTRICTED').map((r) => ({ user: u, grant: r })));
  const lastEndOf = (grant: ReturnType<typeof timed>[number]['grant']) => {
    const periods = grant.grant_validity_periods?.length ? grant.grant_validity_periods : [{ grant_start: grant.grant_start, grant_end: grant.grant_end }];
    return periods.some((p) => p.grant_end === undefined) ? Infinity : Math.max(...periods.map((p) => Date.parse(p.grant_end!)));
  };

  it('the demo data has every state now, and roles leave out exactly the expired grants', async () => {
    const expired = timed().find(({ user, grant }) => !holdsRoleNow(user, grant.id, now))!;
    const { data: result, errors } = await stack.query(UserAccessDocument, { id: expired.user.id });
    expect(errors).toBeUndefined();
    const user = result!.user!;
    expect(user.roles!.map((r) => r.id)).toEqual(expired.user.roles.filter((r) => holdsRoleNow(expired.user, r.id, now)).map((r) => r.id));
    expect(user.allAssignments!.map((a) => a.role.id)).toEqual(expired.user.roles.map((r) => r.id));
    expect(user.allAssignments!.find((a) => a.role.id === expired.grant.id)!.state).toBe('EXPIRED');

    const states = new Set<string>();
    for (let after: string | null | undefined = null, page = 0; page < 30; page += 1) {
      const review: GraphQLResponse<AccessReviewQuery> = await stack.query(AccessReviewDocument, { first: 100, after });
      review.data!.roleAssignments.nodes.forEach((n) => states.add(n.assignment.state));
      if (!review.data!.roleAssignments.pageInfo.hasNextPage) break;
      after = review.data!.roleAssignments.pageInfo.endCursor;
    }
    // OUTSIDE_CONTEXT or ACTIVE for context roles depends on the hour; the rest is there on any day.
    expect([...states]).toEqual(expect.arrayContaining(['ACTIVE', 'EXPIRED', 'SCHEDULED', 'ACTIVATABLE']));
  });

  it('roleAssignments(endingBefore: in 30 days) returns exactly the time-restricted grants that end before then, once each', async () => {
    const soon = new Date(now + 30 * 86_400_000).toISOString();
    const expected = timed().filter(({ grant }) => lastEndOf(grant) < Date.parse(soon)).map(({ user, grant }) => `${user.id}/${grant.id}`).sort();
    const seen: string[] = [];
    for (let after: string | null | undefined = null, page = 0; page < 30; page += 1) {
      const review: GraphQLResponse<AccessReviewQuery> = await stack.query(AccessReviewDocument, { filter: { endingBefore: soon }, first: 50, after });
      expect(review.errors).toBeUndefined();
      seen.push(...review.data!.roleAssignments.nodes.map((n) => `${n.user.id}/${n.assignment.role.id}`));
      if (!review.data!.roleAssignments.pageInfo.hasNextPage) break;
      after = review.data!.roleAssignments.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('costs the membership index once (1 + one members page per role) and nothing more when warm', async () => {
    const fresh = await startStack();
    try {
      fresh.resetCalls();
      const cold = await fresh.query(AccessReviewDocument, { filter: { states: ['ACTIVE'] }, first: 100 });
      expect(cold.errors).toBeUndefined();
      const calls = fresh.calls();
      expect(calls.byRoute['GET /role-store/api/v1/roles']).toBe(1);
      expect(calls.byRoute['GET /role-store/api/v1/roles/:id/members']).toBe(data().roles.length);
      expect(calls.total).toBe(1 + data().roles.length);
      fresh.resetCalls();
      await fresh.query(AccessReviewDocument, { filter: { roleId: data().roles[4]!.id }, first: 100 });
      expect(fresh.calls().total).toBe(0);
      // A page of users after it reads its roles from the same index.
      await fresh.query(UsersDocument, { first: 100 });
      expect(fresh.calls().byRoute['GET /role-store/api/v1/roles/:id/members']).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});
