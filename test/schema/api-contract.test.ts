import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  parse,
} from 'graphql';
import { identitySchema } from '../../src/schema/identity-schema';

/**
 * The promise in test/fixtures/api.graphql (a copy of the API we publish): every type, field, argument and
 * enum value it names exists in the served schema with the same type and nullability. The served schema may
 * add to it, never rename or drop.
 */

const FEDERATION_DEFINITIONS = `
  scalar link__Import
  directive @link(url: String!, import: [link__Import]) repeatable on SCHEMA
  directive @key(fields: String!) repeatable on OBJECT | INTERFACE
  directive @shareable on OBJECT | FIELD_DEFINITION
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
`;

function promisedSchema(): GraphQLSchema {
  const sdl = readFileSync(join(__dirname, '..', 'fixtures', 'api.graphql'), 'utf8');
  return buildASTSchema(parse(`${FEDERATION_DEFINITIONS}\n${sdl}`), { assumeValidSDL: true });
}

describe('the served schema keeps the published API', () => {
  let served: GraphQLSchema;
  const promised = promisedSchema();
  const promisedTypes = Object.values(promised.getTypeMap()).filter((t) => !t.name.startsWith('__') && !t.name.startsWith('link__'));

  beforeAll(async () => {
    served = await identitySchema();
  });

  it.each(promisedTypes.map((t) => [t.name, t]))('type %s', (name, type) => {
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
      const fields = isObjectType(mine) || isInterfaceType(mine) ? mine.getFields() : {};
      for (const field of Object.values(type.getFields())) {
        const own = fields[field.name];
        expect({ field: field.name, type: own?.type.toString() }).toEqual({ field: field.name, type: field.type.toString() });
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

  it('describes every type and field it serves', () => {
    const missing: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (type.name.startsWith('__') || type.name.startsWith('_') || type.name.startsWith('link__') || isScalarType(type)) continue;
      // TypeGraphQL cannot describe the root Query type; its fields carry the descriptions.
      if (!type.description && type.name !== 'Query') missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !field.name.startsWith('_')) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
