import { organizationFromId } from '../src/mapping';
import type { Organization } from '../src/types';

/** `_entities` for Organization: the id encodes the company, so no upstream call at all. */
export function resolveOrganizationReference(reference: { id: string }): Organization | null {
  return organizationFromId(reference.id);
}
