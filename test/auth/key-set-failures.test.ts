import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJwtVerifier, InvalidTokenError } from '../../src/auth/jwt-verifier';
import { keySetFailureReporter, observedKeySetFetch, type KeySetFailure } from '../../src/auth/key-set-failures';
import { captureLogs } from '../helpers/log-capture';
import { startStack, type Stack } from '../helpers/stack';
import { AUDIENCE, IdentityProvider, ISSUER } from '../helpers/identity-provider';

/** A key-set endpoint that misbehaves as told: an HTTP status, or a 200 with the given body. */
class BadKeySet {
  answer: { status: number; body: string } = { status: 503, body: 'down for maintenance' };
  fetches = 0;
  private readonly server: Server = createServer((_req, res) => {
    this.fetches += 1;
    res.writeHead(this.answer.status, { 'content-type': 'application/json' }).end(this.answer.body);
  });
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A loopback port nobody listens on (just freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a key set that cannot be read: its cause, for the operator', () => {
  let idp: IdentityProvider;
  let bad: BadKeySet;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    bad = await new BadKeySet().start();
  });
  afterAll(async () => {
    await idp.close();
    await bad.close();
  });

  /** Verifies one real token against `jwksUrl` and returns what the observer was told. */
  async function causeOf(jwksUrl: string): Promise<KeySetFailure[]> {
    const seen: KeySetFailure[] = [];
    const verify = createJwtVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, onKeySetFailure: (failure) => seen.push(failure) });
    await expect(verify(await idp.sign())).rejects.toBeInstanceOf(InvalidTokenError);
    return seen;
  }

  it('connection refused', async () => {
    expect(await causeOf(`http://127.0.0.1:${await closedPort()}/jwks.json`)).toEqual([{ cause: 'refused', errorName: 'Error', code: 'ECONNREFUSED' }]);
  });

  it("a port Node's fetch refuses to use", async () => {
    expect(await causeOf('http://127.0.0.1:6000/jwks.json')).toEqual([{ cause: 'bad-port', errorName: 'Error' }]);
  });

  it('an answer other than 200, with its status', async () => {
    bad.answer = { status: 503, body: '{}' };
    expect(await causeOf(bad.url)).toEqual([{ cause: 'status', status: 503 }]);
    bad.answer = { status: 302, body: '' };
    expect(await causeOf(bad.url)).toEqual([{ cause: 'status', status: 302 }]);
  });

  it('a 200 whose body is not JSON, or not a key set', async () => {
    bad.answer = { status: 200, body: '<html>login</html>' };
    expect(await causeOf(bad.url)).toEqual([{ cause: 'invalid-body', status: 200 }]);
    bad.answer = { status: 200, body: '{"issuer":"x"}' };
    expect(await causeOf(bad.url)).toEqual([{ cause: 'invalid-body', status: 200 }]);
  });

  it('a timeout (the fetch aborted by its signal)', async () => {
    const seen: KeySetFailure[] = [];
    const timedOut = observedKeySetFetch((f) => seen.push(f), () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
    await expect(timedOut('http://idp.test/jwks.json', { headers: new Headers(), method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(1_000) })).rejects.toThrow('timeout');
    expect(seen).toEqual([{ cause: 'timeout', errorName: 'TimeoutError' }]);
  });

  it('nothing at all when the key set reads fine', async () => {
    const seen: KeySetFailure[] = [];
    const verify = createJwtVerifier({ jwksUrl: idp.jwksUrl, issuer: ISSUER, audience: AUDIENCE, onKeySetFailure: (failure) => seen.push(failure) });
    await expect(verify(await idp.sign())).resolves.toMatchObject({ subject: 'alice' });
    expect(seen).toEqual([]);
  });

  it('logs once per cause and interval, counts every failure, and shows the URL without credentials or query', () => {
    const logs = captureLogs();
    const counted: { cause: string; status: string }[] = [];
    let now = 1_000_000;
    const report = keySetFailureReporter('https://svc:pa55w0rd@idp.example.com/.well-known/jwks.json?api_key=k3y', {
      logger: logs.logger,
      counter: { inc: (labels) => counted.push(labels) },
      intervalMs: 60_000,
      now: () => now,
    });
    report({ cause: 'refused', errorName: 'Error', code: 'ECONNREFUSED' });
    now += 1_000;
    report({ cause: 'refused', errorName: 'Error', code: 'ECONNREFUSED' });
    report({ cause: 'status', status: 503 });
    report({ cause: 'status', status: 503 });
    report({ cause: 'status', status: 404 });
    now += 60_000;
    report({ cause: 'refused', errorName: 'Error', code: 'ECONNREFUSED' });
    expect(counted).toHaveLength(6);
    expect(counted[2]).toEqual({ cause: 'status', status: '503' });
    expect(counted[0]).toEqual({ cause: 'refused', status: 'none' });
    const lines = logs.lines().map(({ level, msg, jwksUrl, cause, status, code, failuresSinceLastLine }) => ({ level, msg, jwksUrl, cause, status, code, failuresSinceLastLine }));
    const url = 'https://idp.example.com/.well-known/jwks.json';
    expect(lines).toEqual([
      { level: 'warn', msg: 'The JSON Web Key Set could not be read (connection refused): bearer tokens that need its keys are refused', jwksUrl: url, cause: 'refused', code: 'ECONNREFUSED' },
      { level: 'warn', msg: 'The JSON Web Key Set could not be read (answered 503): bearer tokens that need its keys are refused', jwksUrl: url, cause: 'status', status: 503 },
      { level: 'warn', msg: 'The JSON Web Key Set could not be read (answered 404): bearer tokens that need its keys are refused', jwksUrl: url, cause: 'status', status: 404 },
      { level: 'warn', msg: 'The JSON Web Key Set could not be read (connection refused): bearer tokens that need its keys are refused', jwksUrl: url, cause: 'refused', code: 'ECONNREFUSED', failuresSinceLastLine: 2 },
    ]);
    expect(logs.text()).not.toMatch(/pa55w0rd|k3y|svc/);
  });

  describe('through the subgraph: the caller gets the usual 401, the log and /metrics say why', () => {
    let stack: Stack;
    const logs = captureLogs();
    beforeAll(async () => {
      bad.answer = { status: 503, body: 'down' };
      stack = await startStack({ access: { jwt: { jwksUrl: bad.url, issuer: ISSUER, audience: AUDIENCE, keyRefreshCooldownMs: 0 } }, logger: logs.logger });
    });
    afterAll(() => stack.close());

    it('two refused requests: two 401s, one log line, a count of two (no cooldown between reads here)', async () => {
      for (let i = 0; i < 2; i += 1) {
        const response = await fetch(stack.subgraph.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await idp.sign()}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ errors: [{ message: 'The signing keys to verify the bearer token could not be read.', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const causes = logs.lines().filter((line) => line.component === 'auth');
      expect(causes).toEqual([expect.objectContaining({ level: 'warn', jwksUrl: bad.url, cause: 'status', status: 503 })]);
      const metrics = await (await fetch(stack.subgraph.metricsUrl)).text();
      expect(metrics).toContain('auth_jwks_fetch_failures_total{cause="status",status="503"} 2');
      expect(stack.calls().total).toBe(0);
    });
  });
});
