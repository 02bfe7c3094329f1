import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken, authed, type Json, type ListBody } from './sim-client';

const LUS = '/local-user-store/api/v1';

describe('simulator local user store', () => {
  let sim: RunningSimulator;
  let api: ReturnType<typeof authed>;
  beforeAll(async () => {
    sim = await startSimulator();
    api = authed(sim, await accessToken(sim));
  });
  afterAll(() => sim.close());

  it('serves 500 users by default, of which the LOCAL ones have local records', () => {
    expect(sim.data.users).toHaveLength(500);
    expect(sim.data.localUsers).toHaveLength(sim.data.users.filter((u) => u.source_type === 'LOCAL').length);
  });

  it('lists local users with their password objects, paged', async () => {
    const { status, body } = await api.get<ListBody>(`${LUS}/users`);
    expect(status).toBe(200);
    expect(body.count).toBe(sim.data.localUsers.length);
    expect(body.items).toHaveLength(50);
    expect(body.items[0]).toMatchObject({ password: { password: expect.any(String), created: expect.any(String) } });
    expect(typeof body.items[0]?.password_change_required).toBe('boolean');
    const rest = await api.get<ListBody>(`${LUS}/users?offset=50&limit=2000`);
    expect(rest.body.items).toHaveLength(sim.data.localUsers.length - 50);
  });

  it('filters exactly by username and by id', async () => {
    const target = sim.data.localUsers[3];
    const byName = await api.get<ListBody>(`${LUS}/users?username=${encodeURIComponent(target?.username ?? '')}`);
    expect(byName.body.count).toBe(1);
    expect(byName.body.items[0]?.id).toBe(target?.id);
    const partial = await api.get<ListBody>(`${LUS}/users?username=${encodeURIComponent(target?.username.slice(0, 4) ?? '')}`);
    expect(partial.body).toEqual({ count: 0, items: [] });
    const byId = await api.get<ListBody>(`${LUS}/users?id=${target?.id}`);
    expect(byId.body.items.map((u) => u.username)).toEqual([target?.username]);
    const mismatch = await api.get<ListBody>(`${LUS}/users?id=${target?.id}&username=someone-else`);
    expect(mismatch.body.count).toBe(0);
    expect((await api.get(`${LUS}/users?id=bad`)).status).toBe(400);
  });

  it('returns one local user, joined to its role-store user by source_user_id', async () => {
    const rsUser = sim.data.users.find((u) => u.source_type === 'LOCAL');
    const { status, body } = await api.get<Json>(`${LUS}/users/${rsUser?.source_user_id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: rsUser?.id, username: rsUser?.principal, display_name: expect.any(String) });
    expect((await api.get<Json>(`${LUS}/users/00000000-0000-4000-8000-000000000000`)).body.error_code).toBe('OBJECT_NOT_FOUND');
  });
});
