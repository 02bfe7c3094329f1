import { toLocalUser, toRole, toRoleAssignment, toRoleStoreUser } from '../../datasources/v41/normalize';
import { parseWithoutSecrets } from '../../datasources/v41/secrets';

const ID = '0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d';

describe('the access facts the v41 client keeps', () => {
  it('RefreshTimestamp: epoch seconds (documented) or RFC 3339 (seen), either spelling', () => {
    expect(toRoleStoreUser({ id: ID, RefreshTimestamp: 1737331200 }).refresh_timestamp).toBe('2025-01-20T00:00:00.000Z');
    expect(toRoleStoreUser({ id: ID, RefreshTimestamp: '1737331200' }).refresh_timestamp).toBe('2025-01-20T00:00:00.000Z');
    expect(toRoleStoreUser({ id: ID, refresh_timestamp: '2025-01-20T00:00:00Z' }).refresh_timestamp).toBe('2025-01-20T00:00:00Z');
    expect(toRoleStoreUser({ id: ID }).refresh_timestamp).toBeUndefined();
  });

  it('the role context, on a role and on an assignment; absent or null stays undefined', () => {
    const context = { enabled: true, validity: ['MON'], start_time: '08:00', timezone: 'Europe/Helsinki', ip_masks: ['10.0.0.0/8'], end_time: null };
    const expected = { enabled: true, block_role: false, validity: ['MON'], start_time: '08:00', end_time: undefined, timezone: 'Europe/Helsinki', ip_masks: ['10.0.0.0/8'] };
    expect(toRole({ id: ID, context }).context).toEqual(expected);
    expect(toRoleAssignment({ id: ID, context }).context).toEqual(expected);
    expect(toRoleAssignment({ id: ID, context: null }).context).toBeUndefined();
    expect(toRoleAssignment({ id: ID }).context).toBeUndefined();
  });

  it('a context field of the wrong type is a contract violation naming its key path, not a default', () => {
    expect(() => toRole({ id: ID, context: { block_role: 'yes' } })).toThrow('Unexpected v41 response: context.block_role is not a boolean');
    expect(() => toRoleAssignment({ id: ID, context: { validity: ['MON', 3] } })).toThrow('context.validity[1] is not a string');
    expect(() => toRoleStoreUser({ id: ID, roles: [{ id: ID, context: 'always' }] })).toThrow('roles[0].context is not an object');
  });

  it("a local user's password.created survives the password object, which is gone from the record", () => {
    const body = JSON.stringify({ id: ID, username: 'ann', password: { password: '$2a$10$hash', created: '2024-05-06T07:08:09Z' } });
    const local = toLocalUser(parseWithoutSecrets(body));
    expect(local.password_created).toBe('2024-05-06T07:08:09Z');
    expect(JSON.stringify(local)).not.toContain('$2a$10$hash');
    expect(local.raw).not.toHaveProperty('password');
    expect(toLocalUser(parseWithoutSecrets(JSON.stringify({ id: ID, password: 'plain' }))).password_created).toBeUndefined();
  });
});
