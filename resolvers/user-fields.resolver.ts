import { GraphQLJSONObject } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { isLocalUser, nameNeedsLocalRecord, remoteData, toRoleAssignment, toWorkspace, userName, type RemoteData } from '../src/mapping';
import { Role, RoleAssignment, User, UserStatus, Workspace } from '../src/types';
import { needsRoleDetails, rolesOf } from './roles-of';
import { assignmentsOf, directoryOf, localRecordOf, statusOf } from './user-relations';
import { selectedFields } from './selection';
import { BATCHED_READ_COST } from './demand-control';

/** The `User` fields that need more than the role-store record: each goes through a per-request loader. */
@Resolver(() => User)
export class UserFields {
  @FieldResolver(() => String, { nullable: true, description: 'The full name; else the local display name; else first and last name.' })
  async name(@Root() user: User, @Ctx() context: Context): Promise<string | null> {
    return userName(user.record, nameNeedsLocalRecord(user.record) ? await localRecordOf(user, context) : null);
  }

  @FieldResolver(() => UserStatus, { nullable: true, description: 'ACTIVE, INACTIVE (directory disabled) or INVITED (must set a password).' })
  async status(@Root() user: User, @Ctx() context: Context): Promise<UserStatus> {
    return (await statusOf(user, context)).status;
  }

  @Directive('@tag(name: "internal")')
  @FieldResolver(() => String, { nullable: true, description: 'The upstream signal `status` was derived from, e.g. `source_disabled`.' })
  async rawStatus(@Root() user: User, @Ctx() context: Context): Promise<string> {
    return (await statusOf(user, context)).rawStatus;
  }

  @Directive(BATCHED_READ_COST)
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Role], { nullable: true, description: 'The roles the user holds; null when they could not be read.' })
  async roles(@Root() user: User, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Role[]> {
    const assignments = await assignmentsOf(user, context);
    return rolesOf(assignments, context.loaders, needsRoleDetails(selectedFields(info)));
  }

  @Directive(BATCHED_READ_COST)
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [RoleAssignment], { nullable: true, description: 'The roles the user holds, with how each was granted.' })
  async roleAssignments(@Root() user: User, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<RoleAssignment[]> {
    const assignments = await assignmentsOf(user, context);
    const roles = await rolesOf(assignments, context.loaders, needsRoleDetails(selectedFields(info, ['role'])));
    return assignments.map((assignment, i) => ({ ...toRoleAssignment(assignment), role: roles[i] as Role }));
  }

  @Directive(BATCHED_READ_COST)
  @FieldResolver(() => Workspace, { nullable: true, description: 'The user directory (PrivX source) the user comes from.' })
  async workspace(@Root() user: User, @Ctx() context: Context): Promise<Workspace | null> {
    const source = await directoryOf(user, context);
    return source && toWorkspace(source);
  }

  @Directive('@tag(name: "internal")')
  @Directive(BATCHED_READ_COST)
  @Directive('@requiresScopes(scopes: [["users:raw"]])')
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The PrivX records the user was built from (`roleStoreUser`, `localUser`), secrets removed; needs `users:raw`.',
  })
  async remoteData(@Root() user: User, @Ctx() context: Context): Promise<RemoteData> {
    const local = isLocalUser(user.record) ? await localRecordOf(user, context) : null;
    return remoteData(user.record, local);
  }
}
