import { createLoaders, type LoaderFactory } from '../../datasources/loaders';
import type { Upstream } from '../../datasources/upstream';
import { RequestScope } from '../../datasources/v41/request-scope';
import type { Caller } from '../auth/caller';
import type { ChangeTracking } from '../changes';
import { createContext, type Context } from '../context';
import type { RequestBounds } from '../request-bounds';

/**
 * The context of one subscription, which lives far longer than a request: each pushed change is resolved with
 * fresh loaders (a change must show the user as it is now, not as the subscription's first event saw it) and
 * its own upstream deadline and call budget, like a request of its own.
 */
export function createSubscriptionContext(
  upstream: Upstream,
  caller: Caller,
  changes: ChangeTracking | undefined,
  bounds: RequestBounds,
  loaders: LoaderFactory = createLoaders,
): Context {
  // Not the scope of the request that opened it (an HTTP callback subscription has one): events outlive it.
  const eventScope = () => new RequestScope(bounds.timeoutMs, bounds.callBudget);
  const context = createContext(upstream, caller, { loaders, scope: eventScope(), ...(changes ? { changes } : {}) });
  context.event = {
    renew: () => {
      context.loaders = loaders(upstream);
      context.request = eventScope();
    },
  };
  return context;
}
