import { encodeGroupId, encodeOrganizationId, MAX_CURSOR_LENGTH, MAX_GROUP_ID_LENGTH, MAX_NAME_LENGTH, MAX_ORGANIZATION_ID_LENGTH } from '../../src/entities/mapping';
import { MAX_TEXT_ARG_LENGTH } from '../../src/entities/shared/id-arguments.rules';
import { startStack, type Stack } from '../helpers/stack';

/** docs/limits.md: free text and ids have bounds; past them BAD_USER_INPUT, before any PrivX call. */
describe('argument bounds', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());

  const huge = 'a'.repeat(900_000);
  // A well-formed id of a 600 KB company name: it would decode, so only its length refuses it.
  const forgedOrganization = encodeOrganizationId('X'.repeat(450_000));
  const forgedGroup = encodeGroupId({ type: 'DEPARTMENT', company: 'Acme Corp', name: 'Y'.repeat(450_000) });

  it('the documented numbers: 256 characters of text; ids as long as the encoding of 512-character names', () => {
    expect(MAX_TEXT_ARG_LENGTH).toBe(256);
    expect(MAX_NAME_LENGTH).toBe(512);
    expect([MAX_ORGANIZATION_ID_LENGTH, MAX_GROUP_ID_LENGTH, MAX_CURSOR_LENGTH]).toEqual([2054, 4120, 35]);
    // The longest names, of the widest characters (3 bytes of UTF-8 each), still fit.
    expect(encodeOrganizationId('€'.repeat(MAX_NAME_LENGTH))).toHaveLength(MAX_ORGANIZATION_ID_LENGTH);
    expect(encodeGroupId({ type: 'DEPARTMENT', company: '€'.repeat(MAX_NAME_LENGTH), name: '€'.repeat(MAX_NAME_LENGTH) }).length).toBeLessThanOrEqual(MAX_GROUP_ID_LENGTH);
  });

  const refused: [string, string, Record<string, unknown>, string, string][] = [
    ['a 900 KB search', 'query ($f: UserFilter) { users(filter: $f) { totalCount } }', { f: { search: huge } }, 'filter.search', 'filter.search is longer than 256 characters'],
    ['a 900 KB username', 'query ($f: UserFilter) { users(filter: $f) { totalCount } }', { f: { username: huge } }, 'filter.username', 'filter.username is longer than 256 characters'],
    ['a 257-character email', 'query ($f: UserFilter) { users(filter: $f) { totalCount } }', { f: { email: `${'e'.repeat(245)}@example.com` } }, 'filter.email', 'filter.email is longer than 256 characters'],
    [
      'a 600 KB organization id',
      'query ($id: ID!) { organization(id: $id) { id name } }',
      { id: forgedOrganization },
      'id',
      'id is longer than any organization id of this API (at most 2054 characters)',
    ],
    [
      'a 600 KB organization id in a filter',
      'query ($f: UserFilter) { users(filter: $f) { totalCount } }',
      { f: { organizationId: forgedOrganization } },
      'filter.organizationId',
      'filter.organizationId is longer than any organization id of this API (at most 2054 characters)',
    ],
    ['a 600 KB group id', 'query ($id: ID!) { group(id: $id) { id name } }', { id: forgedGroup }, 'id', 'id is longer than any group id of this API (at most 4120 characters)'],
    [
      'a 600 KB organization id for groups',
      'query ($id: ID) { groups(organizationId: $id) { totalCount } }',
      { id: forgedOrganization },
      'organizationId',
      'organizationId is longer than any organization id of this API (at most 2054 characters)',
    ],
    ['a 900 KB cursor', 'query ($after: String) { users(after: $after) { totalCount } }', { after: huge }, 'after', 'after is longer than any cursor of this API (at most 35 characters)'],
  ];

  it.each(refused)('%s: BAD_USER_INPUT, nothing echoed, 0 upstream calls', async (_name, query, variables, argument, message) => {
    const { data, errors } = await stack.query(query, variables);
    expect(errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) })]);
    expect(JSON.stringify({ data, errors }).length).toBeLessThan(2_000);
    expect(stack.calls().total).toBe(0);
  });

  it('a _entities reference with a forged 600 KB id resolves to null, echoing nothing', async () => {
    const { data, errors } = await stack.query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }', {
      r: [{ __typename: 'Organization', id: forgedOrganization }],
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ _entities: [null] });
    expect(stack.calls().total).toBe(0);
  });

  it('text at the bound and ids of long names still work', async () => {
    const atBound = await stack.query('query ($f: UserFilter) { users(filter: $f) { totalCount } }', { f: { search: 'a'.repeat(MAX_TEXT_ARG_LENGTH) } });
    expect(atBound.errors).toBeUndefined();
    expect(atBound.data).toEqual({ users: { totalCount: 0 } });
    const longName = 'Ö'.repeat(MAX_NAME_LENGTH);
    const org = await stack.query('query ($id: ID!) { organization(id: $id) { name } }', { id: encodeOrganizationId(longName) });
    expect(org).toMatchObject({ data: { organization: { name: longName } } });
    expect(org.errors).toBeUndefined();
  });
});
