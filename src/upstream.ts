import { createSharedCache } from '../datasources/cache';
import { UpstreamCatalog } from '../datasources/upstream-catalog';
import { V41Client } from '../datasources/v41/client';
import type { AppConfig, UpstreamConfig } from './config';
import type { Upstream } from '../datasources/upstream';

export type UpstreamSettings = Pick<AppConfig, 'cacheTtlSeconds' | 'cacheMaxEntries' | 'dataloadersEnabled'>;

/** One v41 client and one shared cache for the life of the process. */
export function createUpstream(connection: UpstreamConfig, settings: UpstreamSettings): Upstream {
  const client = new V41Client(connection);
  // Naive mode prices the unbatched approach honestly: nothing is shared between calls either.
  const ttlSeconds = settings.dataloadersEnabled ? settings.cacheTtlSeconds : 0;
  const cache = createSharedCache({ ttlSeconds, maxRecords: settings.cacheMaxEntries });
  return { client, catalog: new UpstreamCatalog(client, cache), batching: settings.dataloadersEnabled };
}
