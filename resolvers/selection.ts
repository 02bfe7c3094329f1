import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * graphql-js hands every item of a list the same `fieldNodes` array, so a page of 100 users walks each
 * selection once, not once per user.
 */
const walked = new WeakMap<readonly FieldNode[], Map<string, Set<string>>>();

/** Names of the fields selected under `path` (e.g. `['role']`), fragments included. */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  let byPath = walked.get(info.fieldNodes);
  if (!byPath) walked.set(info.fieldNodes, (byPath = new Map()));
  const key = path.join('.');
  let names = byPath.get(key);
  if (!names) byPath.set(key, (names = walkSelection(info, path)));
  return names;
}

function walkSelection(info: GraphQLResolveInfo, path: string[]): Set<string> {
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
