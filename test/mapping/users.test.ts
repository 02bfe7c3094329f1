import { encodeGroupId, encodeOrganizationId } from '../../src/entities/shared/ids.mapping';
import { userFieldValues } from '../../src/entities/user/user-fields.mapping';
import { passwordSetAt, remoteData, toUser } from '../../src/entities/user/user.mapping';
import { GroupType } from '../../src/entities/group/group-type.type';
import { User } from '../../src/entities/user/user.type';
import { USER_ID, localUser, rsUser } from './factories';

const USER_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'title',
  'username',
  'emails',
  'phones',
  'organizations',
  'groups',
  'avatar',
  'timezone',
  'languages',
  'createdAt',
  'updatedAt',
  'urls',
  'mfaStatus',
  'externalId',
  'lastSyncedAt',
] as const;

/** The schema fields of a user, read through its getters. */
function fieldsOf(user: User): Record<string, unknown> {
  return Object.fromEntries(USER_FIELDS.map((field) => [field, user[field]]));
}

describe('toUser', () => {
  it('maps a full record', () => {
    const rs = rsUser({
      principal: 'asmith',
      first_name: 'Alice',
      last_name: 'Smith',
      full_name: 'Alice Smith',
      job_title: 'Engineer',
      email: 'alice@example.com',
      telephone: '+358 40 123 4567 ext. 89',
      company: 'Acme',
      department: 'Research',
      tags: ['vip'],
      locale: 'fi_FI',
      created: '2020-01-01T00:00:00Z',
      updated: '2021-01-01T00:00:00Z',
      attributes: [
        { key: 'avatar', value: 'https://cdn.example.com/a.png' },
        { key: 'timezone', value: 'Europe/Helsinki' },
        { key: 'homepage', value: 'https://alice.example.com' },
      ],
    });
    expect(fieldsOf(toUser(rs))).toEqual({
      id: USER_ID,
      firstName: 'Alice',
      lastName: 'Smith',
      title: 'Engineer',
      username: 'asmith',
      emails: [{ email: 'alice@example.com', type: 'work', isPrimary: true }],
      phones: [{ number: '+358 40 123 4567', extension: '89', type: 'work' }],
      organizations: [{ id: encodeOrganizationId('Acme'), name: 'Acme' }],
      groups: [
        { id: encodeGroupId({ type: 'DEPARTMENT', company: 'Acme', name: 'Research' }), name: 'Research', type: GroupType.DEPARTMENT, organization: encodeOrganizationId('Acme'), organizationName: 'Acme' },
        { id: encodeGroupId({ type: 'TAG', company: '', name: 'vip' }), name: 'vip', type: GroupType.TAG, organization: null, organizationName: null },
      ],
      avatar: 'https://cdn.example.com/a.png',
      timezone: 'Europe/Helsinki',
      languages: ['fi-FI'],
      createdAt: new Date('2020-01-01T00:00:00Z'),
      updatedAt: new Date('2021-01-01T00:00:00Z'),
      urls: [{ url: 'https://alice.example.com', type: 'homepage' }],
      mfaStatus: null,
      externalId: null,
      lastSyncedAt: null,
    });
    expect(toUser(rs).record).toBe(rs);
  });

  it.each([
    [{ mfa_status: 'ENABLED', external_id: ' ad-42 ', refresh_timestamp: '2025-01-20T00:00:00Z' }, { mfaStatus: 'ENABLED', externalId: 'ad-42', lastSyncedAt: new Date('2025-01-20T00:00:00Z') }],
    [{ mfa_status: 'UNINITIALIZED' }, { mfaStatus: 'UNINITIALIZED', externalId: null, lastSyncedAt: null }],
    [{ mfa_status: 'enabled', external_id: '', refresh_timestamp: 'yesterday' }, { mfaStatus: null, externalId: null, lastSyncedAt: null }],
  ])('security facts %j', (fields, expected) => expect(toUser(rsUser(fields))).toMatchObject(expected));

  it.each([
    [localUser({ password_created: '2024-05-06T07:08:09Z' }), new Date('2024-05-06T07:08:09Z')],
    [localUser(), null],
    [null, null],
  ])('passwordSetAt %#', (local, expected) => expect(passwordSetAt(local)).toEqual(expected));

  it('maps an empty record to nulls and empty lists', () => {
    const rs = rsUser();
    // An instance, so TypeGraphQL hands every field resolver this very object (see toUser).
    expect(toUser(rs)).toBeInstanceOf(User);
    expect(fieldsOf(toUser(rs))).toStrictEqual({
      id: USER_ID,
      firstName: null,
      lastName: null,
      title: null,
      username: null,
      emails: [],
      phones: [],
      organizations: [],
      groups: [],
      avatar: null,
      timezone: null,
      languages: [],
      createdAt: null,
      updatedAt: null,
      urls: [],
      mfaStatus: null,
      externalId: null,
      lastSyncedAt: null,
    });
  });

  it('never leaks anything beyond record', () => {
    const rs = rsUser({
      principal: 'asmith',
      email: 'alice@example.com',
      distinguished_name: 'CN=Alice Smith,OU=Users,DC=example,DC=com',
      windows_account: 'EXAMPLE\\asmith',
      unix_account: 'asmith-unix',
      external_id: 'ext-4242',
      comment: 'a private comment',
      author: 'f00dfeed-0000-4000-8000-000000000000',
      roles: [{ id: 'r', name: 'secret-role-name' }],
      raw: { id: USER_ID, principal: 'asmith', internal_note: 'raw-only-value', mfa: { status: 'ENABLED' } },
    });
    const user = toUser(rs);
    // What a user holds of its own is its id and the record; every other field is a getter over the record.
    expect(Object.keys(user)).toEqual(['id', 'record']);
    expect(user.record).toBe(rs);
    // The directory's id of the user is a field of its own now; the rest stays hidden.
    const { externalId, ...fields } = fieldsOf(user);
    expect(externalId).toBe('ext-4242');
    const visible = JSON.stringify(fields);
    for (const hidden of ['CN=Alice', 'EXAMPLE', 'asmith-unix', 'ext-4242', 'private comment', 'f00dfeed', 'secret-role-name', 'raw-only-value', 'ENABLED']) {
      expect(visible).not.toContain(hidden);
    }
  });
});

describe('User fields are computed when first read, once', () => {
  afterEach(() => jest.restoreAllMocks());

  it('maps nothing up front, and each value once however often it is read', () => {
    const spies = Object.keys(userFieldValues).map((key) => jest.spyOn(userFieldValues, key as keyof typeof userFieldValues));
    const user = toUser(rsUser({ locale: 'fi_FI', first_name: 'Alice', last_name: 'Smith', attributes: [{ key: 'homepage', value: 'https://a.example' }] }));
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual(spies.map(() => 0));

    const urls = user.urls;
    expect(user.urls).toBe(urls);
    expect(user.languages).toBe(user.languages);
    expect([user.firstName, user.lastName, user.firstName]).toEqual(['Alice', 'Smith', 'Alice']);
    expect([user.title, user.title]).toEqual([null, null]);
    const calls = Object.fromEntries(Object.keys(userFieldValues).map((key, i) => [key, spies[i]!.mock.calls.length]));
    expect(calls).toMatchObject({ urls: 1, languages: 1, names: 1, title: 1, emails: 0, groups: 0, createdAt: 0 });
  });

  it('each user maps its own record', () => {
    const [a, b] = [toUser(rsUser({ locale: 'fi_FI' })), toUser(rsUser({ locale: 'sv_SE' }))];
    expect([b.languages, a.languages]).toEqual([['sv-SE'], ['fi-FI']]);
  });
});

describe('remoteData', () => {
  it.each([
    ['with a local record', true],
    ['without a local record', false],
  ])('%s', (_case, withLocal) => {
    const rs = rsUser({ raw: { id: USER_ID, RefreshTimestamp: 1 } });
    const local = withLocal ? localUser({ raw: { id: USER_ID, display_name: 'Ally' } }) : null;
    expect(remoteData(rs, local)).toEqual({
      roleStoreUser: { id: USER_ID, RefreshTimestamp: 1 },
      localUser: withLocal ? { id: USER_ID, display_name: 'Ally' } : null,
    });
  });
});
