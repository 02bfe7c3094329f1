import { toDate } from '../../src/entities/shared/dates.mapping';

describe('toDate', () => {
  it.each([
    ['2017-01-01T15:05:05Z', '2017-01-01T15:05:05.000Z'],
    ['2017-01-01T15:05:05.123456Z', '2017-01-01T15:05:05.123Z'],
    ['2017-01-01T17:05:05+02:00', '2017-01-01T15:05:05.000Z'],
    ['2017-01-01t15:05:05z', '2017-01-01T15:05:05.000Z'],
    [' 2017-01-01T15:05:05Z ', '2017-01-01T15:05:05.000Z'],
  ])('%j → %s', (input, iso) => {
    expect(toDate(input)?.toISOString()).toBe(iso);
  });

  it.each([
    undefined,
    '',
    '  ',
    'yesterday',
    '1',
    '2017-01-01',
    '2017-13-01T00:00:00Z',
    '2017-01-01T25:00:00Z',
    '2017-01-01T15:05:05',
    '0001-01-01T00:00:00Z', // Go's zero time: "not set"
  ])('%j → null', (input) => {
    expect(toDate(input)).toBeNull();
  });
});
