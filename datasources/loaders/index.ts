import { createLocalUserLoader, LocalUserLoader } from './local-user-loader';
import type { LoaderDeps } from './loader-deps';
import { createRoleLoader, RoleLoader } from './role-loader';
import { createRolesOfUserLoader, RolesOfUserLoader } from './roles-of-user-loader';
import { createSourceLoader, SourceLoader } from './source-loader';
import { createUserLoader, UserLoader } from './user-loader';

export type { LoaderDeps } from './loader-deps';

/** The loaders of one GraphQL request. Created per request so that memoised records never outlive it. */
export interface Loaders {
  userById: UserLoader;
  rolesOfUser: RolesOfUserLoader;
  roleById: RoleLoader;
  sourceById: SourceLoader;
  localUserById: LocalUserLoader;
}

export function createLoaders(deps: LoaderDeps): Loaders {
  const rolesOfUser = createRolesOfUserLoader(deps);
  const userById = createUserLoader(deps, (userId, roles) => {
    rolesOfUser.prime(userId, roles);
    deps.catalog.rememberUserRoles(userId, roles);
  });
  return {
    userById,
    rolesOfUser,
    roleById: createRoleLoader(deps),
    sourceById: createSourceLoader(deps),
    localUserById: createLocalUserLoader(deps),
  };
}
