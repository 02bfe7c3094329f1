import DataLoader from 'dataloader';
import { orError } from './loader-options';

/** One connection page to read: `key` names its parent and every argument that shapes it; `load` reads it. */
export interface ConnectionLoad {
  key: string;
  load: () => Promise<unknown>;
}

export type ConnectionLoader = DataLoader<ConnectionLoad, unknown, string>;

/**
 * Connections by parent and arguments. Prevents the N+1 of a connection below a list: in
 * `users(first: 100) { nodes { workspace { members(first: 1) { totalCount } } } }` the 100 users share 4
 * directories, and each directory's `members(first: 1)` is read once, not once per user. There is nothing to
 * batch (each connection is its own upstream search), so each load starts alone; only the memo matters. The
 * cost estimate prices these connections by distinct loads for that reason (src/demand-control/cost.ts).
 */
export function createConnectionLoader(): ConnectionLoader {
  return new DataLoader<ConnectionLoad, unknown, string>((loads) => Promise.all(loads.map((l) => orError(l.load()))), {
    batch: false,
    cacheKeyFn: (l) => l.key,
  });
}

/** The connection `key` names, read by `load` unless this request already read (or is reading) it. */
export function loadConnection<T>(loader: ConnectionLoader, key: string, load: () => Promise<T>): Promise<T> {
  return loader.load({ key, load }) as Promise<T>;
}
