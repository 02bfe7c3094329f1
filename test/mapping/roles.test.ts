import type { V41RoleAssignment } from '../../datasources/v41/models';
import { roleFromAssignment, toRole, toRoleAssignment } from '../../src/mapping/roles';
import { GrantType } from '../../src/types/grant-type';
import { Role } from '../../src/types/role';
import { ROLE_ID, role, roleAssignment } from './factories';

const date = (iso: string) => new Date(iso);

describe('toRole', () => {
  it('maps every field', () => {
    expect(
      toRole(
        role({
          name: 'admins',
          comment: ' Full access ',
          system: true,
          permissions: ['users-view', 'roles-manage'],
          member_count: 3,
          created: '2020-01-01T00:00:00Z',
          updated: '2021-06-01T12:00:00Z',
        }),
      ),
    ).toEqual({
      id: ROLE_ID,
      name: 'admins',
      description: 'Full access',
      system: true,
      permissions: ['users-view', 'roles-manage'],
      memberCount: 3,
      group: null,
      organization: null,
      workspace: null,
      createdAt: date('2020-01-01T00:00:00Z'),
      updatedAt: date('2021-06-01T12:00:00Z'),
    });
  });

  it('fills absent fields with null', () => {
    expect(toRole(role())).toEqual({
      id: ROLE_ID,
      name: null,
      description: null,
      system: null,
      permissions: [],
      memberCount: null,
      group: null,
      organization: null,
      workspace: null,
      createdAt: null,
      updatedAt: null,
    });
  });
});

describe('roleFromAssignment', () => {
  it('carries only what an assignment has, leaving the rest not loaded', () => {
    const mapped = roleFromAssignment(roleAssignment({ name: 'ops', system: false, permissions: ['hosts-view'], explicit: true }));
    expect(mapped).toBeInstanceOf(Role);
    expect(mapped.description).toBeUndefined();
    expect(mapped).toEqual({
      id: ROLE_ID,
      name: 'ops',
      system: false,
      permissions: ['hosts-view'],
      group: null,
      organization: null,
      workspace: null,
    });
    expect(mapped.description).toBeUndefined();
    expect(mapped.memberCount).toBeUndefined();
  });

  it('defaults', () => {
    expect(roleFromAssignment(roleAssignment())).toEqual({
      id: ROLE_ID,
      name: null,
      system: null,
      permissions: [],
      group: null,
      organization: null,
      workspace: null,
    });
  });
});

describe('toRoleAssignment', () => {
  const START = '2024-01-01T08:00:00Z';
  const END = '2024-01-31T16:00:00Z';
  const PERIOD_START = '2024-02-01T08:00:00Z';
  const PERIOD_END = '2024-02-29T16:00:00Z';

  it.each<[string, Partial<V41RoleAssignment>, boolean, GrantType | null, string | null, string | null]>([
    ['nothing but the role', {}, false, null, null, null],
    ['explicit permanent', { explicit: true, grant_type: 'PERMANENT' }, true, GrantType.PERMANENT, null, null],
    ['implicit floating', { explicit: false, grant_type: 'FLOATING', floating_length: 8 }, false, GrantType.FLOATING, null, null],
    ['time restricted', { grant_type: 'TIME_RESTRICTED', grant_start: START, grant_end: END }, false, GrantType.TIME_RESTRICTED, START, END],
    [
      'period fills what the grant lacks',
      { grant_type: 'TIME_RESTRICTED', grant_validity_periods: [{ grant_start: PERIOD_START, grant_end: PERIOD_END }, { grant_start: END }] },
      false,
      GrantType.TIME_RESTRICTED,
      PERIOD_START,
      PERIOD_END,
    ],
    [
      'the grant wins over the period',
      { grant_start: START, grant_validity_periods: [{ grant_start: PERIOD_START, grant_end: PERIOD_END }] },
      false,
      null,
      START,
      PERIOD_END,
    ],
    [
      "Go's zero time counts as unset",
      { grant_start: '0001-01-01T00:00:00Z', grant_end: '0001-01-01T00:00:00Z', grant_validity_periods: [{ grant_start: PERIOD_START }] },
      false,
      null,
      PERIOD_START,
      null,
    ],
    ['empty periods', { grant_validity_periods: [] }, false, null, null, null],
    ['unknown grant type', { grant_type: 'FOREVER' }, false, null, null, null],
    ['lower-case grant type', { grant_type: 'permanent' }, false, null, null, null],
    ['blank grant type', { grant_type: ' ' }, false, null, null, null],
  ])('%s', (_case, fields, explicit, grantType, grantStart, grantEnd) => {
    const assignment = roleAssignment({ name: 'ops', ...fields });
    expect(toRoleAssignment(assignment)).toEqual({
      role: roleFromAssignment(assignment),
      explicit,
      grantType,
      grantStart: grantStart && date(grantStart),
      grantEnd: grantEnd && date(grantEnd),
    });
  });
});
