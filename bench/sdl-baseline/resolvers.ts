import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import type { UserCriteria, UserOrdering } from '../../datasources/directory';
import { resolveGroupReference } from '../../resolvers/group.reference';
import { groupArg, organizationArg, uuidArg } from '../../resolvers/ids';
import { resolveOrganizationReference } from '../../resolvers/organization.reference';
import { connectionOfList, MAX_PAGE_SIZE, sliceOf } from '../../resolvers/paging';
import { resolveRoleReference } from '../../resolvers/role.reference';
import { needsRoleDetails, rolesOf } from '../../resolvers/roles-of';
import { selectedFields } from '../../resolvers/selection';
import { resolveUserReference } from '../../resolvers/user.reference';
import { criteriaOf, userConnection } from '../../resolvers/user-connection';
import { assignmentsOf, directoryOf, localRecordOf, statusOf } from '../../resolvers/user-relations';
import { resolveWorkspaceReference } from '../../resolvers/workspace.reference';
import type { Context } from '../../src/context';
import { badUserInput } from '../../src/errors';
import * as map from '../../src/mapping';
import type { Group, Organization, Role, User, Workspace } from '../../src/types';

/**
 * The identity schema's resolvers written by hand, SDL-first: the same loaders, Directory, mapping functions
 * and per-request helpers as the TypeGraphQL resolvers, so the only difference measured is TypeGraphQL.
 */

interface Args {
  first?: number | null;
  after?: string | null;
}
type UserFilterInput = Parameters<typeof criteriaOf>[0];

const members = (criteria: (parent: never) => UserCriteria) => (parent: never, args: Args, ctx: Context) =>
  userConnection(ctx, criteria(parent), args.first, args.after);

export const sdlResolvers = {
  DateTimeISO: GraphQLDateTimeISO,
  JSONObject: GraphQLJSONObject,
  Query: {
    user: async (_: unknown, { id }: { id: string }, { loaders }: Context) => {
      const record = await loaders.userById.load(uuidArg(id, 'id'));
      return record && map.toUser(record);
    },
    users: (_: unknown, args: Args & { filter?: UserFilterInput | null; orderBy?: UserOrdering | null }, ctx: Context) =>
      userConnection(ctx, criteriaOf(args.filter), args.first, args.after, args.orderBy),
    usersByIds: async (_: unknown, { ids }: { ids: string[] }, { loaders }: Context) => {
      if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, 'ids');
      ids.forEach((id, i) => uuidArg(id, `ids[${i}]`));
      const records = await loaders.userById.loadMany(ids);
      return records.map((record) => (record instanceof Error || record === null ? record : map.toUser(record)));
    },
    group: (_: unknown, { id }: { id: string }) => (groupArg(id, 'id'), map.groupFromId(id)),
    groups: async (_: unknown, args: Args & { organizationId?: string | null }, { directory }: Context) => {
      const slice = sliceOf(args.first, args.after);
      const company = args.organizationId == null ? undefined : organizationArg(args.organizationId, 'organizationId');
      const { groups } = await directory.facets();
      const selected = company === undefined ? groups : groups.filter((key) => key.type === 'DEPARTMENT' && key.company === company);
      return connectionOfList(selected.map(map.groupFromKey), slice);
    },
    organization: (_: unknown, { id }: { id: string }) => (organizationArg(id, 'id'), map.organizationFromId(id)),
    organizations: async (_: unknown, args: Args, { directory }: Context) =>
      connectionOfList((await directory.facets()).companies.map(map.organizationOf), sliceOf(args.first, args.after)),
    role: async (_: unknown, { id }: { id: string }, { loaders }: Context) => {
      const role = await loaders.roleById.load(uuidArg(id, 'id'));
      return role && map.toRole(role);
    },
    roles: async (_: unknown, args: Args, { directory }: Context) => {
      const slice = sliceOf(args.first, args.after);
      return connectionOfList((await directory.roles()).map(map.toRole), slice);
    },
    workspace: async (_: unknown, { id }: { id: string }, { loaders }: Context) => {
      const source = await loaders.sourceById.load(uuidArg(id, 'id'));
      return source && map.toWorkspace(source);
    },
    workspaces: async (_: unknown, __: unknown, { directory }: Context) => (await directory.workspaces()).map(map.toWorkspace),
  },
  User: {
    __resolveReference: resolveUserReference,
    name: async (user: User, _: unknown, ctx: Context) =>
      map.userName(user.record, map.nameNeedsLocalRecord(user.record) ? await localRecordOf(user, ctx) : null),
    status: async (user: User, _: unknown, ctx: Context) => (await statusOf(user, ctx)).status,
    rawStatus: async (user: User, _: unknown, ctx: Context) => (await statusOf(user, ctx)).rawStatus,
    roles: async (user: User, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      rolesOf(await assignmentsOf(user, ctx), ctx.loaders, needsRoleDetails(selectedFields(info))),
    roleAssignments: async (user: User, _: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const assignments = await assignmentsOf(user, ctx);
      const roles = await rolesOf(assignments, ctx.loaders, needsRoleDetails(selectedFields(info, ['role'])));
      return assignments.map((assignment, i) => ({ ...map.toRoleAssignment(assignment), role: roles[i] as Role }));
    },
    workspace: async (user: User, _: unknown, ctx: Context) => {
      const source = await directoryOf(user, ctx);
      return source && map.toWorkspace(source);
    },
    remoteData: async (user: User, _: unknown, ctx: Context) =>
      map.remoteData(user.record, user.record.source_type === 'LOCAL' ? await localRecordOf(user, ctx) : null),
  },
  Role: { __resolveReference: resolveRoleReference, members: members((role: Role) => ({ roleId: role.id })) },
  Group: { __resolveReference: resolveGroupReference, members: members((group: Group) => ({ group: groupArg(group.id, 'id') })) },
  Organization: {
    __resolveReference: resolveOrganizationReference,
    members: members((organization: Organization) => ({ company: organizationArg(organization.id, 'id') })),
  },
  Workspace: { __resolveReference: resolveWorkspaceReference, members: members((workspace: Workspace) => ({ workspaceId: workspace.id })) },
};
