import { createSharedCache, type SharedCache } from '../datasources/cache';
import type { IdentityWriter, Upstream } from '../datasources/upstream';
import { UpstreamCatalog } from '../datasources/upstream-catalog';
import { V41Client } from '../datasources/v41/client';
import type { ResilienceOptions } from '../datasources/v41/resilience';
import type { AppConfig, UpstreamConfig } from './config';
import { Readiness } from './readiness';
import { DEFAULT_REQUEST_BOUNDS, type RequestBounds } from './request-bounds';

export type UpstreamSettings = Pick<AppConfig, 'cacheTtlSeconds' | 'cacheMaxEntries' | 'dataloadersEnabled'> &
  Partial<Pick<AppConfig, 'sharedCache' | 'cacheStaleIfErrorSeconds' | 'requestBounds' | 'readyIntervalMs'>> & { resilience?: Partial<ResilienceOptions> };

export interface UpstreamHooks {
  /** Where cache warnings go (Redis down or back). */
  warn?: (message: string) => void;
  /** Wall clock of the shared cache; tests inject one to expire entries without sleeping. */
  now?: () => number;
}

/** The upstream as the server uses it: what resolvers read, plus each request's bounds and the readiness check. */
export interface ServedUpstream extends Upstream {
  /** Writes and the uncached reads they make (src/writes). */
  writer: IdentityWriter;
  /** The deadline and upstream-call budget of each request. */
  bounds: RequestBounds;
  readiness: Readiness;
  /** The cache this upstream owns: closed at shutdown, as it may hold a Redis connection. */
  cache: SharedCache;
}

/** One v41 client and one shared cache for the life of the process. */
export function createUpstream(connection: UpstreamConfig, settings: UpstreamSettings, hooks: UpstreamHooks = {}): ServedUpstream {
  const client = new V41Client({ ...connection, resilience: settings.resilience });
  // Naive mode prices the unbatched approach honestly: nothing is shared between calls either.
  const ttlSeconds = settings.dataloadersEnabled ? settings.cacheTtlSeconds : 0;
  const cache = createSharedCache({
    ttlSeconds,
    maxRecords: settings.cacheMaxEntries,
    staleIfErrorSeconds: settings.cacheStaleIfErrorSeconds ?? 600,
    redis: settings.sharedCache && { ...settings.sharedCache, warn: hooks.warn ?? ((message) => console.warn(message)), now: hooks.now },
  });
  return {
    client,
    writer: client,
    catalog: new UpstreamCatalog(client, cache),
    batching: settings.dataloadersEnabled,
    bounds: settings.requestBounds ?? DEFAULT_REQUEST_BOUNDS,
    readiness: new Readiness(() => client.ping(), settings.readyIntervalMs ?? 10_000),
    cache,
  };
}
