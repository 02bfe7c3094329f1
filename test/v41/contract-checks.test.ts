import { V41ContractError, V41ParseError } from '../../datasources/v41/errors';
import { toList, toLocalUser, toRole, toRoleAssignment, toRoleStoreUser, toSource } from '../../datasources/v41/normalize';

const ID = '0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d';

function violation(read: () => unknown): V41ContractError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(V41ContractError);
    expect(error).toBeInstanceOf(V41ParseError); // an upstream error: UPSTREAM_ERROR on the fields that need it
    return error as V41ContractError;
  }
  throw new Error('expected a contract violation');
}

describe('the v41 shape checks (docs/upstream-v41.md#shape-checks)', () => {
  describe('a list body that is not a list is no empty list', () => {
    it.each([
      ['{}', {}, 'items', 'a list'],
      ['{"items": null}', { items: null }, 'items', 'a list'],
      ['{"items": {}}', { items: {} }, 'items', 'a list'],
      ['a bare array', [], '(body)', 'an object'],
      ['null', null, '(body)', 'an object'],
    ])('%s', (_, body, path, expected) => {
      const error = violation(() => toList(body, toRole));
      expect(error.path).toBe(path);
      expect(error.expected).toBe(expected);
    });
  });

  describe('a count that contradicts the items', () => {
    it.each([
      ['none at offset 0 with count 240', { count: 240, items: [] }, 0],
      ['more items than count', { count: 1, items: [{ id: ID }, { id: ID.replace('0b', '1b') }] }, 0],
      ['items past count at a later offset', { count: 1000, items: [{ id: ID }] }, 1000],
      ['a fractional count', { count: 1.5, items: [{ id: ID }] }, 0],
      ['a count as a string', { count: '2', items: [{ id: ID }] }, 0],
    ])('%s', (_, body, offset) => {
      expect(violation(() => toList(body, toRole, offset)).path).toBe('count');
    });

    it('are violations, while consistent counts, and a missing count, are read', () => {
      expect(toList({ count: 240, items: [] }, toRole, 1000)).toEqual({ count: 240, items: [] }); // past the end
      expect(toList({ count: 0, items: [] }, toRole)).toEqual({ count: 0, items: [] });
      expect(toList({ items: [{ id: ID }] }, toRole, 5).count).toBe(6);
      expect(toList({ count: null, items: [] }, toRole).count).toBe(0);
    });
  });

  it('a field of the wrong type is a violation with its key path, never the value', () => {
    const permissions = violation(() => toList({ count: 1, items: [{ id: ID, roles: [{ id: ID, permissions: 'users-view' }] }] }, toRoleStoreUser));
    expect(permissions.path).toBe('items[0].roles[0].permissions');
    expect(permissions.message).toBe('Unexpected v41 response: items[0].roles[0].permissions is not a list of strings');
    expect(permissions.message).not.toContain('users-view');

    const name = violation(() => toList({ count: 2, items: [{ id: ID, name: 'ok' }, { id: ID, name: { en: 'Admins' } }] }, toRole));
    expect(name.path).toBe('items[1].name');
    expect(name.message).not.toContain('Admins');

    expect(violation(() => toRoleStoreUser({ id: ID, roles: {} })).path).toBe('roles');
    expect(violation(() => toRoleStoreUser({ id: ID, tags: ['a', 7] })).path).toBe('tags[1]');
    expect(violation(() => toRoleStoreUser({ id: ID, attributes: [{ key: 'k', value: 1 }] })).path).toBe('attributes[0].value');
    expect(violation(() => toRoleStoreUser({ id: ID, mfa: { status: true } })).path).toBe('mfa.status');
    expect(violation(() => toRoleStoreUser({ id: ID, RefreshTimestamp: true })).path).toBe('RefreshTimestamp');
    expect(violation(() => toRoleAssignment({ id: ID, grant_validity_periods: [{ grant_end: 5 }] })).path).toBe('grant_validity_periods[0].grant_end');
    expect(violation(() => toLocalUser({ id: ID, password_change_required: 'true' })).path).toBe('password_change_required');
    expect(violation(() => toSource({ id: ID, enabled: 'no' })).path).toBe('enabled');
    expect(violation(() => toSource({ id: ID, connection: { type: 3 } })).path).toBe('connection.type');
    expect(violation(() => toRole({ id: 42 })).path).toBe('id');
    expect(violation(() => toRole({ id: ID, member_count: '3' })).path).toBe('member_count');
  });

  it('tolerates the documented drift: spellings, unknown keys, missing or null optional fields', () => {
    const user = toRoleStoreUser({ id: ID, updatedby: 'u', given_name: 'Ann', RefreshTimestamp: 1737331200, novel_key: { any: ['thing'] }, email: null, tags: null, roles: null });
    expect(user).toMatchObject({ updated_by: 'u', first_name: 'Ann', refresh_timestamp: '2025-01-20T00:00:00.000Z', email: undefined, tags: [], roles: null });
    expect(toRoleStoreUser({ id: ID }).roles).toBeNull();
    expect(toSource({ id: ID }).enabled).toBe(true);
    expect(toRole({ id: ID, permissions: null }).permissions).toEqual([]);
  });
});
