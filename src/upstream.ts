import { createSharedCache, type SharedCache } from '../datasources/cache';
import { UpstreamCatalog } from '../datasources/upstream-catalog';
import { V41Client } from '../datasources/v41/client';
import type { AppConfig, UpstreamConfig } from './config';
import type { Upstream } from '../datasources/upstream';

export type UpstreamSettings = Pick<AppConfig, 'cacheTtlSeconds' | 'cacheMaxEntries' | 'dataloadersEnabled'> & Partial<Pick<AppConfig, 'sharedCache'>>;

export interface UpstreamHooks {
  /** Where cache warnings go (Redis down or back). */
  warn?: (message: string) => void;
  /** Wall clock of the shared cache; tests inject one to expire entries without sleeping. */
  now?: () => number;
}

/** The process's upstream, with the cache it owns: closed at shutdown, as it may hold a Redis connection. */
export interface OwnedUpstream extends Upstream {
  cache: SharedCache;
}

/** One v41 client and one shared cache for the life of the process. */
export function createUpstream(connection: UpstreamConfig, settings: UpstreamSettings, hooks: UpstreamHooks = {}): OwnedUpstream {
  const client = new V41Client(connection);
  // Naive mode prices the unbatched approach honestly: nothing is shared between calls either.
  const ttlSeconds = settings.dataloadersEnabled ? settings.cacheTtlSeconds : 0;
  const cache = createSharedCache({
    ttlSeconds,
    maxRecords: settings.cacheMaxEntries,
    redis: settings.sharedCache && { ...settings.sharedCache, warn: hooks.warn ?? ((message) => console.warn(message)), now: hooks.now },
  });
  return { client, catalog: new UpstreamCatalog(client, cache), batching: settings.dataloadersEnabled, cache };
}
