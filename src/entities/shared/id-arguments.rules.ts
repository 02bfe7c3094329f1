import { decodeGroupId, decodeOrganizationId, isUuid, MAX_GROUP_ID_LENGTH, MAX_ORGANIZATION_ID_LENGTH, type GroupKey } from '../mapping';
import { badUserInput } from '../../errors';

/**
 * The longest free-text argument (`search`, `email`, `username`) passed on to PrivX: a person's name, address
 * or a few search words fit many times over, and a 900 KB one is refused here instead of sent upstream.
 */
export const MAX_TEXT_ARG_LENGTH = 256;

export function textArg(value: string, argument: string): string {
  if (value.length > MAX_TEXT_ARG_LENGTH) throw badUserInput(`${argument} is longer than ${MAX_TEXT_ARG_LENGTH} characters`, argument);
  return value;
}

/** Said before decoding, so an over-long id is neither decoded nor echoed. */
function tooLong(argument: string, what: string, max: number) {
  return badUserInput(`${argument} is longer than any ${what} id of this API (at most ${max} characters)`, argument);
}

/** Upstream ids are UUIDs: anything else is refused before it reaches PrivX. */
export function uuidArg(value: string, argument: string): string {
  if (!isUuid(value)) throw badUserInput(`${argument} must be a UUID`, argument);
  return value;
}

export function organizationArg(id: string, argument: string): string {
  if (id.length > MAX_ORGANIZATION_ID_LENGTH) throw tooLong(argument, 'organization', MAX_ORGANIZATION_ID_LENGTH);
  const company = decodeOrganizationId(id);
  if (company === null) throw badUserInput(`${argument} is not an organization id of this API`, argument);
  return company;
}

export function groupArg(id: string, argument: string): GroupKey {
  if (id.length > MAX_GROUP_ID_LENGTH) throw tooLong(argument, 'group', MAX_GROUP_ID_LENGTH);
  const key = decodeGroupId(id);
  if (key === null) throw badUserInput(`${argument} is not a group id of this API`, argument);
  return key;
}
