import { userFieldValues } from '../../src/entities/user/user-fields.mapping';
import { identitySchema } from '../../src/schema/identity-schema';
import { localeToLanguages } from '../../src/entities/user/languages.mapping';
import { startStack, type Stack } from '../helpers/stack';

/**
 * A User field is mapped when a query selects it, once per user (docs/mapping.md#when-values-are-computed): the
 * counts are of the pure mapping functions every `User` getter calls, through the served API.
 */

type MappedField = keyof typeof userFieldValues;
const MAPPED = Object.keys(userFieldValues) as MappedField[];

describe('User fields are mapped only when selected', () => {
  let stack: Stack;
  let calls: () => Record<MappedField, number>;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    const spies = MAPPED.map((field) => jest.spyOn(userFieldValues, field));
    calls = () => Object.fromEntries(MAPPED.map((field, i) => [field, spies[i]!.mock.calls.length])) as Record<MappedField, number>;
  });
  afterEach(() => jest.restoreAllMocks());

  const none = () => Object.fromEntries(MAPPED.map((field) => [field, 0]));

  it('the mapped fields keep graphql-js default resolver, which reads the getter', async () => {
    const fields = (await identitySchema()).getType('User')!.toConfig() as { fields: Record<string, { resolve?: unknown; astNode?: { directives?: { name: { value: string } }[] } }> };
    // `@requiresScopes` fields are wrapped by the scope check (src/auth/scope-enforcement.ts), which then reads the getter.
    const scoped = (name: string) => fields.fields[name]!.astNode?.directives?.some((d) => d.name.value === 'requiresScopes');
    const withResolver = Object.keys(fields.fields).filter((name) => fields.fields[name]!.resolve !== undefined && !scoped(name));
    expect(withResolver.sort()).toEqual(['name', 'rawStatus', 'roleAssignments', 'roles', 'status', 'workspace']);
  });

  it('a page selecting only ids maps nothing: no URL parsing, no locale canonicalisation', async () => {
    const canonicalLocales = jest.spyOn(Intl, 'getCanonicalLocales');
    const { data, errors } = await stack.query<{ users: { nodes: { id: string }[] } }, object>('{ users(first: 100) { nodes { id } } }');
    expect(errors).toBeUndefined();
    expect(data!.users.nodes).toHaveLength(Math.min(100, stack.simulator.data.users.length));
    expect(calls()).toEqual(none());
    expect(canonicalLocales).not.toHaveBeenCalled();
  });

  it('a field selected in edges and nodes, and under an alias, is mapped once per user with the same value', async () => {
    type Node = { id: string; languages: string[]; again: string[]; urls: { url: string }[] };
    const { data, errors } = await stack.query<{ users: { edges: { node: Node }[]; nodes: Node[] } }, object>(
      '{ users(first: 20) { edges { node { id languages again: languages urls { url } } } nodes { id languages again: languages urls { url } } } }',
    );
    expect(errors).toBeUndefined();
    const { edges, nodes } = data!.users;
    expect(edges.map((edge) => edge.node)).toEqual(nodes);
    const byId = new Map(stack.simulator.data.users.map((user) => [user.id, user]));
    for (const node of nodes) {
      expect(node.languages).toEqual(localeToLanguages(byId.get(node.id)!.locale));
      expect(node.again).toEqual(node.languages);
    }
    expect(calls()).toEqual({ ...none(), languages: nodes.length, urls: nodes.length });
  });

  it('_entities maps what the representation asks for, as a query does', async () => {
    const ids = stack.simulator.data.users.slice(0, 3).map((user) => user.id);
    const { data, errors } = await stack.query<{ _entities: { id: string; emails: unknown[] }[] }, object>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id emails { email } } } }',
      { r: ids.map((id) => ({ __typename: 'User', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((user) => user.id)).toEqual(ids);
    expect(calls()).toEqual({ ...none(), emails: 3 });
  });
});
