import { createLoaders, type LoaderFactory, type Loaders } from '../datasources/loaders';
import type { Upstream } from '../datasources/upstream';
import { UserLists } from '../datasources/user-lists';
import { currentRequestScope, RequestScope } from '../datasources/v41/request-scope';
import { TRUSTED, type Caller } from './auth/caller';
import type { Writes } from './writes/writes';
import type { ChangeTracking } from './changes/change-tracking';
import { DEFAULT_REQUEST_BOUNDS } from './request-bounds';

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
   * Set for a subscription (src/subscriptions/subscription-context.ts): each event gets fresh loaders and a scope
   * of its own (`renew`), as a request of its own.
   */
  event?: { renew(): void };
  /**
   * The request's scope (datasources/v41/request-scope.ts): its deadline and budget, its "now", its memo of reads
   * per record, its log. The scope the request runs in over HTTP; one of its own per subscription event.
   */
  request: RequestScope;
}

/** The long-lived parts a server shares with every request's context; each absent where none runs. */
export interface ContextServices {
  writes?: Writes;
  changes?: ChangeTracking;
  /** How the request's loaders are made: `createLoaders` unless given (the benchmark's naive mode gives its own). */
  loaders?: LoaderFactory;
  /** The request's scope: the one it runs in unless given (a subscription's events each get theirs). */
  scope?: RequestScope;
}

/**
 * The scope a context outside any request gets (a script, a test, the benchmark's ceiling): its "now" and memo
 * serve; its bounds bind nothing, as its calls do not run in it.
 */
function standaloneScope(): RequestScope {
  return new RequestScope(DEFAULT_REQUEST_BOUNDS.timeoutMs, DEFAULT_REQUEST_BOUNDS.callBudget);
}

export function createContext(upstream: Upstream, caller: Caller = TRUSTED, services: ContextServices = {}): Context {
  const { writes, changes, loaders = createLoaders } = services;
  const request = services.scope ?? currentRequestScope() ?? standaloneScope();
  return { loaders: loaders(upstream), lists: new UserLists(upstream.client, upstream.catalog), caller, request, ...(writes ? { writes } : {}), ...(changes ? { changes } : {}) };
}
