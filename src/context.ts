import { Directory } from '../datasources/directory';
import { createLoaders, type Loaders } from '../datasources/loaders';
import type { UpstreamCatalog } from '../datasources/upstream-catalog';
import type { V41Client } from '../datasources/v41/client';

/** What every resolver receives. Built per request: loaders memoise records for one request only. */
export interface Context {
  loaders: Loaders;
  directory: Directory;
}

/** The long-lived part behind every request: one client, one shared cache. */
export interface Upstream {
  client: V41Client;
  catalog: UpstreamCatalog;
  batching: boolean;
}

export function createContext(upstream: Upstream): Context {
  const loaders = createLoaders(upstream);
  return { loaders, directory: new Directory(upstream.client, upstream.catalog, loaders) };
}
