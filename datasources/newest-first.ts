import type { IdentityUpstream, UserSearch } from './upstream';
import type { V41RoleStoreUser } from './v41/models';

/** The upstream's own order for "what changed lately": `updated`, newest first (docs/upstream-v41.md, change signals). */
export const NEWEST_FIRST = { sortkey: 'updated', sortdir: 'DESC' } as const;

export interface NewestFirstRead {
  /** Users whose `updated` is at or after `sinceMs`, newest first (users without a readable `updated` left out). */
  users: V41RoleStoreUser[];
  /** The upstream's `count` of the whole search, as the first page said it. */
  count: number;
  /** Upstream calls made. */
  calls: number;
}

/** Epoch ms of a record's `updated`; `undefined` when absent or unreadable. */
export function updatedMs(user: Pick<V41RoleStoreUser, 'updated'>): number | undefined {
  const ms = user.updated ? Date.parse(user.updated) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * PrivX v41 has no modified-since filter: read `users/search` sorted by `updated` descending, a page at a time,
 * until a page reaches past `sinceMs` or the list ends. When nothing changed, that is one call.
 */
export async function readNewestFirst(client: IdentityUpstream, search: UserSearch, sinceMs: number, pageSize: number): Promise<NewestFirstRead> {
  const users: V41RoleStoreUser[] = [];
  const seen = new Set<string>();
  let offset = 0;
  let count = 0;
  let calls = 0;
  for (;;) {
    const page = await client.searchUsers(search, { offset, limit: pageSize }, NEWEST_FIRST);
    calls += 1;
    if (calls === 1) count = page.count;
    let passed = false;
    for (const user of page.items) {
      const at = updatedMs(user);
      if (at === undefined || at < sinceMs) {
        passed = true;
        continue;
      }
      // A record updated while we page moves to the front and shifts the rest by one: never count one twice.
      if (!seen.has(user.id)) {
        seen.add(user.id);
        users.push(user);
      }
    }
    offset += page.items.length;
    if (passed || page.items.length === 0 || offset >= page.count) return { users, count, calls };
  }
}
