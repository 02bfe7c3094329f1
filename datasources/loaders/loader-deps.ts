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

export { byLowerId } from '../upstream-catalog';
