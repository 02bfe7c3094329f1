import { AccessReviewDocument, UserAccessDocument, UserGrantStatesDocument, type AccessReviewQuery } from '../generated/graphql';
import type { GraphQLResponse } from '../../examples/supergraph/graphql-http';
import { startContractFake, type ContractFake } from '../contract-fake/server';
import { ROLE_IDS, ROLE_STORE_USERS, type JsonObject } from '../contract-fake/data';
import {
  EXPECTED_FACTS,
  EXPECTED_STATES,
  EXPECTED_WORKSPACE_STATUS,
  EXPIRED_NOW,
  INSTANTS,
  NEXT_CHANGES,
  STATES_FROM_AN_ADDRESS,
} from '../contract-fake/expected-access';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';

/**
 * Grant states over the independent contract fake, against values written by hand from access.md. The fake's
 * assignments carry no `context` (only its roles do), so this also proves the fallback to the role list.
 */
describe('grant states over the independent v41 contract fake', () => {
  let fake: ContractFake;
  let stack: SubgraphStack;
  const ids = Object.keys(EXPECTED_STATES).sort();

  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
    stack = await startSubgraphOver({ baseUrl: fake.baseUrl, ...fake.credentials });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  const statesOf = async (id: string, at: string, from?: string) => {
    const { data, errors } = await stack.query(UserGrantStatesDocument, { id, at, from });
    expect(errors).toBeUndefined();
    return data!.user!.roleAssignments!;
  };

  it.each(ids)('every grant of user %s, at every instant, as access.md says', async (id) => {
    for (const [i, at] of INSTANTS.entries()) {
      const assignments = await statesOf(id, at);
      const expected = Object.entries(EXPECTED_STATES[id]!).map(([roleId, timeline]) => ({ role: roleId, state: timeline[i] }));
      expect({ at, states: assignments.map((a) => ({ role: a.role.id, state: a.state })) }).toEqual({ at, states: expected });
    }
  });

  it.each(STATES_FROM_AN_ADDRESS)('user %s, role %s, from %s: %s', async (id, roleId, from, state) => {
    const assignments = await statesOf(id, INSTANTS[3], from);
    expect(assignments.find((a) => a.role.id === roleId)?.state).toBe(state);
  });

  it('refuses a `from` that is not an IP address', async () => {
    const { errors } = await stack.query(UserGrantStatesDocument, { id: ids[0]!, at: INSTANTS[0], from: '10.1.2.300' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(NEXT_CHANGES)('nextChangeAt of user %s, role %s, at %s: %s', async (id, roleId, at, next) => {
    const assignments = await statesOf(id, at);
    expect(assignments.find((a) => a.role.id === roleId)?.nextChangeAt ?? null).toBe(next);
  });

  it('roles and roleAssignments leave out expired grants; includeExpired shows them as EXPIRED', async () => {
    for (const [id, roleId] of EXPIRED_NOW) {
      const { data } = await stack.query(UserAccessDocument, { id });
      const user = data!.user!;
      expect(user.roles!.map((r) => r.id)).not.toContain(roleId);
      expect(user.liveAssignments!.map((a) => a.role.id)).not.toContain(roleId);
      expect(user.allAssignments!.find((a) => a.role.id === roleId)).toMatchObject({ state: 'EXPIRED', activeNow: false, nextChangeAt: null });
    }
  });

  it('periods, floatingHours and the role context match the records', async () => {
    const judy = ROLE_STORE_USERS.find((u) => u.principal === 'judy@corp.example.com')!;
    const { data } = await stack.query(UserAccessDocument, { id: judy.id as string });
    expect(data!.user!.allAssignments!.find((a) => a.role.id === ROLE_IDS.auditors)!.periods).toEqual([
      { start: '2025-01-01T00:00:00.000Z', end: '2025-03-31T23:59:59.000Z' },
      { start: '2025-07-01T00:00:00.000Z', end: '2025-09-30T23:59:59.000Z' },
    ]);
    const alice = await stack.query(UserAccessDocument, { id: ROLE_STORE_USERS[0]!.id as string });
    expect(alice.data!.user!.allAssignments!.find((a) => a.role.id === ROLE_IDS.developers)).toMatchObject({
      grantType: 'FLOATING', floatingHours: 8, periods: [{ start: null, end: null }], state: 'ACTIVATABLE', activeNow: false,
    });
    const yara = ROLE_STORE_USERS.find((u) => u.principal === 'yara@partner.example.com')!;
    const contractors = (await stack.query(UserAccessDocument, { id: yara.id as string })).data!.user!.allAssignments!
      .find((a) => a.role.id === ROLE_IDS.contractors)!;
    expect(contractors.role.context).toEqual({
      weekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], startTime: '08:00', endTime: '17:00', timezone: 'Europe/Helsinki',
      ipMasks: ['10.1.0.0/16', '2001:db8:abcd::/48'], blocksRole: true,
    });
  });

  it.each(Object.entries(EXPECTED_FACTS))('security facts of user %s', async (id, facts) => {
    const { data, errors } = await stack.query(UserAccessDocument, { id });
    expect(errors).toBeUndefined();
    const { mfaStatus, externalId, passwordSetAt, lastSyncedAt, workspace } = data!.user!;
    expect({ mfaStatus, externalId, passwordSetAt, lastSyncedAt }).toEqual(facts);
    expect({ status: workspace!.status, statusText: workspace!.statusText }).toEqual(EXPECTED_WORKSPACE_STATUS[workspace!.id]);
  });

  it('roleAssignments(endingBefore) lists exactly the time-restricted grants whose last period ends before it, once each', async () => {
    const nodes = await allPairs({ endingBefore: '2026-06-01T00:00:00Z' });
    // By hand: dave night-shift (2025-06-02), judy auditors (2025-09-30), xavier night-shift (2026-01-31).
    expect(nodes.map((n) => [n.user.username, n.assignment.role.name]).sort()).toEqual([
      ['dave', 'night-shift'], ['judy@corp.example.com', 'auditors'], ['xavier@partner.example.com', 'night-shift'],
    ]);
    const later = await allPairs({ endingBefore: '2031-06-01T00:00:00Z', states: ['SCHEDULED', 'ACTIVE', 'OUTSIDE_CONTEXT'], at: '2026-06-01T00:00:00Z' });
    // Carol's contractors end 2030-12-31 and wendy's break-glass 2031-02-01; zoe's auditors run to 2099.
    expect(later.map((n) => [n.user.username, n.assignment.role.name]).sort()).toEqual([
      ['carol@example.com', 'contractors'], ['wendy@partner.example.com', 'break-glass'],
    ]);
  });

  it('roleAssignments by role and state, paged, each pair once, from the membership index alone', async () => {
    fake.reset();
    const all = await allPairs({ roleId: ROLE_IDS.nightShift });
    expect(all.map((n) => n.user.username).sort()).toEqual(['dave', 'rita@corp.example.com', 'xavier@partner.example.com']);
    const inside = await allPairs({ roleId: ROLE_IDS.nightShift, states: ['ACTIVE'], at: INSTANTS[4] });
    expect(inside.map((n) => n.user.username)).toEqual(['rita@corp.example.com']);
    const holders = ROLE_STORE_USERS.filter((u) => (u.roles as JsonObject[]).length > 0).length;
    const everything = await allPairs({});
    expect(everything).toHaveLength(ROLE_STORE_USERS.reduce((n, u) => n + (u.roles as JsonObject[]).length, 0));
    expect(new Set(everything.map((n) => n.user.id)).size).toBe(holders);
    const calls = fake.calls.map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
    // Nothing but the index's own calls (none at all here: an earlier test left it cached).
    expect(calls.filter((c) => c !== 'GET /role-store/api/v1/roles' && c !== 'GET /role-store/api/v1/roles/:id/members')).toEqual([]);
  });

  async function allPairs(filter: Record<string, unknown>) {
    const nodes: AccessReviewQuery['roleAssignments']['nodes'] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 20; page += 1) {
      const response: GraphQLResponse<AccessReviewQuery> = await stack.query(AccessReviewDocument, { filter, first: 4, after });
      expect(response.errors).toBeUndefined();
      nodes.push(...response.data!.roleAssignments.nodes);
      if (!response.data!.roleAssignments.pageInfo.hasNextPage) break;
      after = response.data!.roleAssignments.pageInfo.endCursor;
    }
    return nodes;
  }
});
