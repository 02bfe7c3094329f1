import {
  decodeCursor,
  decodeGroupId,
  decodeOrganizationId,
  encodeCursor,
  encodeGroupId,
  encodeOrganizationId,
  isUuid,
  type GroupKey,
} from '../../src/entities/shared/ids.mapping';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('isUuid', () => {
  it.each([
    ['0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d', true],
    ['0B4D7C2E-5F0A-4B8E-9C1D-2E3F4A5B6C7D', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['0b4d7c2e-5f0a-7b8e-ec1d-2e3f4a5b6c7d', true], // any version and variant
    ['0b4d7c2e5f0a4b8e9c1d2e3f4a5b6c7d', false],
    ['{0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d}', false],
    ['0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7', false],
    ['0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7g', false],
    [' 0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isUuid(input)).toBe(expected);
  });
});

describe('organization ids', () => {
  it.each([
    ['Acme', 'b3JnOkFjbWU'],
    ['Acme Oy: Helsinki', b64('org:Acme Oy: Helsinki')],
    ['100% Real', b64('org:100% Real')],
    ['Åbo Akademi – 日本', b64('org:Åbo Akademi – 日本')],
  ])('%j encodes to %s and decodes back', (company, id) => {
    expect(encodeOrganizationId(company)).toBe(id);
    expect(id).not.toMatch(/[=+/]/);
    expect(decodeOrganizationId(id)).toBe(company);
  });

  it.each([
    ['not base64url', 'b3JnOkFjbWU='], // padded
    ['standard base64 alphabet', b64('org:a?>').replace(/_/g, '/')],
    ['illegal characters', 'b3JnOkFj bWU'],
    ['empty', ''],
    ['wrong prefix', b64('grp:Acme')],
    ['no prefix', b64('Acme')],
    ['empty name', b64('org:')],
    ['blank name', b64('org:   ')],
    ['untrimmed name', b64('org: Acme')],
    ['non-canonical trailing bits', 'b3JnOkFjbWV'],
    ['invalid UTF-8', Buffer.from([0x6f, 0x72, 0x67, 0x3a, 0xff]).toString('base64url')],
    ['a group id', b64('group:TAG::vip')],
  ])('rejects %s', (_case, id) => {
    expect(decodeOrganizationId(id)).toBeNull();
  });
});

describe('group ids', () => {
  it.each<[string, GroupKey, string]>([
    ['a department', { type: 'DEPARTMENT', company: 'Acme', name: 'Sales' }, 'group:DEPARTMENT:Acme:Sales'],
    ['a department without company', { type: 'DEPARTMENT', company: '', name: 'Sales' }, 'group:DEPARTMENT::Sales'],
    ['a tag', { type: 'TAG', company: '', name: 'vip' }, 'group:TAG::vip'],
    ['colons', { type: 'DEPARTMENT', company: 'Acme: EU', name: 'R&D:Core' }, 'group:DEPARTMENT:Acme%3A EU:R&D%3ACore'],
    ['percent signs', { type: 'TAG', company: '', name: '100%3A real%' }, 'group:TAG::100%253A real%25'],
    ['unicode', { type: 'DEPARTMENT', company: 'Åbo', name: 'Försäljning 販売' }, 'group:DEPARTMENT:Åbo:Försäljning 販売'],
  ])('round-trips %s', (_case, key, text) => {
    const id = encodeGroupId(key);
    expect(id).toBe(b64(text));
    expect(decodeGroupId(id)).toEqual(key);
  });

  it.each([
    ['padding', `${b64('group:TAG::vi')}=`],
    ['illegal characters', `${b64('group:TAG::vip')}!`],
    ['wrong prefix', b64('grp:TAG::vip')],
    ['unknown type', b64('group:TEAM::vip')],
    ['lower-case type', b64('group:tag::vip')],
    ['a tag with a company', b64('group:TAG:Acme:vip')],
    ['empty name', b64('group:DEPARTMENT:Acme:')],
    ['blank name', b64('group:TAG:: ')],
    ['untrimmed name', b64('group:TAG::vip ')],
    ['blank company', b64('group:DEPARTMENT: :Sales')],
    ['too few parts', b64('group:TAG:vip')],
    ['an unescaped colon', b64('group:DEPARTMENT:Acme:R&D:Core')],
    ['a lower-case escape', b64('group:DEPARTMENT:Acme%3a EU:Sales')],
    ['a foreign escape', b64('group:TAG::%41BC')],
    ['an organization id', encodeOrganizationId('Acme')],
    ['empty', ''],
  ])('rejects %s', (_case, id) => {
    expect(decodeGroupId(id)).toBeNull();
  });
});

describe('cursors', () => {
  it.each([0, 1, 49, 1000, Number.MAX_SAFE_INTEGER])('round-trips offset %d', (offset) => {
    const cursor = encodeCursor(offset);
    expect(cursor).toBe(b64(`cursor:v1:${offset}`));
    expect(decodeCursor(cursor)).toBe(offset);
  });

  it.each([
    ['negative', b64('cursor:v1:-1')],
    ['fraction', b64('cursor:v1:1.5')],
    ['leading zero', b64('cursor:v1:01')],
    ['exponent', b64('cursor:v1:1e3')],
    ['unsafe integer', b64('cursor:v1:9007199254740993')],
    ['empty offset', b64('cursor:v1:')],
    ['other version', b64('cursor:v2:10')],
    ['trailing text', b64('cursor:v1:10 ')],
    ['padded', `${b64('cursor:v1:1')}==`],
    ['not base64url', 'cursor:v1:10'],
    ['empty', ''],
    ['an organization id', encodeOrganizationId('Acme')],
  ])('rejects %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

describe('kept ids', () => {
  it('encode the same past the bound on kept ids, and differ by type and company', () => {
    const key = { type: 'DEPARTMENT' as const, company: 'A:co', name: 'Sales%' };
    const id = encodeGroupId(key);
    for (let i = 0; i < 10_050; i++) encodeGroupId({ type: 'TAG', company: '', name: `tag ${i}` });
    for (let i = 0; i < 10_050; i++) encodeOrganizationId(`company ${i}`);
    expect(encodeGroupId(key)).toBe(id);
    expect(decodeGroupId(id)).toEqual(key);
    expect(encodeGroupId({ ...key, type: 'TAG', company: '' })).not.toBe(encodeGroupId({ ...key, company: '' }));
    expect(encodeGroupId({ ...key, company: 'B' })).not.toBe(id);
    expect(decodeOrganizationId(encodeOrganizationId('company 3'))).toBe('company 3');
  });
});
