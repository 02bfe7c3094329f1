import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_USERS, generateDemoData } from './demo-data';
import type { DemoData } from './demo-types';
import { type Fault, FaultInjector } from './faults';
import { privxError, readBody, type Reply, sendReply, SimulatorHttpError } from './http-io';
import { deriveSeed } from './random';
import { Router } from './router';
import { adminRoutes, statusRoutes } from './routes-admin';
import { localUserRoutes } from './routes-local-users';
import { OutsideWriter, type OutsideWrite } from './outside-writer';
import { roleStoreRoutes, type RecordedRoleWrite } from './routes-role-store';
import { RequestStats } from './stats';
import { SimulatorStore } from './store';
import { authRoutes, TokenAuthority } from './token-authority';

export type { Fault } from './faults';
export type { OutsideWrite } from './outside-writer';
export type { RecordedRoleWrite } from './routes-role-store';
export type { RequestStats, RequestStatsSnapshot } from './stats';

/** The credentials the simulator accepts unless told otherwise. Not secrets: it only ever listens on loopback. */
export const SIMULATOR_CREDENTIALS = {
  oauthClientId: 'privx-external',
  oauthClientSecret: 'simulator-oauth-secret',
  apiClientId: 'simulator-api-client',
  apiClientSecret: 'simulator-api-secret',
} as const;

export interface SimulatorOptions {
  host: string;
  /** 0 picks a free ephemeral port. */
  port: number;
  users: number;
  seed: number;
  /** Added to every counted call. */
  latencyMs: number;
  /** Share (0..1) of counted calls answered `failureStatus`, drawn from a PRNG seeded by `seed`. */
  failureRate: number;
  /** The status of those failures: 503 `MAX_LOAD` unless given. */
  failureStatus: number;
  tokenTtlSeconds: number;
  oauthClientId: string;
  oauthClientSecret: string;
  apiClientId: string;
  apiClientSecret: string;
  /** The clock tokens expire by (epoch ms); inject one to test expiry without sleeping. */
  now: () => number;
}

export const DEFAULT_SIMULATOR_OPTIONS: Readonly<SimulatorOptions> = {
  host: '127.0.0.1',
  port: 0,
  users: DEFAULT_DEMO_USERS,
  seed: DEFAULT_DEMO_SEED,
  latencyMs: 0,
  failureRate: 0,
  failureStatus: 503,
  tokenTtlSeconds: 300,
  ...SIMULATOR_CREDENTIALS,
  now: () => Date.now(),
};

export interface RunningSimulator {
  /** `http://host:port`, no trailing slash. */
  url: string;
  /** The options in effect, defaults filled in. */
  options: Readonly<SimulatorOptions>;
  stats: RequestStats;
  data: DemoData;
  /** Makes matching counted calls answer `status` (a PrivX error body; `INTERNAL_ERROR` for 5xx). */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Every accepted `PUT /users/{id}/roles` body, oldest first (cleared by `clearFaults`). */
  roleWrites: RecordedRoleWrite[];
  /**
   * Another writer that changes the user's explicit grants right after the next read of them (`times` reads),
   * i.e. between a read-change-PUT client's read and its PUT.
   */
  armOutsideWrite(write: OutsideWrite): void;
  close(): Promise<void>;
}

const FAILURE_STREAM = 0x5eed;

function validate(options: SimulatorOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) problems.push(`port must be 0..65535, got ${options.port}`);
  if (!Number.isInteger(options.users) || options.users < 0) problems.push(`users must be a non-negative integer, got ${options.users}`);
  if (!Number.isSafeInteger(options.seed)) problems.push(`seed must be a safe integer, got ${options.seed}`);
  if (!Number.isFinite(options.latencyMs) || options.latencyMs < 0) problems.push(`latencyMs must be >= 0, got ${options.latencyMs}`);
  if (!(options.failureRate >= 0 && options.failureRate <= 1)) problems.push(`failureRate must be within 0..1, got ${options.failureRate}`);
  if (!Number.isInteger(options.failureStatus) || options.failureStatus < 400 || options.failureStatus > 599) problems.push(`failureStatus must be 400..599, got ${options.failureStatus}`);
  if (!Number.isFinite(options.tokenTtlSeconds) || options.tokenTtlSeconds <= 0) problems.push(`tokenTtlSeconds must be > 0, got ${options.tokenTtlSeconds}`);
  if (problems.length > 0) throw new RangeError(`Invalid simulator options: ${problems.join('; ')}`);
}

/**
 * Starts the embedded PrivX v41 simulator: the endpoints of docs/upstream-v41.md over plain `node:http` on
 * loopback, serving deterministic demo data, with call counting, latency, a failure rate and fault injection for
 * tests and benchmarks.
 */
export async function startSimulator(overrides: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const options: SimulatorOptions = { ...DEFAULT_SIMULATOR_OPTIONS, ...withoutUndefined(overrides) };
  validate(options);

  const data = generateDemoData({ users: options.users, seed: options.seed, apiClientName: options.apiClientId });
  const store = new SimulatorStore(data);
  const stats = new RequestStats();
  const tokens = new TokenAuthority(options);
  const writes = { recorded: [] as RecordedRoleWrite[], outsideWriter: new OutsideWriter(), now: () => new Date(options.now()).toISOString() };
  const upstreamRoutes = [...authRoutes(tokens), ...statusRoutes(new Date().toISOString()), ...roleStoreRoutes(store, writes), ...localUserRoutes(store)];
  const countedRoutes = upstreamRoutes.filter((route) => route.kind === 'data' || route.kind === 'status');
  const faults = new FaultInjector(
    options.failureRate,
    deriveSeed(options.seed, FAILURE_STREAM),
    new Set(countedRoutes.map((route) => `${route.method} ${route.template}`)),
    options.failureStatus,
  );
  const clearFaults = () => {
    faults.clear();
    writes.outsideWriter.clear();
    writes.recorded.length = 0;
  };
  const router = new Router().add(...upstreamRoutes, ...adminRoutes(stats, { faults, clear: clearFaults, outsideWriter: writes.outsideWriter }));

  async function answer(req: IncomingMessage): Promise<Reply> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const body = await readBody(req);
    const match = router.match(method, path);
    if (!match) return privxError(404, 'NOT_FOUND', `no route for ${method} ${path}`);
    const { route, params } = match;

    if (route.kind === 'data' || route.kind === 'status') {
      stats.record(`${method} ${route.template}`);
      if (options.latencyMs > 0) await delay(options.latencyMs);
      const failure = faults.failureFor(method, route.template);
      // Unref'd: a held answer must not keep a closing process alive.
      if (failure?.delayMs) await delay(failure.delayMs, undefined, { ref: false });
      if (failure?.reply) return failure.reply;
    }
    if (route.kind === 'data') {
      const rejection = tokens.rejection(req.headers.authorization);
      if (rejection) return rejection;
    }
    return route.handler({ params, query: url.searchParams, body, headers: req.headers });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await answer(req);
    } catch (error) {
      if (error instanceof SimulatorHttpError) reply = error.toReply();
      else {
        console.error('[simulator] unexpected error', error);
        reply = privxError(500, 'INTERNAL_ERROR', 'unexpected simulator error');
      }
    }
    if (!res.destroyed) sendReply(res, reply);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    options: { ...options, port },
    stats,
    data,
    injectFault: (fault) => faults.add(fault),
    clearFaults,
    roleWrites: writes.recorded,
    armOutsideWrite: (write) => writes.outsideWriter.arm(write),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold `close` open until they time out.
        server.closeAllConnections();
      }),
  };
}

function withoutUndefined<T extends object>(values: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
