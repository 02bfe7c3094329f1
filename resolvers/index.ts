import type { NonEmptyArray } from 'type-graphql';
import { GroupResolver } from './group.resolver';
import { resolveGroupReference } from './group.reference';
import { OrganizationResolver } from './organization.resolver';
import { resolveOrganizationReference } from './organization.reference';
import { RoleResolver } from './role.resolver';
import { resolveRoleReference } from './role.reference';
import { UserFields } from './user-fields.resolver';
import { UserQueries } from './user.resolver';
import { resolveUserReference } from './user.reference';
import { WorkspaceResolver } from './workspace.resolver';
import { resolveWorkspaceReference } from './workspace.reference';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [UserQueries, UserFields, RoleResolver, GroupResolver, OrganizationResolver, WorkspaceResolver];

/** `__resolveReference` of every entity, for `buildSubgraphSchema`. */
export const referenceResolvers = {
  User: { __resolveReference: resolveUserReference },
  Role: { __resolveReference: resolveRoleReference },
  Group: { __resolveReference: resolveGroupReference },
  Organization: { __resolveReference: resolveOrganizationReference },
  Workspace: { __resolveReference: resolveWorkspaceReference },
};
