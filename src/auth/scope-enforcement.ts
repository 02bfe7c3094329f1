import { getDirective } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, isInterfaceType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Caller } from './caller';

/** `@requiresScopes(scopes: [[a, b], [c]])`: a and b, or c (the Federation directive's own meaning). */
export type ScopeRequirement = readonly (readonly string[])[];

const DIRECTIVE = 'requiresScopes';
const enforced = new WeakSet<GraphQLField<unknown, unknown>>();

/** Every field carrying `@requiresScopes`, as `Type.field` → requirement, read from the schema itself. */
export function requiredScopes(schema: GraphQLSchema): Map<string, ScopeRequirement> {
  const found = new Map<string, ScopeRequirement>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (getDirective(schema, type, DIRECTIVE)?.length) {
      // A type-level requirement also guards every field returning the type, `_entities` included; refusing to
      // start is safer than serving such a type unguarded.
      throw new Error(`@${DIRECTIVE} on the type ${type.name} is not enforced by this subgraph: put it on the fields it guards.`);
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const uses = getDirective(schema, field, DIRECTIVE) ?? [];
      if (uses.length > 0) found.set(`${type.name}.${field.name}`, uses.flatMap((use) => use.scopes as string[][]));
    }
  }
  return found;
}

export function satisfies(scopes: ReadonlySet<string>, requirement: ScopeRequirement): boolean {
  return requirement.some((all) => all.every((scope) => scopes.has(scope)));
}

function describe(requirement: ScopeRequirement): string {
  return requirement.map((all) => all.join(' and ')).join(', or ');
}

/**
 * Guards every `@requiresScopes` field of `schema` for verified callers: the field's resolver runs only when
 * the caller's scopes satisfy the directive, so a field the caller may not see costs no upstream call. Otherwise
 * the field is null with a FORBIDDEN error at its path, the rest of the data intact. Through `_entities` the
 * same resolvers run, so the same rule holds. Trusted callers (router-only, development) pass unchecked.
 *
 * Wraps the resolvers in place (once per field): the schema is built once per process and shared.
 */
export function enforceRequiredScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const [coordinate, requirement] of requiredScopes(schema)) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
    const field = type.getFields()[fieldName]!;
    if (enforced.has(field)) continue;
    enforced.add(field);
    const resolve = field.resolve ?? defaultFieldResolver;
    const message = `${coordinate} needs the scope ${describe(requirement)}.`;
    field.resolve = (source, args, context, info) => {
      // A context without a caller is a wiring bug: refuse rather than serve the field unguarded.
      const caller = (context as { caller?: Caller } | undefined)?.caller;
      if (caller?.kind !== 'trusted' && !(caller && satisfies(caller.scopes, requirement))) {
        throw new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
      }
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
