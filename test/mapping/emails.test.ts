import { toEmails } from '../../src/entities/user/emails.mapping';

describe('toEmails', () => {
  it.each([
    ['alice@example.com', [{ email: 'alice@example.com', type: 'work', isPrimary: true }]],
    [' Alice@Example.com ', [{ email: 'Alice@Example.com', type: 'work', isPrimary: true }]],
    ['', []],
    ['  ', []],
    [undefined, []],
  ])('%j → %j', (email, expected) => {
    expect(toEmails(email)).toEqual(expected);
  });
});
