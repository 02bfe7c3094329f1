import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { SIMULATOR_CREDENTIALS, startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { ROUTER_AUTHORIZATION_HEADER } from '../../src/auth/router-secret';
import { startNpm, startProcess, type StartedProcess } from '../helpers/npm-start';
import { prepareProductionCopy, RUNTIME_DIST_DIRS, type ProductionCopy } from '../helpers/production-copy';
import { waitUntil } from '../helpers/wait-until';

/**
 * The production start without Docker: the Dockerfile's steps (build, then production dependencies only next to
 * the compiled server) replayed in a temporary directory, then the server started there the two ways a
 * deployment does: as the runtime stage's CMD (node itself, as a non-root user) and as `npm start`.
 */

const QUERY = JSON.stringify({ query: 'query ProductionProbe { users(first: 3) { totalCount nodes { id username } } }' });

interface Answer {
  status: number;
  body: string;
}

/** One request on a connection of its own (so a draining server's keep-alive plays no part). */
function send(url: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { method, agent: false, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${url} within 20 s`)));
    req.end(body);
  });
}

const usernames = (answer: Answer) =>
  (JSON.parse(answer.body) as { data: { users: { nodes: { username: string }[] } } }).data.users.nodes.map((n) => n.username);

async function slowDownSearch(simulatorUrl: string, delayMs: number): Promise<void> {
  const res = await fetch(`${simulatorUrl}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'POST', route: '/role-store/api/v1/users/search', delayMs, times: 1 }),
  });
  expect(res.status).toBeLessThan(300);
}

const upstreamCalls = async (simulatorUrl: string) => ((await (await fetch(`${simulatorUrl}/__stats`)).json()) as { total: number }).total;

async function untilUpstreamCalled(simulatorUrl: string): Promise<void> {
  await waitUntil(async () => (await upstreamCalls(simulatorUrl)) > 0, 'the request reached the simulator', { timeoutMs: 20_000, intervalMs: 20 });
}

/** The uid a process runs as (Linux). */
const uidOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

/** Gone, or dead and not yet reaped (a zombie): not serving. */
function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

const parentOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

/** Runs as the image's non-root user where it can: root (CI) runs the server as `nobody`, anyone else as themselves. */
const NOBODY = { uid: 65534, gid: 65534 };
const asNonRoot = process.getuid?.() === 0 ? NOBODY : {};

describe('production: build once, production dependencies only', () => {
  let copy: ProductionCopy;
  beforeAll(async () => {
    copy = await prepareProductionCopy();
  }, 240_000);
  afterAll(() => copy?.remove());

  it('the compiled server imports only Node built-ins, production dependencies and its own files', () => {
    const pkg = JSON.parse(readFileSync(join(copy.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const seen = new Set<string>();
    const outside: string[] = [];
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const where = relative(copy.dir, file);
      if (!RUNTIME_DIST_DIRS.some((d) => where.startsWith(`${d}/`))) outside.push(where);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
        if (spec!.startsWith('.')) {
          const target = resolve(dirname(file), spec!);
          const found = [`${target}.js`, join(target, 'index.js'), target].find((f) => existsSync(f) && f.endsWith('.js'));
          if (found) visit(found);
          else outside.push(`${where} -> ${spec}`);
        } else if (!spec!.startsWith('node:') && !builtins.has(spec!)) {
          bare.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
        }
      }
    };
    visit(join(copy.dir, 'dist/src/main.js'));
    expect(seen.size).toBeGreaterThan(100);
    expect(outside).toEqual([]);
    // pino-pretty is looked for on demand (LOG_PRETTY on a developer's terminal) and its absence is handled.
    expect([...bare].filter((name) => !(name in pkg.dependencies) && name !== 'pino-pretty')).toEqual([]);
    // The dev toolchain is not there to be reached by accident.
    for (const dev of ['typescript', '@swc/core', 'jest', '@apollo/gateway']) expect([dev, existsSync(join(copy.dir, 'node_modules', dev))]).toEqual([dev, false]);
  });

  describe('the container steps: node dist/src/main.js as a non-root user, NODE_ENV=production', () => {
    let simulator: RunningSimulator;
    beforeAll(async () => {
      simulator = await startSimulator({ port: 0, host: '127.0.0.1', users: 20 });
    });
    afterAll(() => simulator?.close());

    it('serves /health, /ready and a query through the router secret, and SIGTERM lets a request in flight finish, then exit 0', async () => {
      const secret = 'container-steps-router-secret-0123456789';
      // What the Kubernetes example sets (deploy/kubernetes), over the simulator standing in for PrivX.
      const server: StartedProcess = startProcess(process.execPath, ['dist/src/main.js'], {
        cwd: copy.dir,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          PORT: '0',
          HOST: '127.0.0.1',
          V41_BASE_URL: simulator.url,
          V41_OAUTH_CLIENT_ID: SIMULATOR_CREDENTIALS.oauthClientId,
          V41_OAUTH_CLIENT_SECRET: SIMULATOR_CREDENTIALS.oauthClientSecret,
          V41_API_CLIENT_ID: SIMULATOR_CREDENTIALS.apiClientId,
          V41_API_CLIENT_SECRET: SIMULATOR_CREDENTIALS.apiClientSecret,
          ROUTER_SECRET: secret,
        },
        ...asNonRoot,
      });
      try {
        const [, graphqlUrl] = (await server.waitFor(/ready at (http:\/\/[^\s"]+\/graphql)/, 60_000)) as unknown as [string, string];
        const base = graphqlUrl.replace(/\/graphql$/, '');
        if (process.getuid?.() === 0) expect(uidOf(server.child.pid!)).toBe(NOBODY.uid);
        expect((await send(`${base}/health`)).status).toBe(200);
        expect((await send(`${base}/ready`)).status).toBe(200);
        expect((await send(graphqlUrl, 'POST', QUERY)).status).toBe(401); // production is guarded
        const answer = await send(graphqlUrl, 'POST', QUERY, { [ROUTER_AUTHORIZATION_HEADER]: secret });
        expect(answer.status).toBe(200);
        expect(usernames(answer)).toHaveLength(3);
        expect((JSON.parse(answer.body) as { data: { users: { totalCount: number } } }).data.users.totalCount).toBe(20);

        simulator.stats.reset();
        await slowDownSearch(simulator.url, 1_500);
        const inFlight = send(graphqlUrl, 'POST', QUERY, { [ROUTER_AUTHORIZATION_HEADER]: secret });
        await untilUpstreamCalled(simulator.url);
        server.child.kill('SIGTERM');
        const late = await inFlight;
        expect(late.status).toBe(200);
        expect(usernames(late)).toHaveLength(3);
        expect(await server.exited).toEqual({ code: 0, signal: null });
        expect(server.output()).toContain('SIGTERM: draining in-flight requests, then shutting down');
        expect(server.output()).not.toContain(secret);
      } finally {
        await server.kill();
      }
    }, 90_000);
  });

  describe.each([
    ['SIGTERM', '1'],
    ['SIGINT', '1'],
    ['SIGTERM', '2'],
    ['SIGINT', '2'],
  ] as const)('%s to `npm start` (WEB_CONCURRENCY=%s)', (signal, workers) => {
    it('reaches node: a request in flight finishes, then npm exits 0 and no process is left', async () => {
      const app = startNpm(copy.dir, { PORT: '0', HOST: '127.0.0.1', SIM_USERS: '20', WEB_CONCURRENCY: workers });
      try {
        const [, graphqlUrl] = (await app.waitFor(/ready at (http:\/\/[^\s"]+\/graphql)/, 90_000)) as unknown as [string, string];
        const simulatorUrl = app.lines().find((l) => l.simulatorUrl)?.simulatorUrl as string;
        const pids = new Set(app.lines().map((l) => l.pid as number).filter(Number.isInteger));
        const server = app.lines().find((l) => typeof l.simulatorUrl === 'string')?.pid as number;
        // `exec` in the start script: node replaced npm's shell, so npm's signal goes straight to it.
        expect(parentOf(server)).toBe(app.child.pid);

        await fetch(`${simulatorUrl}/__reset`, { method: 'POST' });
        await slowDownSearch(simulatorUrl, 1_500);
        const inFlight = send(graphqlUrl, 'POST', QUERY);
        await untilUpstreamCalled(simulatorUrl);
        app.child.kill(signal);
        const answer = await inFlight;
        expect(answer.status).toBe(200);
        expect(usernames(answer)).toHaveLength(3);
        expect(await app.exited).toEqual({ code: 0, signal: null });
        expect(app.output()).toContain(`${signal}: `);
        await new Promise((r) => setTimeout(r, 200));
        for (const pid of pids) expect([pid, gone(pid)]).toEqual([pid, true]);
      } finally {
        await app.kill();
      }
    }, 120_000);
  });
});
