import { createLoaders, type LoaderFactory } from '../../datasources/loaders';
import type { Upstream } from '../../datasources/upstream';
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
  const context = createContext(upstream, caller, { loaders, ...(changes ? { changes } : {}) });
  context.event = {
    bounds,
    renew: () => {
      context.loaders = loaders(upstream);
      context.request = { perUser: new WeakMap() };
    },
  };
  return context;
}
