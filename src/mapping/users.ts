import type { V41LocalUser, V41RoleStoreUser } from '../../datasources/v41/models';
import { MfaStatus } from '../types/mfa-status';
import { User } from '../types/user';
import { attributeUrls, attributeValue } from './attributes';
import { toDate } from './dates';
import { toEmails } from './emails';
import { groupsOf } from './groups';
import { localeToLanguages } from './languages';
import { firstLastName } from './names';
import { organizationsOf } from './organizations';
import { toPhones } from './phones';
import { present } from './text';

/**
 * A `User` instance, not a plain object: TypeGraphQL hands field resolvers a copy of any root that is not an
 * instance of its class, which would cost a copy per field and defeat per-user memoisation.
 */
export function toUser(rs: V41RoleStoreUser): User {
  const { firstName, lastName } = firstLastName(rs);
  return Object.assign(new User(), {
    id: rs.id,
    firstName,
    lastName,
    title: present(rs.job_title) ?? null,
    username: present(rs.principal) ?? null,
    emails: toEmails(rs.email),
    phones: toPhones(rs.telephone),
    organizations: organizationsOf(rs),
    groups: groupsOf(rs),
    avatar: attributeValue(rs.attributes, 'avatar'),
    timezone: attributeValue(rs.attributes, 'timezone'),
    languages: localeToLanguages(rs.locale),
    createdAt: toDate(rs.created),
    updatedAt: toDate(rs.updated),
    urls: attributeUrls(rs.attributes),
    mfaStatus: mfaStatusOf(rs.mfa_status),
    externalId: present(rs.external_id) ?? null,
    lastSyncedAt: toDate(rs.refresh_timestamp),
    record: rs,
  });
}

const MFA_STATUSES: ReadonlySet<string> = new Set(Object.values(MfaStatus));

export function mfaStatusOf(status: string | undefined): MfaStatus | null {
  const value = present(status);
  return value && MFA_STATUSES.has(value) ? (value as MfaStatus) : null;
}

/** A local user's `password.created` (the v41 client keeps only that of the password object). */
export function passwordSetAt(local: V41LocalUser | null): Date | null {
  return toDate(local?.password_created);
}

export interface RemoteData {
  roleStoreUser: Readonly<Record<string, unknown>>;
  localUser: Readonly<Record<string, unknown>> | null;
}

/** The records as the v41 client parsed them: secrets were removed there, so nothing is filtered here. */
export function remoteData(rs: V41RoleStoreUser, local: V41LocalUser | null): RemoteData {
  return { roleStoreUser: rs.raw, localUser: local ? local.raw : null };
}
