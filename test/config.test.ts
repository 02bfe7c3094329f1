import { ConfigError, loadConfig } from '../src/config';

const REAL = {
  V41_BASE_URL: 'https://privx.example.com/',
  V41_OAUTH_CLIENT_SECRET: 'oauth-secret',
  V41_API_CLIENT_ID: 'api-client',
  V41_API_CLIENT_SECRET: 'api-secret',
};

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
  it('defaults to the embedded simulator on port 4001 with a 30 s cache', () => {
    expect(loadConfig({})).toEqual({
      port: 4001,
      host: '0.0.0.0',
      production: false,
      upstream: undefined,
      upstreamTimeoutMs: 10_000,
      cacheTtlSeconds: 30,
      cacheMaxEntries: 10_000,
      dataloadersEnabled: true,
    });
  });

  it('reads a real PrivX from the environment', () => {
    const config = loadConfig({ ...REAL, PORT: '8080', CACHE_TTL_SECONDS: '0', NODE_ENV: 'production' });
    expect(config.upstream).toEqual({
      baseUrl: 'https://privx.example.com',
      oauthClientId: 'privx-external',
      oauthClientSecret: 'oauth-secret',
      apiClientId: 'api-client',
      apiClientSecret: 'api-secret',
    });
    expect(config).toMatchObject({ port: 8080, cacheTtlSeconds: 0, production: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ CACHE_TTL_SECONDS: '-1' }, 'CACHE_TTL_SECONDS'],
    [{ CACHE_TTL_SECONDS: '1.5' }, 'CACHE_TTL_SECONDS'],
    [{ V41_BASE_URL: 'privx.example.com' }, 'V41_BASE_URL'],
    [{ V41_BASE_URL: 'ftp://privx.example.com' }, 'V41_BASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATALOADERS_ENABLED: 'maybe' }, 'DATALOADERS_ENABLED'],
    [{ V41_BASE_URL: 'https://privx.example.com' }, 'V41_API_CLIENT_SECRET'],
  ])('refuses %j naming %s', (env, variable) => {
    const problems = problemsOf(env as NodeJS.ProcessEnv);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('never echoes a value, so a mistyped secret stays out of logs', () => {
    const problems = problemsOf({ ...REAL, V41_BASE_URL: 'not a url with hunter2' });
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
