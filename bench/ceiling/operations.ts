import type { Context } from '../../src/context';
import * as userFields from '../../src/entities/user/user.rules';
import { userConnection } from '../../src/entities/user/user-directory.rules';
import type { Group, Organization, Role, User, Workspace } from '../../src/entities/types';

/**
 * The benchmark's operations answered without GraphQL: the same per-entity functions (src/entities), loaders
 * and batched upstream calls as the product, the JSON built by hand in the queries' field order. Anything
 * else is not served.
 */

export type Variables = Record<string, unknown>;
export type Operation = (context: Context, variables: Variables) => Promise<unknown>;

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** What the operations select on roles: the ceiling has no selection set to read it from. */
const EVERY_ROLE_FIELD = new Set(['id', 'name', 'description', 'system', 'permissions', 'memberCount', 'createdAt', 'updatedAt', 'group', 'organization', 'workspace']);
const ROLE_ID_NAME = new Set(['id', 'name']);

const roleIdName = (role: Role) => ({ id: role.id, name: role.name });
const groupOut = (g: Group) => ({ id: g.id, name: g.name, type: g.type, organization: g.organization });
const organizationOut = (o: Organization) => ({ id: o.id, name: o.name });
const workspaceOut = (w: Workspace) => ({ id: w.id, name: w.name, type: w.type, enabled: w.enabled });

/** Every User field, as `bench/operations/user-fields.graphql` selects them. */
async function everyUserField(user: User, context: Context) {
  const [name, status, rawStatus, roles, assignments, workspace, remoteData, passwordSetAt] = await Promise.all([
    userFields.userNameOf(user, context),
    userFields.userStatusOf(user, context),
    userFields.rawStatusOf(user, context),
    userFields.rolesOfUser(user, context, EVERY_ROLE_FIELD),
    userFields.roleAssignmentsOfUser(user, context, ROLE_ID_NAME),
    userFields.workspaceOfUser(user, context),
    userFields.remoteDataOfUser(user, context),
    userFields.passwordSetAtOf(user, context),
  ]);
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    title: user.title,
    name,
    username: user.username,
    emails: user.emails.map((e) => ({ email: e.email, type: e.type, isPrimary: e.isPrimary })),
    phones: user.phones && user.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type })),
    status,
    rawStatus,
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
    roleAssignments: assignments.map((grant) => ({
      role: roleIdName(grant.role),
      explicit: grant.explicit,
      grantType: grant.grantType,
      grantStart: iso(grant.grantStart),
      grantEnd: iso(grant.grantEnd),
    })),
    organizations: user.organizations.map(organizationOut),
    workspace: workspace && { ...workspaceOut(workspace), organization: workspace.organization },
    groups: user.groups.map(groupOut),
    avatar: user.avatar,
    timezone: user.timezone,
    languages: user.languages,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    urls: user.urls.map((u) => ({ url: u.url, type: u.type })),
    remoteData,
    mfaStatus: user.mfaStatus,
    externalId: user.externalId,
    passwordSetAt: iso(passwordSetAt),
    lastSyncedAt: iso(user.lastSyncedAt),
  };
}

async function usersPage(context: Context, first: number): Promise<User[]> {
  return (await userConnection(context, {}, first, null)).nodes;
}

async function rolesIdName(user: User, context: Context) {
  return (await userFields.rolesOfUser(user, context, ROLE_ID_NAME)).map(roleIdName);
}

export const operations: Record<string, Operation> = {
  Typename: async () => ({ __typename: 'Query' }),

  UserFull: async (context, variables) => {
    const user = await userFields.userById(context, String(variables.id));
    return { user: user && (await everyUserField(user, context)) };
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
        const [roles, workspace] = await Promise.all([rolesIdName(u, context), userFields.workspaceOfUser(u, context)]);
        return {
          id: u.id,
          roles,
          groups: u.groups.map(groupOut),
          organizations: u.organizations.map(organizationOut),
          workspace: workspace && workspaceOut(workspace),
        };
      }),
    );
    return { users: { nodes } };
  },

  Entities: async (context, variables) => {
    const representations = variables.representations as { __typename: string; id: string }[];
    const entities = await Promise.all(
      representations.map(async ({ id }) => {
        const user = await userFields.resolveUserReference({ id }, context);
        return user && { id: user.id, roles: await rolesIdName(user, context) };
      }),
    );
    return { _entities: entities };
  },
};
