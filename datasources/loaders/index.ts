import { createConnectionLoader, type ConnectionLoader } from './connection-loader';
import { createLocalUserLoader, LocalUserLoader } from './local-user-loader';
import type { Upstream } from '../upstream';
import { createRoleLoader, RoleLoader } from './role-loader';
import { createRolesOfUserLoader, RolesOfUserLoader } from './roles-of-user-loader';
import { createSourceLoader, SourceLoader } from './source-loader';
import { createUserLoader, UserLoader } from './user-loader';

/** The loaders of one GraphQL request. Created per request so that memoised records never outlive it. */
export interface Loaders {
  userById: UserLoader;
  rolesOfUser: RolesOfUserLoader;
  roleById: RoleLoader;
  sourceById: SourceLoader;
  localUserById: LocalUserLoader;
  /** Connections (`members`, `users(filter)`) by parent and arguments: each read once per request. */
  connections: ConnectionLoader;
}

/**
 * How a request's loaders are made: `createLoaders` in the product. The seam lets a tool serve the same schema over
 * other loaders (the benchmark's naive ones, bench/naive) without the product knowing of them.
 */
export type LoaderFactory = (upstream: Upstream) => Loaders;

export const createLoaders: LoaderFactory = (upstream) => {
  const rolesOfUser = createRolesOfUserLoader(upstream);
  const userById = createUserLoader(upstream, (userId, roles) => {
    rolesOfUser.prime(userId, roles);
    upstream.catalog.rememberUserRoles(userId, roles);
  });
  return {
    userById,
    rolesOfUser,
    roleById: createRoleLoader(upstream),
    sourceById: createSourceLoader(upstream),
    localUserById: createLocalUserLoader(upstream),
    connections: createConnectionLoader(),
  };
};

export { loadConnection, type ConnectionLoad, type ConnectionLoader } from './connection-loader';
