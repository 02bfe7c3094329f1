import { buildSchema } from 'graphql';
import { SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';
import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { UsersDocument, WorkspacesDocument } from '../generated/graphql';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { startStack, type Stack } from '../helpers/stack';
import { startSubgraph } from '../../src/server';
import { createUpstream } from '../../src/upstream';

/** An upstream no test here calls: the schema below has no field that reaches PrivX. */
const NOWHERE = { baseUrl: 'http://127.0.0.1:9', oauthClientId: 'x', oauthClientSecret: 'x', apiClientId: 'x', apiClientSecret: 'x', timeoutMs: 100 };

const SECRETS = Object.values(SIMULATOR_CREDENTIALS).filter((v) => v.includes('secret'));

function operationLines(logs: LogCapture) {
  return logs.lines().filter((line) => line.msg === 'graphql operation');
}

describe('one log line per operation', () => {
  let stack: Stack;
  let logs: LogCapture;
  beforeEach(async () => {
    logs = captureLogs();
    // One try per call, so each injected fault is one failed call in the log line.
    stack = await startStack({ logger: logs.logger, cacheTtlSeconds: 30, settings: { resilience: { maxAttempts: 1 } } });
  });
  afterEach(() => stack.close());

  it('an upstream fault: request id (echoed), upstream route, error code, no secret', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/sources', status: 500 });
    const response = await fetch(stack.subgraph.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-fault-1' },
      body: JSON.stringify({ query: 'query Spaces { workspaces { id name } }', operationName: 'Spaces' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-fault-1');
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UPSTREAM_ERROR');

    const lines = operationLines(logs);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      requestId: 'req-fault-1',
      operationName: 'Spaces',
      operationType: 'query',
      outcome: 'error',
      errorCodes: ['UPSTREAM_ERROR'],
      upstream: { byRoute: { 'GET /role-store/api/v1/sources': 1 }, failures: { 'GET /role-store/api/v1/sources': 1 } },
      errors: [{ code: 'UPSTREAM_ERROR', route: 'GET /role-store/api/v1/sources', upstreamStatus: 500, path: ['workspaces'] }],
    });
    expect(typeof lines[0]!.durationMs).toBe('number');
    for (const secret of SECRETS) expect(logs.text()).not.toContain(secret);
    expect(logs.text()).not.toMatch(/Bearer (?!\[REDACTED\])/);
  });

  it('a generated request id when none (or a malformed one) is sent; calls and cache hits per operation', async () => {
    const first = await stack.query(WorkspacesDocument, {}, { 'x-request-id': 'bad id with spaces\n' });
    expect(first.errors).toBeUndefined();
    await stack.query(WorkspacesDocument, {});
    const [cold, warm] = operationLines(logs);
    expect(cold!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(warm!.requestId).not.toBe(cold!.requestId);
    expect(cold).toMatchObject({ operationName: 'Workspaces', outcome: 'success', level: 'info', errorCodes: [] });
    // Cold: the directories are fetched once (a miss); warm: served from the shared cache, no PrivX call.
    expect(cold!.upstream).toMatchObject({ byRoute: { 'POST /auth/api/v1/oauth/token': 1, 'GET /role-store/api/v1/sources': 1 } });
    expect(cold!.cache).toEqual({ hits: 0, misses: 1 });
    expect(warm!.upstream).toMatchObject({ calls: 0, byRoute: {} });
    expect(warm!.cache).toEqual({ hits: 1, misses: 0 });
  });

  it('a partial result is logged with outcome partial and the failed route', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', status: 503 });
    const response = await stack.query(UsersDocument, { first: 3 });
    expect(response.data?.users.edges).toHaveLength(3);
    const [line] = operationLines(logs);
    expect(line).toMatchObject({ operationName: 'Users', outcome: 'partial', errorCodes: ['UPSTREAM_UNAVAILABLE'] });
    expect((line!.upstream as { failures: Record<string, number> }).failures).toEqual({ 'GET /role-store/api/v1/roles': 1 });
  });
});

describe('internal errors', () => {
  it('are masked in the response and logged with their detail, secrets scrubbed', async () => {
    const logs = captureLogs();
    const schema = buildSchema('type Query { boom: String }');
    schema.getQueryType()!.getFields().boom!.resolve = () => {
      throw new Error('exploded calling https://admin:hunter2@privx.example.com with Bearer abc.def.ghi');
    };
    const subgraph = await startSubgraph({ upstream: createUpstream(NOWHERE, { cacheTtlSeconds: 0, cacheMaxEntries: 1 }), port: 0, production: true, schema, logger: logs.logger });
    try {
      const response = await postGraphQL<{ boom: string | null }, Record<string, never>>(subgraph.graphqlUrl, 'query Boom { boom }');
      expect(response.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const internal = logs.lines().find((line) => line.msg === 'internal error');
      expect(internal).toMatchObject({ level: 'error', path: ['boom'], err: { message: expect.stringContaining('exploded calling') } });
      expect((internal!.err as { stack: string }).stack).toContain('operation-log.test');
      const [line] = operationLines(logs);
      expect(line).toMatchObject({ operationName: 'Boom', outcome: 'partial', errorCodes: ['INTERNAL_SERVER_ERROR'] });
      expect(logs.text()).not.toContain('hunter2');
      expect(logs.text()).not.toContain('abc.def.ghi');
      expect(logs.text()).toContain('https://[REDACTED]@privx.example.com');
    } finally {
      await subgraph.close();
    }
  });
});
