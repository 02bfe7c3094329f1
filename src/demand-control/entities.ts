import { getArgumentValues, isUnionType, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { badUserInput } from '../errors';
import { tooMuch } from './rejections';

/**
 * Checks `_entities` before it runs: at most `maxEntities` representations in the operation, each an object
 * naming an entity type of this subgraph and carrying its `id` key. A router only ever sends such ones; any
 * other is a client error, said as `BAD_USER_INPUT` rather than failing deep inside the entity resolver.
 */
export function checkEntities(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, maxEntities: number): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field || !isUnionType(entityUnion) || operation.operation !== 'query') return;
  const entityTypes = new Set(entityUnion.getTypes().map((t) => t.name));
  let count = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    let representations: unknown;
    try {
      representations = getArgumentValues(field, selection, variables).representations;
    } catch {
      continue; // a bad argument: execution reports it
    }
    if (!Array.isArray(representations)) continue;
    count += representations.length;
    if (count > maxEntities) throw tooMuch(`_entities got ${count} representations; the limit (MAX_ENTITIES) is ${maxEntities}`);
    representations.forEach((representation: unknown, i) => {
      const { __typename: typename, id } = (representation ?? {}) as Record<string, unknown>;
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        throw badUserInput(`representations[${i}] must be an object with __typename and id`, 'representations');
      }
      if (typeof typename !== 'string' || !entityTypes.has(typename)) {
        throw badUserInput(`representations[${i}]: __typename ${JSON.stringify(typename ?? null)} is not an entity of this subgraph (${[...entityTypes].join(', ')})`, 'representations');
      }
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw badUserInput(`representations[${i}]: a ${typename} representation needs its key field id`, 'representations');
      }
    });
  }
}
