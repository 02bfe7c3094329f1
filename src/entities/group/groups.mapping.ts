import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import { Group } from './group.type';
import { GroupType } from './group-type.type';
import { decodeGroupId, encodeGroupId, encodeOrganizationId, type GroupKey } from '../shared/ids.mapping';
import { present } from '../shared/text.mapping';

export function groupFromKey(key: GroupKey): Group {
  const company = key.type === 'DEPARTMENT' && key.company ? key.company : null;
  return Object.assign(new Group(), {
    id: encodeGroupId(key),
    name: key.name,
    type: GroupType[key.type],
    organization: company === null ? null : encodeOrganizationId(company),
    organizationName: company,
  });
}

/** A department is scoped by company (Sales at A is not Sales at B); a tag is global. */
export function groupKeysOf(rs: V41RoleStoreUser): GroupKey[] {
  const department = present(rs.department);
  const tags = new Set(rs.tags.map((tag) => present(tag)).filter((tag) => tag !== undefined));
  return [
    ...(department ? [{ type: 'DEPARTMENT' as const, company: present(rs.company) ?? '', name: department }] : []),
    ...[...tags].map((name) => ({ type: 'TAG' as const, company: '', name })),
  ];
}

export function groupsOf(rs: V41RoleStoreUser): Group[] {
  return groupKeysOf(rs).map(groupFromKey);
}

export function groupFromId(id: string): Group | null {
  const key = decodeGroupId(id);
  return key && groupFromKey(key);
}

/** The exact re-check after an upstream keyword search for the group name. */
export function isInGroup(rs: V41RoleStoreUser, key: GroupKey): boolean {
  return groupKeysOf(rs).some((own) => own.type === key.type && own.company === key.company && own.name === key.name);
}
