import type { V41RoleAssignment } from '../../datasources/v41/models';
import { roleFromAssignment, toRole, toRoleAssignment, toRoleContext } from '../../src/entities/role/roles.mapping';
import { GrantType } from '../../src/entities/role-assignment/grant-type.type';
import { Role } from '../../src/entities/role/role.type';
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
      context: null,
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
      context: null,
    });
  });
});

describe('toRoleContext', () => {
  const context = { enabled: true, block_role: true, validity: ['fri', 'MON', 'XYZ'], start_time: ' 22:00 ', end_time: '06:00', timezone: 'Europe/Berlin', ip_masks: ['10.0.0.0/8'] };
  it('an enabled context, times and zone as written, weekdays in week order', () => {
    expect(toRoleContext(context)).toEqual({
      weekdays: ['MON', 'FRI'], startTime: '22:00', endTime: '06:00', timezone: 'Europe/Berlin', ipMasks: ['10.0.0.0/8'], blocksRole: true,
    });
    expect(toRole(role({ context }))).toMatchObject({ context: { weekdays: ['MON', 'FRI'] } });
  });
  it('none or disabled: null', () => {
    expect(toRoleContext(undefined)).toBeNull();
    expect(toRoleContext({ ...context, enabled: false })).toBeNull();
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
    expect(toRoleAssignment(assignment)).toMatchObject({
      role: roleFromAssignment(assignment),
      explicit,
      grantType,
      grantStart: grantStart && date(grantStart),
      grantEnd: grantEnd && date(grantEnd),
    });
  });

  const period = (start: string | null, end: string | null) => ({ start: start && date(start), end: end && date(end) });
  it.each<[string, Partial<V41RoleAssignment>, ReturnType<typeof period>[], number | null]>([
    ['PERMANENT: one unbounded period', { grant_type: 'PERMANENT' }, [period(null, null)], null],
    ['FLOATING: unbounded, with its hours', { grant_type: 'FLOATING', floating_length: 8 }, [period(null, null)], 8],
    ['FLOATING without a length', { grant_type: 'FLOATING' }, [period(null, null)], null],
    ['a length on another grant type is not floating', { grant_type: 'PERMANENT', floating_length: 8 }, [period(null, null)], null],
    ['TIME_RESTRICTED: the union of its periods, in order', {
      grant_type: 'TIME_RESTRICTED',
      grant_validity_periods: [{ grant_start: PERIOD_START, grant_end: PERIOD_END }, { grant_start: START, grant_end: END }, { grant_start: END, grant_end: PERIOD_START }],
    }, [period(START, PERIOD_END)], null],
    ['TIME_RESTRICTED with an open end', { grant_type: 'TIME_RESTRICTED', grant_start: START }, [period(START, null)], null],
  ])('periods and floatingHours: %s', (_case, fields, periods, floatingHours) => {
    const mapped = toRoleAssignment(roleAssignment(fields));
    expect(mapped.periods).toEqual(periods);
    expect(mapped.floatingHours).toBe(floatingHours);
  });

  it('keeps the context the assignment carried, or says it had none', () => {
    expect(toRoleAssignment(roleAssignment()).window).toBeUndefined();
    expect(toRoleAssignment(roleAssignment({ context: { enabled: false, block_role: false, validity: [], ip_masks: [] } })).window).toBeNull();
    expect(toRoleAssignment(roleAssignment({ context: { enabled: true, block_role: false, validity: ['SAT'], ip_masks: [] } })).window)
      .toEqual({ weekdays: [6], startSecond: null, endSecond: null, timezone: 'UTC', ipMasks: [] });
  });
});
