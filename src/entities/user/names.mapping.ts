import type { V41LocalUser, V41RoleStoreUser } from '../../../datasources/v41/models';
import { isLocalUser } from './local-users.mapping';
import { present } from '../shared/text.mapping';

export interface PersonName {
  firstName: string | null;
  lastName: string | null;
}

export function firstLastName(rs: V41RoleStoreUser): PersonName {
  const firstName = present(rs.first_name) ?? null;
  const lastName = present(rs.last_name) ?? null;
  if (firstName !== null || lastName !== null) return { firstName, lastName };
  // Only an unambiguous full name is split: with three words we cannot tell a middle name from a double surname.
  const words = present(rs.full_name)?.split(/\s+/) ?? [];
  const [first, last] = words;
  return words.length === 2 && first && last ? { firstName: first, lastName: last } : { firstName: null, lastName: null };
}

export function userName(rs: V41RoleStoreUser, local: V41LocalUser | null): string | null {
  const fullName = present(rs.full_name) ?? present(local?.display_name);
  if (fullName) return fullName;
  const { firstName, lastName } = firstLastName(rs);
  return [firstName, lastName].filter((part) => part !== null).join(' ') || null;
}

export function nameNeedsLocalRecord(rs: V41RoleStoreUser): boolean {
  return present(rs.full_name) === undefined && isLocalUser(rs);
}
