import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken, call, type Json, type ListBody } from './sim-client';

const LUS = '/local-user-store/api/v1';
const RS = '/role-store/api/v1';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'Correct-Horse-Battery-41!';

describe('simulator local user writes', () => {
  let sim: RunningSimulator;
  let token: string;
  const api = (method: string, path: string, body?: unknown) => call<Json>(sim, method, path, { token, body });
  beforeAll(async () => {
    sim = await startSimulator({ users: 60 });
    token = await accessToken(sim);
  });
  afterAll(() => sim.close());

  it('creates a user: 201 {id}, readable at once from the local store and the role store', async () => {
    const before = (await api('GET', `${LUS}/users`)).body.count as number;
    const created = await api('POST', `${LUS}/users`, {
      username: 'contractor.one',
      first_name: 'Conny',
      last_name: 'Tractor',
      company: 'Acme Oy',
      locale: 'fi_FI',
      tags: ['contractor'],
      attributes: [{ key: 'timezone', value: 'Europe/Helsinki' }],
      x_unknown: { kept: true },
      password: { password: PASSWORD },
      password_change_required: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(Object.keys(created.body)).toEqual(['id']);

    const local = await api('GET', `${LUS}/users/${id}`);
    expect(local.body).toMatchObject({ id, username: 'contractor.one', company: 'Acme Oy', x_unknown: { kept: true }, password_change_required: true });
    expect(local.body.author).toBe(sim.data.apiClientUser.id);
    const stored = local.body.password as { password: string; created: string };
    expect(stored.password).not.toContain(PASSWORD);
    expect(JSON.stringify(sim.localUserWrites)).not.toContain(PASSWORD);
    expect((await api('GET', `${LUS}/users`)).body.count).toBe(before + 1);
    expect((await api('GET', `${LUS}/users?username=contractor.one`)).body.count).toBe(1);

    const rs = await api('GET', `${RS}/users/${id}`);
    expect(rs.body).toMatchObject({ id, source_user_id: id, principal: 'contractor.one', source_type: 'LOCAL', source: sim.data.directories.local.id, roles: [], mfa: { status: 'UNINITIALIZED' } });
    const search = await call<ListBody>(sim, 'POST', `${RS}/users/search`, { token, body: { keywords: 'tractor acme' } });
    expect(search.body.items.map((u) => u.id)).toEqual([id]);
    const byId = await call<ListBody>(sim, 'POST', `${RS}/users/search`, { token, body: { user_id: [id] } });
    expect(byId.body.count).toBe(1);
  });

  it("validates like PrivX: username required and unique, typed fields, JSON object", async () => {
    const taken = sim.data.localUsers[0]?.username ?? '';
    expect((await api('POST', `${LUS}/users`, { username: taken })).body).toMatchObject({ error_code: 'BAD_REQUEST', property: 'username' });
    expect((await api('POST', `${LUS}/users`, { username: taken })).status).toBe(400);
    expect((await api('POST', `${LUS}/users`, { first_name: 'No' })).body).toMatchObject({ property: 'username' });
    expect((await api('POST', `${LUS}/users`, { username: '  ' })).status).toBe(400);
    expect((await api('POST', `${LUS}/users`, { username: 'x1', tags: 'one' })).body).toMatchObject({ property: 'tags' });
    expect((await api('POST', `${LUS}/users`, { username: 'x1', email: 3 })).body).toMatchObject({ property: 'email' });
    expect((await api('POST', `${LUS}/users`, { username: 'x1', locale: 'fi-FI' })).body).toMatchObject({ property: 'locale' });
    expect((await api('POST', `${LUS}/users`, { username: 'x1', attributes: [{ key: 'a' }] })).body).toMatchObject({ property: 'attributes' });
    expect((await api('POST', `${LUS}/users`, { username: 'x1', password: {} })).body).toMatchObject({ property: 'password' });
    expect((await api('POST', `${LUS}/users`, ['x'])).status).toBe(400);
    expect((await api('GET', `${LUS}/users?username=x1`)).body.count).toBe(0);
  });

  it('replaces the whole record on PUT, keeping only server-owned fields and the password', async () => {
    const id = (await api('POST', `${LUS}/users`, { username: 'replace.me', comment: 'keep?', job_title: 'Dev', password: { password: PASSWORD } })).body.id as string;
    const before = (await api('GET', `${LUS}/users/${id}`)).body;
    sim.localUserWrites.length = 0;
    const put = await api('PUT', `${LUS}/users/${id}`, { username: 'replaced', department: 'Ops', id: UNKNOWN, created: '2000-01-01T00:00:00Z', author: UNKNOWN });
    expect(put.status).toBe(200);
    const after = (await api('GET', `${LUS}/users/${id}`)).body;
    expect(after).toMatchObject({ id, username: 'replaced', department: 'Ops', created: before.created, author: before.author, comment: '', password: before.password });
    expect(after.job_title).toBeUndefined();
    expect(sim.localUserWrites).toEqual([{ method: 'PUT', path: `users/${id}`, body: expect.objectContaining({ username: 'replaced' }) }]);
    // The old username is free again; the role store shows the new one.
    expect((await api('GET', `${LUS}/users?username=replace.me`)).body.count).toBe(0);
    expect((await api('GET', `${RS}/users/${id}`)).body).toMatchObject({ principal: 'replaced', department: 'Ops' });
    expect((await api('GET', `${RS}/users/${id}`)).body.job_title).toBeUndefined();

    expect((await api('PUT', `${LUS}/users/${UNKNOWN}`, { username: 'nobody' })).status).toBe(404);
    expect((await api('PUT', `${LUS}/users/${id}`, { comment: 'no username' })).body).toMatchObject({ property: 'username' });
    const other = sim.data.localUsers[0]?.username;
    expect((await api('PUT', `${LUS}/users/${id}`, { username: other })).body).toMatchObject({ error_code: 'BAD_REQUEST', property: 'username' });
    expect((await api('PUT', `${LUS}/users/${id}`, { username: 'replaced', comment: 'same name is fine' })).status).toBe(200);
  });

  it('bumps updated on every write', async () => {
    let clock = Date.parse('2031-01-01T00:00:00Z');
    const timed = await startSimulator({ users: 5, now: () => clock });
    const t = await accessToken(timed);
    try {
      const id = (await call<Json>(timed, 'POST', `${LUS}/users`, { token: t, body: { username: 'timed' } })).body.id as string;
      expect((await call<Json>(timed, 'GET', `${LUS}/users/${id}`, { token: t })).body.updated).toBe('2031-01-01T00:00:00.000Z');
      clock += 60_000;
      await call(timed, 'PUT', `${LUS}/users/${id}`, { token: t, body: { username: 'timed', email: 'timed@example.com' } });
      expect((await call<Json>(timed, 'GET', `${LUS}/users/${id}`, { token: t })).body.updated).toBe('2031-01-01T00:01:00.000Z');
      expect((await call<Json>(timed, 'GET', `${RS}/users/${id}`, { token: t })).body.updated).toBe('2031-01-01T00:01:00.000Z');
      clock += 60_000;
      await call(timed, 'PUT', `${LUS}/users/${id}/password`, { token: t, body: { password: PASSWORD } });
      const local = (await call<Json>(timed, 'GET', `${LUS}/users/${id}`, { token: t })).body;
      expect(local).toMatchObject({ updated: '2031-01-01T00:02:00.000Z', password: { created: '2031-01-01T00:02:00.000Z' } });
      const sorted = await call<ListBody>(timed, 'POST', `${RS}/users/search?sortkey=updated&sortdir=DESC&limit=1`, { token: t, body: {} });
      expect(sorted.body.items[0]?.id).toBe(id);
    } finally {
      await timed.close();
    }
  });

  it('sets a password: hashed, never echoed; 400 without one, 404 for an unknown user', async () => {
    const target = sim.data.localUsers[1];
    const put = await call(sim, 'PUT', `${LUS}/users/${target?.id}/password`, { token, body: { password: PASSWORD } });
    expect(put.status).toBe(200);
    expect(put.body).toBeUndefined();
    const read = await api('GET', `${LUS}/users/${target?.id}`);
    expect(JSON.stringify(read.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(sim.localUserWrites)).not.toContain(PASSWORD);
    expect((await api('PUT', `${LUS}/users/${target?.id}/password`, { password: '' })).body).toMatchObject({ property: 'password' });
    expect((await api('PUT', `${LUS}/users/${UNKNOWN}/password`, { password: PASSWORD })).status).toBe(404);
  });

  it('deletes a user from both stores and from its roles; a second delete is a 404', async () => {
    const victim = sim.data.users.find((u) => u.source_type === 'LOCAL' && u.roles.length > 0);
    if (!victim) throw new Error('demo data has a local user with roles');
    const roleId = victim.roles[0]?.id as string;
    const membersBefore = (await call<ListBody>(sim, 'GET', `${RS}/roles/${roleId}/members?limit=1000`, { token })).body;
    const usersBefore = (await call<ListBody>(sim, 'POST', `${RS}/users/search`, { token, body: {} })).body.count;
    const removed = await call(sim, 'DELETE', `${LUS}/users/${victim.id}`, { token });
    expect(removed.status).toBe(200);
    expect((await api('GET', `${LUS}/users/${victim.id}`)).status).toBe(404);
    expect((await api('GET', `${RS}/users/${victim.id}`)).status).toBe(404);
    expect((await call<ListBody>(sim, 'POST', `${RS}/users/search`, { token, body: {} })).body.count).toBe(usersBefore - 1);
    const membersAfter = (await call<ListBody>(sim, 'GET', `${RS}/roles/${roleId}/members?limit=1000`, { token })).body;
    expect(membersAfter.count).toBe(membersBefore.count - 1);
    expect(membersAfter.items.map((u) => u.id)).not.toContain(victim.id);
    expect((await api('GET', `${RS}/roles/${roleId}`)).body.member_count).toBe(membersAfter.count);
    expect((await call(sim, 'DELETE', `${LUS}/users/${victim.id}`, { token })).status).toBe(404);
    // Every other user is still found by id after the removal shifted the default order.
    for (const user of sim.data.users.slice(0, 10)) expect((await api('GET', `${RS}/users/${user.id}`)).body.id).toBe(user.id);
  });

  it('counts writes by route like any data call and needs a token', async () => {
    expect(sim.stats.snapshot().byRoute[`POST ${LUS}/users`]).toBeGreaterThan(0);
    expect((await call(sim, 'POST', `${LUS}/users`, { body: { username: 'no.token' } })).status).toBe(401);
  });
});

describe('simulator user security actions', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ users: 60 });
    token = await accessToken(sim);
  });
  afterAll(() => sim.close());

  it('resets MFA of users of any directory; idempotent; 404 for an unknown id, 400 for a bad body', async () => {
    const enabled = sim.data.users.filter((u) => u.mfa.status === 'ENABLED').slice(0, 2);
    expect(enabled).toHaveLength(2);
    const ids = enabled.map((u) => u.id);
    const reset = await call(sim, 'POST', `${RS}/users/mfa/reset`, { token, body: ids });
    expect(reset.status).toBe(200);
    for (const id of ids) expect((await call<Json>(sim, 'GET', `${RS}/users/${id}`, { token })).body.mfa).toEqual({ status: 'UNINITIALIZED' });
    expect((await call(sim, 'POST', `${RS}/users/mfa/reset`, { token, body: ids })).status).toBe(200);
    expect(sim.userSecurity.mfaResets).toEqual([...ids, ...ids]);
    const other = sim.data.users.find((u) => u.mfa.status === 'ENABLED' && !ids.includes(u.id));
    expect((await call(sim, 'POST', `${RS}/users/mfa/reset`, { token, body: [other?.id, UNKNOWN] })).status).toBe(404);
    expect(other?.mfa.status).toBe('ENABLED');
    expect((await call(sim, 'POST', `${RS}/users/mfa/reset`, { token, body: { ids } })).status).toBe(400);
    expect((await call(sim, 'POST', `${RS}/users/mfa/reset`, { token, body: ['not-a-uuid'] })).status).toBe(400);
  });

  it('terminates the sessions of a user; idempotent; 404 for an unknown user', async () => {
    const user = sim.data.users[5];
    const path = (id: string) => `/auth/api/v1/sessionstorage/users/${id}/sessions/terminate`;
    expect((await call(sim, 'POST', path(user?.id ?? ''), { token })).status).toBe(200);
    expect((await call(sim, 'POST', path(user?.id ?? ''), { token })).status).toBe(200);
    expect(user?.current_session_id).toBeUndefined();
    expect(sim.userSecurity.sessionTerminations).toEqual([user?.id, user?.id]);
    expect((await call(sim, 'POST', path(UNKNOWN), { token })).status).toBe(404);
    expect((await call(sim, 'POST', path(user?.id ?? ''), {})).status).toBe(401);
  });
});
