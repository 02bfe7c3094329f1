import type { Person } from './demo-people';
import type { RawLocalUser, RawRoleStoreUser } from './demo-types';
import { flat, instantBetween, type Lifetime, passwordHash, RANGE_END, rfc3339 } from './demo-values';
import type { Random } from './random';

/**
 * The local-user-store record of a LOCAL role-store user (docs/upstream-v41.md#local-user): same id,
 * `username` = principal, plus what only the local store has: `display_name`, the `password` object and
 * `password_change_required`.
 */
export function localTwinOf(rng: Random, user: RawRoleStoreUser, p: Person, life: Lifetime, passwordChangeRequired: boolean): RawLocalUser {
  // "Anna V.", never "Anna Virtanen": when the display name is the fallback for a missing full name, a
  // reader can tell it apart from "first last".
  const initialed = flat`${p.first} ${p.last.charAt(0)}.`;
  const displayName = user.full_name && rng.chance(0.5) ? user.full_name : initialed;
  return {
    id: user.id,
    created: user.created,
    updated: user.updated,
    updated_by: user.updated_by ?? user.updatedby ?? user.author,
    author: user.author,
    comment: user.comment,
    tags: user.tags,
    username: user.principal,
    windows_account: user.windows_account,
    unix_account: user.unix_account,
    full_name: user.full_name,
    display_name: displayName,
    first_name: user.first_name ?? user.given_name,
    last_name: user.last_name,
    job_title: user.job_title,
    company: user.company,
    department: user.department,
    email: user.email,
    telephone: user.telephone,
    locale: user.locale,
    password: { password: passwordHash(rng), created: rfc3339(instantBetween(rng, life.createdMs, RANGE_END)) },
    password_change_required: passwordChangeRequired,
    attributes: user.attributes,
  };
}
