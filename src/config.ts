import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_RESILIENCE, type ResilienceOptions } from '../datasources/v41/resilience';
import type { V41Connection } from '../datasources/v41/token-manager';
import { DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from './admission/limits';
import type { AccessConfig } from './auth/caller';
import type { CorsOrigins } from './cors-policy';
import { LOG_LEVELS, type LogLevel } from './observability/logger';
import { DEFAULT_DEMAND_LIMITS, type DemandLimits } from './demand-control/limits';
import { DEFAULT_REQUEST_BOUNDS, type RequestBounds } from './request-bounds';

/**
 * Configuration from the environment, validated once at start. A bad value stops the process with a
 * message naming the variable, rather than surfacing later as an odd upstream failure.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const integer = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(emptyAsUndefined, z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional());
};

const boolean = z.preprocess(
  emptyAsUndefined,
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

const text = z.preprocess(emptyAsUndefined, z.string().optional());

/** Comma-separated origins (`https://app.example.com`, scheme, host and port only), or `*`. */
const origins = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => (list.length === 1 && list[0] === '*') || list.every(isOrigin), {
      error: 'must be * or comma-separated origins such as https://app.example.com',
    })
    .transform((list): CorsOrigins => (list[0] === '*' ? '*' : list))
    .optional(),
);

function isOrigin(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** Most workers one process tree may fork: past a few per core they only add memory and contention. */
export const MAX_WORKERS = 64;

/** `auto`: one worker per CPU this process may use; else a whole number of workers. */
const workers = (() => {
  const error = `must be a whole number from 1 to ${MAX_WORKERS}, or auto`;
  const count = z.coerce.number({ error }).int({ error }).min(1, { error }).max(MAX_WORKERS, { error });
  return z.preprocess(
    emptyAsUndefined,
    z
      .union([z.literal('auto'), count], { error })
      .transform((value) => (value === 'auto' ? Math.min(availableParallelism(), MAX_WORKERS) : value))
      .optional(),
  );
})();

const envSchema = z.object({
  PORT: integer(0, 65535).default(4001),
  WEB_CONCURRENCY: workers.default(1),
  HOST: text,
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).optional()).default('development'),
  V41_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://privx.example.com' })
      // Credentials in the URL would ride along into error messages; PrivX takes them as client secrets.
      .refine((u) => !/^https?:\/\/[^/]*@/i.test(u), { error: 'must not contain credentials (user:password@): use V41_API_CLIENT_ID and V41_API_CLIENT_SECRET' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  V41_SIMULATOR: boolean,
  V41_OAUTH_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()).default('privx-external'),
  V41_OAUTH_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_API_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_API_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_TIMEOUT_MS: integer(1, 600_000).default(3_000),
  CACHE_TTL_SECONDS: integer(0, 86_400).default(30),
  CACHE_STALE_IF_ERROR_SECONDS: integer(0, 86_400).default(600),
  CACHE_MAX_ENTRIES: integer(1, 10_000_000).default(10_000),
  CACHE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL such as redis://redis.internal:6379' }).optional(),
  ),
  CACHE_STALE_SECONDS: integer(0, 86_400).default(60),
  CACHE_LOCK_MS: integer(100, 600_000).default(10_000),
  CACHE_TIMEOUT_MS: integer(10, 60_000).default(500),
  CACHE_KEY_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[\w.-]+$/, { error: 'must be letters, digits, _ . -' }).optional()).default('privx-identity'),
  DATALOADERS_ENABLED: boolean.default(true),
  AUTH_JWKS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a JSON Web Key Set' }).optional()),
  AUTH_ISSUER: text,
  AUTH_AUDIENCE: text,
  AUTH_DISABLED: boolean.default(false),
  WRITES_ENABLED: boolean,
  ROUTER_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, { error: 'must be at least 16 characters' }).optional()),
  CORS_ORIGINS: origins,
  // Operability (logs, metrics, traces): see the README's "Observability" section.
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional()).default('info'),
  LOG_PRETTY: boolean,
  METRICS_PORT: integer(0, 65535),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4318' }).optional()),
  OTEL_SERVICE_NAME: z.preprocess(emptyAsUndefined, z.string().optional()).default('privx-identity-subgraph'),
  MAX_QUERY_COST: integer(1, 100_000_000).default(DEFAULT_DEMAND_LIMITS.maxCost),
  MAX_QUERY_DEPTH: integer(1, 1_000).default(DEFAULT_DEMAND_LIMITS.maxDepth),
  MAX_ALIASES: integer(0, 100_000).default(DEFAULT_DEMAND_LIMITS.maxAliases),
  MAX_TOKENS: integer(10, 1_000_000).default(DEFAULT_DEMAND_LIMITS.maxTokens),
  MAX_ENTITIES: integer(1, 100_000).default(DEFAULT_DEMAND_LIMITS.maxEntities),
  REQUEST_TIMEOUT_MS: integer(100, 600_000).default(DEFAULT_REQUEST_BOUNDS.timeoutMs),
  UPSTREAM_CALLS_PER_REQUEST: integer(1, 1_000_000).default(DEFAULT_REQUEST_BOUNDS.callBudget),
  UPSTREAM_CONCURRENCY: integer(1, 10_000).default(DEFAULT_RESILIENCE.concurrency),
  UPSTREAM_MAX_ATTEMPTS: integer(1, 10).default(DEFAULT_RESILIENCE.maxAttempts),
  UPSTREAM_BREAKER_THRESHOLD: integer(1, 10_000).default(DEFAULT_RESILIENCE.breakerThreshold),
  UPSTREAM_BREAKER_RESET_MS: integer(10, 600_000).default(DEFAULT_RESILIENCE.breakerResetMs),
  READY_INTERVAL_MS: integer(100, 600_000).default(10_000),
  MAX_IN_FLIGHT: integer(0, 100_000).default(DEFAULT_ADMISSION_LIMITS.maxInFlight),
  MAX_QUEUED: integer(0, 100_000).default(DEFAULT_ADMISSION_LIMITS.maxQueued),
  MAX_QUEUE_WAIT_MS: integer(1, 600_000).default(DEFAULT_ADMISSION_LIMITS.maxQueueWaitMs),
});

export type UpstreamConfig = V41Connection;

export interface AppConfig {
  port: number;
  /** Processes serving `port`: more than one runs a `node:cluster` primary that forks them (src/cluster). */
  workers: number;
  host: string;
  production: boolean;
  /** `undefined`: no upstream configured, start the embedded simulator. */
  upstream: Omit<UpstreamConfig, 'timeoutMs'> | undefined;
  upstreamTimeoutMs: number;
  cacheTtlSeconds: number;
  cacheMaxEntries: number;
  /** Set: the cache is shared with the other replicas through this Redis (see README, Production). */
  sharedCache: SharedCacheConfig | undefined;
  /** Off only to measure the naive cost (benchmarks, README table): one upstream call per user and relation. */
  dataloadersEnabled: boolean;
  /** Verified callers (JWT) and/or the router gate; empty: no access control. */
  access: AccessConfig;
  /** `WRITES_ENABLED`: true or false on purpose; unset: on with verified callers and in development (src/writes). */
  writesEnabled: boolean | undefined;
  corsOrigins: CorsOrigins;
  logLevel: LogLevel;
  /** Human-readable log lines: by default only in development on a terminal. */
  logPretty: boolean;
  /** `/metrics` on this port instead of `PORT`. */
  metricsPort: number | undefined;
  tracing: { otlpEndpoint: string | undefined; serviceName: string };
  cacheStaleIfErrorSeconds: number;
  /** What one operation may ask for, checked before it runs. */
  limits: DemandLimits;
  /** What one request may spend upstream while it runs. */
  requestBounds: RequestBounds;
  resilience: Pick<ResilienceOptions, 'concurrency' | 'maxAttempts' | 'breakerThreshold' | 'breakerResetMs'>;
  /** How long a readiness answer stands before `/ready` asks PrivX again. */
  readyIntervalMs: number;
  /** GraphQL requests worked on at once in this process, and how many may wait; past that, 503 SERVER_BUSY. */
  admission: AdmissionLimits;
}

export interface SharedCacheConfig {
  url: string;
  staleSeconds: number;
  lockMs: number;
  timeoutMs: number;
  keyPrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const CREDENTIAL_VARIABLES = ['V41_OAUTH_CLIENT_SECRET', 'V41_API_CLIENT_ID', 'V41_API_CLIENT_SECRET'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, terminal = Boolean(process.stdout.isTTY)): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Values are left out of the message on purpose: a mistyped secret must not reach a log.
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems = [...upstreamProblems(e), ...accessProblems(e), ...admissionProblems(e), ...(production ? productionProblems(e) : [])];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    workers: e.WEB_CONCURRENCY,
    // Without access control (development) only this machine can reach it; production is guarded, so it listens widely.
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    production,
    upstream: e.V41_BASE_URL
      ? {
          baseUrl: e.V41_BASE_URL,
          oauthClientId: e.V41_OAUTH_CLIENT_ID,
          oauthClientSecret: e.V41_OAUTH_CLIENT_SECRET ?? '',
          apiClientId: e.V41_API_CLIENT_ID ?? '',
          apiClientSecret: e.V41_API_CLIENT_SECRET ?? '',
        }
      : undefined,
    upstreamTimeoutMs: e.V41_TIMEOUT_MS,
    cacheTtlSeconds: e.CACHE_TTL_SECONDS,
    cacheMaxEntries: e.CACHE_MAX_ENTRIES,
    sharedCache: e.CACHE_URL
      ? { url: e.CACHE_URL, staleSeconds: e.CACHE_STALE_SECONDS, lockMs: e.CACHE_LOCK_MS, timeoutMs: e.CACHE_TIMEOUT_MS, keyPrefix: e.CACHE_KEY_PREFIX }
      : undefined,
    dataloadersEnabled: e.DATALOADERS_ENABLED,
    access: {
      ...(e.AUTH_JWKS_URL ? { jwt: { jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER ?? '', audience: e.AUTH_AUDIENCE ?? '' } } : {}),
      ...(e.ROUTER_SECRET ? { routerSecret: e.ROUTER_SECRET } : {}),
    },
    writesEnabled: e.WRITES_ENABLED,
    corsOrigins: e.CORS_ORIGINS ?? (production ? [] : '*'),
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? (e.NODE_ENV === 'development' && terminal),
    metricsPort: e.METRICS_PORT,
    tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    cacheStaleIfErrorSeconds: e.CACHE_STALE_IF_ERROR_SECONDS,
    limits: { maxCost: e.MAX_QUERY_COST, maxDepth: e.MAX_QUERY_DEPTH, maxAliases: e.MAX_ALIASES, maxTokens: e.MAX_TOKENS, maxEntities: e.MAX_ENTITIES },
    requestBounds: { timeoutMs: e.REQUEST_TIMEOUT_MS, callBudget: e.UPSTREAM_CALLS_PER_REQUEST },
    resilience: {
      concurrency: e.UPSTREAM_CONCURRENCY,
      maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
      breakerThreshold: e.UPSTREAM_BREAKER_THRESHOLD,
      breakerResetMs: e.UPSTREAM_BREAKER_RESET_MS,
    },
    readyIntervalMs: e.READY_INTERVAL_MS,
    admission: { maxInFlight: e.MAX_IN_FLIGHT, maxQueued: e.MAX_QUEUED, maxQueueWaitMs: e.MAX_QUEUE_WAIT_MS },
  };
}

type Env = z.infer<typeof envSchema>;

function upstreamProblems(e: Env): string[] {
  if (e.V41_BASE_URL && e.V41_SIMULATOR) return ['V41_SIMULATOR: cannot be true together with V41_BASE_URL'];
  if (!e.V41_BASE_URL && e.V41_SIMULATOR === false) return ['V41_BASE_URL: required when V41_SIMULATOR=false'];
  if (!e.V41_BASE_URL) return [];
  return CREDENTIAL_VARIABLES.filter((name) => !e[name]).map((name) => `${name}: required when V41_BASE_URL is set`);
}

/** Half an access configuration fails: a missing audience must not quietly mean "any audience". */
function accessProblems(e: Env): string[] {
  if (!e.AUTH_JWKS_URL) {
    return (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => e[name]).map((name) => `AUTH_JWKS_URL: required when ${name} is set`);
  }
  const problems = (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !e[name]).map((name) => `${name}: required when AUTH_JWKS_URL is set`);
  if (e.AUTH_DISABLED) problems.push('AUTH_DISABLED: cannot be true together with AUTH_JWKS_URL');
  return problems;
}

/** Waiting for a slot counts toward the deadline: a wait as long as the deadline would leave nothing to work with. */
function admissionProblems(e: Env): string[] {
  if (e.MAX_IN_FLIGHT === 0 || e.MAX_QUEUED === 0 || e.MAX_QUEUE_WAIT_MS < e.REQUEST_TIMEOUT_MS) return [];
  return ['MAX_QUEUE_WAIT_MS: must be less than REQUEST_TIMEOUT_MS (waiting for a slot counts toward the request deadline)'];
}

/** Production refuses to start half-configured: no demo data by accident, no open door by accident. */
function productionProblems(e: Env): string[] {
  const problems: string[] = [];
  if (!e.V41_BASE_URL && !e.V41_SIMULATOR) {
    problems.push('V41_BASE_URL: required in production (or V41_SIMULATOR=true to serve the demo simulator on purpose)');
  }
  if (!e.AUTH_JWKS_URL && !e.ROUTER_SECRET && !e.AUTH_DISABLED) {
    problems.push('AUTH_JWKS_URL or ROUTER_SECRET: one is required in production (or AUTH_DISABLED=true to serve without access control on purpose)');
  }
  if (e.AUTH_JWKS_URL && !/^https:|^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(e.AUTH_JWKS_URL)) {
    problems.push('AUTH_JWKS_URL: must be https in production (plain http only on loopback)');
  }
  return problems;
}
