import { createLoaders, type LoaderFactory, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';
import type { V41RoleStoreUser } from '../datasources/v41/models';
import { TRUSTED, type Caller } from './auth/caller';
import type { Writes } from './writes/writes';
import type { ChangeTracking } from './changes/change-tracking';
import type { RequestBounds } from './request-bounds';

/**
 * What one request remembers while it is answered, and nothing outlives it. On the context rather than in
 * module-level maps keyed by records: records may come from the shared cache (the membership index's members),
 * and a memo keyed by a shared record would hand one request's failure (its deadline, its budget) to the next.
 */
export interface RequestState {
  /** "Now" for the request, read once (src/entities/request-clock.ts). */
  now?: number;
  /** One read per user and relation (src/entities/per-user.ts). */
  readonly perUser: WeakMap<V41RoleStoreUser, Map<string, Promise<unknown>>>;
}

/** What every resolver receives. Built per request: loaders memoise records for one request only. */
export interface Context {
  loaders: Loaders;
  lists: UserLists;
  /** Who asks: `@requiresScopes` fields check it (src/auth/scope-enforcement.ts); resolvers need not. */
  caller: Caller;
  /** What mutations work with (src/writes); absent where nothing is written (benchmark tools). */
  writes?: Writes;
  /** The change feed (docs/changes.md); absent where no server runs one (unit tests of other entities). */
  changes?: ChangeTracking;
  /**
   * Set for a subscription (src/subscriptions/subscription-context.ts): each event gets fresh loaders (`renew`)
   * and runs its upstream calls within `bounds`, as a request of its own.
   */
  event?: { bounds: RequestBounds; renew(): void };
  request: RequestState;
}

/** The long-lived parts a server shares with every request's context; each absent where none runs. */
export interface ContextServices {
  writes?: Writes;
  changes?: ChangeTracking;
  /** How the request's loaders are made: `createLoaders` unless given (the benchmark's naive mode gives its own). */
  loaders?: LoaderFactory;
}

export function createContext(upstream: Upstream, caller: Caller = TRUSTED, services: ContextServices = {}): Context {
  const { writes, changes, loaders = createLoaders } = services;
  return { loaders: loaders(upstream), lists: new UserLists(upstream.client, upstream.catalog), caller, request: { perUser: new WeakMap() }, ...(writes ? { writes } : {}), ...(changes ? { changes } : {}) };
}
