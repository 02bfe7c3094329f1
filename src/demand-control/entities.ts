import { getArgumentValues, isUnionType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { badRepresentation, tooMuch } from './rejections';

/**
 * Every `_entities` field the operation runs: at its root, and inside root inline fragments and named
 * fragments on `Query` (each walked once), so a fragment is no way around the checks.
 */
function entitiesFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const found: FieldNode[] = [];
  const walked = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '_entities') found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!walked.has(selection.name.value)) {
        walked.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}

/**
 * Checks `_entities` before it runs, wherever the operation selects it: at most `maxEntities` representations in
 * the operation, each an object naming an entity type of this subgraph and carrying its `id` key (a non-empty
 * string). A router only ever sends such ones; any other is a client error, said as `BAD_USER_INPUT` with HTTP
 * 400 rather than failing inside the entity resolver.
 */
export function checkEntities(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  maxEntities: number,
): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field || !isUnionType(entityUnion) || operation.operation !== 'query') return;
  const entityTypes = new Set(entityUnion.getTypes().map((t) => t.name));
  let count = 0;
  for (const selection of entitiesFields(operation, fragments)) {
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
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        throw badRepresentation(`representations[${i}] must be an object with __typename and id`);
      }
      const { __typename: typename, id } = representation as Record<string, unknown>;
      if (typeof typename !== 'string' || !entityTypes.has(typename)) {
        const named = typeof typename === 'string' ? JSON.stringify(typename.slice(0, 100)) : 'missing';
        throw badRepresentation(`representations[${i}]: __typename ${named} is not an entity of this subgraph (${[...entityTypes].join(', ')})`);
      }
      // `id` is an ID, which GraphQL always serialises as a string: a router never sends another kind.
      if (typeof id !== 'string' || id.length === 0) {
        throw badRepresentation(`representations[${i}]: a ${typename} representation needs its key field id (a non-empty string)`);
      }
    });
  }
}
