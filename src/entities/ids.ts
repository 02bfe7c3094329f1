import { decodeGroupId, decodeOrganizationId, isUuid, type GroupKey } from '../mapping';
import { badUserInput } from '../errors';

/** Upstream ids are UUIDs: anything else is refused before it reaches PrivX. */
export function uuidArg(value: string, argument: string): string {
  if (!isUuid(value)) throw badUserInput(`${argument} must be a UUID`, argument);
  return value;
}

export function organizationArg(id: string, argument: string): string {
  const company = decodeOrganizationId(id);
  if (company === null) throw badUserInput(`${argument} is not an organization id of this API`, argument);
  return company;
}

export function groupArg(id: string, argument: string): GroupKey {
  const key = decodeGroupId(id);
  if (key === null) throw badUserInput(`${argument} is not a group id of this API`, argument);
  return key;
}
