import DataLoader from 'dataloader';
import type { V41Source } from '../v41/models';
import type { Upstream } from '../upstream';
import { loaderOptions } from './loader-options';

export type SourceLoader = DataLoader<string, V41Source | null>;

/**
 * Directories (workspaces) by id. Prevents one `GET /sources/{id}` per user: docs/upstream-v41.md#role-store-sources-user-directories returns every
 * directory in one unpaged `GET /sources`, cached.
 */
export function createSourceLoader(upstream: Upstream): SourceLoader {
  return new DataLoader<string, V41Source | null>(async (ids) => {
    const sources = await upstream.catalog.sources();
    return ids.map((id) => sources.get(id.toLowerCase()) ?? null);
  }, loaderOptions());
}
