import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';
import { V41Client } from '../../datasources/v41/client';
import { V41BadRequestError, V41Error, V41NotFoundError } from '../../datasources/v41/errors';
import { startContractFake, type ContractFake } from '../contract-fake/server';
import { USER_IDS } from '../contract-fake/data';

const PASSWORD = 'Tr0ub4dor&3-never-logged';
const LUS = '/local-user-store/api/v1';
const FAST = { initialBackoffMs: 1, maxBackoffMs: 5 };

interface Target {
  client: V41Client;
  /** A user of a directory other than the local one. */
  directoryUserId: string;
  close: () => Promise<void>;
}

/** Every write of the v41 client, against the simulator and the independent contract fake alike. */
describe.each([
  [
    'simulator',
    async (): Promise<Target> => {
      const sim = await startSimulator({ users: 40 });
      return {
        client: new V41Client({ baseUrl: sim.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 2_000, resilience: FAST }),
        directoryUserId: sim.data.users.find((u) => u.source_type !== 'LOCAL')?.id ?? '',
        close: () => sim.close(),
      };
    },
  ],
  [
    'contract fake',
    async (): Promise<Target> => {
      const fake = await startContractFake();
      return {
        client: new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000, resilience: FAST }),
        directoryUserId: USER_IDS.judy,
        close: () => fake.close(),
      };
    },
  ],
])('V41Client local-user writes against the %s', (_name, start) => {
  let target: Target;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(() => target.close());

  it('creates, reads back fresh, replaces, sets a password and deletes', async () => {
    const { client } = target;
    const id = await client.createLocalUser(
      { username: 'v41.create', first_name: 'Vee', company: 'Acme', tags: ['contractor'], attributes: [{ key: 'timezone', value: 'Europe/Helsinki' }], x_extra: 'kept', password_change_required: true },
      PASSWORD,
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await client.readLocalUser(id);
    expect(read).toMatchObject({ id, username: 'v41.create', first_name: 'Vee', company: 'Acme', password_change_required: true });
    expect(read?.raw.x_extra).toBe('kept');
    expect(read?.raw.password).toBeUndefined();
    expect(JSON.stringify(read)).not.toContain(PASSWORD);

    await client.replaceLocalUser(id, { ...(read?.raw as object), id: undefined, username: 'v41.renamed', company: 'Acme Oy' } as never);
    expect(await client.readLocalUser(id)).toMatchObject({ username: 'v41.renamed', company: 'Acme Oy' });
    const rs = await client.getUser(id);
    expect(rs).toMatchObject({ principal: 'v41.renamed', company: 'Acme Oy', source_type: 'LOCAL' });

    await client.setLocalUserPassword(id, PASSWORD);
    expect(JSON.stringify(await client.readLocalUser(id))).not.toContain(PASSWORD);

    expect(await client.deleteLocalUser(id)).toBe(true);
    expect(await client.readLocalUser(id)).toBeNull();
    expect(await client.getUser(id)).toBeNull();
    // Already gone: what a retried or repeated delete sees.
    expect(await client.deleteLocalUser(id)).toBe(false);
  });

  it('a taken username is a 400 naming the username property', async () => {
    const { client } = target;
    await client.createLocalUser({ username: 'v41.taken' });
    const second = client.createLocalUser({ username: 'v41.taken' }, PASSWORD);
    await expect(second).rejects.toBeInstanceOf(V41BadRequestError);
    await expect(second).rejects.toMatchObject({ status: 400, property: 'username' });
  });

  it('a write to an unknown user is "not found"', async () => {
    const { client } = target;
    const unknown = '00000000-0000-4000-8000-00000000beef';
    await expect(client.replaceLocalUser(unknown, { username: 'ghost' })).rejects.toBeInstanceOf(V41NotFoundError);
    await expect(client.setLocalUserPassword(unknown, PASSWORD)).rejects.toBeInstanceOf(V41NotFoundError);
    await expect(client.terminateUserSessions(unknown)).rejects.toBeInstanceOf(V41NotFoundError);
  });

  it('resets MFA and ends sessions of a directory user', async () => {
    const { client, directoryUserId } = target;
    await client.resetUserMfa([directoryUserId]);
    expect((await client.getUser(directoryUserId))?.mfa_status).toBe('UNINITIALIZED');
    await client.terminateUserSessions(directoryUserId);
    await client.terminateUserSessions(directoryUserId);
  });
});

describe('V41Client write retries', () => {
  let fake: ContractFake;
  let client: V41Client;
  beforeAll(async () => {
    fake = await startContractFake();
    client = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000, resilience: FAST });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());
  const sent = (method: string, path: string) => fake.calls.filter((c) => c.method === method && c.path === path).length;

  it.each([503, 500, 502, 429])('never sends a create twice, even after a %i', async (status) => {
    fake.failNext('POST', `${LUS}/users`, status);
    await expect(client.createLocalUser({ username: `once.${status}` })).rejects.toBeInstanceOf(V41Error);
    expect(sent('POST', `${LUS}/users`)).toBe(1);
    // And PrivX did not create it: the failure was the answer.
    expect(fake.written.localUsers.some((u) => u.username === `once.${status}`)).toBe(false);
  });

  it('never sends a create twice when the answer does not come (outcome unknown)', async () => {
    const slow = await startSimulator({ users: 5 });
    try {
      slow.injectFault({ method: 'POST', route: `${LUS}/users`, delayMs: 500 });
      const impatient = new V41Client({ baseUrl: slow.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 100, resilience: FAST });
      await expect(impatient.createLocalUser({ username: 'maybe.created' })).rejects.toMatchObject({ mayHaveReached: true });
      expect(slow.stats.snapshot().byRoute[`POST ${LUS}/users`]).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('retries a replace, a delete, a password, an MFA reset and a termination on a transient failure', async () => {
    const id = await client.createLocalUser({ username: 'retry.me' });
    fake.failNext('PUT', `${LUS}/users/${id}`, 503);
    await client.replaceLocalUser(id, { username: 'retry.me', comment: 'after a 503' });
    expect(sent('PUT', `${LUS}/users/${id}`)).toBe(2);
    fake.failNext('PUT', `${LUS}/users/${id}/password`, 502);
    await client.setLocalUserPassword(id, PASSWORD);
    expect(sent('PUT', `${LUS}/users/${id}/password`)).toBe(2);
    fake.failNext('POST', '/role-store/api/v1/users/mfa/reset', 503);
    await client.resetUserMfa([id]);
    expect(sent('POST', '/role-store/api/v1/users/mfa/reset')).toBe(2);
    const terminate = `/auth/api/v1/sessionstorage/users/${id}/sessions/terminate`;
    fake.failNext('POST', terminate, 500);
    await client.terminateUserSessions(id);
    expect(sent('POST', terminate)).toBe(2);
    fake.failNext('DELETE', `${LUS}/users/${id}`, 504);
    expect(await client.deleteLocalUser(id)).toBe(true);
    expect(sent('DELETE', `${LUS}/users/${id}`)).toBe(2);
    expect(fake.written.passwords.get(id)).toBe(PASSWORD);
  });
});

describe('V41Client keeps a written password inside its upstream call', () => {
  let echo: Server;
  let url: string;
  beforeAll(async () => {
    // A PrivX that quotes the request body in its error message: the worst an upstream could do.
    echo = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url?.startsWith('/auth/api/v1/oauth/token')) {
          res.end(JSON.stringify({ access_token: 'echo-token', token_type: 'bearer', expires_in: 300 }));
          return;
        }
        res.statusCode = req.url?.includes('/status-500') ? 500 : 400;
        res.end(JSON.stringify({ error_code: 'BAD_REQUEST', error_message: `rejected ${Buffer.concat(chunks).toString('utf8')}`, property: 'password' }));
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it('in no error message or stack, and in no telemetry message', async () => {
    const seen: unknown[] = [];
    const record = (message: unknown) => seen.push(message);
    const channels = ['privx-identity:upstream:start', 'privx-identity:upstream:end', 'privx-identity:upstream:retry'];
    for (const name of channels) subscribe(name, record);
    try {
      const client = new V41Client({ baseUrl: url, ...SIMULATOR_CREDENTIALS, timeoutMs: 2_000, resilience: FAST });
      const id = '11111111-0000-4000-8000-000000000001';
      const errors: unknown[] = [];
      await client.setLocalUserPassword(id, PASSWORD).catch((error: unknown) => errors.push(error));
      await client.createLocalUser({ username: 'echo' }, PASSWORD).catch((error: unknown) => errors.push(error));
      expect(errors).toHaveLength(2);
      for (const error of errors) {
        expect(error).toBeInstanceOf(V41BadRequestError);
        const { message, stack } = error as Error;
        expect(message).toContain('[REDACTED]');
        expect(`${message}\n${stack ?? ''}\n${JSON.stringify(error)}`).not.toContain(PASSWORD);
      }
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(JSON.stringify(seen, (_key, value: unknown) => (value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : value))).not.toContain(PASSWORD);
    } finally {
      for (const name of channels) unsubscribe(name, record);
    }
  });
});
