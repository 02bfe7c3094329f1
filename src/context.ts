import { createLoaders, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';
import { TRUSTED, type Caller } from './auth/caller';
import type { ChangeTracking } from './changes/change-tracking';
import type { RequestBounds } from './request-bounds';

/** What every resolver receives. Built per request: loaders memoise records for one request only. */
export interface Context {
  loaders: Loaders;
  lists: UserLists;
  /** Who asks: `@requiresScopes` fields check it (src/auth/scope-enforcement.ts); resolvers need not. */
  caller: Caller;
  /** The change feed (docs/changes.md); absent where no server runs one (unit tests of other entities). */
  changes?: ChangeTracking;
  /**
   * Set for a subscription (src/subscriptions/subscription-context.ts): each event gets fresh loaders (`renew`)
   * and runs its upstream calls within `bounds`, as a request of its own.
   */
  event?: { bounds: RequestBounds; renew(): void };
}

export function createContext(upstream: Upstream, caller: Caller = TRUSTED, changes?: ChangeTracking): Context {
  return { loaders: createLoaders(upstream), lists: new UserLists(upstream.client, upstream.catalog), caller, changes };
}
