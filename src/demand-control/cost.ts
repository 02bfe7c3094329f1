import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** List size the Router assumes for a list field with no `@listSize` (its `static_estimated.list_size`). */
export const DEFAULT_LIST_SIZE = 10;

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
  requireOneSlicingArgument?: boolean;
}

type Node = { astNode?: { directives?: readonly DirectiveNode[] } | null | undefined };

function readDirective(element: Node, name: string): Record<string, unknown> | undefined {
  const node = element.astNode?.directives?.find((d) => d.name.value === name || d.name.value === `federation__${name}`);
  if (!node) return undefined;
  return Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

/** Per schema element and directive name: the schema never changes once built, and every request asks again. */
const directivesRead = new WeakMap<Node, Map<string, Record<string, unknown> | undefined>>();

/** A federation directive as the schema applies it, imported by name or under its `federation__` prefix. */
function directiveArguments(element: Node | undefined, name: string): Record<string, unknown> | undefined {
  if (!element) return undefined;
  let read = directivesRead.get(element);
  if (!read) directivesRead.set(element, (read = new Map()));
  if (!read.has(name)) read.set(name, readDirective(element, name));
  return read.get(name);
}

function weightOf(element: Node | undefined): number | undefined {
  const weight = directiveArguments(element, 'cost')?.weight;
  return typeof weight === 'number' ? weight : undefined;
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
}

/**
 * How many distinct objects of a type one response can hold at most, where the schema says so: a root list
 * field returning `[T]` with an `@listSize(assumedSize)` and no slicing (`workspaces: [Workspace]`, 20) bounds
 * the distinct `T`s. Read once per schema.
 */
const distinctBounds = new WeakMap<GraphQLSchema, ReadonlyMap<string, number>>();

function distinctBoundsOf(schema: GraphQLSchema): ReadonlyMap<string, number> {
  let bounds = distinctBounds.get(schema);
  if (bounds) return bounds;
  const found = new Map<string, number>();
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const listSize = directiveArguments(field, 'listSize') as ListSize | undefined;
    if (!isList(field.type) || !listSize || listSize.slicingArguments?.length || typeof listSize.assumedSize !== 'number') continue;
    const type = getNamedType(field.type);
    if (isObjectType(type)) found.set(type.name, Math.min(found.get(type.name) ?? Infinity, listSize.assumedSize));
  }
  distinctBounds.set(schema, (bounds = found));
  return bounds;
}

/**
 * The static cost of an operation, read from the schema's own `@cost` and `@listSize` (the Apollo Router's
 * estimate, so a router and this subgraph agree): a field weighs its `@cost` (else 1 for an object, 0 for a
 * leaf) plus what is selected below it, times its list size. A list's size is its slicing argument (`first`,
 * with its default when omitted or null: the size that will be served), else its `assumedSize`, else 10;
 * `sizedFields` carry a connection's size to its `edges` and `nodes`. `_entities` is sized by its
 * representations. A mutation adds 10.
 *
 * One departure from the Router: a connection below an object (`Workspace.members`) is loaded once per distinct
 * parent and arguments in a request (datasources/loaders/connection-loader.ts), so its own `@cost` weight counts distinct
 * loads, not rows: at most the rows it appears on, and at most the distinct parents the schema bounds
 * (`distinctBoundsOf`). What it selects is still priced per row: each row's copy is answered and serialised.
 */
export function estimateCost({ schema, operation, fragments, variables }: CostInput): number {
  const fragmentCosts = new Map<string, number>();
  const bounds = distinctBoundsOf(schema);

  /** The cost of `selectionSet` on one `parent`; `rows`: how many `parent`s the response may hold. */
  function selectionCost(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, sized: ReadonlyMap<string, number> | undefined, rows: number): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (field) total += fieldCost(parent, field, selection, sized?.get(selection.name.value), rows);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(type, selection.selectionSet, sized, rows);
      } else {
        total += fragmentCost(selection.name.value, sized, rows);
      }
    }
    return total;
  }

  /** Each named fragment is priced once per place kind (a fragment used a thousand times is not walked a thousand times). */
  function fragmentCost(name: string, sized: ReadonlyMap<string, number> | undefined, rows: number): number {
    const key = `${name}|${rows}${sized ? `|${[...sized].join(',')}` : ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    const type: GraphQLNamedType | undefined = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type && isCompositeType(type) ? selectionCost(type, fragment.selectionSet, sized, rows) : 0;
    fragmentCosts.set(key, cost);
    return cost;
  }

  function fieldCost(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode, sizeFromParent: number | undefined, rows: number): number {
    const type = getNamedType(field.type);
    let weight = weightOf(field) ?? weightOf(type) ?? (isCompositeType(type) ? 1 : 0);
    const listSize = directiveArguments(field, 'listSize') as ListSize | undefined;
    const sliced = slicedSize(field, node, listSize);
    let size = 1;
    let childSizes: Map<string, number> | undefined;
    if (field.name === '_entities') size = entityCount(field, node);
    else if (listSize?.sizedFields?.length && sliced !== undefined) childSizes = new Map(listSize.sizedFields.map((f) => [f, sliced]));
    else if (isList(field.type)) size = sliced ?? DEFAULT_LIST_SIZE;
    if (sizeFromParent !== undefined) size = sizeFromParent;
    // A connection of a parent is loaded once per distinct parent: its weight is shared by rows of the same one.
    const bound = listSize?.sizedFields?.length ? bounds.get(parent.name) : undefined;
    if (bound !== undefined && rows > bound) weight = (weight * bound) / rows;
    const below = node.selectionSet && isCompositeType(type) ? selectionCost(type, node.selectionSet, childSizes, rows * size) : 0;
    return size * (weight + below);
  }

  function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      return {}; // invalid arguments: execution reports them; price the field by its defaults
    }
  }

  function slicedSize(field: GraphQLField<unknown, unknown>, node: FieldNode, listSize: ListSize | undefined): number | undefined {
    if (!listSize) return undefined;
    if (listSize.slicingArguments?.length) {
      const args = argumentsOf(field, node);
      // An explicit null is served as the argument's default (`first: null` is a page of 50): price that.
      const served = (name: string) => (args[name] === null ? field.args.find((a) => a.name === name)?.defaultValue : args[name]);
      const given = listSize.slicingArguments.map(served).filter((v): v is number => typeof v === 'number');
      if (given.length > 0) return Math.max(0, ...given);
    }
    return listSize.assumedSize;
  }

  function entityCount(field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const representations = argumentsOf(field, node).representations;
    return Array.isArray(representations) ? representations.length : DEFAULT_LIST_SIZE;
  }

  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const cost = (operation.operation === 'mutation' ? 10 : 0) + selectionCost(root, operation.selectionSet, undefined, 1);
  // Shared weights are fractions per row; rounding first keeps 20 loads of 10 from pricing 200.00000001 as 201.
  return Math.ceil(Math.round(cost * 1e6) / 1e6);
}
