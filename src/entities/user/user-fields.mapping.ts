import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import { MfaStatus } from './mfa-status.type';
import { attributeUrls, attributeValue } from './attributes.mapping';
import { toDate } from '../shared/dates.mapping';
import { toEmails } from './emails.mapping';
import { groupsOf } from '../group/groups.mapping';
import { localeToLanguages } from './languages.mapping';
import { firstLastName } from './names.mapping';
import { organizationsOf } from '../organization/organizations.mapping';
import { toPhones } from './phones.mapping';
import { present } from '../shared/text.mapping';

const MFA_STATUSES: ReadonlySet<string> = new Set(Object.values(MfaStatus));

export function mfaStatusOf(status: string | undefined): MfaStatus | null {
  const value = present(status);
  return value && MFA_STATUSES.has(value) ? (value as MfaStatus) : null;
}

/**
 * The User fields read from the role-store record alone, one pure function each (`names` gives both
 * `firstName` and `lastName`). `User` calls one the first time its field is read, so a query pays only for what
 * it selects; the functions are pure so that calling them later, or never, changes nothing.
 */
export const userFieldValues = {
  names: firstLastName,
  title: (rs: V41RoleStoreUser) => present(rs.job_title) ?? null,
  username: (rs: V41RoleStoreUser) => present(rs.principal) ?? null,
  emails: (rs: V41RoleStoreUser) => toEmails(rs.email),
  phones: (rs: V41RoleStoreUser) => toPhones(rs.telephone),
  organizations: organizationsOf,
  groups: groupsOf,
  avatar: (rs: V41RoleStoreUser) => attributeValue(rs.attributes, 'avatar'),
  timezone: (rs: V41RoleStoreUser) => attributeValue(rs.attributes, 'timezone'),
  languages: (rs: V41RoleStoreUser) => localeToLanguages(rs.locale),
  createdAt: (rs: V41RoleStoreUser) => toDate(rs.created),
  updatedAt: (rs: V41RoleStoreUser) => toDate(rs.updated),
  urls: (rs: V41RoleStoreUser) => attributeUrls(rs.attributes),
  mfaStatus: (rs: V41RoleStoreUser) => mfaStatusOf(rs.mfa_status),
  externalId: (rs: V41RoleStoreUser) => present(rs.external_id) ?? null,
  lastSyncedAt: (rs: V41RoleStoreUser) => toDate(rs.refresh_timestamp),
};
