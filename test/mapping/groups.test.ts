import type { V41RoleStoreUser } from '../../datasources/v41/models';
import { groupFromId, groupsOf, isInGroup } from '../../src/entities/group/groups.mapping';
import { decodeGroupId, encodeGroupId, encodeOrganizationId } from '../../src/entities/shared/ids.mapping';
import { GroupType } from '../../src/entities/group/group-type.type';
import { rsUser } from './factories';

const ACME = encodeOrganizationId('Acme');

describe('groupsOf', () => {
  it.each<[string, Partial<V41RoleStoreUser>, unknown[]]>([
    ['nothing', {}, []],
    [
      'department with company',
      { department: ' Sales ', company: ' Acme ' },
      [{ id: encodeGroupId({ type: 'DEPARTMENT', company: 'Acme', name: 'Sales' }), name: 'Sales', type: GroupType.DEPARTMENT, organization: ACME, organizationName: 'Acme' }],
    ],
    [
      'department without company',
      { department: 'Sales', company: ' ' },
      [{ id: encodeGroupId({ type: 'DEPARTMENT', company: '', name: 'Sales' }), name: 'Sales', type: GroupType.DEPARTMENT, organization: null, organizationName: null }],
    ],
    [
      'department first, then distinct tags in order',
      { department: 'Ops', company: 'Acme', tags: ['vip', ' oncall ', 'vip', '', 'oncall', 'eu:west'] },
      [
        { id: encodeGroupId({ type: 'DEPARTMENT', company: 'Acme', name: 'Ops' }), name: 'Ops', type: GroupType.DEPARTMENT, organization: ACME, organizationName: 'Acme' },
        { id: encodeGroupId({ type: 'TAG', company: '', name: 'vip' }), name: 'vip', type: GroupType.TAG, organization: null, organizationName: null },
        { id: encodeGroupId({ type: 'TAG', company: '', name: 'oncall' }), name: 'oncall', type: GroupType.TAG, organization: null, organizationName: null },
        { id: encodeGroupId({ type: 'TAG', company: '', name: 'eu:west' }), name: 'eu:west', type: GroupType.TAG, organization: null, organizationName: null },
      ],
    ],
    [
      'tags only, company does not scope them',
      { company: 'Acme', tags: ['vip'] },
      [{ id: encodeGroupId({ type: 'TAG', company: '', name: 'vip' }), name: 'vip', type: GroupType.TAG, organization: null, organizationName: null }],
    ],
  ])('%s', (_case, fields, expected) => {
    expect(groupsOf(rsUser(fields))).toEqual(expected);
  });
});

describe('groupFromId', () => {
  it('finds every group taken from a user', () => {
    const groups = groupsOf(rsUser({ department: 'R&D: 100%', company: 'Acme: EU', tags: ['a:b', '50%', 'Förening'] }));
    expect(groups).toHaveLength(4);
    for (const group of groups) expect(groupFromId(group.id)).toEqual(group);
  });

  it.each(['', 'garbage', encodeOrganizationId('Acme'), Buffer.from('group:TAG:Acme:vip').toString('base64url')])('rejects %j', (id) => {
    expect(groupFromId(id)).toBeNull();
  });
});

describe('a group id, decoded', () => {
  it('gives what the group stands for', () => {
    const [department] = groupsOf(rsUser({ department: 'Sales', company: 'Acme' }));
    expect(decodeGroupId(department!.id)).toEqual({ type: 'DEPARTMENT', company: 'Acme', name: 'Sales' });
  });

  it('is null for an id that is not a group id', () => {
    expect(decodeGroupId('nope')).toBeNull();
  });
});

describe('isInGroup', () => {
  const user = rsUser({ department: 'Sales', company: 'Acme', tags: ['vip'] });
  it.each([
    [{ type: 'DEPARTMENT' as const, company: 'Acme', name: 'Sales' }, true],
    [{ type: 'DEPARTMENT' as const, company: '', name: 'Sales' }, false],
    [{ type: 'DEPARTMENT' as const, company: 'Acme', name: 'sales' }, false],
    [{ type: 'DEPARTMENT' as const, company: 'Acme', name: 'Sales EU' }, false],
    [{ type: 'TAG' as const, company: '', name: 'vip' }, true],
    [{ type: 'TAG' as const, company: '', name: 'Sales' }, false],
  ])('%j → %s', (key, expected) => {
    expect(isInGroup(user, key)).toBe(expected);
  });
});
