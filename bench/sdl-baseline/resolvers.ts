import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { ENTITIES } from '../../resolvers/entities';
import { selectedFields } from '../../resolvers/selection';
import type { Context } from '../../src/context';
import * as groups from '../../src/entities/group/group.rules';
import * as organizations from '../../src/entities/organization/organization.rules';
import * as roles from '../../src/entities/role/role.rules';
import * as assignments from '../../src/entities/role-assignment/role-assignment.rules';
import * as users from '../../src/entities/user/user.rules';
import { criteriaOf, userConnection, type UserOrdering } from '../../src/entities/user/user-directory.rules';
import * as workspaces from '../../src/entities/workspace/workspace.rules';
import type { Group, Organization, Role, RoleAssignment, RoleAssignmentFilter, User, Workspace } from '../../src/entities/types';

/**
 * The identity schema's resolvers written by hand, SDL-first: they call the same per-entity functions
 * (src/entities) as the TypeGraphQL resolvers, so the only difference measured is TypeGraphQL.
 */

interface Page {
  first?: number | null;
  after?: string | null;
}
type UserFilterInput = Parameters<typeof criteriaOf>[0];
type Id = { id: string };

const referenceOf = (typeName: string) => ENTITIES.find((entity) => entity.type.name === typeName)?.resolveReference;

export const sdlResolvers = {
  DateTimeISO: GraphQLDateTimeISO,
  JSONObject: GraphQLJSONObject,
  Query: {
    user: (_: unknown, { id }: Id, ctx: Context) => users.userById(ctx, id),
    users: (_: unknown, args: Page & { filter?: UserFilterInput | null; orderBy?: UserOrdering | null }, ctx: Context) =>
      userConnection(ctx, criteriaOf(args.filter), args.first, args.after, args.orderBy),
    usersByIds: (_: unknown, { ids }: { ids: string[] }, ctx: Context) => users.usersByIds(ctx, ids),
    group: (_: unknown, { id }: Id) => groups.groupById(id),
    groups: (_: unknown, args: Page & { organizationId?: string | null }, ctx: Context) => groups.groupsConnection(ctx, args.organizationId, args.first, args.after),
    organization: (_: unknown, { id }: Id) => organizations.organizationById(id),
    organizations: (_: unknown, args: Page, ctx: Context) => organizations.organizationsConnection(ctx, args.first, args.after),
    role: (_: unknown, { id }: Id, ctx: Context) => roles.roleById(ctx, id),
    roles: (_: unknown, args: Page, ctx: Context) => roles.rolesConnection(ctx, args.first, args.after),
    workspace: (_: unknown, { id }: Id, ctx: Context) => workspaces.workspaceById(ctx, id),
    workspaces: (_: unknown, __: unknown, ctx: Context) => workspaces.allWorkspaces(ctx),
    roleAssignments: (_: unknown, args: Page & { filter?: RoleAssignmentFilter | null }, ctx: Context) =>
      assignments.roleAssignmentsConnection(ctx, args.filter, args.first, args.after),
  },
  User: {
    __resolveReference: referenceOf('User'),
    name: (user: User, _: unknown, ctx: Context) => users.userNameOf(user, ctx),
    status: (user: User, _: unknown, ctx: Context) => users.userStatusOf(user, ctx),
    rawStatus: (user: User, _: unknown, ctx: Context) => users.rawStatusOf(user, ctx),
    roles: (user: User, _: unknown, ctx: Context, info: GraphQLResolveInfo) => users.rolesOfUser(user, ctx, selectedFields(info)),
    roleAssignments: (user: User, args: { includeExpired?: boolean | null }, ctx: Context, info: GraphQLResolveInfo) =>
      users.roleAssignmentsOfUser(user, ctx, selectedFields(info, ['role']), args.includeExpired === true),
    passwordSetAt: (user: User, _: unknown, ctx: Context) => users.passwordSetAtOf(user, ctx),
    workspace: (user: User, _: unknown, ctx: Context) => users.workspaceOfUser(user, ctx),
    remoteData: (user: User, _: unknown, ctx: Context) => users.remoteDataOfUser(user, ctx),
  },
  RoleAssignment: {
    state: (assignment: RoleAssignment, args: { at?: Date | null; from?: string | null }, ctx: Context) => assignments.assignmentState(assignment, ctx, args.at, args.from),
    activeNow: (assignment: RoleAssignment, _: unknown, ctx: Context) => assignments.assignmentActiveNow(assignment, ctx),
    nextChangeAt: (assignment: RoleAssignment, args: { at?: Date | null }, ctx: Context) => assignments.assignmentNextChangeAt(assignment, ctx, args.at),
  },
  Role: { __resolveReference: referenceOf('Role'), members: (role: Role, args: Page, ctx: Context) => roles.roleMembers(role, ctx, args.first, args.after) },
  Group: { __resolveReference: referenceOf('Group'), members: (group: Group, args: Page, ctx: Context) => groups.groupMembers(group, ctx, args.first, args.after) },
  Organization: {
    __resolveReference: referenceOf('Organization'),
    members: (organization: Organization, args: Page, ctx: Context) => organizations.organizationMembers(organization, ctx, args.first, args.after),
  },
  Workspace: {
    __resolveReference: referenceOf('Workspace'),
    members: (workspace: Workspace, args: Page, ctx: Context) => workspaces.workspaceMembers(workspace, ctx, args.first, args.after),
  },
};
