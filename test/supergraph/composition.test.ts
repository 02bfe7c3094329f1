import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { composeSupergraph } from '../../examples/supergraph/compose';
import { withoutSecurityPurpose } from '../../examples/supergraph/gateway-supergraph';
import { TICKETS_SDL } from '../../examples/supergraph/tickets-subgraph';
import { directivesOnField, directivesOnType } from './sdl-directives';

/**
 * Composition of the committed subgraph SDL (the file `rover supergraph compose` is pointed at; another test
 * holds it equal to what the subgraph serves) with the example tickets subgraph. No servers: fast.
 */
const IDENTITY_SDL = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');

const compose = (...extra: { name: string; sdl: string }[]) =>
  composeSupergraph([
    { name: 'identity', url: 'http://identity.invalid/graphql', sdl: IDENTITY_SDL },
    { name: 'tickets', url: 'http://tickets.invalid/graphql', sdl: TICKETS_SDL },
    ...extra.map((s) => ({ ...s, url: `http://${s.name}.invalid/graphql` })),
  ]);

const PAGED = '@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)';

describe('the supergraph of identity + tickets', () => {
  const { supergraphSdl: supergraph, hints } = compose();
  const on = (type: string, field: string) => directivesOnField(supergraph, type, field);

  it('composes without hints', () => {
    expect(hints).toEqual([]);
  });

  it.each(['User', 'Role', 'Group', 'Organization', 'Workspace'])('%s is an entity the identity subgraph resolves by id', (entity) => {
    const joins = directivesOnType(supergraph, entity);
    expect(joins).toContain('@join__type(graph: IDENTITY, key: "id")');
    // The tickets subgraph only references it: a router must go to identity for every other field.
    expect(joins).toContain('@join__type(graph: TICKETS, key: "id", resolvable: false)');
  });

  it('carries the demand-control metadata a router prices queries with', () => {
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])');
    for (const [type, field] of [['Query', 'users'], ['Query', 'groups'], ['Query', 'organizations'], ['Role', 'members'], ['Group', 'members'], ['Organization', 'members'], ['Workspace', 'members']] as const) {
      expect(on(type, field)).toEqual(expect.arrayContaining(['@cost(weight: 10)', PAGED]));
    }
    expect(on('Query', 'roles')).toContain(PAGED);
    expect(on('Query', 'usersByIds')).toContain('@listSize(assumedSize: 100)');
    expect(on('Query', 'workspaces')).toContain('@listSize(assumedSize: 20)');
    expect(on('User', 'roles')).toEqual(expect.arrayContaining(['@cost(weight: 2)', '@listSize(assumedSize: 10)']));
    expect(on('User', 'roleAssignments')).toEqual(expect.arrayContaining(['@cost(weight: 2)', '@listSize(assumedSize: 10)']));
    expect(on('User', 'workspace')).toContain('@cost(weight: 2)');
    for (const [field, size] of [['groups', 5], ['organizations', 1], ['emails', 3], ['phones', 3], ['urls', 3]] as const) {
      expect(on('User', field)).toContain(`@listSize(assumedSize: ${size})`);
    }
  });

  it('carries the role-grant mutations, resolved by identity, with their scope and cost', () => {
    // Only identity has mutations: the whole type is joined to it.
    expect(directivesOnType(supergraph, 'Mutation')).toEqual(['@join__type(graph: IDENTITY)']);
    for (const field of ['grantRole', 'revokeRole', 'revokeGrants']) {
      expect(on('Mutation', field)).toContain('@requiresScopes(scopes: [["roles:grant"]])');
    }
    expect(on('Mutation', 'grantRole')).toContain('@cost(weight: 20)');
    expect(on('Mutation', 'revokeGrants')).toContain('@cost(weight: 200)');
    expect(on('RevokeGrantsPayload', 'revocations')).toContain('@listSize(assumedSize: 500)');
  });

  it('carries both scopes of @requiresScopes', () => {
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(on('User', 'phones')).toContain('@requiresScopes(scopes: [["users:pii"]])');
    expect(on('User', 'remoteData')).toContain('@requiresScopes(scopes: [["users:raw"]])');
  });

  it('carries the contract tags', () => {
    expect(on('User', 'remoteData')).toContain('@tag(name: "internal")');
    expect(on('User', 'rawStatus')).toContain('@tag(name: "internal")');
    expect(on('User', 'emails')).toContain('@tag(name: "pii")');
    expect(on('User', 'phones')).toContain('@tag(name: "pii")');
  });

  it('keeps the scopes link for a router, and drops only its purpose for the example gateway', () => {
    const forGateway = withoutSecurityPurpose(supergraph);
    expect(forGateway).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    expect(forGateway).not.toContain('for: SECURITY');
    expect(directivesOnField(forGateway, 'User', 'remoteData')).toContain('@requiresScopes(scopes: [["users:raw"]])');
  });
});

describe('shareable value types', () => {
  /** A third subgraph declaring the identity subgraph's value types itself, with or without @shareable. */
  const valueTypes = (shareable: boolean) => {
    const s = shareable ? '@shareable' : '';
    return `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@shareable"])
      type Email ${s} { email: String!, type: String, isPrimary: Boolean! }
      type Phone ${s} { number: String!, extension: String, type: String }
      type Url ${s} { url: String!, type: String }
      type PageInfo ${s} { hasNextPage: Boolean!, endCursor: String }
      type Query { contact: Email, phone: Phone, url: Url, page: PageInfo }
    `;
  };

  it('PageInfo, Email, Phone and Url compose when another subgraph also resolves them', () => {
    expect(() => compose({ name: 'contacts', sdl: valueTypes(true) })).not.toThrow();
  });

  it('would not compose if the other subgraph left out @shareable (so the check above means something)', () => {
    const result = composeServices([
      { name: 'identity', typeDefs: parse(IDENTITY_SDL) },
      { name: 'contacts', typeDefs: parse(valueTypes(false)) },
    ]);
    const messages = (result.errors ?? []).filter((e) => e.extensions['code'] === 'INVALID_FIELD_SHARING').map((e) => e.message);
    for (const type of ['Email', 'Phone', 'Url', 'PageInfo']) expect(messages.some((m) => m.includes(`"${type}.`))).toBe(true);
  });
});
