import type { RawLocalUser } from './demo-types';
import { list, notFound, ok, requireUuid } from './http-io';
import { pageParams, slicePage } from './paging';
import type { Route } from './router';
import type { SimulatorStore } from './store';

const BASE = '/local-user-store/api/v1';

/**
 * The built-in directory. Records go out with their `password` objects, as the real API sends them: keeping
 * them away from GraphQL is the client's job, and the simulator must let a test prove it does.
 */
export function localUserRoutes(store: SimulatorStore): Route[] {
  return [
    {
      method: 'GET',
      template: `${BASE}/users`,
      kind: 'data',
      handler: ({ query }) => {
        const page = pageParams(query);
        const username = query.get('username');
        const id = query.get('id');
        // Exact filters for one user; no search, no sort.
        let users: readonly RawLocalUser[] = store.data.localUsers;
        if (id) users = oneOrNone(store.localById.get(requireUuid(id, 'id')));
        if (username) users = oneOrNone(store.localByUsername.get(username)).filter((user) => !id || users.includes(user));
        return list(users.length, slicePage(users, page, false));
      },
    },
    {
      method: 'GET',
      template: `${BASE}/users/:id`,
      kind: 'data',
      handler: ({ params }) => {
        const id = requireUuid(params.id ?? '', 'user_id');
        const user = store.localById.get(id);
        if (!user) throw notFound('local user', id);
        return ok(user);
      },
    },
  ];
}

function oneOrNone<T>(item: T | undefined): T[] {
  return item ? [item] : [];
}
