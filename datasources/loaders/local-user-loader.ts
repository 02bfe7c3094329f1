import DataLoader from 'dataloader';
import type { V41LocalUser } from '../v41/models';
import { byLowerId, LoaderDeps, loaderOptions } from './loader-deps';

export type LocalUserLoader = DataLoader<string, V41LocalUser | null>;

/**
 * Local-user-store records by id (a LOCAL user's `source_user_id`), needed only for `status`, the `name`
 * fallback and `remoteData`. Prevents one `GET /local-user-store/.../users/{id}` per local user of a page:
 * the store has no batch read, so a batch reads the whole paged list (cached) unless fetching the few ids
 * one by one is cheaper than the pages the list took last time.
 */
export function createLocalUserLoader(deps: LoaderDeps): LocalUserLoader {
  const { catalog, client } = deps;
  return new DataLoader<string, V41LocalUser | null>(async (ids) => {
    if (!deps.batching) return [await client.getLocalUser(ids[0] as string)];
    const cached = catalog.peekLocalUsers();
    if (!cached && ids.length < (catalog.localUserPages() ?? 2)) {
      return Promise.all(ids.map((id) => catalog.localUser(id)));
    }
    const all = byLowerId((cached ?? (await catalog.localUsers())).values());
    return ids.map((id) => all.get(id.toLowerCase()) ?? null);
  }, loaderOptions(deps));
}
