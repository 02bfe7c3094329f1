import { createSharedCache } from '../datasources/cache';
import type { Upstream } from '../datasources/upstream';
import { UpstreamCatalog } from '../datasources/upstream-catalog';
import { V41Client } from '../datasources/v41/client';
import type { ResilienceOptions } from '../datasources/v41/resilience';
import type { AppConfig, UpstreamConfig } from './config';
import { Readiness } from './readiness';
import { DEFAULT_REQUEST_BOUNDS, type RequestBounds } from './request-bounds';

export type UpstreamSettings = Pick<AppConfig, 'cacheTtlSeconds' | 'cacheMaxEntries' | 'dataloadersEnabled'> &
  Partial<Pick<AppConfig, 'cacheStaleIfErrorSeconds' | 'requestBounds' | 'readyIntervalMs'>> & { resilience?: Partial<ResilienceOptions> };

/** The upstream as the server uses it: what resolvers read, plus each request's bounds and the readiness check. */
export interface ServedUpstream extends Upstream {
  /** The deadline and upstream-call budget of each request. */
  bounds: RequestBounds;
  readiness: Readiness;
}

/** One v41 client and one shared cache for the life of the process. */
export function createUpstream(connection: UpstreamConfig, settings: UpstreamSettings): ServedUpstream {
  const client = new V41Client({ ...connection, resilience: settings.resilience });
  // Naive mode prices the unbatched approach honestly: nothing is shared between calls either.
  const ttlSeconds = settings.dataloadersEnabled ? settings.cacheTtlSeconds : 0;
  const cache = createSharedCache({ ttlSeconds, maxRecords: settings.cacheMaxEntries, staleIfErrorSeconds: settings.cacheStaleIfErrorSeconds ?? 600 });
  return {
    client,
    catalog: new UpstreamCatalog(client, cache),
    batching: settings.dataloadersEnabled,
    bounds: settings.requestBounds ?? DEFAULT_REQUEST_BOUNDS,
    readiness: new Readiness(() => client.ping(), settings.readyIntervalMs ?? 10_000),
  };
}
