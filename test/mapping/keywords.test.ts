import { matchesKeywords } from '../../src/entities/user/keywords.mapping';
import { rsUser } from './factories';

describe('matchesKeywords', () => {
  const user = rsUser({
    principal: 'asmith',
    full_name: 'Alice Smith',
    first_name: 'Alice',
    last_name: 'Smith',
    email: 'alice@example.com',
    company: 'Acme Oy',
    department: 'Research',
    job_title: 'Engineer',
    tags: ['vip'],
    attributes: [{ key: 'city', value: 'Helsinki' }],
    comment: 'contractor',
  });

  it.each([
    [undefined, true],
    ['', true],
    ['   ', true],
    ['alice', true],
    ['SMITH', true],
    ['asm', true],
    ['example.com', true],
    ['acme', true],
    ['search', true], // substring of the department
    ['engineer', true],
    ['alice acme', true], // each word in a different field
    ['  alice   research  ', true],
    ['alice bob', false], // every word must occur
    ['vip', false], // tags are not searched
    ['helsinki', false], // attributes are not searched
    ['contractor', false],
    ['alicesmith', false], // words do not span fields
  ])('%j → %s', (keywords, expected) => {
    expect(matchesKeywords(user, keywords)).toBe(expected);
  });

  it('treats absent fields as empty', () => {
    expect(matchesKeywords(rsUser({ principal: 'bob' }), 'bob')).toBe(true);
    expect(matchesKeywords(rsUser(), 'bob')).toBe(false);
  });
});
