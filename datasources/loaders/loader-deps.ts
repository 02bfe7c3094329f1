import type { UpstreamCatalog } from '../upstream-catalog';
import type { V41Client } from '../v41/client';

export interface LoaderDeps {
  client: V41Client;
  catalog: UpstreamCatalog;
  /**
   * Off only to price the naive approach (benchmarks, README): each relation of each user read with its
   * one-record call: no batching, no memo within the request, nothing shared between requests.
   */
  batching: boolean;
}

export function loaderOptions(deps: LoaderDeps, maxBatchSize?: number) {
  return deps.batching ? { maxBatchSize } : { batch: false, cache: false };
}

/** Upstream ids are UUIDs; match them whatever case a caller used. */
export function byLowerId<T extends { id: string }>(records: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.id.toLowerCase(), record);
  return map;
}
