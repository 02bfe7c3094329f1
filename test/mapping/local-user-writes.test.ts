import { languageToLocale, localeToLanguages } from '../../src/entities/user/languages.mapping';
import { withAttribute } from '../../src/entities/user/attributes.mapping';
import { toLocalUserCreateRecord, toLocalUserReplaceRecord, withPasswordChangeRequired, type LocalUserFields, type MappedRecord } from '../../src/local-users/local-user-writes.mapping';

function record(mapped: MappedRecord): Record<string, unknown> {
  if (!mapped.ok) throw new Error(`unexpected problems: ${JSON.stringify(mapped.problems)}`);
  return mapped.record;
}

function problems(mapped: MappedRecord) {
  return mapped.ok ? [] : mapped.problems;
}

describe('languageToLocale (the reverse of localeToLanguages)', () => {
  it.each([
    ['fi-FI', 'fi_FI'],
    ['fi', 'fi'],
    ['en-us', 'en_US'],
    ['EN-GB', 'en_GB'],
    [' sv-SE ', 'sv_SE'],
    ['zh-Hant-TW', 'zh_TW'],
    ['de-DE-u-co-phonebk', 'de_DE'],
    ['es-419', 'es'],
    ['fil-PH', undefined],
    ['english please', undefined],
    ['', undefined],
    ['x', undefined],
  ])('%j → %j', (tag, locale) => {
    expect(languageToLocale(tag)).toBe(locale);
  });

  it.each(['fi-FI', 'en-US', 'sv', 'pt-BR'])('%s survives write then read', (tag) => {
    expect(localeToLanguages(languageToLocale(tag))).toEqual([tag]);
  });
});

describe('withAttribute', () => {
  const attributes = [
    { key: 'windows_sid', value: 'S-1' },
    { key: 'timezone', value: 'Europe/Oslo' },
    { key: 'github', value: 'https://github.com/x' },
    { key: 'timezone', value: 'UTC' },
  ];
  it.each([
    ['replaces the first entry in place and drops later duplicates', 'timezone', 'Europe/Helsinki', [attributes[0], { key: 'timezone', value: 'Europe/Helsinki' }, attributes[2]]],
    ['appends a key that is not there', 'avatar', 'https://a.example/x.png', [...attributes, { key: 'avatar', value: 'https://a.example/x.png' }]],
    ['removes every entry of the key for null', 'timezone', null, [attributes[0], attributes[2]]],
    ['changes nothing when removing a key that is not there', 'avatar', null, attributes],
  ])('%s', (_what, key, value, expected) => {
    expect(withAttribute(attributes, key, value)).toEqual(expected);
  });
});

describe('toLocalUserCreateRecord', () => {
  it('maps every unified field to its v41 key', () => {
    const fields: LocalUserFields = {
      username: ' ada ',
      firstName: 'Ada',
      lastName: 'Lovelace',
      name: 'Ada King, Countess of Lovelace',
      title: 'Analyst',
      email: 'ada@example.com',
      phone: '+44 20 7946 0958 x12',
      organization: 'Analytical Engines Ltd',
      department: 'Research',
      tags: ['contractor', ' contractor', 'math'],
      languages: ['en-GB', 'fr-FR'],
      timezone: 'Europe/London',
      avatar: 'https://avatars.example.com/ada.png',
    };
    expect(record(toLocalUserCreateRecord(fields, { requirePasswordChange: true }))).toEqual({
      username: 'ada',
      first_name: 'Ada',
      last_name: 'Lovelace',
      full_name: 'Ada King, Countess of Lovelace',
      job_title: 'Analyst',
      email: 'ada@example.com',
      telephone: '+44 20 7946 0958 x12',
      company: 'Analytical Engines Ltd',
      department: 'Research',
      tags: ['contractor', 'math'],
      locale: 'en_GB',
      attributes: [
        { key: 'timezone', value: 'Europe/London' },
        { key: 'avatar', value: 'https://avatars.example.com/ada.png' },
      ],
      password_change_required: true,
    });
  });

  it('writes only what is given: a username alone is a minimal record', () => {
    const mapped = toLocalUserCreateRecord({ username: 'min' }, { requirePasswordChange: false });
    expect(record(mapped)).toEqual({ username: 'min', tags: [], attributes: [], password_change_required: false });
    expect(mapped.ok && mapped.changed).toEqual(['username']);
  });

  it('never writes a server-owned key or a password', () => {
    const written = record(toLocalUserCreateRecord({ username: 'x', name: null, email: '' }, { requirePasswordChange: true }));
    for (const key of ['id', 'created', 'updated', 'updated_by', 'author', 'password', 'full_name', 'email']) expect(written).not.toHaveProperty(key);
  });

  it.each([
    [{ username: '' }, ['input', 'username']],
    [{ username: '   ' }, ['input', 'username']],
    [{ username: 'two words' }, ['input', 'username']],
    [{ username: 'ok', email: 'not an address' }, ['input', 'email']],
    [{ username: 'ok', languages: ['klingon please'] }, ['input', 'languages', '0']],
    [{ username: 'ok', timezone: 'Mars/Olympus' }, ['input', 'timezone']],
    [{ username: 'ok', avatar: 'ftp://x/y.png' }, ['input', 'avatar']],
    [{ username: 'ok', tags: ['a', ' '] }, ['input', 'tags', '1']],
  ] as [LocalUserFields, string[]][])('%j is refused at %j', (fields, field) => {
    expect(problems(toLocalUserCreateRecord(fields, { requirePasswordChange: true }))).toEqual([{ field, message: expect.any(String) }]);
  });

  it('reports every problem at once', () => {
    expect(problems(toLocalUserCreateRecord({ email: 'x', timezone: 'nowhere' }, { requirePasswordChange: true })).map((p) => p.field.at(-1))).toEqual(['username', 'email', 'timezone']);
  });
});

describe('toLocalUserReplaceRecord', () => {
  /** A record as PrivX sends it (secrets already removed by the client), with everything the subgraph does not model. */
  const current = {
    id: '0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d',
    created: '2024-01-01T00:00:00Z',
    updated: '2024-06-01T00:00:00Z',
    updated_by: 'eef4aefc-d64e-4c2c-aba4-4914c86ce059',
    author: 'eef4aefc-d64e-4c2c-aba4-4914c86ce059',
    comment: 'break-glass account, ask Olli',
    tags: ['ops'],
    username: 'olli',
    windows_account: 'olli',
    unix_account: 'olli',
    full_name: 'Olli Ops',
    display_name: 'Olli O.',
    first_name: 'Olli',
    last_name: 'Ops',
    job_title: 'SRE',
    company: 'Acme',
    department: 'Operations',
    email: 'olli@acme.example',
    telephone: '+358 40 123 4567',
    locale: 'fi_FI',
    password_change_required: false,
    attributes: [
      { key: 'windows_sid', value: 'S-1-5-21-1' },
      { key: 'timezone', value: 'Europe/Helsinki' },
    ],
    x_vendor_field: { nested: [1, 2] },
  };
  const serverOwned = ['id', 'created', 'updated', 'updated_by', 'author'];
  const { id: _id, created: _c, updated: _u, updated_by: _b, author: _a, ...sendable } = current;

  it('sends the previous record with only the changed field changed, and nothing PrivX owns', () => {
    const mapped = toLocalUserReplaceRecord(current, { title: 'Staff SRE' });
    expect(record(mapped)).toEqual({ ...sendable, job_title: 'Staff SRE' });
    for (const key of [...serverOwned, 'password']) expect(record(mapped)).not.toHaveProperty(key);
    expect(mapped.ok && mapped.changed).toEqual(['title']);
  });

  it('an empty change sends the record back as it came (minus what PrivX owns)', () => {
    expect(record(toLocalUserReplaceRecord(current, {}))).toEqual(sendable);
  });

  it.each([
    ['firstName', null, { first_name: undefined }],
    ['name', '', { full_name: undefined }],
    ['email', null, { email: undefined }],
    ['phone', null, { telephone: undefined }],
    ['organization', null, { company: undefined }],
    ['department', null, { department: undefined }],
    ['languages', null, { locale: undefined }],
    ['languages', [], { locale: undefined }],
    ['languages', ['sv-SE', 'en'], { locale: 'sv_SE' }],
    ['tags', null, { tags: [] }],
    ['tags', ['a', 'b'], { tags: ['a', 'b'] }],
    ['timezone', null, { attributes: [{ key: 'windows_sid', value: 'S-1-5-21-1' }] }],
    ['timezone', 'UTC', { attributes: [{ key: 'windows_sid', value: 'S-1-5-21-1' }, { key: 'timezone', value: 'UTC' }] }],
    ['avatar', 'https://a.example/o.png', { attributes: [...current.attributes, { key: 'avatar', value: 'https://a.example/o.png' }] }],
    ['username', 'olli.ops', { username: 'olli.ops' }],
  ])('%s = %j: null or blank clears, a value sets', (field, value, change) => {
    const expected: Record<string, unknown> = { ...sendable, ...change };
    for (const [key, v] of Object.entries(change)) if (v === undefined) delete expected[key];
    expect(record(toLocalUserReplaceRecord(current, { [field]: value }))).toEqual(expected);
  });

  it('refuses to clear the username', () => {
    expect(problems(toLocalUserReplaceRecord(current, { username: null }))).toEqual([{ field: ['input', 'username'], message: expect.any(String) }]);
    expect(problems(toLocalUserReplaceRecord(current, { username: ' ' }))).toHaveLength(1);
  });

  it('does not add keys the record did not have', () => {
    const bare = { id: current.id, username: 'bare' };
    expect(record(toLocalUserReplaceRecord(bare, { title: 'T' }))).toEqual({ username: 'bare', job_title: 'T' });
  });

  it('sets password_change_required and keeps the rest', () => {
    expect(withPasswordChangeRequired(current, true)).toEqual({ ...sendable, password_change_required: true });
  });
});
