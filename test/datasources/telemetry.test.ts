import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { MemoryCache } from '../../datasources/cache';
import { cacheEvents, routeTemplate, type CacheMessage } from '../../datasources/telemetry';

describe('datasource telemetry', () => {
  it.each([
    ['/role-store/api/v1/users/3f2504e0-4f89-41d3-9a0c-0305e82c3301/roles', '/role-store/api/v1/users/:id/roles'],
    ['/role-store/api/v1/roles/ABCDEF01-4F89-41D3-9A0C-0305E82C3301/members?offset=0', '/role-store/api/v1/roles/:id/members'],
    ['/local-user-store/api/v1/users/some%20odd%20id', '/local-user-store/api/v1/users/:id'],
    ['/role-store/api/v1/users/search', '/role-store/api/v1/users/search'],
    ['/auth/api/v1/oauth/token', '/auth/api/v1/oauth/token'],
  ])('route template of %s is %s: no id ever becomes a label', (path, template) => {
    expect(routeTemplate(path)).toBe(template);
  });

  it('the cache reports hits, misses (joining a load in flight is a hit) and evictions, by kind of key', async () => {
    const events: CacheMessage[] = [];
    const listener = (message: unknown) => events.push(message as CacheMessage);
    subscribe(cacheEvents.name as string, listener);
    try {
      const cache = new MemoryCache({ ttlSeconds: 60, maxRecords: 2 });
      await Promise.all([cache.getOrLoad('user-roles:a', async () => 1), cache.getOrLoad('user-roles:a', async () => 1)]);
      await cache.getOrLoad('user-roles:a', async () => 1);
      await cache.getOrLoad('roles', async () => 2);
      await cache.getOrLoad('sources', async () => 3); // the bound is 2 records: the oldest goes
      expect(events).toEqual([
        { kind: 'user-roles', event: 'miss' },
        { kind: 'user-roles', event: 'hit' },
        { kind: 'user-roles', event: 'hit' },
        { kind: 'roles', event: 'miss' },
        { kind: 'sources', event: 'miss' },
        { kind: 'user-roles', event: 'eviction' },
      ]);
    } finally {
      unsubscribe(cacheEvents.name as string, listener);
    }
  });
});
