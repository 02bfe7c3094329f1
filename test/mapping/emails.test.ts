import { toEmails } from '../../src/mapping/emails';

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
