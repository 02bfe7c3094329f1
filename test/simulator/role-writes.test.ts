import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken, call, type Json, type ListBody } from './sim-client';

const RS = '/role-store/api/v1';

/** `PUT /users/{id}/roles` as the simulator serves it: PrivX's checks and errors, and reads that reflect the write at once. */
describe('simulator role writes', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ users: 200 });
    token = await accessToken(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.clearFaults());

  const put = (userId: string, body: unknown) => call<Json>(sim, 'PUT', `${RS}/users/${userId}/roles`, { token, body });
  const get = <T>(path: string) => call<T>(sim, 'GET', `${RS}${path}`, { token });
  const mixed = () => sim.data.users.find((u) => u.roles.some((r) => r.explicit) && u.roles.some((r) => !r.explicit))!;

  it('replaces the explicit list, keeps mapped roles, and every read shows it: roles, members, counts, updated', async () => {
    const user = mixed();
    const mapped = user.roles.filter((r) => !r.explicit).map((r) => r.id);
    const dropped = user.roles.find((r) => r.explicit)!.id;
    const added = sim.data.roles.find((r) => !user.roles.some((held) => held.id === r.id))!;
    const before = (await get<Json>(`/roles/${added.id}`)).body.member_count as number;
    const droppedBefore = (await get<Json>(`/roles/${dropped}`)).body.member_count as number;
    const at = Date.now();

    const answer = await put(user.id, [{ id: added.id, explicit: true, grant_type: 'FLOATING', floating_length: 4 }]);

    expect(answer.status).toBe(200);
    const roles = (await get<ListBody<Json>>(`/users/${user.id}/roles`)).body.items;
    expect(roles.map((r) => r.id).sort()).toEqual([...mapped, added.id].sort());
    expect(roles.find((r) => r.id === added.id)).toMatchObject({ explicit: true, grant_type: 'FLOATING', floating_length: 4, name: added.name });
    expect((await get<Json>(`/roles/${added.id}`)).body.member_count).toBe(before + 1);
    expect((await get<Json>(`/roles/${dropped}`)).body.member_count).toBe(droppedBefore - 1);
    const members = (await get<ListBody<Json>>(`/roles/${added.id}/members?limit=1000`)).body.items.map((m) => m.id);
    expect(members).toContain(user.id);
    expect(Date.parse((await get<Json>(`/users/${user.id}`)).body.updated as string)).toBeGreaterThanOrEqual(at - 1000);
    expect(sim.roleWrites.at(-1)).toEqual({ userId: user.id, body: [{ id: added.id, explicit: true, grant_type: 'FLOATING', floating_length: 4 }] });
  });

  it.each([
    ['a body that is not an array', {}, undefined],
    ['a handle without a UUID id', [{ id: 'x', grant_type: 'PERMANENT' }], '[0].id'],
    ['a role that does not exist', [{ id: '00000000-0000-4000-8000-000000000000', grant_type: 'PERMANENT' }], '[0].id'],
    ['an unknown grant type', [{ id: 'ROLE', grant_type: 'SOMETIMES' }], '[0].grant_type'],
    ['FLOATING without floating_length', [{ id: 'ROLE', grant_type: 'FLOATING' }], '[0].floating_length'],
    ['TIME_RESTRICTED without any time', [{ id: 'ROLE', grant_type: 'TIME_RESTRICTED' }], '[0].grant_start'],
    ['a period that ends before it starts', [{ id: 'ROLE', grant_type: 'TIME_RESTRICTED', grant_validity_periods: [{ grant_start: '2031-01-02T00:00:00Z', grant_end: '2031-01-01T00:00:00Z' }] }], '[0].grant_validity_periods[0].grant_start'],
    ['the same role twice', [{ id: 'ROLE', grant_type: 'PERMANENT' }, { id: 'ROLE', grant_type: 'PERMANENT' }], '[1].id'],
  ])('answers 400 BAD_REQUEST for %s, writing nothing', async (_name, body, property) => {
    const user = mixed();
    const roleId = sim.data.roles[0]!.id;
    const before = JSON.stringify(user.roles);
    const writes = sim.roleWrites.length;
    const answer = await put(user.id, JSON.parse(JSON.stringify(body).replaceAll('ROLE', roleId)));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_code: 'BAD_REQUEST', ...(property ? { property: `roles${property}` } : {}) });
    expect(JSON.stringify(user.roles)).toBe(before);
    expect(sim.roleWrites).toHaveLength(writes);
  });

  it('answers 404 for an unknown user', async () => {
    expect((await put('00000000-0000-4000-8000-000000000000', [])).status).toBe(404);
  });

  it('an armed outside writer changes the grants right after the next read of them (also armed over HTTP)', async () => {
    const user = sim.data.users.find((u) => u.roles.length === 0)!;
    const roleId = sim.data.roles[1]!.id;
    const armed = await call(sim, 'POST', '/__outside-writes', { body: { userId: user.id, roleId, times: 2 } });
    expect(armed.status).toBe(204);
    const first = (await get<ListBody<Json>>(`/users/${user.id}/roles`)).body.items;
    expect(first).toEqual([]);
    const second = (await get<ListBody<Json>>(`/users/${user.id}/roles`)).body.items;
    expect(second).toEqual([expect.objectContaining({ id: roleId, explicit: true, grant_type: 'TIME_RESTRICTED', grant_end: '2030-01-02T00:00:00Z' })]);
    const third = (await get<ListBody<Json>>(`/users/${user.id}/roles`)).body.items;
    expect(third[0]).toMatchObject({ grant_end: '2030-01-03T00:00:00Z' });
    const fourth = (await get<ListBody<Json>>(`/users/${user.id}/roles`)).body.items;
    expect(fourth).toEqual(third);
  });
});
