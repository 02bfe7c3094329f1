// Decorated TypeGraphQL classes read their metadata when first loaded: the polyfill goes first.
import 'reflect-metadata';

/**
 * The package's public surface: what a program built on the subgraph may import, and all that bench/ imports
 * (a dependency-cruiser rule in .dependency-cruiser.cjs holds bench/ to this file). Anything not named here is
 * internal and may change without notice.
 */

// --- Serving: the configuration, the upstream, the server ---
export { loadConfig, type AppConfig } from './config';
export { createUpstream, type ServedUpstream, type UpstreamSettings } from './upstream';
export { startSubgraph, type RunningSubgraph, type SubgraphOptions } from './server';
export { DEFAULT_REQUEST_BOUNDS, type RequestBounds } from './request-bounds';

// --- The seams: the upstream a request reads through, the loaders each request gets, its context ---
export type { IdentityUpstream, Upstream } from '../datasources/upstream';
export { createLoaders, type ConnectionLoad, type LoaderFactory, type Loaders } from '../datasources/loaders';
export { createContext, type Context } from './context';

// --- The entity rules, for another schema or server over the same data (the SDL-first baseline, the ceiling) ---
export * as groups from './entities/group/group.rules';
export * as organizations from './entities/organization/organization.rules';
export * as roles from './entities/role/role.rules';
export * as roleAssignments from './entities/role-assignment/role-assignment.rules';
export * as users from './entities/user/user.rules';
export * as workspaces from './entities/workspace/workspace.rules';
export { criteriaOf, userConnection, type UserOrdering } from './entities/user/user-directory.rules';
export type { Group, Organization, Role, RoleAssignment, RoleAssignmentFilter, User, Workspace } from './entities/types';
export { ENTITIES } from '../resolvers/entities';
export { selectedFields } from '../resolvers/selection';

// --- The embedded v41 simulator (the demo PrivX `npm start` runs without V41_BASE_URL) ---
export { SIMULATOR_CREDENTIALS, startSimulator } from '../datasources/simulator/server';
export { generateDemoData } from '../datasources/simulator/demo-data';

// --- The v41 paging, reading and cache encoding, as sizing and micro-benchmarks price them ---
export { PAGE_SIZE } from '../datasources/v41/paging';
export { jsonText } from '../datasources/v41/json-text';
export { toList, toRoleStoreUser } from '../datasources/v41/normalize';
export { parseWithoutSecrets } from '../datasources/v41/secrets';
export { CACHE_SCHEMA_VERSION, decodeValue, encodeValue } from '../datasources/cache/value-codec';
export { membershipPages, RoleMembershipIndex } from '../datasources/upstream-catalog';
