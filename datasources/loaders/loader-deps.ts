import type { UpstreamCatalog } from '../upstream-catalog';
import type { V41Client } from '../v41/client';

export interface LoaderDeps {
  client: V41Client;
  catalog: UpstreamCatalog;
  /**
   * Off only to price the naive approach (benchmarks, README): no batching, no per-request memo, and each
   * relation read with its one-record call.
   */
  batching: boolean;
}

/** DataLoader options: batching and per-request memoisation both follow `batching`. */
export function loaderOptions(deps: LoaderDeps, maxBatchSize?: number) {
  return deps.batching ? { maxBatchSize } : { batch: false, cache: false };
}

/** Upstream ids are UUIDs; match them whatever case a caller used. */
export function byLowerId<T extends { id: string }>(records: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.id.toLowerCase(), record);
  return map;
}
