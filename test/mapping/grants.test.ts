import { accessWindowOf, grantOf, secondOfDay, weekdaysOf } from '../../src/entities/mapping';
import { roleAssignment } from './factories';

const ms = (iso: string) => Date.parse(iso);
const CONTEXT = { enabled: true, block_role: false, validity: [], ip_masks: [] };

describe('grantOf: an assignment as the evaluation sees it', () => {
  it.each([
    ['PERMANENT', { grant_type: 'PERMANENT' }, { kind: 'PERMANENT', periods: [] }],
    ['FLOATING', { grant_type: 'FLOATING', floating_length: 8 }, { kind: 'FLOATING', periods: [] }],
    ['missing grant type: as PERMANENT', {}, { kind: 'PERMANENT', periods: [] }],
    ['unknown grant type: as PERMANENT', { grant_type: 'SCHEDULED', grant_end: '2020-01-01T00:00:00Z' }, { kind: 'PERMANENT', periods: [] }],
    ['lower-case is not a grant type', { grant_type: 'time_restricted' }, { kind: 'PERMANENT', periods: [] }],
    ['TIME_RESTRICTED from start and end', { grant_type: 'TIME_RESTRICTED', grant_start: '2026-01-01T00:00:00+02:00', grant_end: '2026-02-01T00:00:00Z' },
      { kind: 'TIME_RESTRICTED', periods: [{ start: ms('2025-12-31T22:00:00Z'), end: ms('2026-02-01T00:00:00Z') }] }],
    ['validity periods win over start and end', {
      grant_type: 'TIME_RESTRICTED', grant_start: '2020-01-01T00:00:00Z', grant_end: '2020-02-01T00:00:00Z',
      grant_validity_periods: [{ grant_start: '2026-03-01T00:00:00Z', grant_end: '2026-04-01T00:00:00Z' }, { grant_start: '2026-01-01T00:00:00Z' }],
    }, { kind: 'TIME_RESTRICTED', periods: [{ start: ms('2026-03-01T00:00:00Z'), end: ms('2026-04-01T00:00:00Z') }, { start: ms('2026-01-01T00:00:00Z'), end: null }] }],
    ['an empty validity list falls back to start and end', { grant_type: 'TIME_RESTRICTED', grant_validity_periods: [], grant_end: '2026-02-01T00:00:00Z' },
      { kind: 'TIME_RESTRICTED', periods: [{ start: null, end: ms('2026-02-01T00:00:00Z') }] }],
    ["Go's zero time and unreadable bounds are unbounded", { grant_type: 'TIME_RESTRICTED', grant_start: '0001-01-01T00:00:00Z', grant_end: 'soon' },
      { kind: 'TIME_RESTRICTED', periods: [{ start: null, end: null }] }],
  ])('%s', (_, fields, expected) => expect(grantOf(roleAssignment(fields))).toEqual(expected));
});

describe('accessWindowOf: a role context', () => {
  it('none, or not enabled: no restriction', () => {
    expect(accessWindowOf(undefined)).toBeNull();
    expect(accessWindowOf({ ...CONTEXT, enabled: false, validity: ['MON'], ip_masks: ['10.0.0.0/8'] })).toBeNull();
  });

  it('weekdays, times, zone and masks', () => {
    expect(accessWindowOf({ ...CONTEXT, validity: ['FRI', 'MON', 'mon', 'HOLIDAY'], start_time: '07:30', end_time: '19:00', timezone: 'Europe/Helsinki', ip_masks: [' 10.0.0.0/8 ', ''] }))
      .toEqual({ weekdays: [1, 5], startSecond: 27_000, endSecond: 68_400, timezone: 'Europe/Helsinki', ipMasks: ['10.0.0.0/8'] });
  });

  it.each([[undefined], [''], ['Mars/Olympus_Mons'], ['  ']])('zone %p: UTC', (timezone) => {
    expect(accessWindowOf({ ...CONTEXT, timezone })?.timezone).toBe('UTC');
  });

  it.each([
    ['07:00', 25_200], ['7:05', 25_500], ['23:59:59', 86_399], ['00:00', 0], ['24:00', 86_400],
    ['', null], [undefined, null], ['24:01', null], ['12:60', null], ['noon', null], ['0700', null],
  ])('time %p → %p seconds', (text, seconds) => expect(secondOfDay(text)).toBe(seconds));

  it('weekday names in any case, each once, Monday first', () => expect(weekdaysOf(['sun', 'SUN', 'Wed'])).toEqual([3, 7]));
});
