import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { startMain, type StartedProcess } from '../helpers/npm-start';
import { waitUntil } from '../helpers/wait-until';

/** WEB_CONCURRENCY > 1: `npm start` as a real process tree (primary, workers, one embedded simulator). */

const QUERY = JSON.stringify({ query: 'query ClusterProbe { users(first: 3) { nodes { id } } }' });

interface Answer {
  status: number;
  body: string;
  requestId: string | undefined;
}

/** One request on a connection of its own, so the primary hands it to whichever worker is next. */
function send(url: string, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, requestId: res.headers['x-request-id'] as string | undefined }));
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${url} within 20 s`)));
    req.end(body);
  });
}

/** Matches once every one of these request ids (UUIDs: no regex metacharacters) has been logged. */
const allOf = (requestIds: string[]) => new RegExp(`^${requestIds.map((id) => `(?=[\\s\\S]*"requestId":"${id}")`).join('')}`);

const graphql = (url: string) => send(url, 'POST', QUERY);

/** The value of one sample line of a Prometheus text body. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

async function startCluster(env: Record<string, string>): Promise<{ app: StartedProcess; graphqlUrl: string; base: string; simulatorUrl: string }> {
  const app = startMain({ WEB_CONCURRENCY: '2', PORT: '0', HOST: '127.0.0.1', SIM_USERS: '20', ...env });
  const [, graphqlUrl] = (await app.waitFor(/ready at (http:\/\/[^\s"]+\/graphql)/, 90_000)) as unknown as [string, string];
  const simulatorUrl = app.lines().find((l) => l.simulatorUrl)?.simulatorUrl as string;
  return { app, graphqlUrl, base: graphqlUrl.replace(/\/graphql$/, ''), simulatorUrl };
}

function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '?';
  } catch {
    return 'gone';
  }
}

const upstreamCalls = async (simulatorUrl: string) => ((await (await fetch(`${simulatorUrl}/__stats`)).json()) as { total: number }).total;

describe('WEB_CONCURRENCY=2', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  beforeAll(async () => {
    cluster = await startCluster({});
  }, 120_000);
  afterAll(async () => {
    await cluster?.app.kill();
  });

  it('both workers serve the shared port from one simulator, and /metrics sums them', async () => {
    const { app, graphqlUrl, base, simulatorUrl } = cluster;
    await fetch(`${simulatorUrl}/__reset`, { method: 'POST' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => graphql(graphqlUrl)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const data = answers.map((a) => JSON.parse(a.body) as { data: { users: { nodes: { id: string }[] } } });
    expect(data[0]!.data.users.nodes).toHaveLength(3);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // One upstream search per request, all at the one simulator the primary started for every worker.
    expect(await upstreamCalls(simulatorUrl)).toBe(8);
    // Each operation's log line names the process that served it: both workers did.
    await app.waitFor(allOf(answers.map((a) => a.requestId!)));
    const served = app.lines().filter((l) => answers.some((a) => a.requestId === l.requestId));
    expect(served).toHaveLength(8);
    expect(new Set(served.map((l) => l.worker))).toEqual(new Set([1, 2]));
    expect(new Set(served.map((l) => l.pid)).size).toBe(2);
    // Whichever worker answers a scrape, it reports the sum over both: 8, never one worker's share.
    for (let i = 0; i < 3; i += 1) {
      const metrics = await send(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(sample(metrics.body, 'graphql_operations_total{operation="ClusterProbe",outcome="success"}')).toBe(8);
      expect(sample(metrics.body, 'privx_upstream_requests_total{route="POST /role-store/api/v1/users/search",status="200"}')).toBe(8);
    }
    for (const path of ['/health', '/ready']) expect((await send(`${base}${path}`)).status).toBe(200);
  }, 60_000);

  it('replaces a worker killed with SIGKILL, logging how it died, while requests keep succeeding', async () => {
    const { app, graphqlUrl } = cluster;
    const victim = app.lines().find((l) => l.msg === 'Worker 1 serving')?.workerPid as number;
    process.kill(victim, 'SIGKILL');
    // A connection handed to the worker at the instant it died is lost with it (Node's cluster cannot take it
    // back); from the moment the primary knows, every request goes to a live worker.
    await app.waitFor(/Worker 1 exited unexpectedly/);
    const during = await Promise.all(Array.from({ length: 4 }, () => graphql(graphqlUrl)));
    expect(during.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await app.waitFor(/Worker 3 serving/, 60_000);
    const death = app.lines().find((l) => l.msg === 'Worker 1 exited unexpectedly (signal SIGKILL)');
    expect(death).toMatchObject({ workerPid: victim, signal: 'SIGKILL' });
    const after = await Promise.all(Array.from({ length: 6 }, () => graphql(graphqlUrl)));
    expect(after.map((a) => a.status)).toEqual(Array(6).fill(200));
    await app.waitFor(allOf(after.map((a) => a.requestId!)));
    const served = app.lines().filter((l) => after.some((a) => a.requestId === l.requestId));
    expect(new Set(served.map((l) => l.worker))).toEqual(new Set([2, 3]));
  }, 90_000);
});

describe('WEB_CONCURRENCY=2 with METRICS_PORT', () => {
  it('serves the summed /metrics on its own port; SIGTERM lets a slow request in flight finish, then the primary exits 0', async () => {
    const { app, graphqlUrl, base, simulatorUrl } = await startCluster({ METRICS_PORT: '0' });
    try {
      const metricsUrl = app.lines().find((l) => typeof l.metrics === 'string')?.metrics as string;
      expect(new URL(metricsUrl).port).not.toBe(new URL(base).port);
      expect((await send(`${base}/metrics`)).status).toBe(404); // METRICS_PORT keeps it off the public port
      await fetch(`${simulatorUrl}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', route: '/role-store/api/v1/users/search', delayMs: 1_500 }),
      });
      const inFlight = graphql(graphqlUrl);
      await waitUntil(async () => (await upstreamCalls(simulatorUrl)) > 0, 'the request reached the simulator', { timeoutMs: 20_000, intervalMs: 20 });
      // The primary's sum, on its own port: the one slow call is in flight in one of the workers.
      const scrape = await send(metricsUrl);
      expect(sample(scrape.body, 'privx_upstream_requests_in_flight')).toBe(1);
      app.child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as { data: { users: { nodes: unknown[] } } }).data.users.nodes).toHaveLength(3);
      expect(await app.exited).toEqual({ code: 0, signal: null });
      expect(app.output()).toMatch(/Worker 1 stopped \(exit code 0\)/);
      expect(app.output()).toMatch(/Worker 2 stopped \(exit code 0\)/);
      // The simulator outlived the drain, then closed with the primary.
      await expect(fetch(`${simulatorUrl}/__stats`)).rejects.toThrow();
    } finally {
      await app.kill();
    }
  }, 120_000);
});

describe('WEB_CONCURRENCY=2 shutdown, forced', () => {
  it('a second SIGTERM (not the same one delivered twice) stops the workers at once and exits 1', async () => {
    const { app, graphqlUrl, simulatorUrl } = await startCluster({});
    try {
      const workers = app.lines().filter((l) => typeof l.workerPid === 'number').map((l) => l.workerPid as number);
      await fetch(`${simulatorUrl}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', route: '/role-store/api/v1/users/search', delayMs: 60_000 }),
      });
      const stuck = graphql(graphqlUrl).catch((error: Error) => error);
      await waitUntil(async () => (await upstreamCalls(simulatorUrl)) > 0, 'the request reached the simulator', { timeoutMs: 20_000, intervalMs: 20 });
      app.child.kill('SIGTERM');
      app.child.kill('SIGTERM'); // what a terminal and npm together deliver for one Ctrl-C: still a graceful stop
      await app.waitFor(/each worker drains/);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(app.child.exitCode).toBeNull();
      app.child.kill('SIGTERM');
      expect(await app.exited).toEqual({ code: 1, signal: null });
      expect(app.output()).toContain('SIGTERM again: stopping now');
      expect(((await stuck) as Error).message).toMatch(/socket hang up|ECONNRESET/); // its worker was killed mid-request
      // Gone, or dead and not yet reaped by whatever adopted it (a zombie, state Z).
      await new Promise((r) => setTimeout(r, 200));
      for (const pid of workers) expect(processState(pid)).toMatch(/^(gone|Z)$/);
    } finally {
      await app.kill();
    }
  }, 120_000);
});

describe('WEB_CONCURRENCY start-up failures', () => {
  it('a bad WEB_CONCURRENCY exits 1, naming the variable, once, before forking', async () => {
    const app = startMain({ WEB_CONCURRENCY: '0' });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.output()).toBe('Invalid configuration:\n  - WEB_CONCURRENCY: must be a whole number from 1 to 64, or auto\n');
  }, 30_000);

  it('workers that cannot start (the port is taken) make the primary exit 1 with their reason, said once', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as { port: number }).port);
      const app = startMain({ WEB_CONCURRENCY: '2', PORT: port, HOST: '127.0.0.1', SIM_USERS: '5' });
      expect(await app.exited).toEqual({ code: 1, signal: null });
      expect(app.output().match(/Failed to start: .*EADDRINUSE/g)).toHaveLength(1);
      expect(app.output()).not.toContain('ready at');
    } finally {
      taken.close();
    }
  }, 90_000);
});
