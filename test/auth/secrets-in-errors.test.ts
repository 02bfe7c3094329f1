import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMULATOR_CREDENTIALS, startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { IdentityProvider } from '../helpers/identity-provider';
import { startSubgraphOver } from '../helpers/subgraph-over';

const QUERY = '{ users(first: 3) { totalCount nodes { id name roles { name } } } }';
const ROUTER_SECRET = 'router-secret-planted-0123456789';
const OAUTH_SECRET = 'oauth-secret-planted-0123456789';
const API_SECRET = 'api-secret-planted-0123456789';
const UPSTREAM_TOKEN = 'upstream-access-token-planted-0123456789';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An upstream that grants a token, then answers every call with a body that is not JSON (and holds a secret). */
function malformedUpstream(): Server {
  return createServer((req, res) => {
    if (req.url?.startsWith('/auth/api/v1/oauth/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: UPSTREAM_TOKEN, expires_in: 300 }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`<html>session ${UPSTREAM_TOKEN} password=${API_SECRET}`);
  });
}

/** Every failure path of a request that carries secrets: none of them comes back to the caller. */
describe.each([false, true])('secrets stay secret (production: %s)', (production) => {
  let idp: IdentityProvider;
  let simulator: RunningSimulator;
  let malformed: Server;
  let malformedUrl: string;
  let closedUrl: string;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    simulator = await startSimulator({ port: 0 });
    malformed = malformedUpstream();
    malformedUrl = await listen(malformed);
    const closed = createServer();
    closedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(async () => {
    await simulator.close();
    await new Promise((resolve) => malformed.close(resolve));
    await idp.close();
  });

  const cases: [string, () => string, string, string][] = [
    ['bad credentials', () => simulator.url, 'UPSTREAM_UNAUTHORIZED', SIMULATOR_CREDENTIALS.apiClientId],
    ['upstream down', () => closedUrl, 'UPSTREAM_UNAVAILABLE', 'api-client'],
    ['malformed upstream body', () => malformedUrl, 'UPSTREAM_ERROR', 'api-client'],
  ];

  it.each(cases)('%s: a coded error, and no secret, token or JWT in the response', async (_name, baseUrl, code, apiClientId) => {
    const stack = await startSubgraphOver(
      { baseUrl: baseUrl(), oauthClientId: 'privx-external', oauthClientSecret: OAUTH_SECRET, apiClientId, apiClientSecret: API_SECRET },
      { production, cacheTtlSeconds: 0, access: { ...idp.settings(), routerSecret: ROUTER_SECRET } },
    );
    try {
      const jwt = await idp.sign({ scope: 'users:pii users:raw' });
      const response = await fetch(stack.subgraph.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}`, 'router-authorization': ROUTER_SECRET },
        body: JSON.stringify({ query: QUERY }),
      });
      const text = await response.text();
      expect(response.status).toBe(200);
      const body = JSON.parse(text) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe(code);
      for (const secret of [OAUTH_SECRET, API_SECRET, UPSTREAM_TOKEN, ROUTER_SECRET, jwt, Buffer.from(`privx-external:${OAUTH_SECRET}`).toString('base64')]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/stacktrace|at .*\.[jt]s:\d+/);
      // The shown headers carry no credentials either.
      expect([...response.headers.values()].join('\n')).not.toMatch(/planted|Bearer ey/);
    } finally {
      await stack.close();
    }
  });
});
