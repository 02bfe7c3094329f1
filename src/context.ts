import { createLoaders, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';
import type { V41RoleStoreUser } from '../datasources/v41/models';
import { TRUSTED, type Caller } from './auth/caller';

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
  request: RequestState;
}

export function createContext(upstream: Upstream, caller: Caller = TRUSTED): Context {
  return { loaders: createLoaders(upstream), lists: new UserLists(upstream.client, upstream.catalog), caller, request: { perUser: new WeakMap() } };
}
