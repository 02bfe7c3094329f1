import { createLoaders, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';

/** What every resolver receives. Built per request: loaders memoise records for one request only. */
export interface Context {
  loaders: Loaders;
  lists: UserLists;
}

export function createContext(upstream: Upstream): Context {
  return { loaders: createLoaders(upstream), lists: new UserLists(upstream.client, upstream.catalog) };
}
