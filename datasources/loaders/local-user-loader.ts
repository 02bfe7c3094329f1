import DataLoader from 'dataloader';
import type { V41LocalUser } from '../v41/models';
import type { Upstream } from '../upstream';
import { loaderOptions, orError } from './loader-options';

export type LocalUserLoader = DataLoader<string, V41LocalUser | null>;

/**
 * Local-user-store records by id (a LOCAL user's `source_user_id`), needed only for `status`, the `name`
 * fallback and `remoteData`. Prevents one `GET /local-user-store/.../users/{id}` per local user of a page.
 * The store has no batch read, so a batch reads the list's first page, which also says how long the list is,
 * and then whichever is fewer calls: the ids that page did not hold one by one, or the remaining pages. At
 * most L calls (the list's pages), and no 30,000-record list held in memory to answer 30 users.
 */
export function createLocalUserLoader(upstream: Upstream): LocalUserLoader {
  const { catalog } = upstream;
  return new DataLoader<string, V41LocalUser | null>(async (ids): Promise<(V41LocalUser | null | Error)[]> => {
    const cached = await catalog.peekLocalUsers();
    if (cached) return ids.map((id) => cached.get(id.toLowerCase()) ?? null);
    if (ids.length === 1) return [await catalog.localUser(ids[0] as string)];

    const first = await catalog.localUsersFirstPage();
    const rest = ids.filter((id) => !first.byId.has(id.toLowerCase()));
    if (rest.length === 0 || first.pages === 1) return ids.map((id) => first.byId.get(id.toLowerCase()) ?? null);
    if (rest.length < first.pages) {
      const fetched = new Map(rest.map((id, i) => [id, i]));
      const records = await Promise.all(rest.map((id) => orError(catalog.localUser(id))));
      return ids.map((id) => first.byId.get(id.toLowerCase()) ?? records[fetched.get(id) as number] ?? null);
    }
    const all = await catalog.localUsers();
    return ids.map((id) => all.get(id.toLowerCase()) ?? null);
  }, loaderOptions());
}
