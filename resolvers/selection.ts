import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Names of the fields selected under `path` (e.g. `['role']`), fragments included. */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'InlineFragment') visit(selection.selectionSet, depth);
      else if (selection.kind === 'FragmentSpread') visit(info.fragments[selection.name.value]?.selectionSet, depth);
      else if (depth === path.length) names.add(selection.name.value);
      else if (selection.name.value === path[depth]) visit((selection as FieldNode).selectionSet, depth + 1);
    }
  };
  info.fieldNodes.forEach((node) => visit(node.selectionSet, 0));
  return names;
}
