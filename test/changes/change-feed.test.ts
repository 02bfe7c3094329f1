import { UserChangesCursorDocument, UserChangesDocument, UsersUpdatedSinceDocument } from '../generated/graphql';
import { captureLogs } from '../helpers/log-capture';
import { startStack, type Stack } from '../helpers/stack';
import type { RawRoleAssignment } from '../../datasources/simulator/demo-types';
import { waitUntil } from '../helpers/wait-until';

/**
 * The change feed end to end over the simulator (docs/changes.md): the poller is driven by hand with an injected
 * clock, so nothing sleeps, and the simulator's call counts show what each poll cost.
 */
describe('change feed over the simulator', () => {
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  const now = () => clock;
  let stack: Stack;
  const logs = captureLogs('warn');

  beforeAll(async () => {
    stack = await startStack({
      logger: logs.logger,
      cacheTtlSeconds: 3_600,
      simulator: { now, tokenTtlSeconds: 100_000_000 },
      changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24, manualPolls: true, now },
    });
  });
  afterAll(() => stack.close());

  const poll = () => stack.subgraph.changes!.pollNow();
  const data = () => stack.simulator.data;
  const changesAfter = async (after: string | null) => {
    const { data: result, errors } = await stack.query(UserChangesDocument, { after, first: 100 });
    expect(errors).toBeUndefined();
    return result!.userChanges;
  };

  let cursor: string;

  it('the first poll records the state and emits nothing', async () => {
    const report = await poll();
    expect(report).toMatchObject({ outcome: 'first', fullScan: true });
    const { data: result } = await stack.query(UserChangesCursorDocument);
    cursor = result!.userChangesCursor;
    const page = await changesAfter(null);
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('a quiet poll costs one upstream call', async () => {
    clock += 10_000;
    stack.resetCalls();
    const report = await poll();
    expect(report).toMatchObject({ outcome: 'quiet', upstreamCalls: 1, fullScan: false });
    expect(stack.calls()).toEqual({ total: 1, byRoute: { 'POST /role-store/api/v1/users/search': 1 } });
  });

  it('updates, a create and a delete made upstream appear once each, in order', async () => {
    const [a, b, gone] = data().users.filter((u) => u.source_type !== 'LOCAL').slice(10, 13);
    clock += 1_000;
    stack.simulator.changes.updateUser(a!.id, { job_title: 'Changed A' });
    clock += 1_000;
    stack.simulator.changes.updateUser(b!.id, { job_title: 'Changed B' });
    clock += 1_000;
    const created = stack.simulator.changes.createUser();
    clock += 1_000;
    stack.simulator.changes.deleteUser(gone!.id);
    clock += 6_000;

    const report = await poll();
    expect(report).toMatchObject({ outcome: 'changes', fullScan: true, byKind: { UPDATED: 2, CREATED: 1, DELETED: 1 } });
    const page = await changesAfter(cursor);
    expect(page.nodes.map((n) => [n.kind, n.userId])).toEqual([
      ['UPDATED', a!.id],
      ['UPDATED', b!.id],
      ['CREATED', created.id],
      ['DELETED', gone!.id],
    ]);
    expect(page.nodes[0]!.user).toMatchObject({ id: a!.id, title: 'Changed A' });
    expect(page.nodes[0]!.at).toBe(data().users.find((u) => u.id === a!.id)!.updated);
    expect(page.nodes[2]!.at).toBe(created.created);
    expect(page.nodes[3]!.user).toBeNull();
    expect(page.pageInfo.endCursor).toBe(page.nodes[3]!.cursor);

    // Polled again: the records at the watermark are compared, not emitted again.
    clock += 10_000;
    expect(await poll()).toMatchObject({ outcome: 'quiet' });
    expect((await changesAfter(page.pageInfo.endCursor!)).nodes).toEqual([]);
    cursor = page.pageInfo.endCursor!;
  });

  it('users(filter: { updatedSince }) sorted by UPDATED_AT reads newest first: one call', async () => {
    const since = new Date(clock - 60_000).toISOString();
    stack.resetCalls();
    const { data: result, errors } = await stack.query(UsersUpdatedSinceDocument, { since, first: 10 });
    expect(errors).toBeUndefined();
    const expected = data()
      .users.filter((u) => Date.parse(u.updated) >= Date.parse(since))
      .sort((x, y) => Date.parse(y.updated) - Date.parse(x.updated));
    expect(result!.users.nodes.map((n) => n.id)).toEqual(expected.map((u) => u.id));
    expect(result!.users.totalCount).toBe(3);
    expect(stack.calls().total).toBe(1);
  });

  it('a cached read is fresh after the poll that saw the change, though the cache TTL is an hour', async () => {
    const [x, y] = data().users.filter((u) => u.source_type !== 'LOCAL' && u.roles.length > 0).slice(0, 2);
    const rolesOf = async () => {
      const { data: result, errors } = await stack.query<{ usersByIds: { id: string; roles: { id: string }[] }[] }, unknown>(
        `query($ids: [ID!]!) { usersByIds(ids: $ids) { id roles { id } } }`,
        { ids: [x!.id, y!.id] },
      );
      expect(errors).toBeUndefined();
      return result!.usersByIds[0]!.roles.map((r) => r.id);
    };
    const before = x!.roles.map((r) => r.id);
    expect(await rolesOf()).toEqual(before);
    const kept = x!.roles.slice(1);
    clock += 1_000;
    stack.simulator.changes.setRoles(x!.id, kept);
    expect(await rolesOf()).toEqual(before); // the cache still holds what it read: its TTL is an hour
    clock += 9_000;
    const report = await poll();
    expect(report!.byKind).toEqual({ UPDATED: 1, ROLES_CHANGED: 1 });
    expect(await rolesOf()).toEqual(kept.map((r) => r.id));
    const page = await changesAfter(cursor);
    expect(page.nodes.map((n) => [n.kind, n.userId, n.role?.id ?? null])).toEqual([
      ['UPDATED', x!.id, null],
      ['ROLES_CHANGED', x!.id, before[0]],
    ]);
    cursor = page.pageInfo.endCursor!;
  });

  it('a grant that ends produces GRANT_ENDED at its end, with no upstream call for it', async () => {
    const user = data().users.find((u) => u.source_type !== 'LOCAL' && u.roles.length === 0)!;
    const role = data().roles[0]!;
    const end = clock + 60_000;
    const grant: RawRoleAssignment = {
      id: role.id,
      name: role.name,
      explicit: true,
      implicit: false,
      system: false,
      grant_type: 'TIME_RESTRICTED',
      grant_start: new Date(clock - 60_000).toISOString(),
      grant_end: new Date(end).toISOString(),
      access_group_id: role.access_group_id,
      permissions: role.permissions,
      context: role.context,
    };
    clock += 1_000;
    stack.simulator.changes.setRoles(user.id, [grant]);
    clock += 9_000;
    expect((await poll())!.byKind).toEqual({ UPDATED: 1, ROLES_CHANGED: 1 });
    cursor = (await changesAfter(cursor)).pageInfo.endCursor!;

    clock = end + 5_000;
    stack.resetCalls();
    const report = await poll();
    expect(report).toMatchObject({ outcome: 'changes', byKind: { GRANT_ENDED: 1 }, upstreamCalls: 1 });
    expect(stack.calls().total).toBe(1); // the poll's one newest-first read; nothing for the grant
    const page = await changesAfter(cursor);
    expect(page.nodes.map((n) => [n.kind, n.userId, n.role?.id, n.at])).toEqual([['GRANT_ENDED', user.id, role.id, new Date(end).toISOString()]]);
    cursor = page.pageInfo.endCursor!;
  });

  it('filters by kind, pages with hasNextPage, and refuses a cursor that is not one', async () => {
    const all = await changesAfter(null);
    expect(all.nodes.length).toBeGreaterThanOrEqual(9);
    const { data: first } = await stack.query(UserChangesDocument, { first: 2 });
    expect(first!.userChanges.pageInfo.hasNextPage).toBe(true);
    expect(first!.userChanges.nodes.map((n) => n.cursor)).toEqual(all.nodes.slice(0, 2).map((n) => n.cursor));
    const { data: updates } = await stack.query(UserChangesDocument, { kinds: ['UPDATED'] });
    expect(updates!.userChanges.nodes.every((n) => n.kind === 'UPDATED')).toBe(true);
    expect(updates!.userChanges.nodes).toHaveLength(all.nodes.filter((n) => n.kind === 'UPDATED').length);
    const { errors } = await stack.query(UserChangesDocument, { after: 'not-a-cursor' });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('a cursor older than the retention is CURSOR_EXPIRED', async () => {
    const old = (await changesAfter(null)).nodes[0]!.cursor;
    clock += 25 * 3_600_000;
    stack.simulator.changes.updateUser(data().users[0]!.id, { job_title: 'Much later' });
    clock += 1_000;
    expect((await poll())!.byKind).toMatchObject({ UPDATED: 1 });
    const { errors } = await stack.query(UserChangesDocument, { after: old });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CURSOR_EXPIRED' });
    // What is left is the last day's: the changes of a day ago are gone, this poll's update is there.
    const fresh = await changesAfter(null);
    expect(fresh.nodes.map((n) => n.cursor)).not.toContain(old);
    expect(fresh.nodes.at(-1)).toMatchObject({ kind: 'UPDATED', userId: data().users[0]!.id });
    expect(fresh.nodes.every((n) => Date.parse(n.at) >= clock - 25 * 3_600_000)).toBe(true);
  });

  it('a failed poll is logged, changes nothing, and the next one catches up', async () => {
    const user = data().users[5]!;
    stack.simulator.changes.updateUser(user.id);
    clock += 1_000;
    stack.simulator.injectFault({ method: 'POST', route: '/role-store/api/v1/users/search', status: 400, times: 1 });
    const before = await stack.subgraph.changes!.newestCursor();
    expect(await poll()).toMatchObject({ outcome: 'failed' });
    expect(await stack.subgraph.changes!.newestCursor()).toBe(before);
    expect(logs.lines().filter((line) => line.component === 'change-poller')).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'Change poll failed; the next poll tries again', err: expect.stringContaining('400') }),
    ]);
    clock += 10_000;
    expect((await poll())!.byKind).toEqual({ UPDATED: 1 });
    const metrics = await stack.subgraph.metrics.render();
    expect(metrics.body).toMatch(/identity_change_poll_duration_seconds_count\{outcome="failed"\} 1/);
    expect(metrics.body).toMatch(/identity_changes_total\{kind="UPDATED"\} \d+/);
    expect(metrics.body).toMatch(/identity_change_lag_seconds \d/);
  });

  it('a bulk change reads the role-membership index once instead of the roles of each user', async () => {
    const bulk = data().users.filter((u) => u.source_type !== 'LOCAL').slice(100, 130);
    clock += 1_000;
    for (const user of bulk) stack.simulator.changes.updateUser(user.id, { job_title: 'Reorganised' });
    clock += 9_000;
    stack.resetCalls();
    expect((await poll())!.byKind).toEqual({ UPDATED: 30 });
    const { byRoute } = stack.calls();
    expect(byRoute['GET /role-store/api/v1/users/:id/roles']).toBeUndefined();
    expect(byRoute['GET /role-store/api/v1/roles/:id/members']).toBe(data().roles.length);
  });
});

describe('change feed on its own timer', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ changes: { pollSeconds: 1, fullScanSeconds: 600, retentionHours: 24 } });
  });
  afterAll(() => stack.close());

  it('a change made upstream is in the feed within one poll interval plus the poll itself', async () => {
    // Wait for the first poll (which records the state): the metrics count it.
    const firstDone = async () => /identity_change_poll_duration_seconds_count\{outcome="first"\} 1/.test((await stack.subgraph.metrics.render()).body);
    await waitUntil(firstDone, 'the first poll is done', { timeoutMs: 10_000, intervalMs: 20 });
    expect(await firstDone()).toBe(true);
    const start = await stack.subgraph.changes!.newestCursor();
    const user = stack.simulator.data.users[9]!;
    stack.simulator.changes.updateUser(user.id, { job_title: 'On the timer' });
    const changedAt = performance.now();
    let seen: number | undefined;
    while (seen === undefined && performance.now() - changedAt < 5_000) {
      const page = await stack.subgraph.changes!.page(start, 10);
      if (page.changes.some((c) => c.userId === user.id && c.kind === 'UPDATED')) seen = performance.now() - changedAt;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBeDefined();
    // One interval (1 s) plus the poll's own time: a few ms here, allowed 2 s on a busy shared machine.
    expect(seen!).toBeLessThan(1_000 + 2_000);
  });
});
