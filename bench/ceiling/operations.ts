import { DEFAULT_USER_ORDER } from '../../datasources/directory';
import type { V41RoleAssignment } from '../../datasources/v41/models';
import { oncePerUser } from '../../resolvers/per-user';
import { rolesOf } from '../../resolvers/roles-of';
import type { Context } from '../../src/context';
import * as map from '../../src/mapping';
import type { Group, Organization, Role, User } from '../../src/types';

/**
 * The benchmark's operations answered without GraphQL: the same loaders, Directory and mapping functions, the
 * same batched upstream calls, the JSON built in the queries' field order. Anything else is not served.
 */

export type Variables = Record<string, unknown>;
export type Operation = (context: Context, variables: Variables) => Promise<unknown>;

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

const assignmentsOf = (user: User, { loaders }: Context): Promise<V41RoleAssignment[]> =>
  oncePerUser(user, 'assignments', async () => (await loaders.rolesOfUser.load(user.id)) ?? []);
const directoryOf = (user: User, { loaders }: Context) =>
  oncePerUser(user, 'directory', async () => (user.record.source ? loaders.sourceById.load(user.record.source) : null));
const localRecordOf = (user: User, { loaders }: Context) =>
  oncePerUser(user, 'local', () => loaders.localUserById.load(user.record.source_user_id ?? user.id));

const roleIdName = (role: Role) => ({ id: role.id, name: role.name });
const groupOut = (g: Group) => ({ id: g.id, name: g.name, type: g.type, organization: g.organization });
const organizationOut = (o: Organization) => ({ id: o.id, name: o.name });

/** Every User field, as `test/operations/user-fields.graphql` selects them. */
async function everyUserField(user: User, context: Context) {
  const rs = user.record;
  const needsLocal = map.isLocalUser(rs);
  const [local, source, assignments] = await Promise.all([
    needsLocal ? localRecordOf(user, context) : null,
    directoryOf(user, context),
    assignmentsOf(user, context),
  ]);
  const [roles, assignedRoles] = await Promise.all([rolesOf(assignments, context.loaders, true), rolesOf(assignments, context.loaders, false)]);
  const status = map.userStatus(rs, source ?? undefined, map.statusNeedsLocalRecord(rs) ? local : null);
  const workspace = source && map.toWorkspace(source);
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    title: user.title,
    name: map.userName(rs, map.nameNeedsLocalRecord(rs) ? local : null),
    username: user.username,
    emails: user.emails.map((e) => ({ email: e.email, type: e.type, isPrimary: e.isPrimary })),
    phones: user.phones && user.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type })),
    status: status.status,
    rawStatus: status.rawStatus,
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description ?? null,
      system: r.system,
      permissions: r.permissions,
      memberCount: r.memberCount ?? null,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      group: r.group,
      organization: r.organization,
      workspace: r.workspace,
    })),
    roleAssignments: assignments.map((a, i) => {
      const grant = map.toRoleAssignment(a);
      return {
        role: roleIdName(assignedRoles[i] as Role),
        explicit: grant.explicit,
        grantType: grant.grantType,
        grantStart: iso(grant.grantStart),
        grantEnd: iso(grant.grantEnd),
      };
    }),
    organizations: user.organizations.map(organizationOut),
    workspace: workspace && { id: workspace.id, name: workspace.name, type: workspace.type, enabled: workspace.enabled, organization: workspace.organization },
    groups: user.groups.map(groupOut),
    avatar: user.avatar,
    timezone: user.timezone,
    languages: user.languages,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    urls: user.urls.map((u) => ({ url: u.url, type: u.type })),
    remoteData: map.remoteData(rs, rs.source_type === 'LOCAL' ? local : null),
  };
}

async function usersPage(context: Context, first: number): Promise<User[]> {
  const page = await context.directory.find({}, DEFAULT_USER_ORDER, 0, first);
  return page.users.map(map.toUser);
}

async function rolesIdName(user: User, context: Context) {
  return (await rolesOf(await assignmentsOf(user, context), context.loaders, false)).map(roleIdName);
}

export const operations: Record<string, Operation> = {
  Typename: async () => ({ __typename: 'Query' }),

  UserFull: async (context, variables) => {
    const record = await context.loaders.userById.load(String(variables.id));
    return { user: record && (await everyUserField(map.toUser(record), context)) };
  },

  UsersContact: async (context) => {
    const users = await usersPage(context, 100);
    return {
      users: {
        nodes: users.map((u) => ({
          id: u.id,
          emails: u.emails.map((e) => ({ email: e.email, type: e.type, isPrimary: e.isPrimary })),
          phones: u.phones && u.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type })),
        })),
      },
    };
  },

  UsersNested: async (context) => {
    const users = await usersPage(context, 100);
    const nodes = await Promise.all(
      users.map(async (u) => {
        const [roles, source] = await Promise.all([rolesIdName(u, context), directoryOf(u, context)]);
        const workspace = source && map.toWorkspace(source);
        return {
          id: u.id,
          roles,
          groups: u.groups.map(groupOut),
          organizations: u.organizations.map(organizationOut),
          workspace: workspace && { id: workspace.id, name: workspace.name, type: workspace.type, enabled: workspace.enabled },
        };
      }),
    );
    return { users: { nodes } };
  },

  Entities: async (context, variables) => {
    const representations = variables.representations as { __typename: string; id: string }[];
    const entities = await Promise.all(
      representations.map(async ({ id }) => {
        const record = await context.loaders.userById.load(id);
        if (!record) return null;
        const user = map.toUser(record);
        return { id: user.id, roles: await rolesIdName(user, context) };
      }),
    );
    return { _entities: entities };
  },
};
