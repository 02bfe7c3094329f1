import type { ClassType } from 'type-graphql';
import type { Context } from '../src/context';
import { resolveGroupReference } from '../src/entities/group';
import { resolveOrganizationReference } from '../src/entities/organization';
import { resolveRoleReference } from '../src/entities/role';
import { resolveUserReference } from '../src/entities/user';
import { resolveWorkspaceReference } from '../src/entities/workspace';
import { Group, Organization, Role, User, Workspace } from '../src/types';
import { GroupResolver } from './group.resolver';
import { OrganizationResolver } from './organization.resolver';
import { RoleAssignmentResolver } from './role-assignment.resolver';
import { GrantRevocationResolver, GrantRolePayloadResolver, RevokeRolePayloadResolver, RoleGrantResolver } from './role-grant.resolver';
import { RoleResolver } from './role.resolver';
import { UserResolver } from './user.resolver';
import { WorkspaceResolver } from './workspace.resolver';

/**
 * The one registry of the subgraph's entities: the schema build reads the resolvers, the `_entities` lookups
 * and the orphaned types from here. Adding an entity: docs/adding-an-entity.md.
 */
export interface EntityRegistration {
  /** The TypeGraphQL class; its GraphQL name keys `__resolveReference`. */
  type: ClassType;
  resolver: ClassType;
  resolveReference(reference: { id: string }, context: Context): unknown;
  /**
   * Listed in `orphanedTypes`: TypeGraphQL emits only types reachable from a query, and a router may ask for
   * this entity by key where no query of ours returns it.
   */
  orphan: boolean;
}

export const ENTITIES: readonly EntityRegistration[] = [
  { type: User, resolver: UserResolver, resolveReference: resolveUserReference, orphan: false },
  { type: Role, resolver: RoleResolver, resolveReference: resolveRoleReference, orphan: true },
  { type: Group, resolver: GroupResolver, resolveReference: resolveGroupReference, orphan: true },
  { type: Organization, resolver: OrganizationResolver, resolveReference: resolveOrganizationReference, orphan: true },
  { type: Workspace, resolver: WorkspaceResolver, resolveReference: resolveWorkspaceReference, orphan: true },
];

/**
 * Resolvers of types that are not entities: grant states and the access-review query (docs/access.md), and the
 * role-grant mutations with their payloads (docs/writes.md).
 */
export const VALUE_TYPE_RESOLVERS: readonly ClassType[] = [
  RoleAssignmentResolver,
  RoleGrantResolver,
  GrantRolePayloadResolver,
  RevokeRolePayloadResolver,
  GrantRevocationResolver,
];
