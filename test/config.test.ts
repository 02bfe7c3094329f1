import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../src/config';

const REAL = {
  V41_BASE_URL: 'https://privx.example.com/',
  V41_OAUTH_CLIENT_SECRET: 'oauth-secret',
  V41_API_CLIENT_ID: 'api-client',
  V41_API_CLIENT_SECRET: 'api-secret',
};

const JWT = {
  AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.com/',
  AUTH_AUDIENCE: 'identity',
};
const ROUTER = 'a-router-secret-of-32-characters';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the embedded simulator on port 4001 of this machine only, with a 30 s cache, open to any origin', () => {
    expect(loadConfig({}, false)).toEqual({
      port: 4001,
      workers: 1,
      host: '127.0.0.1',
      production: false,
      upstream: undefined,
      upstreamTimeoutMs: 3_000,
      cacheTtlSeconds: 30,
      cacheMaxEntries: 10_000,
      access: {},
      corsOrigins: '*',
      logLevel: 'info',
      logPretty: false,
      metricsPort: undefined,
      tracing: { otlpEndpoint: undefined, serviceName: 'privx-identity-subgraph' },
      cacheStaleIfErrorSeconds: 600,
      limits: { maxCost: 20_000, maxDepth: 12, maxAliases: 30, maxTokens: 5_000, maxEntities: 500 },
      requestBounds: { timeoutMs: 10_000, callBudget: 100 },
      resilience: { concurrency: 32, maxAttempts: 6, breakerThreshold: 10, breakerResetMs: 5_000 },
      readyIntervalMs: 10_000,
      admission: { maxInFlight: 8, maxQueued: 40, maxQueueWaitMs: 2_000 },
      changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24 },
    });
  });

  it('reads the change feed settings, 0 turning each off', () => {
    expect(loadConfig({ CHANGES_POLL_SECONDS: '5', CHANGES_FULL_SCAN_SECONDS: '60', CHANGES_RETENTION_HOURS: '48' }, false).changes).toEqual({
      pollSeconds: 5,
      fullScanSeconds: 60,
      retentionHours: 48,
    });
    expect(loadConfig({ CHANGES_POLL_SECONDS: '0' }, false).changes).toMatchObject({ pollSeconds: 0 });
    expect(loadConfig({ CHANGES_FULL_SCAN_SECONDS: '0' }, false).changes!.fullScanSeconds).toBeGreaterThan(1e12);
    expect(loadConfig({ CHANGES_RETENTION_HOURS: '0' }, false).changes).toBeUndefined();
    expect(problemsOf({ CHANGES_POLL_SECONDS: '-1' })).toEqual(['CHANGES_POLL_SECONDS: must be a whole number from 0 to 86400']);
    expect(problemsOf({ CHANGES_RETENTION_HOURS: 'day' })).toEqual(['CHANGES_RETENTION_HOURS: must be a whole number from 0 to 8760']);
  });

  it('logs pretty only in development on a terminal, unless LOG_PRETTY says otherwise', () => {
    expect(loadConfig({}, true).logPretty).toBe(true);
    const production = { NODE_ENV: 'production', V41_SIMULATOR: 'true', AUTH_DISABLED: 'true' };
    expect(loadConfig(production, true).logPretty).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'false' }, true).logPretty).toBe(false);
    expect(loadConfig({ ...production, LOG_PRETTY: 'true' }, false).logPretty).toBe(true);
  });

  it('WEB_CONCURRENCY: 1 to 64 workers, or auto (one per CPU); anything else names the variable', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '2' }).workers).toBe(2);
    expect(loadConfig({ WEB_CONCURRENCY: '64' }).workers).toBe(64);
    expect(loadConfig({ WEB_CONCURRENCY: '' }).workers).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: 'auto' }).workers).toBe(Math.min(availableParallelism(), 64));
    for (const bad of ['0', '65', '1.5', 'many', '-2']) {
      expect(problemsOf({ WEB_CONCURRENCY: bad })).toEqual(['WEB_CONCURRENCY: must be a whole number from 1 to 64, or auto']);
    }
  });

  it('reads the operability settings', () => {
    const config = loadConfig({ LOG_LEVEL: 'debug', METRICS_PORT: '9464', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'identity' });
    expect(config).toMatchObject({ logLevel: 'debug', metricsPort: 9464, tracing: { otlpEndpoint: 'http://127.0.0.1:4318', serviceName: 'identity' } });
  });

  it('reads a real PrivX from the environment', () => {
    const config = loadConfig({ ...REAL, PORT: '8080', CACHE_TTL_SECONDS: '0', NODE_ENV: 'production', ROUTER_SECRET: ROUTER });
    expect(config.upstream).toEqual({
      baseUrl: 'https://privx.example.com',
      oauthClientId: 'privx-external',
      oauthClientSecret: 'oauth-secret',
      apiClientId: 'api-client',
      apiClientSecret: 'api-secret',
    });
    expect(config).toMatchObject({ port: 8080, cacheTtlSeconds: 0, production: true, host: '0.0.0.0', corsOrigins: [] });
  });

  it('reads verified callers, the router secret and CORS origins', () => {
    const config = loadConfig({ ...JWT, ROUTER_SECRET: ROUTER, CORS_ORIGINS: 'https://app.example.com, http://localhost:3000' });
    expect(config.access).toEqual({
      jwt: { jwksUrl: 'https://idp.example.com/.well-known/jwks.json', issuer: 'https://idp.example.com/', audience: 'identity' },
      routerSecret: ROUTER,
    });
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it('production refuses to start half-configured, naming every missing variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^V41_BASE_URL: required in production \(or V41_SIMULATOR=true/);
    expect(problems[1]).toMatch(/^AUTH_JWKS_URL or ROUTER_SECRET: one is required in production \(or AUTH_DISABLED=true/);
  });

  it.each([
    [{ ...REAL, ROUTER_SECRET: ROUTER }],
    [{ ...REAL, ...JWT }],
    [{ V41_SIMULATOR: 'true', AUTH_DISABLED: 'true' }],
  ])('production starts when both are said on purpose: %j', (env) => {
    expect(loadConfig({ NODE_ENV: 'production', ...env }).production).toBe(true);
  });

  it('production wants the key set over https, except on loopback', () => {
    expect(problemsOf({ NODE_ENV: 'production', ...REAL, ...JWT, AUTH_JWKS_URL: 'http://idp.example.com/jwks' })).toEqual([
      'AUTH_JWKS_URL: must be https in production (plain http only on loopback)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ...REAL, ...JWT, AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks' })).toEqual([]);
  });

  it('reads hosts as fetch does: user-info before an @ is not the host, and loopback means 127.0.0.0/8, ::1 or localhost', () => {
    const production = { NODE_ENV: 'production', ...REAL, ...JWT };
    // The issue's probe: user `127.0.0.1`, password `1`, at host.example. Refused for the credentials, in any mode.
    for (const mode of [{}, production]) {
      expect(problemsOf({ ...mode, ...JWT, AUTH_JWKS_URL: 'http://127.0.0.1:1@host.example/jwks' })).toEqual(['AUTH_JWKS_URL: must not contain credentials (user:password@)']);
    }
    for (const remote of ['http://localhost.example.com/jwks', 'http://127.0.0.1.nip.io/jwks', 'http://10.0.0.1/jwks', 'http://[::2]/jwks']) {
      expect([remote, problemsOf({ ...production, AUTH_JWKS_URL: remote })]).toEqual([remote, ['AUTH_JWKS_URL: must be https in production (plain http only on loopback)']]);
    }
    for (const loopback of ['http://127.0.0.2:9000/jwks', 'http://[::1]:9000/jwks', 'http://LOCALHOST/jwks', 'http://[::ffff:127.0.0.1]/jwks']) {
      expect([loopback, problemsOf({ ...production, AUTH_JWKS_URL: loopback })]).toEqual([loopback, []]);
    }
  });

  it('production refuses plain http to a remote PrivX unless V41_ALLOW_PLAINTEXT_HTTP=true says so', () => {
    const production = { NODE_ENV: 'production', ...REAL, ROUTER_SECRET: ROUTER };
    const problem = /^V41_BASE_URL: must be https in production \(plain http only on loopback, or V41_ALLOW_PLAINTEXT_HTTP=true/;
    expect(problemsOf({ ...production, V41_BASE_URL: 'http://privx.example.com' })).toEqual([expect.stringMatching(problem)]);
    expect(problemsOf({ ...production, V41_BASE_URL: 'http://10.1.2.3:8080' })).toEqual([expect.stringMatching(problem)]);
    expect(loadConfig({ ...production, V41_BASE_URL: 'http://privx.example.com', V41_ALLOW_PLAINTEXT_HTTP: 'true' }).upstream?.baseUrl).toBe('http://privx.example.com');
    expect(problemsOf({ ...production, V41_BASE_URL: 'http://127.0.0.1:8080' })).toEqual([]);
    expect(problemsOf({ ...production, V41_BASE_URL: 'https://privx.example.com' })).toEqual([]);
    // Development talks to anything: it has no secrets of a deployment to lose.
    expect(problemsOf({ ...REAL, V41_BASE_URL: 'http://privx.example.com' })).toEqual([]);
  });

  it('knows two modes: NODE_ENV=test (or any other) is refused rather than started open like development', () => {
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([expect.stringMatching(/^NODE_ENV: must be development or production/)]);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(loadConfig({}).production).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ CACHE_TTL_SECONDS: '-1' }, 'CACHE_TTL_SECONDS'],
    [{ MAX_QUERY_COST: '0' }, 'MAX_QUERY_COST'],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, 'REQUEST_TIMEOUT_MS'],
    [{ UPSTREAM_CONCURRENCY: '0' }, 'UPSTREAM_CONCURRENCY'],
    [{ MAX_IN_FLIGHT: '-1' }, 'MAX_IN_FLIGHT'],
    [{ MAX_IN_FLIGHT: 'many' }, 'MAX_IN_FLIGHT'],
    [{ MAX_QUEUED: '2.5' }, 'MAX_QUEUED'],
    [{ MAX_QUEUE_WAIT_MS: '0' }, 'MAX_QUEUE_WAIT_MS'],
    [{ MAX_QUEUE_WAIT_MS: '10000' }, 'MAX_QUEUE_WAIT_MS'],
    [{ MAX_QUEUE_WAIT_MS: '500', REQUEST_TIMEOUT_MS: '400' }, 'MAX_QUEUE_WAIT_MS'],
    [{ UPSTREAM_MAX_ATTEMPTS: '11' }, 'UPSTREAM_MAX_ATTEMPTS'],
    [{ ...REAL, V41_BASE_URL: 'https://admin:hunter2@privx.example.com' }, 'V41_BASE_URL'],
    [{ CACHE_TTL_SECONDS: '1.5' }, 'CACHE_TTL_SECONDS'],
    [{ V41_BASE_URL: 'privx.example.com' }, 'V41_BASE_URL'],
    [{ V41_BASE_URL: 'ftp://privx.example.com' }, 'V41_BASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'test' }, 'NODE_ENV'],
    [{ V41_ALLOW_PLAINTEXT_HTTP: 'yes' }, 'V41_ALLOW_PLAINTEXT_HTTP'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ LOG_PRETTY: 'yes' }, 'LOG_PRETTY'],
    [{ METRICS_PORT: '99999' }, 'METRICS_PORT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ V41_BASE_URL: 'https://privx.example.com' }, 'V41_API_CLIENT_SECRET'],
    [{ ...REAL, V41_BASE_URL: 'https://admin:pw@privx.example.com' }, 'V41_BASE_URL'],
    [{ ...REAL, V41_SIMULATOR: 'true' }, 'V41_SIMULATOR'],
    [{ V41_SIMULATOR: 'false' }, 'V41_BASE_URL'],
    [{ AUTH_JWKS_URL: 'https://idp.example.com/jwks', AUTH_AUDIENCE: 'identity' }, 'AUTH_ISSUER'],
    [{ AUTH_JWKS_URL: 'https://idp.example.com/jwks', AUTH_ISSUER: 'https://idp.example.com/' }, 'AUTH_AUDIENCE'],
    [{ AUTH_AUDIENCE: 'identity' }, 'AUTH_JWKS_URL'],
    [{ ...JWT, AUTH_DISABLED: 'true' }, 'AUTH_DISABLED'],
    [{ AUTH_JWKS_URL: 'idp.example.com' }, 'AUTH_JWKS_URL'],
    [{ ROUTER_SECRET: 'short' }, 'ROUTER_SECRET'],
    [{ CORS_ORIGINS: 'https://app.example.com/path' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: '*, https://app.example.com' }, 'CORS_ORIGINS'],
  ])('refuses %j naming %s', (env, variable) => {
    const problems = problemsOf(env as NodeJS.ProcessEnv);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('bounds requests in flight per process; 0 turns the bound off, and then the queue settings are not checked', () => {
    expect(loadConfig({ MAX_IN_FLIGHT: '4', MAX_QUEUED: '0', MAX_QUEUE_WAIT_MS: '250' }).admission).toEqual({ maxInFlight: 4, maxQueued: 0, maxQueueWaitMs: 250 });
    expect(loadConfig({ MAX_IN_FLIGHT: '0', MAX_QUEUE_WAIT_MS: '20000' }).admission.maxInFlight).toBe(0);
  });

  it('shares the cache through Redis only when CACHE_URL is set', () => {
    expect(loadConfig({}).sharedCache).toBeUndefined();
    expect(loadConfig({ CACHE_URL: 'redis://:pw@redis.internal:6379/2', CACHE_LOCK_MS: '3000' }).sharedCache).toEqual({
      url: 'redis://:pw@redis.internal:6379/2',
      staleSeconds: 60,
      lockMs: 3_000,
      timeoutMs: 500,
      keyPrefix: 'privx-identity',
    });
    expect(loadConfig({ CACHE_URL: 'rediss://redis.internal:6380', CACHE_KEY_PREFIX: 'identity-eu' }).sharedCache?.keyPrefix).toBe('identity-eu');
  });

  it.each([
    [{ CACHE_URL: 'http://redis.internal' }, 'CACHE_URL'],
    [{ CACHE_URL: 'redis://:hunter2@' }, 'CACHE_URL'],
    [{ CACHE_STALE_SECONDS: '-1' }, 'CACHE_STALE_SECONDS'],
    [{ CACHE_LOCK_MS: '10' }, 'CACHE_LOCK_MS'],
    [{ CACHE_TIMEOUT_MS: 'soon' }, 'CACHE_TIMEOUT_MS'],
    [{ CACHE_KEY_PREFIX: 'a b' }, 'CACHE_KEY_PREFIX'],
  ])('refuses %j naming %s, without echoing it', (env, variable) => {
    const problems = problemsOf(env as NodeJS.ProcessEnv);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('never echoes a value, so a mistyped secret stays out of logs', () => {
    const problems = problemsOf({ ...REAL, V41_BASE_URL: 'not a url with hunter2' });
    expect(problems.join('\n')).not.toContain('hunter2');
    const more = problemsOf({ ...REAL, V41_BASE_URL: 'https://admin:hunter2@privx.example.com', ROUTER_SECRET: 'hunter2' });
    expect(more).toHaveLength(2);
    expect(more.join('\n')).not.toContain('hunter2');
  });
});
