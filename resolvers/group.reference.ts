import { groupFromId } from '../src/mapping';
import type { Group } from '../src/types';

/** `_entities` for Group: the id encodes the group, so no upstream call at all. */
export function resolveGroupReference(reference: { id: string }): Group | null {
  return groupFromId(reference.id);
}
