import type { Context } from '../../context';
import { organizationFromId, organizationOf } from '../mapping';
import type { Organization, User } from '../types';
import { organizationArg } from '../shared/id-arguments.rules';
import { connectionOfList, sliceOf, type Connection } from '../shared/paging.rules';
import { directoryFacets, userConnection } from '../user/user-directory.rules';

/** Organization (a company): ids encode the company name, so a lookup costs no upstream call. */

export function organizationById(id: string): Organization | null {
  organizationArg(id, 'id');
  return organizationFromId(id);
}

/** Every company named on a user, by name. */
export async function organizationsConnection(context: Context, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Organization>> {
  const slice = sliceOf(first, after);
  const { companies } = await directoryFacets(context);
  return connectionOfList(companies.map(organizationOf), slice);
}

export function organizationMembers(
  organization: Organization,
  context: Context,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<User>> {
  return userConnection(context, { company: organizationArg(organization.id, 'id') }, first, after);
}

/** `_entities` for Organization: no upstream call at all. */
export function resolveOrganizationReference(reference: { id: string }): Organization | null {
  return organizationFromId(reference.id);
}
