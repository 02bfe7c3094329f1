import { Redis } from 'ioredis';
import { RedisCache, type RedisCacheOptions } from '../../datasources/cache';
import { CACHE_SCHEMA_VERSION } from '../../datasources/cache/value-codec';
import { redisBinary, startRedis, type RunningRedis } from '../../tools/redis-server';

const describeWithRedis = redisBinary() ? describe : describe.skip;
if (!redisBinary()) {
  // CI (.ci/run sets CI=true) must run them: a skip there would hide a broken install.
  if (process.env.CI === 'true') throw new Error('The RedisCache tests need redis-server (apt-get install -y redis-server)');
  console.warn('Skipping the RedisCache tests: redis-server is not installed (apt-get install -y redis-server).');
}

/** Two "replicas" are two caches over one Redis with one key prefix; the clock is shared and moved by hand. */
describeWithRedis('RedisCache, shared by replicas through a real Redis', () => {
  let redis: RunningRedis;
  let now = Date.UTC(2026, 0, 1);
  let prefix = 0;
  const caches: RedisCache[] = [];
  const warnings: string[] = [];

  const replicas = async (count: number, options: Partial<RedisCacheOptions> = {}): Promise<RedisCache[]> => {
    const keyPrefix = `test-${(prefix += 1)}`;
    const made = Array.from(
      { length: count },
      () =>
        new RedisCache({
          url: redis.url,
          ttlSeconds: 30,
          staleSeconds: 60,
          maxRecords: 1_000,
          lockMs: 2_000,
          timeoutMs: 500,
          keyPrefix,
          warn: (message) => warnings.push(message),
          now: () => now,
          ...options,
        }),
    );
    caches.push(...made);
    for (const cache of made) expect(await cache.whenReady(5_000)).toBe(true);
    return made;
  };
  const counting = () => {
    const calls = { count: 0 };
    const load = (value: string, ms = 20) => () =>
      new Promise<string>((resolve) => {
        calls.count += 1;
        setTimeout(() => resolve(value), ms);
      });
    return { calls, load };
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
    warnings.length = 0;
  });

  it('loads once for the whole cluster: a value one replica loaded is read by the other', async () => {
    const [a, b] = (await replicas(2)) as [RedisCache, RedisCache];
    const { calls, load } = counting();
    expect(await a.getOrLoad('roles', load('v1'))).toBe('v1');
    expect(await b.getOrLoad('roles', load('other'))).toBe('v1');
    expect(await b.peek('roles')).toBe('v1');
    expect(calls.count).toBe(1);
  });

  it('lets one replica load a key both miss at once while the other waits for its value', async () => {
    const [a, b] = (await replicas(2)) as [RedisCache, RedisCache];
    const { calls, load } = counting();
    const values = await Promise.all([a.getOrLoad('index', load('built', 200)), b.getOrLoad('index', load('built', 200)), b.getOrLoad('index', load('built', 200))]);
    expect(values).toEqual(['built', 'built', 'built']);
    expect(calls.count).toBe(1);
  });

  it('after expiry serves the stale value everywhere and refreshes it once in total', async () => {
    const [a, b] = (await replicas(2)) as [RedisCache, RedisCache];
    const { calls, load } = counting();
    await a.getOrLoad('roles', load('old'));
    await b.getOrLoad('roles', load('old'));
    now += 31_000;
    const during = await Promise.all([a.getOrLoad('roles', load('new', 100)), b.getOrLoad('roles', load('new', 100)), a.getOrLoad('roles', load('new', 100))]);
    expect(during).toEqual(['old', 'old', 'old']);
    await Promise.all([a.idle(), b.idle()]);
    now += 1_001; // past the short re-check of a stale value
    expect(await a.getOrLoad('roles', load('newer'))).toBe('new');
    expect(await b.getOrLoad('roles', load('newer'))).toBe('new');
    expect(calls.count).toBe(2);
  });

  it('keeps serving the stale value when the refresh fails, and says so', async () => {
    const [a, b] = (await replicas(2)) as [RedisCache, RedisCache];
    await a.getOrLoad('sources', async () => 'known');
    now += 31_000;
    expect(await b.getOrLoad('sources', () => Promise.reject(new Error('PrivX is down')))).toBe('known');
    await b.idle();
    now += 1_001;
    expect(await a.getOrLoad('sources', () => Promise.reject(new Error('PrivX is down')))).toBe('known');
    await a.idle();
    expect(warnings.filter((w) => w.includes('PrivX is down'))).toHaveLength(2);
  });

  it('writes under a versioned key with an expiry, and holds no value heavier than its bound', async () => {
    const [a] = (await replicas(1, { maxRecords: 10 })) as [RedisCache];
    await a.getOrLoad('small', async () => [1, 2]);
    expect(await a.getOrLoad('huge', async () => Array.from({ length: 50 }, (_, i) => i))).toHaveLength(50);
    const raw = new Redis(redis.url);
    try {
      const keys = (await raw.keys(`test-${prefix}:*`)).sort();
      expect(keys).toEqual([`test-${prefix}:${CACHE_SCHEMA_VERSION}:small`]);
      const ttl = await raw.pttl(keys[0] as string);
      expect(ttl).toBeGreaterThan(60_000);
      expect(ttl).toBeLessThanOrEqual(90_000);
    } finally {
      raw.disconnect();
    }
  });

  it('survives Redis going away: loads from upstream, warns once, reconnects by itself', async () => {
    const [a, b] = (await replicas(2)) as [RedisCache, RedisCache];
    const { calls, load } = counting();
    await redis.stop();
    expect(await a.getOrLoad('down', load('direct'))).toBe('direct');
    expect(await b.getOrLoad('down', load('direct'))).toBe('direct');
    expect(await a.getOrLoad('down', load('again'))).toBe('direct'); // still cached in the replica
    expect(calls.count).toBe(2);
    expect(warnings.filter((w) => w.startsWith('Redis cache unavailable'))).toHaveLength(2);
    expect(warnings.join('\n')).not.toContain('redis://');

    await redis.start();
    expect(await a.whenReady(10_000)).toBe(true);
    expect(await b.whenReady(10_000)).toBe(true);
    expect(warnings.filter((w) => w.startsWith('Redis cache reachable again'))).toHaveLength(2);
    await a.getOrLoad('after', load('shared'));
    expect(await b.getOrLoad('after', load('not shared'))).toBe('shared');
    expect(calls.count).toBe(3);
  });
});
