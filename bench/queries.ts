import { Kind, parse, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './processes';
import type { SimulatorClient } from './simulator';

/** The benchmark's operations, the data they run on, and how each answer is checked before it is timed. */

export interface BenchQuery {
  /** Also the operation name: the ceiling answers by it. */
  name: string;
  label: string;
  /** The POST body. */
  body: string;
  /** N of the cold budget: users the query reads. */
  users: number;
  /** Upstream calls naive mode must make (cold and warm alike): one per user and relation. */
  naiveCalls: number;
  /** A problem with `data`, or undefined when the answer is complete. */
  check(data: unknown): string | undefined;
  /** The bodies of the upstream calls the product makes for this query warm (its floor parses them). */
  warmUpstream(simulator: SimulatorClient): Promise<string[]>;
  /** The same work in the peer's schema (bench/peer), where it can express it. */
  peer?: PeerForm;
}

/** A query as close as the peer's schema (GraphQL Mesh over docs/privx-v41.openapi.yaml) allows. */
export interface PeerForm {
  body: string;
  /** Upstream calls it makes, cold and warm alike (it caches nothing). */
  calls: number;
  check(data: unknown): string | undefined;
  /** A difference from the product's answer (its `data`, as JSON), or undefined when they agree. */
  differsFrom(data: unknown, productData: string): string | undefined;
}

/** The users the queries ask for, read from the simulator. */
export interface Sample {
  /** A local user without a full name: `name`, `status` and `remoteData` need the local-user record. */
  fullUser: { id: string; roles: number; hasSource: boolean; local: boolean };
  /** The first 100 users in the default order that have a directory. */
  firstPageWithSource: number;
  /** Users 100..199: the `_entities` representations. */
  entityIds: string[];
}

export async function readSample(simulator: SimulatorClient): Promise<Sample> {
  const users = await simulator.usersPage(0, 200);
  if (users.length < 200) throw new Error(`the benchmark needs at least 200 users, the simulator has ${users.length}`);
  const chosen = users.find((u) => u.source_type === 'LOCAL' && !u.full_name) ?? users.find((u) => u.source_type === 'LOCAL') ?? users[0];
  const full = await simulator.user(chosen!.id);
  return {
    fullUser: { id: full.id, roles: full.roles?.length ?? 0, hasSource: Boolean(full.source), local: full.source_type === 'LOCAL' },
    firstPageWithSource: users.slice(0, 100).filter((u) => u.source).length,
    entityIds: users.slice(100, 200).map((u) => u.id),
  };
}

/** The fragment selecting every User field: the one the tests use. */
export function everyUserFieldFragment(root = ROOT): string {
  return readFileSync(resolve(root, 'bench/operations/user-fields.graphql'), 'utf8').trim();
}

function fieldNames(set: SelectionSetNode): string[] {
  return set.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => s.name.value);
}

/** Fails unless the fragment selects every field the served SDL gives User: "every field" excludes nothing. */
export function assertSelectsEveryUserField(fragment: string, root = ROOT): void {
  const sdl = parse(readFileSync(resolve(root, 'schema/schema.graphql'), 'utf8'));
  const user = sdl.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'User');
  if (user?.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('schema/schema.graphql has no User type');
  const selected = new Set(
    (parse(fragment) as DocumentNode).definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? fieldNames(d.selectionSet) : [])),
  );
  const missing = (user.fields ?? []).map((f) => f.name.value).filter((name) => !selected.has(name));
  if (missing.length > 0) throw new Error(`the every-field fragment misses User fields: ${missing.join(', ')}`);
}

const body = (operationName: string, query: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ operationName, query, ...(variables ? { variables } : {}) });

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const list = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

function nodesOf(data: unknown): Json[] | string {
  const nodes = list(obj(obj(data)?.users)?.nodes);
  if (!nodes) return 'no users.nodes';
  if (nodes.length !== 100) return `users.nodes has ${nodes.length} items, expected 100`;
  return nodes.map((n) => obj(n) ?? {});
}

/**
 * The peer answers the same users, in the same order, and every role the product gives each one (the product
 * also leaves out grants that have expired, which the peer cannot tell: bench/README.md).
 */
function sameUsersAndRoles(peerUsers: unknown[], peerRolesKey: string, productUsers: unknown[]): string | undefined {
  const roleIds = (user: unknown, key: string) => new Set((list(obj(user)?.[key]) ?? []).map((r) => obj(r)?.id));
  if (peerUsers.length !== productUsers.length) return `${peerUsers.length} users, the product ${productUsers.length}`;
  for (const [i, peerUser] of peerUsers.entries()) {
    const productUser = productUsers[i];
    if (obj(peerUser)?.id !== obj(productUser)?.id) return `user ${i} is ${String(obj(peerUser)?.id)}, the product's ${String(obj(productUser)?.id)}`;
    const peerRoles = roleIds(peerUser, peerRolesKey);
    if ([...roleIds(productUser, 'roles')].some((id) => !peerRoles.has(id))) return `user ${String(obj(peerUser)?.id)} lacks a role the product gives`;
  }
  return undefined;
}

function peerUsersNested(sample: Sample): PeerForm {
  const items = (data: unknown) => list(obj(obj(data)?.searchUsers)?.items);
  return {
    // The page in the product's order (principal ascending); company and department are what the product's groups
    // and organizations are derived from. `directory` before `roleList`: Hive Gateway 2.15 loses the variables of
    // its batched subgraph request the other way round (bench/README.md).
    body: body(
      'UsersNested',
      'query UsersNested { searchUsers(limit: 100, sortkey: principal, sortdir: ASC, input: {}) { items { id company department directory { id name enabled connection { type } } roleList { id name } } } }',
    ),
    // the page, then per user its roles and its directory
    calls: 1 + 100 + sample.firstPageWithSource,
    check: (data) => {
      const users = items(data);
      if (users?.length !== 100) return `searchUsers.items has ${users?.length ?? 0} items, expected 100`;
      if (!users.every((u) => list(obj(u)?.roleList))) return 'a user lacks roleList';
      const directories = users.filter((u) => obj(obj(u)?.directory)).length;
      return directories === sample.firstPageWithSource ? undefined : `${directories} directories, expected ${sample.firstPageWithSource}`;
    },
    differsFrom: (data, productData) => sameUsersAndRoles(items(data) ?? [], 'roleList', list(obj(obj(JSON.parse(productData))?.users)?.nodes) ?? []),
  };
}

function peerEntities(sample: Sample): PeerForm {
  const entities = (data: unknown) => list(obj(data)?._entities);
  return {
    // The peer's entity is the user as GET /users/{id} answers it (roles included), under the OpenAPI schema's name.
    body: body(
      'Entities',
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on RoleStoreUserWithRoles { id roles { id name } } } }',
      { representations: sample.entityIds.map((id) => ({ __typename: 'RoleStoreUserWithRoles', id })) },
    ),
    // one GET /users/{id} per reference: Mesh batches a reference resolver by position only (bench/README.md)
    calls: 100,
    check: (data) => {
      const found = entities(data);
      if (found?.length !== 100) return `_entities has ${found?.length ?? 0} items, expected 100`;
      if (found.some((e, i) => obj(e)?.id !== sample.entityIds[i])) return '_entities are not the users asked for, in order';
      return found.every((e) => list(obj(e)?.roles)) ? undefined : 'an entity lacks roles';
    },
    differsFrom: (data, productData) => sameUsersAndRoles(entities(data) ?? [], 'roles', list(obj(JSON.parse(productData))?._entities) ?? []),
  };
}

export function benchQueries(sample: Sample): BenchQuery[] {
  const fragment = everyUserFieldFragment();
  assertSelectsEveryUserField(fragment);
  const fullUserCalls = 1 + 1 + sample.fullUser.roles + (sample.fullUser.hasSource ? 1 : 0) + (sample.fullUser.local ? 1 : 0);
  return [
    {
      name: 'Typename',
      label: '{ __typename }',
      body: body('Typename', 'query Typename { __typename }'),
      users: 0,
      naiveCalls: 0,
      check: (data) => (obj(data)?.__typename === 'Query' ? undefined : '__typename is not Query'),
      warmUpstream: async () => [],
    },
    {
      name: 'UserFull',
      label: 'user(id), every field',
      body: body('UserFull', `query UserFull($id: ID!) { user(id: $id) { ...EveryUserField } }\n${fragment}`, { id: sample.fullUser.id }),
      users: 1,
      // user, its roles, each role's details, its directory, its local record
      naiveCalls: fullUserCalls,
      // Warm, only the user itself is read: roles, directories and local users come from the cache.
      warmUpstream: async (simulator) => [await simulator.userText(sample.fullUser.id)],
      check: (data) => {
        const user = obj(obj(data)?.user);
        if (user?.id !== sample.fullUser.id) return 'user is missing or has another id';
        if (list(user.roles)?.length !== sample.fullUser.roles) return `user.roles should have ${sample.fullUser.roles} items`;
        return obj(user.remoteData) ? undefined : 'user.remoteData is missing';
      },
    },
    {
      name: 'UsersContact',
      label: 'users(100) emails, phones',
      body: body('UsersContact', 'query UsersContact { users(first: 100) { nodes { id emails { email type isPrimary } phones { number extension type } } } }'),
      users: 100,
      naiveCalls: 1,
      warmUpstream: async (simulator) => [await simulator.usersPageText(0, 100)],
      check: (data) => {
        const nodes = nodesOf(data);
        if (typeof nodes === 'string') return nodes;
        return nodes.every((n) => typeof n.id === 'string' && list(n.emails) && list(n.phones)) ? undefined : 'a user lacks id, emails or phones';
      },
    },
    {
      name: 'UsersNested',
      label: 'users(100) roles, groups, orgs, workspace',
      body: body(
        'UsersNested',
        'query UsersNested { users(first: 100) { nodes { id roles { id name } groups { id name type organization } organizations { id name } workspace { id name type enabled } } } }',
      ),
      users: 100,
      // the page, then per user its roles and its directory
      naiveCalls: 1 + 100 + sample.firstPageWithSource,
      warmUpstream: async (simulator) => [await simulator.usersPageText(0, 100)],
      peer: peerUsersNested(sample),
      check: (data) => {
        const nodes = nodesOf(data);
        if (typeof nodes === 'string') return nodes;
        if (!nodes.every((n) => list(n.roles) && list(n.groups) && list(n.organizations))) return 'a user lacks roles, groups or organizations';
        const workspaces = nodes.filter((n) => obj(n.workspace)).length;
        return workspaces === sample.firstPageWithSource ? undefined : `${workspaces} workspaces, expected ${sample.firstPageWithSource}`;
      },
    },
    {
      name: 'Entities',
      label: '_entities(100 User) roles',
      body: body('Entities', 'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id roles { id name } } } }', {
        representations: sample.entityIds.map((id) => ({ __typename: 'User', id })),
      }),
      users: 100,
      // per user: the user, then its roles
      naiveCalls: 200,
      warmUpstream: async (simulator) => [await simulator.usersByIdsText(sample.entityIds)],
      peer: peerEntities(sample),
      check: (data) => {
        const entities = list(obj(data)?._entities);
        if (entities?.length !== 100) return `_entities has ${entities?.length ?? 0} items, expected 100`;
        const ids = entities.map((e) => obj(e)?.id);
        if (ids.some((id, i) => id !== sample.entityIds[i])) return '_entities are not the users asked for, in order';
        return entities.every((e) => list(obj(e)?.roles)) ? undefined : 'an entity lacks roles';
      },
    },
  ];
}
