import { startStack, type Stack } from '../helpers/stack';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { dataOf } from './grant-fixtures';
import {
  CREATE,
  DELETE,
  directoryUserWithGrants,
  localWrites,
  RESET_MFA,
  SET_PASSWORD,
  TERMINATE,
  UPDATE,
  type CreateData,
  type DeleteData,
  type ResetMfaData,
  type SetPasswordData,
  type TerminateData,
  type UpdateData,
} from './local-user-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

/**
 * The local-user lifecycle over real HTTP against the embedded simulator (docs/local-users.md): create, update as
 * read-overlay-PUT, optimistic concurrency, delete, password, MFA reset and session termination.
 */
describe('local-user mutations', () => {
  let stack: Stack;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs('info');
    stack = await startStack({ logger: logs.logger, cacheTtlSeconds: 300 });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.resetCalls();
    stack.simulator.clearFaults();
  });

  type Vars = { input: Record<string, unknown> };
  const create = (input: Record<string, unknown>) => stack.query<CreateData, Vars>(CREATE, { input });
  const update = (input: Record<string, unknown>) => stack.query<UpdateData, Vars>(UPDATE, { input });
  const remove = (input: Record<string, unknown>) => stack.query<DeleteData, Vars>(DELETE, { input });
  const posts = () => localWrites(stack.simulator, 'POST');
  const puts = () => localWrites(stack.simulator, 'PUT', '/:id');

  const CONTRACTOR = {
    username: 'c.contractor',
    firstName: 'Cora',
    lastName: 'Contractor',
    name: 'Cora Contractor',
    title: 'Consultant',
    email: 'cora@contractor.example',
    phone: '+358 40 111 2222',
    organization: 'Contractor Oy',
    department: 'Platform',
    tags: ['contractor'],
    languages: ['fi-FI'],
    timezone: 'Europe/Helsinki',
    avatar: 'https://avatars.example.com/cora.png',
  };

  it('creates a user that reads back with the same unified values, INVITED until it picks a password; one POST', async () => {
    const { createLocalUser } = dataOf(await create(CONTRACTOR));
    expect(createLocalUser.userErrors).toEqual([]);
    expect(createLocalUser.user).toMatchObject({
      username: 'c.contractor',
      firstName: 'Cora',
      lastName: 'Contractor',
      name: 'Cora Contractor',
      title: 'Consultant',
      emails: [{ email: 'cora@contractor.example', isPrimary: true }],
      phones: [{ number: '+358 40 111 2222', extension: null }],
      organizations: [{ name: 'Contractor Oy' }],
      groups: [{ name: 'Platform', type: 'DEPARTMENT' }, { name: 'contractor', type: 'TAG' }],
      languages: ['fi-FI'],
      timezone: 'Europe/Helsinki',
      avatar: 'https://avatars.example.com/cora.png',
      status: 'INVITED',
      rawStatus: 'password_change_required',
    });
    expect(posts()).toBe(1);
    // The username was checked first with PrivX's exact filter.
    expect(stack.simulator.localUserWrites.at(-1)?.body).toMatchObject({ username: 'c.contractor', company: 'Contractor Oy', locale: 'fi_FI', password_change_required: true });
    const audit = logs.lines().filter((l) => l.audit === true && l.operation === 'createLocalUser').at(-1);
    expect(audit).toMatchObject({ outcome: 'written', writes: 1, change: { fields: expect.arrayContaining(['username', 'organization']) } });
  });

  it('ALREADY_EXISTS for a taken username, checked first: no POST', async () => {
    const taken = stack.simulator.data.localUsers[0]!.username;
    const { createLocalUser } = dataOf(await create({ username: taken }));
    expect(createLocalUser).toEqual({ user: null, userErrors: [{ code: 'ALREADY_EXISTS', message: expect.any(String), field: ['input', 'username'] }] });
    expect(posts()).toBe(0);
  });

  it("ALREADY_EXISTS from PrivX's own answer when the username is taken between the check and the POST", async () => {
    // A local user whose username PrivX's filter does not find (a case-insensitive clash, say) is still refused by the POST.
    const original = stack.upstream.writer.findLocalUserByUsername.bind(stack.upstream.writer);
    let first = true;
    const spy = jest.spyOn(stack.upstream.writer, 'findLocalUserByUsername').mockImplementation(async (username) => {
      if (first) {
        first = false;
        return null;
      }
      return original(username);
    });
    try {
      const taken = stack.simulator.data.localUsers[1]!.username;
      const { createLocalUser } = dataOf(await create({ username: taken }));
      expect(createLocalUser.userErrors).toEqual([{ code: 'ALREADY_EXISTS', message: expect.any(String), field: ['input', 'username'] }]);
      expect(posts()).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('checks the input before any upstream call: every problem at its input path', async () => {
    const { createLocalUser } = dataOf(await create({ username: ' ', email: 'nope', languages: ['!!'], timezone: 'Mars/Base', avatar: 'javascript:x', password: '  ' }));
    expect(createLocalUser.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID', 'input.username'],
      ['INVALID', 'input.email'],
      ['INVALID', 'input.languages.0'],
      ['INVALID', 'input.timezone'],
      ['INVALID', 'input.avatar'],
      ['INVALID', 'input.password'],
    ]);
    expect(stack.calls().total).toBe(0);
  });

  it('a replayed create (same idempotency key and input) returns the first payload and makes one POST; another input with the key is refused', async () => {
    const input = { username: 'idem.one', name: 'Idem One', idempotencyKey: 'onboard-idem-one-2026-12-07' };
    const first = dataOf(await create(input)).createLocalUser;
    const again = dataOf(await create(input)).createLocalUser;
    expect(first.userErrors).toEqual([]);
    expect(again).toEqual(first);
    expect(posts()).toBe(1);
    const other = dataOf(await create({ ...input, name: 'Someone Else' })).createLocalUser;
    expect(other.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), field: ['input', 'idempotencyKey'] }]);
    expect(posts()).toBe(1);
  });

  it('a create whose answer does not come is never sent again: UPSTREAM_TIMEOUT, writeOutcome UNKNOWN', async () => {
    const impatient = await startStack({ upstreamTimeoutMs: 200, settings: { resilience: { initialBackoffMs: 1, maxBackoffMs: 2 } } });
    try {
      impatient.simulator.injectFault({ method: 'POST', route: '/local-user-store/api/v1/users', delayMs: 600, times: 1 });
      const answer = await impatient.query<CreateData, Vars>(CREATE, { input: { username: 'slow.create' } });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' });
      expect(localWrites(impatient.simulator, 'POST')).toBe(1);
    } finally {
      await impatient.close();
    }
  });

  it('an update whose PUT gets no answer (after its retries) is UPSTREAM_TIMEOUT, writeOutcome UNKNOWN', async () => {
    const impatient = await startStack({ upstreamTimeoutMs: 150, settings: { resilience: { maxAttempts: 2, initialBackoffMs: 1, maxBackoffMs: 2 } } });
    try {
      const id = impatient.simulator.data.localUsers[0]!.id;
      impatient.simulator.injectFault({ method: 'PUT', route: '/local-user-store/api/v1/users/:id', delayMs: 400 });
      const answer = await impatient.query<UpdateData, Vars>(UPDATE, { input: { id, title: 'Maybe' } });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' });
      expect(answer.errors?.[0]?.message).toContain('read the user');
      // A PUT is idempotent: retried on the policy's conditions, unlike a create.
      expect(localWrites(impatient.simulator, 'PUT', '/:id')).toBe(2);
    } finally {
      await impatient.close();
    }
  });

  it('an update of one field sends the previous record with only that field changed, never id, created, updated, author or a password', async () => {
    // A record with what the subgraph does not model: comment, accounts, an unknown attribute, an unknown key.
    const id = await stack.upstream.writer.createLocalUser({
      username: 'keep.everything',
      comment: 'break-glass, ask Olli',
      windows_account: 'keepev',
      unix_account: 'keepev',
      display_name: 'Keep E.',
      job_title: 'SRE',
      tags: ['ops'],
      attributes: [{ key: 'windows_sid', value: 'S-1-5-21-9' }, { key: 'timezone', value: 'Europe/Oslo' }],
      x_vendor_field: { nested: [1, 2] },
      password_change_required: false,
    }, 'Initial-Pa55word!');
    const before = stack.simulator.data.localUsers.find((u) => u.id === id)!;
    const { id: _id, created: _c, updated: _u, updated_by: _b, author: _a, password: _p, ...sendable } = before as unknown as Record<string, unknown>;
    stack.simulator.clearFaults();

    const { updateLocalUser } = dataOf(await update({ id, title: 'Staff SRE' }));
    expect(updateLocalUser.userErrors).toEqual([]);
    expect(updateLocalUser.user).toMatchObject({ id, title: 'Staff SRE', timezone: 'Europe/Oslo', groups: [{ name: 'ops', type: 'TAG' }] });
    const [put] = stack.simulator.localUserWrites;
    expect(put).toMatchObject({ method: 'PUT', path: `users/${id}` });
    expect(put!.body).toEqual({ ...sendable, job_title: 'Staff SRE' });
    for (const key of ['id', 'created', 'updated', 'updated_by', 'author', 'password']) expect(put!.body).not.toHaveProperty(key);
    // PrivX kept what was sent: the unknown key and attribute too.
    expect(stack.simulator.data.localUsers.find((u) => u.id === id)).toMatchObject({ comment: 'break-glass, ask Olli', x_vendor_field: { nested: [1, 2] }, windows_account: 'keepev' });
    const byRoute = stack.calls().byRoute;
    expect(byRoute['GET /local-user-store/api/v1/users/:id']).toBeGreaterThanOrEqual(1);
    expect(puts()).toBe(1);
  });

  it('absent is unchanged, null is cleared; the username can change but not to a taken one', async () => {
    const created = dataOf(await create({ ...CONTRACTOR, username: 'clear.me' })).createLocalUser.user!;
    const { updateLocalUser } = dataOf(await update({ id: created.id, phone: null, avatar: null, tags: null, languages: ['sv-SE'], username: 'cleared.me' }));
    expect(updateLocalUser.user).toMatchObject({ username: 'cleared.me', phones: [], avatar: null, languages: ['sv-SE'], title: 'Consultant', timezone: 'Europe/Helsinki' });
    expect(updateLocalUser.user?.groups).toEqual([{ name: 'Platform', type: 'DEPARTMENT' }]);
    stack.resetCalls();
    const taken = stack.simulator.data.localUsers[0]!.username;
    const clash = dataOf(await update({ id: created.id, username: taken })).updateLocalUser;
    expect(clash.userErrors).toEqual([{ code: 'ALREADY_EXISTS', message: expect.any(String), field: ['input', 'username'] }]);
    expect(dataOf(await update({ id: created.id, username: null })).updateLocalUser.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'username'] });
    expect(puts()).toBe(0);
  });

  it('a stale expectedUpdatedAt writes nothing and answers CONFLICT with the current value; the current one writes', async () => {
    const created = dataOf(await create({ username: 'concurrent.one' })).createLocalUser.user!;
    const stale = new Date(Date.parse(created.updatedAt!) - 60_000).toISOString();
    stack.resetCalls();
    const refused = dataOf(await update({ id: created.id, expectedUpdatedAt: stale, title: 'Too late' })).updateLocalUser;
    expect(refused.user).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'CONFLICT', message: expect.stringContaining(created.updatedAt!), field: ['input', 'expectedUpdatedAt'] }]);
    const refusedDelete = dataOf(await remove({ id: created.id, expectedUpdatedAt: stale })).deleteLocalUser;
    expect(refusedDelete.userErrors[0]?.code).toBe('CONFLICT');
    expect(puts()).toBe(0);
    expect(localWrites(stack.simulator, 'DELETE', '/:id')).toBe(0);
    const done = dataOf(await update({ id: created.id, expectedUpdatedAt: created.updatedAt, title: 'In time' })).updateLocalUser;
    expect(done.userErrors).toEqual([]);
    expect(done.user?.title).toBe('In time');
  });

  it('NOT_LOCAL for a directory user, NOT_FOUND for nobody, INVALID for a malformed id: nothing written', async () => {
    const directoryUser = directoryUserWithGrants(stack.simulator);
    const expectRefused = (errors: { code: string; field: string[] | null }[], code: string, field: string[]) => expect(errors).toEqual([{ code, message: expect.any(String), field }]);
    expectRefused(dataOf(await update({ id: directoryUser.id, title: 'x' })).updateLocalUser.userErrors, 'NOT_LOCAL', ['input', 'id']);
    expectRefused(dataOf(await remove({ id: directoryUser.id })).deleteLocalUser.userErrors, 'NOT_LOCAL', ['input', 'id']);
    const pw = await stack.query<SetPasswordData, Vars>(SET_PASSWORD, { input: { id: directoryUser.id, password: 'Whatever-123!' } });
    expectRefused(dataOf(pw).setLocalUserPassword.userErrors, 'NOT_LOCAL', ['input', 'id']);
    expectRefused(dataOf(await update({ id: UNKNOWN, title: 'x' })).updateLocalUser.userErrors, 'NOT_FOUND', ['input', 'id']);
    expectRefused(dataOf(await update({ id: 'not-a-uuid', title: 'x' })).updateLocalUser.userErrors, 'INVALID', ['input', 'id']);
    expect(stack.simulator.localUserWrites).toEqual([]);
  });

  it('deletes a local user: gone from reads at once; a second delete is NOT_FOUND', async () => {
    const created = dataOf(await create({ username: 'delete.me' })).createLocalUser.user!;
    const { deleteLocalUser } = dataOf(await remove({ id: created.id }));
    expect(deleteLocalUser).toEqual({ deletedUserId: created.id, userErrors: [] });
    const read = await stack.query<{ user: { id: string } | null }, { id: string }>('query($id: ID!) { user(id: $id) { id } }', { id: created.id });
    expect(read.data?.user).toBeNull();
    expect(dataOf(await remove({ id: created.id })).deleteLocalUser.userErrors[0]?.code).toBe('NOT_FOUND');
  });

  it('sets a password, and requireChange sets the flag (status INVITED)', async () => {
    const created = dataOf(await create({ username: 'pw.user', requirePasswordChange: false })).createLocalUser.user!;
    expect(created.status).toBe('ACTIVE');
    const set = dataOf(await stack.query<SetPasswordData, Vars>(SET_PASSWORD, { input: { id: created.id, password: 'Temp-Pa55word-1!', requireChange: true } })).setLocalUserPassword;
    expect(set).toEqual({ user: { id: created.id, status: 'INVITED', rawStatus: 'password_change_required' }, userErrors: [] });
    expect(localWrites(stack.simulator, 'PUT', '/:id/password')).toBe(1);
    expect(stack.simulator.localUserWrites.map((w) => w.path).slice(-2)).toEqual([`users/${created.id}/password`, `users/${created.id}`]);
    const again = dataOf(await stack.query<SetPasswordData, Vars>(SET_PASSWORD, { input: { id: created.id, password: 'Own-Pa55word-2!' } })).setLocalUserPassword;
    expect(again.user?.status).toBe('ACTIVE');
  });

  it('the next read after a write shows it, though the local records were cached', async () => {
    const created = dataOf(await create({ username: 'fresh.read', requirePasswordChange: false })).createLocalUser.user!;
    const statusOf = async () => (await stack.query<{ user: { status: string; title: string | null } }, { id: string }>('query($id: ID!) { user(id: $id) { status title } }', { id: created.id })).data!.user;
    expect(await statusOf()).toEqual({ status: 'ACTIVE', title: null });
    await stack.query<SetPasswordData, Vars>(SET_PASSWORD, { input: { id: created.id, password: 'Fresh-Pa55word-3!', requireChange: true } });
    expect(await statusOf()).toEqual({ status: 'INVITED', title: null });
    await update({ id: created.id, title: 'Fresh' });
    expect(await statusOf()).toEqual({ status: 'INVITED', title: 'Fresh' });
  });

  it('resets MFA and ends sessions of a user of any directory; NOT_FOUND for nobody', async () => {
    const directoryUser = directoryUserWithGrants(stack.simulator);
    const reset = dataOf(await stack.query<ResetMfaData, Vars>(RESET_MFA, { input: { userId: directoryUser.id } })).resetUserMfa;
    expect(reset).toEqual({ user: { id: directoryUser.id }, userErrors: [] });
    expect(stack.simulator.userSecurity.mfaResets).toEqual([directoryUser.id]);
    const ended = dataOf(await stack.query<TerminateData, Vars>(TERMINATE, { input: { userId: directoryUser.id } })).terminateUserSessions;
    expect(ended.userErrors).toEqual([]);
    expect(stack.simulator.userSecurity.sessionTerminations).toEqual([directoryUser.id]);
    const nobody = dataOf(await stack.query<TerminateData, Vars>(TERMINATE, { input: { userId: UNKNOWN } })).terminateUserSessions;
    expect(nobody.userErrors[0]?.code).toBe('NOT_FOUND');
    expect(stack.simulator.userSecurity.sessionTerminations).toHaveLength(1);
  });
});
