import { Redis } from 'ioredis';
import { MemoryCache, RedisCache, type SharedCache } from '../../datasources/cache';
import { redisBinary, startRedis, type RunningRedis } from '../../tools/redis-server';

/**
 * The README promises the same stale-if-error behaviour with and without CACHE_URL (issue 21, section 3): one
 * table of cases, run against the in-process store and the Redis store over a real redis-server. The clock is
 * moved by hand; TTL 30 s, stale-if-error 600 s, and (Redis only) a stale-while-revalidate window of 60 s, so
 * the cases look past it: what they check is the failed refresh, not the background one.
 */

const TTL_S = 30;
const STALE_IF_ERROR_S = 600;
const REDIS_STALE_S = 60;
const REFERENCE = { staleIfError: true } as const;
const down = () => Promise.reject(new Error('PrivX is down'));

interface Clock {
  now: number;
  /** Moves the clock; for Redis also its own expiry (PTTL), so keys past their life are really gone. */
  advance(seconds: number): Promise<void>;
}

type Case = [name: string, run: (cache: SharedCache, clock: Clock) => Promise<void>];

const CASES: Case[] = [
  [
    'within the TTL: the value, no load',
    async (cache, clock) => {
      await cache.getOrLoad('roles', async () => 'good', REFERENCE);
      await clock.advance(TTL_S - 1);
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('good');
    },
  ],
  [
    'a failed refresh of reference data after the TTL answers the last good value',
    async (cache, clock) => {
      await cache.getOrLoad('roles', async () => 'good', REFERENCE);
      await clock.advance(TTL_S + REDIS_STALE_S + 1);
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('good');
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('good');
    },
  ],
  [
    'after the TTL a refresh that succeeds answers the new value',
    async (cache, clock) => {
      await cache.getOrLoad('roles', async () => 'old', REFERENCE);
      await clock.advance(TTL_S + REDIS_STALE_S + 1);
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('old');
      expect(await cache.getOrLoad('roles', async () => 'new', REFERENCE)).toBe('new');
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('new');
    },
  ],
  [
    'past TTL + the stale-if-error bound, a failed refresh fails',
    async (cache, clock) => {
      await cache.getOrLoad('roles', async () => 'good', REFERENCE);
      await clock.advance(TTL_S + STALE_IF_ERROR_S + 1);
      await expect(cache.getOrLoad('roles', down, REFERENCE)).rejects.toThrow('PrivX is down');
    },
  ],
  [
    'stale-if-error only where asked: other data fails once expired',
    async (cache, clock) => {
      await cache.getOrLoad('user-roles:1', async () => 'good');
      await clock.advance(TTL_S + REDIS_STALE_S + 1);
      await expect(cache.getOrLoad('user-roles:1', down)).rejects.toThrow('PrivX is down');
    },
  ],
  [
    'a value `set` as reference data counts too',
    async (cache, clock) => {
      cache.set('local-users', 'listed', REFERENCE);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the Redis store writes in the background
      await clock.advance(TTL_S + REDIS_STALE_S + 1);
      expect(await cache.getOrLoad('local-users', down, REFERENCE)).toBe('listed');
    },
  ],
  [
    'a whole-directory value heavier than the record bound is held apart, outside it; a per-user one is not kept',
    async (cache) => {
      const index = Array.from({ length: 5_000 }, (_, i) => i); // the bound is 1,000 records
      expect(await cache.getOrLoad('role-membership', async () => index, { ...REFERENCE, apart: true })).toHaveLength(5_000);
      expect(await cache.getOrLoad('role-membership', down, { ...REFERENCE, apart: true })).toHaveLength(5_000);
      expect(await cache.peek('role-membership', undefined, { ...REFERENCE, apart: true })).toHaveLength(5_000);
      expect(await cache.getOrLoad('user-roles:1', async () => index)).toHaveLength(5_000);
      await expect(cache.getOrLoad('user-roles:1', down)).rejects.toThrow('PrivX is down');
    },
  ],
  [
    'nothing known: a failed load fails, and is not kept',
    async (cache) => {
      await expect(cache.getOrLoad('sources', down, REFERENCE)).rejects.toThrow('PrivX is down');
      expect(await cache.getOrLoad('sources', async () => 'recovered', REFERENCE)).toBe('recovered');
    },
  ],
];

function clockAt(start: number, alsoMove?: (ms: number) => Promise<void>): Clock {
  const clock: Clock = {
    now: start,
    advance: async (seconds) => {
      clock.now += seconds * 1000;
      await alsoMove?.(seconds * 1000);
    },
  };
  return clock;
}

describe('stale-if-error: the in-process store', () => {
  it.each(CASES)('%s', async (_, run) => {
    const clock = clockAt(10_000);
    await run(new MemoryCache({ ttlSeconds: TTL_S, maxRecords: 1_000, staleIfErrorSeconds: STALE_IF_ERROR_S, now: () => clock.now }), clock);
  });
});

const describeWithRedis = redisBinary() ? describe : describe.skip;
if (!redisBinary()) {
  if (process.env.CI === 'true') throw new Error('The stale-if-error tests need redis-server (apt-get install -y redis-server)');
  console.warn('Skipping the Redis half of the stale-if-error tests: redis-server is not installed.');
}

describeWithRedis('stale-if-error: the Redis store (CACHE_URL), over a real redis-server', () => {
  let redis: RunningRedis;
  let raw: Redis;
  let prefix = 0;
  const caches: RedisCache[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    raw?.disconnect();
    await redis?.close();
  });
  /** What Redis does as time passes: every key's life shortened by `ms`, and gone at its end. */
  const expireBy = async (ms: number) => {
    for (const key of await raw.keys('sie-*')) {
      const left = await raw.pttl(key);
      if (left < 0) continue;
      if (left <= ms) await raw.del(key);
      else await raw.pexpire(key, left - ms);
    }
  };
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
  });

  const replica = async (clock: Clock, keyPrefix: string) => {
    const cache = new RedisCache({
      url: redis.url,
      ttlSeconds: TTL_S,
      staleSeconds: REDIS_STALE_S,
      staleIfErrorSeconds: STALE_IF_ERROR_S,
      maxRecords: 1_000,
      lockMs: 1_000,
      timeoutMs: 500,
      keyPrefix,
      warn: () => undefined,
      now: () => clock.now,
    });
    caches.push(cache);
    expect(await cache.whenReady(5_000)).toBe(true);
    return cache;
  };

  it.each(CASES)('%s', async (_, run) => {
    const clock = clockAt(Date.UTC(2026, 0, 1), expireBy);
    await run(await replica(clock, `sie-${(prefix += 1)}`), clock);
  });

  it.each(CASES)('%s (the value loaded by another replica)', async (_, run) => {
    const clock = clockAt(Date.UTC(2026, 0, 1), expireBy);
    const keyPrefix = `sie-${(prefix += 1)}`;
    const [a, b] = [await replica(clock, keyPrefix), await replica(clock, keyPrefix)];
    // Each write goes through `a`, each read after the clock moved through `b`, which never held the value.
    let moved = false;
    const split: SharedCache = {
      sharesLoads: true,
      getOrLoad: (key, load, options) => (moved ? b : a).getOrLoad(key, load, options),
      peek: (key, refresh) => (moved ? b : a).peek(key, refresh),
      set: (key, value, options) => a.set(key, value, options),
      invalidate: (keys) => a.invalidate(keys),
      forget: (keys, scope) => a.forget(keys, scope),
      coordination: a.coordination,
      close: async () => undefined,
    };
    const splitClock: Clock = {
      get now() {
        return clock.now;
      },
      advance: (seconds) => {
        moved = true;
        return clock.advance(seconds);
      },
    };
    await run(split, splitClock);
  });

  it('Redis gone: this replica\'s own copy still answers a failed refresh of reference data', async () => {
    const clock = clockAt(Date.UTC(2026, 0, 1));
    const cache = await replica(clock, `sie-${(prefix += 1)}`);
    await cache.getOrLoad('roles', async () => 'good', REFERENCE);
    await redis.stop();
    try {
      await clock.advance(TTL_S + REDIS_STALE_S + 1);
      expect(await cache.getOrLoad('roles', down, REFERENCE)).toBe('good');
      await expect(cache.getOrLoad('user-roles:1', down)).rejects.toThrow('PrivX is down');
    } finally {
      await redis.start();
    }
  });
});
