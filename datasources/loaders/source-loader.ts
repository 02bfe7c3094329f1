import DataLoader from 'dataloader';
import type { V41Source } from '../v41/models';
import { LoaderDeps, loaderOptions } from './loader-deps';

export type SourceLoader = DataLoader<string, V41Source | null>;

/**
 * Directories (workspaces) by id. Prevents one `GET /sources/{id}` per user: the contract returns every
 * directory in one unpaged `GET /sources`, cached.
 */
export function createSourceLoader(deps: LoaderDeps): SourceLoader {
  return new DataLoader<string, V41Source | null>(async (ids) => {
    if (!deps.batching) return [await deps.client.getSource(ids[0] as string)];
    const sources = await deps.catalog.sources();
    return ids.map((id) => sources.get(id.toLowerCase()) ?? null);
  }, loaderOptions(deps));
}
