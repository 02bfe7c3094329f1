import { createLoaders, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';
import { TRUSTED, type Caller } from './auth/caller';
import type { Writes } from './writes';

/** What every resolver receives. Built per request: loaders memoise records for one request only. */
export interface Context {
  loaders: Loaders;
  lists: UserLists;
  /** Who asks: `@requiresScopes` fields check it (src/auth/scope-enforcement.ts); resolvers need not. */
  caller: Caller;
  /** What mutations work with (src/writes); absent where nothing is written (benchmark tools). */
  writes?: Writes;
}

export function createContext(upstream: Upstream, caller: Caller = TRUSTED, writes?: Writes): Context {
  return { loaders: createLoaders(upstream), lists: new UserLists(upstream.client, upstream.catalog), caller, ...(writes ? { writes } : {}) };
}
