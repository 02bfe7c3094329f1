import type { Upstream } from '../upstream';

export function loaderOptions(upstream: Upstream, maxBatchSize?: number) {
  return upstream.batching ? { maxBatchSize } : { batch: false, cache: false };
}

export { byLowerId } from '../upstream-catalog';
