import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  print,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { ENTITIES } from '../../resolvers/entities';
import { identitySchema } from '../../src/schema/identity-schema';
import { printSubgraphSdl } from '../../src/schema/print-subgraph-sdl';

/**
 * The one test of the schema's shape. The promise is test/fixtures/api.graphql (a copy of the API we publish):
 * every type, field, argument, enum value and contract directive it names is served with the same type and
 * nullability; the served schema may add to it, never rename or drop. Then what the promise leaves to us: the
 * committed SDL, the entity keys, the router metadata and the descriptions.
 */

const ROOT = join(__dirname, '..', '..');
const FEDERATION_DEFINITIONS = `
  scalar link__Import
  directive @link(url: String!, import: [link__Import]) repeatable on SCHEMA
  directive @key(fields: String!) repeatable on OBJECT | INTERFACE
  directive @shareable on OBJECT | FIELD_DEFINITION
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
`;
/** Directives the promise fixes; the router metadata (@tag, @cost, @listSize) is ours to tune. */
const CONTRACT_DIRECTIVES = new Set(['key', 'shareable', 'requiresScopes']);
/** Lists of scalars that are part of one record, not a fan-out a router needs to price. */
const UNSIZED_SCALAR_LISTS = new Set(['permissions', 'languages', 'field']);

function promisedSchema(): GraphQLSchema {
  const sdl = readFileSync(join(ROOT, 'test', 'fixtures', 'api.graphql'), 'utf8');
  return buildASTSchema(parse(`${FEDERATION_DEFINITIONS}\n${sdl}`), { assumeValidSDL: true });
}

const directivesOf = (node: { readonly directives?: readonly ConstDirectiveNode[] } | null | undefined, only: Set<string>): string[] =>
  (node?.directives ?? []).filter((d) => only.has(d.name.value)).map((d) => print(d));

const fieldsOf = (type: GraphQLNamedType | null | undefined): Record<string, GraphQLField<unknown, unknown>> =>
  isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};

describe('the served schema', () => {
  let served: GraphQLSchema;
  const promised = promisedSchema();
  const promisedTypes = Object.values(promised.getTypeMap()).filter((t) => !t.name.startsWith('__') && !t.name.startsWith('link__'));

  beforeAll(async () => {
    served = await identitySchema();
  });

  it('is schema/schema.graphql, as committed (run `npm run schema` after changing a type or resolver)', () => {
    expect(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8')).toBe(printSubgraphSdl(served));
  });

  it.each(promisedTypes.map((t) => [t.name, t]))('keeps the published type %s', (name, type) => {
    const mine = served.getType(name as string);
    expect(mine).toBeDefined();
    if (isScalarType(type)) {
      expect(isScalarType(mine)).toBe(true);
    } else if (isEnumType(type)) {
      expect(isEnumType(mine)).toBe(true);
      const values = isEnumType(mine) ? mine.getValues().map((v) => v.name) : [];
      expect(values).toEqual(expect.arrayContaining(type.getValues().map((v) => v.name)));
    } else if (isObjectType(type) || isInterfaceType(type)) {
      expect(isObjectType(mine) || isInterfaceType(mine)).toBe(true);
      expect({ type: name, directives: directivesOf(mine?.astNode as never, CONTRACT_DIRECTIVES) }).toEqual({
        type: name,
        directives: directivesOf(type.astNode, CONTRACT_DIRECTIVES),
      });
      const fields = fieldsOf(mine);
      for (const field of Object.values(type.getFields())) {
        const own = fields[field.name];
        expect({ field: field.name, type: own?.type.toString(), directives: directivesOf(own?.astNode, CONTRACT_DIRECTIVES) }).toEqual({
          field: field.name,
          type: field.type.toString(),
          directives: directivesOf(field.astNode, CONTRACT_DIRECTIVES),
        });
        for (const arg of field.args) {
          const ownArg = own?.args.find((a) => a.name === arg.name);
          expect({ arg: `${field.name}(${arg.name})`, type: ownArg?.type.toString(), default: ownArg?.defaultValue }).toEqual({
            arg: `${field.name}(${arg.name})`,
            type: arg.type.toString(),
            default: arg.defaultValue,
          });
        }
        // No argument the promise does not know may be required.
        for (const extra of own?.args.filter((a) => !field.args.some((b) => b.name === a.name)) ?? []) {
          expect(extra.type.toString().endsWith('!') && extra.defaultValue === undefined).toBe(false);
        }
      }
    } else if (isInputObjectType(type)) {
      expect(isInputObjectType(mine)).toBe(true);
      const fields = isInputObjectType(mine) ? mine.getFields() : {};
      for (const field of Object.values(type.getFields())) {
        expect({ field: field.name, type: fields[field.name]?.type.toString(), default: fields[field.name]?.defaultValue }).toEqual({
          field: field.name,
          type: field.type.toString(),
          default: field.defaultValue,
        });
      }
    }
  });

  it('keys every registered entity by id, and nothing else', () => {
    const keys = new Set(['key']);
    const keyed = Object.values(served.getTypeMap())
      .filter((type) => isObjectType(type) && directivesOf(type.astNode, keys).length > 0)
      .map((type) => [type.name, directivesOf(type.astNode as never, keys)]);
    expect(Object.fromEntries(keyed)).toEqual(Object.fromEntries(ENTITIES.map((entity) => [entity.type.name, ['@key(fields: "id")']])));
  });

  it('sizes every list for the router: connections by `first`, other lists by an assumed size', () => {
    const unsized: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_') || UNSIZED_SCALAR_LISTS.has(field.name)) continue;
        const returnsList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
        const returnsConnection = getNamedType(field.type).name.endsWith('Connection');
        if (!returnsList && !returnsConnection) continue;
        const listSize = field.astNode?.directives?.find((d) => d.name.value === 'listSize');
        const expected = returnsConnection ? 'slicingArguments: ["first"]' : 'assumedSize:';
        if (!listSize || !print(listSize).includes(expected)) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('tags personal and internal fields for contracts', () => {
    const tags = new Set(['tag']);
    const tagsOf = (field: string) => directivesOf(fieldsOf(served.getType('User'))[field]?.astNode, tags);
    expect(['emails', 'phones', 'remoteData', 'rawStatus'].map(tagsOf)).toEqual([
      ['@tag(name: "pii")'],
      ['@tag(name: "pii")'],
      ['@tag(name: "internal")'],
      ['@tag(name: "internal")'],
    ]);
  });

  it('keeps the generic connection bases out of the schema', () => {
    expect(Object.keys(served.getTypeMap()).filter((name) => name.endsWith('Base'))).toEqual([]);
  });

  it('describes every type, field and enum value it serves', () => {
    const missing: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (type.name.startsWith('_') || type.name.startsWith('link__') || isScalarType(type)) continue;
      // TypeGraphQL cannot describe the root Query and Mutation types; their fields carry the descriptions.
      if (!type.description && type.name !== 'Query' && type.name !== 'Mutation') missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !field.name.startsWith('_')) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
