import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import { Organization } from './organization.type';
import { decodeOrganizationId, encodeOrganizationId } from '../shared/ids.mapping';
import { present } from '../shared/text.mapping';

export function organizationOf(company: string): Organization {
  return Object.assign(new Organization(), { id: encodeOrganizationId(company), name: company });
}

export function organizationsOf(rs: V41RoleStoreUser): Organization[] {
  const company = present(rs.company);
  return company ? [organizationOf(company)] : [];
}

export function organizationFromId(id: string): Organization | null {
  const company = decodeOrganizationId(id);
  return company === null ? null : organizationOf(company);
}

/** The exact re-check after an upstream keyword search for the company name. */
export function isInOrganization(rs: V41RoleStoreUser, company: string): boolean {
  return present(rs.company) === company;
}
