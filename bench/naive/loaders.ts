import DataLoader from 'dataloader';
import type { ConnectionLoad, LoaderFactory, Upstream } from '../../src';

/** No batch, no memo: each `load` is one call of its own, even for a key this request already read. */
const ALONE = { batch: false, cache: false } as const;

/** A read's value, or its error as a value: a failed read fails its key only (DataLoader's contract). */
const orError = <T>(read: Promise<T>): Promise<T | Error> => read.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** The one key of an unbatched load. */
const only = (keys: readonly string[]) => keys[0] as string;

/**
 * The naive approach the benchmark prices the product against: what a resolver-per-field server without
 * DataLoader does. Every user, relation and connection is read with its one-record call (`GET /users/{id}`,
 * `/users/{id}/roles`, `/sources/{id}`, `/roles/{id}`, `/local-user-store/…/users/{id}`), nothing batched,
 * nothing remembered between loads. The product's per-request memo of each user's relations still holds
 * (src/entities/per-user.ts), so the cost is exactly one call per user and relation. Served with
 * `CACHE_TTL_SECONDS=0` (bench/naive/main.ts), so nothing is shared between requests either.
 */
export const naiveLoaders: LoaderFactory = (upstream: Upstream) => {
  const { client } = upstream;
  return {
    userById: new DataLoader(async (ids) => [await client.getUser(only(ids))], ALONE),
    rolesOfUser: new DataLoader(async (ids) => [await client.getUserRoles(only(ids))], ALONE),
    roleById: new DataLoader(async (ids) => [await client.getRole(only(ids))], ALONE),
    sourceById: new DataLoader(async (ids) => [await client.getSource(only(ids))], ALONE),
    localUserById: new DataLoader(async (ids) => [await client.getLocalUser(only(ids))], ALONE),
    connections: new DataLoader<ConnectionLoad, unknown, string>((loads) => Promise.all(loads.map((l) => orError(l.load()))), { ...ALONE, cacheKeyFn: (l) => l.key }),
  };
};
