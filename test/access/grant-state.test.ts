import { grantPeriods, grantState, isExpired, nextStateChange, parseAddress, zoneOrUtc, type AccessWindow, type Evaluation, type Grant, type Period } from '../../src/access';

/** Table-driven checks of docs/access.md, rule by rule. Instants are written out in UTC. */
const t = (iso: string): number => Date.parse(iso);
const period = (start: string | null, end: string | null): Period => ({ start: start === null ? null : t(start), end: end === null ? null : t(end) });
const restricted = (...periods: Period[]): Grant => ({ kind: 'TIME_RESTRICTED', periods });
const PERMANENT: Grant = { kind: 'PERMANENT', periods: [] };
const FLOATING: Grant = { kind: 'FLOATING', periods: [] };
const window = (fields: Partial<AccessWindow>): AccessWindow => ({
  weekdays: [], startSecond: null, endSecond: null, timezone: 'UTC', ipMasks: [], ...fields,
});
const hm = (h: number, m = 0) => h * 3600 + m * 60;
const state = (grant: Grant, w: AccessWindow | null, at: string, from?: string) =>
  grantState({ grant, window: w }, t(at), from === undefined ? undefined : parseAddress(from));

describe('periods of a grant', () => {
  it.each<[string, Grant, Period[]]>([
    ['PERMANENT: one unbounded period', PERMANENT, [period(null, null)]],
    ['FLOATING: one unbounded period', FLOATING, [period(null, null)]],
    ['unordered, overlapping and touching periods merge into their union', restricted(
      period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
      period('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
      period('2026-01-15T00:00:00Z', '2026-02-10T00:00:00Z'),
      period('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'),
    ), [period('2026-01-01T00:00:00Z', '2026-02-10T00:00:00Z'), period('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z')]],
    ['open bounds stay open, and swallow what they cover', restricted(
      period(null, '2026-01-01T00:00:00Z'), period('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z'), period('2027-01-01T00:00:00Z', null),
    ), [period(null, '2026-01-01T00:00:00Z'), period('2027-01-01T00:00:00Z', null)]],
    ['an empty period (end at or before start) holds never', restricted(period('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')), []],
  ])('%s', (_, grant, union) => expect(grantPeriods(grant)).toEqual(union));
});

describe('rule 1 EXPIRED and rule 2 SCHEDULED: the periods', () => {
  const twoWindows = restricted(period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'), period('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'));
  it.each<[string, Grant, string, string]>([
    ['before every period', twoWindows, '2025-12-31T23:59:59Z', 'SCHEDULED'],
    ['at the start of the first (start is included)', twoWindows, '2026-01-01T00:00:00Z', 'ACTIVE'],
    ['inside the first', twoWindows, '2026-01-20T00:00:00Z', 'ACTIVE'],
    ['at the end of the first (end is excluded), the second still to come', twoWindows, '2026-02-01T00:00:00Z', 'SCHEDULED'],
    ['between the two', twoWindows, '2026-02-15T00:00:00Z', 'SCHEDULED'],
    ['inside the second (active within one of several periods)', twoWindows, '2026-03-15T00:00:00Z', 'ACTIVE'],
    ['at the end of the last', twoWindows, '2026-04-01T00:00:00Z', 'EXPIRED'],
    ['after the last', twoWindows, '2027-01-01T00:00:00Z', 'EXPIRED'],
    ['no start: active until the end', restricted(period(null, '2026-01-01T00:00:00Z')), '1970-01-01T00:00:00Z', 'ACTIVE'],
    ['no end: scheduled before the start', restricted(period('2026-01-01T00:00:00Z', null)), '2025-01-01T00:00:00Z', 'SCHEDULED'],
    ['no end: active for ever after', restricted(period('2026-01-01T00:00:00Z', null)), '2999-01-01T00:00:00Z', 'ACTIVE'],
    ['no bound at all', restricted(period(null, null)), '2026-01-01T00:00:00Z', 'ACTIVE'],
    ['only an empty period', restricted(period('2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')), '2020-01-01T00:00:00Z', 'EXPIRED'],
    ['PERMANENT', PERMANENT, '2026-01-01T00:00:00Z', 'ACTIVE'],
  ])('%s', (_, grant, at, expected) => expect(state(grant, null, at)).toBe(expected));

  it('EXPIRED and SCHEDULED come before the context', () => {
    const never = window({ weekdays: [1], startSecond: hm(9), endSecond: hm(10) });
    expect(state(twoWindows, never, '2027-01-01T12:00:00Z')).toBe('EXPIRED');
    expect(state(twoWindows, never, '2025-01-01T12:00:00Z')).toBe('SCHEDULED');
    expect(isExpired(twoWindows, t('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isExpired(twoWindows, t('2026-03-31T23:59:59Z'))).toBe(false);
  });
});

describe('rule 3 OUTSIDE_CONTEXT: weekdays and hours in the context time zone', () => {
  // 2026-03-27 is a Friday; Helsinki moves from UTC+2 to UTC+3 on Sunday 2026-03-29.
  const officeHelsinki = window({ weekdays: [1, 2, 3, 4, 5], startSecond: hm(7), endSecond: hm(19), timezone: 'Europe/Helsinki' });
  it.each<[string, AccessWindow, string, string]>([
    ['Fri 06:30 Helsinki (UTC+2): before opening', officeHelsinki, '2026-03-27T04:30:00Z', 'OUTSIDE_CONTEXT'],
    ['Fri 07:00 Helsinki: the start is included', officeHelsinki, '2026-03-27T05:00:00Z', 'ACTIVE'],
    ['Fri 18:59 Helsinki', officeHelsinki, '2026-03-27T16:59:00Z', 'ACTIVE'],
    ['Fri 19:00 Helsinki: the end is excluded', officeHelsinki, '2026-03-27T17:00:00Z', 'OUTSIDE_CONTEXT'],
    ['Sat 12:00 Helsinki: not a listed weekday', officeHelsinki, '2026-03-28T10:00:00Z', 'OUTSIDE_CONTEXT'],
    ['Mon 07:30 Helsinki (now UTC+3, after the DST change)', officeHelsinki, '2026-03-30T04:30:00Z', 'ACTIVE'],
    ['Mon 06:30 Helsinki (UTC+3): the same UTC time as a Friday inside would be', officeHelsinki, '2026-03-30T03:30:00Z', 'OUTSIDE_CONTEXT'],
    ['Sunday 23:00 UTC is already Monday 02:00 in Helsinki', window({ weekdays: [1], timezone: 'Europe/Helsinki' }), '2026-03-29T23:00:00Z', 'ACTIVE'],
    ['weekdays only: the whole local day', window({ weekdays: [6], timezone: 'America/New_York' }), '2026-03-29T03:59:59Z', 'ACTIVE'],
    ['weekdays only: Sunday begins at local midnight', window({ weekdays: [6], timezone: 'America/New_York' }), '2026-03-29T04:00:00Z', 'OUTSIDE_CONTEXT'],
    ['hours only: every day', window({ startSecond: hm(9), endSecond: hm(17) }), '2026-03-29T09:00:00Z', 'ACTIVE'],
    ['one time without the other: no time limit', window({ startSecond: hm(9), endSecond: null }), '2026-03-29T03:00:00Z', 'ACTIVE'],
  ])('%s', (_, w, at, expected) => expect(state(PERMANENT, w, at)).toBe(expected));

  // 2026-06-05 is a Friday; Berlin is UTC+2 in summer. The night shift opens Friday 22:00 and closes 06:00.
  const fridayNight = window({ weekdays: [5], startSecond: hm(22), endSecond: hm(6), timezone: 'Europe/Berlin' });
  it.each<[string, string, string]>([
    ['Fri 21:59 Berlin', '2026-06-05T19:59:00Z', 'OUTSIDE_CONTEXT'],
    ['Fri 22:00 Berlin', '2026-06-05T20:00:00Z', 'ACTIVE'],
    ['Sat 00:30 Berlin: after midnight, still Friday\'s window', '2026-06-05T22:30:00Z', 'ACTIVE'],
    ['Sat 05:59 Berlin', '2026-06-06T03:59:00Z', 'ACTIVE'],
    ['Sat 06:00 Berlin', '2026-06-06T04:00:00Z', 'OUTSIDE_CONTEXT'],
    ['Sat 23:00 Berlin: Saturday opens no window', '2026-06-06T21:00:00Z', 'OUTSIDE_CONTEXT'],
    ['Fri 05:00 Berlin: that is Thursday\'s window, and Thursday is not listed', '2026-06-05T03:00:00Z', 'OUTSIDE_CONTEXT'],
  ])('a window across midnight belongs to the day it opens: %s', (_, at, expected) => expect(state(PERMANENT, fridayNight, at)).toBe(expected));

  it('end equal to start: a full day from the start time', () => {
    const w = window({ weekdays: [5], startSecond: hm(12), endSecond: hm(12) });
    expect(state(PERMANENT, w, '2026-06-06T11:59:00Z')).toBe('ACTIVE');
    expect(state(PERMANENT, w, '2026-06-06T12:00:00Z')).toBe('OUTSIDE_CONTEXT');
  });
});

describe('rule 3 OUTSIDE_CONTEXT: IP masks, only when `from` is given', () => {
  const masked = window({ ipMasks: ['10.20.0.0/16', '192.0.2.7', '2001:db8::/32', 'not a mask'] });
  it.each<[string, string | undefined, string]>([
    ['no address given: masks are not checked', undefined, 'ACTIVE'],
    ['IPv4 inside a /16', '10.20.3.4', 'ACTIVE'],
    ['IPv4 outside it', '10.21.0.1', 'OUTSIDE_CONTEXT'],
    ['a plain address mask is a /32', '192.0.2.7', 'ACTIVE'],
    ['its neighbour', '192.0.2.8', 'OUTSIDE_CONTEXT'],
    ['IPv6 inside a /32', '2001:db8:1::5', 'ACTIVE'],
    ['IPv6 outside it', '2001:db9::1', 'OUTSIDE_CONTEXT'],
    ['IPv4-mapped IPv6 matches the IPv4 mask', '::ffff:10.20.1.1', 'ACTIVE'],
  ])('%s', (_, from, expected) => expect(state(PERMANENT, masked, '2026-01-01T00:00:00Z', from)).toBe(expected));

  it('no masks: any address', () => expect(state(PERMANENT, window({}), '2026-01-01T00:00:00Z', '203.0.113.1')).toBe('ACTIVE'));
  it('no context (disabled): neither hours nor masks apply', () => expect(state(PERMANENT, null, '2026-01-01T00:00:00Z', '203.0.113.1')).toBe('ACTIVE'));
});

describe('rules 4 and 5: ACTIVATABLE and ACTIVE', () => {
  const office = window({ weekdays: [1, 2, 3, 4, 5], startSecond: hm(8), endSecond: hm(17) });
  it.each<[string, Grant, AccessWindow | null, string, string]>([
    ['FLOATING, no context', FLOATING, null, '2026-06-06T12:00:00Z', 'ACTIVATABLE'],
    ['FLOATING outside its context', FLOATING, office, '2026-06-06T12:00:00Z', 'OUTSIDE_CONTEXT'],
    ['FLOATING inside its context', FLOATING, office, '2026-06-05T12:00:00Z', 'ACTIVATABLE'],
    ['unknown or missing grant type holds as PERMANENT', PERMANENT, office, '2026-06-05T12:00:00Z', 'ACTIVE'],
  ])('%s', (_, grant, w, at, expected) => expect(state(grant, w, at)).toBe(expected));
});

describe('nextStateChange', () => {
  const office = window({ weekdays: [1, 2, 3, 4, 5], startSecond: hm(7), endSecond: hm(19), timezone: 'Europe/Helsinki' });
  const change = (evaluation: Evaluation, at: string) => {
    const next = nextStateChange(evaluation, t(at));
    return next === null ? null : new Date(next).toISOString();
  };
  it.each<[string, Evaluation, string, string | null]>([
    ['PERMANENT without context: never', { grant: PERMANENT, window: null }, '2026-01-01T00:00:00Z', null],
    ['EXPIRED: never', { grant: restricted(period('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')), window: null }, '2026-01-01T00:00:00Z', null],
    ['SCHEDULED: the next start', { grant: restricted(period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')), window: null }, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00.000Z'],
    ['ACTIVE: the end of the period', { grant: restricted(period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')), window: null }, '2026-02-10T00:00:00Z', '2026-03-01T00:00:00.000Z'],
    ['touching periods are one: the end of the union', {
      grant: restricted(period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'), period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')), window: null,
    }, '2026-02-10T00:00:00Z', '2026-04-01T00:00:00.000Z'],
    ['inside the window: its close, Fri 19:00 Helsinki', { grant: PERMANENT, window: office }, '2026-03-27T12:00:00Z', '2026-03-27T17:00:00.000Z'],
    ['outside over the weekend: Monday 07:00 Helsinki, after the DST change', { grant: PERMANENT, window: office }, '2026-03-27T17:00:00Z', '2026-03-30T04:00:00.000Z'],
    ['a period end before the window closes', { grant: restricted(period(null, '2026-03-27T13:00:00Z')), window: office }, '2026-03-27T12:00:00Z', '2026-03-27T13:00:00.000Z'],
    ['SCHEDULED into a closed window: the start still changes the state', {
      grant: restricted(period('2026-03-28T00:00:00Z', null)), window: office,
    }, '2026-03-27T12:00:00Z', '2026-03-28T00:00:00.000Z'],
    ['a context that is always open changes nothing', { grant: PERMANENT, window: window({ weekdays: [1, 2, 3, 4, 5, 6, 7] }) }, '2026-03-27T12:00:00Z', null],
  ])('%s', (_, evaluation, at, expected) => expect(change(evaluation, at)).toBe(expected));
});

describe('zoneOrUtc', () => {
  // Asked twice each: the second answer comes from the remembered check and must be the same.
  it.each([
    ['Europe/Helsinki', 'Europe/Helsinki'],
    ['  America/New_York ', 'America/New_York'],
    ['Mars/Olympus_Mons', 'UTC'],
    ['not a zone', 'UTC'],
    ['   ', 'UTC'],
    [null, 'UTC'],
    [undefined, 'UTC'],
  ])('%p is %p', (name, zone) => {
    expect(zoneOrUtc(name)).toBe(zone);
    expect(zoneOrUtc(name)).toBe(zone);
  });
});
