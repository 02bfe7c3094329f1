import { present } from '../../src/entities/shared/text.mapping';

describe('present', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   \t\n', undefined],
    ['Alice', 'Alice'],
    ['  Alice Smith ', 'Alice Smith'],
  ])('%j → %j', (input, expected) => {
    expect(present(input)).toBe(expected);
  });
});
