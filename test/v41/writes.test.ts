import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { V41Client } from '../../datasources/v41/client';
import { V41Error, V41NoAnswerError } from '../../datasources/v41/errors';
import { V41Http } from '../../datasources/v41/http';
import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';
import { ROLE_STORE_USERS } from '../contract-fake/data';
import { startContractFake, type ContractFake } from '../contract-fake/server';

/**
 * The v41 client's writes against the independent contract fake: a PUT is retried on the resilience policy's
 * conditions (it is idempotent), a call sent with `retry: false` (a create) never is, and both count in the
 * request's budget.
 */
describe('V41Client writes', () => {
  let fake: ContractFake;
  beforeAll(async () => {
    fake = await startContractFake();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  const options = () => ({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000, resilience: { initialBackoffMs: 1, maxBackoffMs: 5 } });
  const user = ROLE_STORE_USERS.find((u) => Array.isArray(u.roles) && u.roles.length === 0)!;
  const path = `/role-store/api/v1/users/${user.id as string}/roles`;

  it('retries a PUT that failed with 503, and counts both tries in the request budget', async () => {
    fake.failNext('PUT', path, 503);
    const scope = new RequestScope(5_000, 10);
    await runInRequestScope(scope, () => new V41Client(options()).setUserRoles(user.id as string, []));
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
    expect(scope.callsMade).toBe(2);
  });

  it('does not retry a PUT PrivX refused (400): the body is wrong, not the moment', async () => {
    await expect(new V41Client(options()).setUserRoles(user.id as string, [{ id: 'not-a-role', explicit: true }])).rejects.toMatchObject({ status: 400 });
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('sends a call with retry: false exactly once, whatever the failure', async () => {
    fake.failNext('POST', '/role-store/api/v1/users/search', 503);
    const http = new V41Http(options());
    await expect(http.request('POST', '/role-store/api/v1/users/search', { body: {}, retry: false })).rejects.toBeInstanceOf(V41Error);
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says that a write whose connection dropped after it was sent may have reached PrivX', async () => {
    // A PrivX that issues tokens but drops the connection of every other call once the request has arrived.
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/auth/')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 't', token_type: 'bearer', expires_in: 300 }));
        return;
      }
      req.resume();
      req.on('end', () => req.socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const http = new V41Http({ ...options(), baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const error = await http.request('PUT', path, { body: [], retry: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(V41NoAnswerError);
      expect((error as V41NoAnswerError).mayHaveReached).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
