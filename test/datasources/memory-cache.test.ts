import { createSharedCache, MemoryCache, NoCache } from '../../datasources/cache';

describe('MemoryCache', () => {
  it('loads once and shares one in-flight load among concurrent callers', async () => {
    const cache = new MemoryCache({ ttlSeconds: 30, maxRecords: 100 });
    let loads = 0;
    const load = () => new Promise<string>((resolve) => setTimeout(() => resolve(`v${(loads += 1)}`), 10));
    const values = await Promise.all(Array.from({ length: 5 }, () => cache.getOrLoad('k', load)));
    expect(values).toEqual(['v1', 'v1', 'v1', 'v1', 'v1']);
    expect(await cache.getOrLoad('k', load)).toBe('v1');
    expect(loads).toBe(1);
  });

  it('forgets a value after its TTL', async () => {
    let now = 10_000; // lru-cache reads a start time of 0 as "no TTL"
    const cache = new MemoryCache({ ttlSeconds: 1, maxRecords: 100, now: () => now });
    await cache.getOrLoad('k', async () => 'old');
    now = 10_999;
    expect(await cache.peek('k')).toBe('old');
    now = 11_001;
    expect(await cache.peek('k')).toBeUndefined();
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
  });

  it('does not keep a failed load', async () => {
    const cache = new MemoryCache({ ttlSeconds: 30, maxRecords: 100 });
    await expect(cache.getOrLoad('k', async () => Promise.reject(new Error('upstream down')))).rejects.toThrow('upstream down');
    expect(await cache.getOrLoad('k', async () => 'recovered')).toBe('recovered');
  });

  it('stale-if-error: a failed refresh answers the last good value within the bound, then fails', async () => {
    let now = 10_000;
    const cache = new MemoryCache({ ttlSeconds: 1, maxRecords: 100, staleIfErrorSeconds: 60, now: () => now });
    const down = () => Promise.reject(new Error('upstream down'));
    await cache.getOrLoad('roles', async () => 'good', { staleIfError: true });
    now = 12_000; // expired: not served as fresh, but kept for a failed refresh
    expect(await cache.peek('roles')).toBeUndefined();
    expect(await cache.getOrLoad('roles', down, { staleIfError: true })).toBe('good');
    expect(await cache.getOrLoad('roles', async () => 'newer', { staleIfError: true })).toBe('newer');
    now = 12_000 + 1_000 + 60_001; // past TTL + bound
    await expect(cache.getOrLoad('roles', down, { staleIfError: true })).rejects.toThrow('upstream down');
  });

  it('stale-if-error only where asked: other keys fail as before', async () => {
    let now = 10_000;
    const cache = new MemoryCache({ ttlSeconds: 1, maxRecords: 100, staleIfErrorSeconds: 60, now: () => now });
    await cache.getOrLoad('user-roles:1', async () => 'good');
    now = 12_000;
    await expect(cache.getOrLoad('user-roles:1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });

  it('returns a value heavier than its whole bound without keeping it or evicting anything', async () => {
    const cache = new MemoryCache({ ttlSeconds: 30, maxRecords: 10 });
    cache.set('small', 1);
    const huge = await cache.getOrLoad('huge', async () => Array.from({ length: 50 }, (_, i) => i));
    expect(huge).toHaveLength(50);
    expect(await cache.peek('huge')).toBeUndefined();
    expect(await cache.peek('small')).toBe(1);
  });

  it('never fails a load because its entry was evicted meanwhile', async () => {
    const cache = new MemoryCache({ ttlSeconds: 30, maxRecords: 10 });
    let release!: () => void;
    const slow = cache.getOrLoad('slow', () => new Promise<string>((resolve) => (release = () => resolve('done'))));
    for (let i = 0; i < 20; i += 1) cache.set(`filler-${i}`, i);
    release();
    await expect(slow).resolves.toBe('done');
  });

  it('stays within its bound, counting a list as its length', async () => {
    const cache = new MemoryCache({ ttlSeconds: 30, maxRecords: 10 });
    cache.set('big', Array.from({ length: 8 }, (_, i) => i));
    cache.set('a', 1);
    cache.set('other-big', Array.from({ length: 8 }, (_, i) => i));
    expect(await cache.peek('big')).toBeUndefined();
    expect(await cache.peek('other-big')).toHaveLength(8);
  });
});

describe('createSharedCache', () => {
  it('TTL 0 keeps nothing: every call loads', async () => {
    const cache = createSharedCache({ ttlSeconds: 0, maxRecords: 10 });
    expect(cache).toBeInstanceOf(NoCache);
    let loads = 0;
    await cache.getOrLoad('k', async () => (loads += 1));
    await cache.getOrLoad('k', async () => (loads += 1));
    expect(loads).toBe(2);
  });
});
