import { startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { accessToken, authed, call, type ListBody } from './sim-client';

interface User {
  id: string;
  updated: string;
  roles: unknown;
}

/** The simulator's users change on request (`POST /__changes`, `changes`, `SIM_CHANGES_PER_MINUTE`), as a live PrivX's do. */
describe('simulator: users that change', () => {
  let sim: RunningSimulator;
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, users: 50, now: () => clock, tokenTtlSeconds: 100_000_000 });
  });
  afterAll(() => sim.close());

  const newestFirst = async (limit = 5) => {
    const api = authed(sim, await accessToken(sim));
    return (await api.post<ListBody<User>>(`/role-store/api/v1/users/search?sortkey=updated&sortdir=DESC&limit=${limit}`, {})).body;
  };

  it('POST /__changes updates, creates and deletes random users; users/search sorted by updated DESC shows them first', async () => {
    clock += 60_000;
    const { status, body } = await call<{ changes: { kind: string; id: string }[] }>(sim, 'POST', '/__changes', { body: { updates: 2, creates: 1, deletes: 1 } });
    expect(status).toBe(200);
    expect(body.changes.map((c) => c.kind)).toEqual(['update', 'update', 'create', 'delete']);
    const list = await newestFirst(3);
    expect(list.count).toBe(50);
    const [, , created, deleted] = body.changes;
    expect(list.items.map((u) => u.id)).toContain(created!.id);
    expect(list.items.every((u) => u.updated >= new Date(clock).toISOString())).toBe(true);
    const gone = await authed(sim, await accessToken(sim)).get(`/role-store/api/v1/users/${deleted!.id}`);
    expect(gone.status).toBe(404);
    expect((await call(sim, 'POST', '/__changes', { body: { updates: -1 } })).status).toBe(400);
  });

  it('a record updated twice within one millisecond still gets a later `updated`', () => {
    const user = sim.data.users[0]!;
    const first = sim.changes.updateUser(user.id).updated;
    const second = sim.changes.updateUser(user.id).updated;
    expect(Date.parse(second)).toBe(Date.parse(first) + 1);
  });

  it('the knob changes users on its own, a few a minute', async () => {
    const before = sim.data.users.map((u) => `${u.id}@${u.updated}`).join();
    sim.changes.drift(6_000); // one every 10 ms
    await new Promise((resolve) => setTimeout(resolve, 100));
    sim.changes.drift(0);
    expect(sim.data.users.map((u) => `${u.id}@${u.updated}`).join()).not.toBe(before);
  });
});
