import { z } from 'zod';
import type { V41Connection } from '../datasources/v41/token-manager';

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

const envSchema = z.object({
  PORT: integer(0, 65535).default(4001),
  HOST: z.preprocess(emptyAsUndefined, z.string().optional()).default('0.0.0.0'),
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).optional()).default('development'),
  V41_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://privx.example.com' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  V41_OAUTH_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()).default('privx-external'),
  V41_OAUTH_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_API_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_API_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  V41_TIMEOUT_MS: integer(1, 600_000).default(10_000),
  CACHE_TTL_SECONDS: integer(0, 86_400).default(30),
  CACHE_MAX_ENTRIES: integer(1, 10_000_000).default(10_000),
  DATALOADERS_ENABLED: boolean.default(true),
});

export type UpstreamConfig = V41Connection;

export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  /** `undefined`: no upstream configured, start the embedded simulator. */
  upstream: Omit<UpstreamConfig, 'timeoutMs'> | undefined;
  upstreamTimeoutMs: number;
  cacheTtlSeconds: number;
  cacheMaxEntries: number;
  /** Off only to measure the naive cost (benchmarks, README table): one upstream call per user and relation. */
  dataloadersEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const CREDENTIAL_VARIABLES = ['V41_OAUTH_CLIENT_SECRET', 'V41_API_CLIENT_ID', 'V41_API_CLIENT_SECRET'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Values are left out of the message on purpose: a mistyped secret must not reach a log.
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.V41_BASE_URL) {
    const missing = CREDENTIAL_VARIABLES.filter((name) => !e[name]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: required when V41_BASE_URL is set`));
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
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
    dataloadersEnabled: e.DATALOADERS_ENABLED,
  };
}
