/**
 * Grant states of every grant of every fake user, written BY HAND from /work/shared/access.md (never computed by
 * project code), at five instants chosen around the contexts of the data:
 *
 * - night-shift: FRI and SAT, 22:00–06:00 America/New_York (the window runs past midnight, belongs to its start day)
 * - contractors: MON–FRI, 08:00–17:00 Europe/Helsinki; masks 10.1.0.0/16 and 2001:db8:abcd::/48
 *
 * | instant | UTC | New York | Helsinki |
 * |---|---|---|---|
 * | I1 | 2024-06-03 12:00 Mon | Mon 08:00 EDT | Mon 15:00 EEST |
 * | I2 | 2025-02-15 04:00 Sat | Fri 23:00 EST | Sat 06:00 EET |
 * | I3 | 2025-06-02 00:30 Mon | Sun 20:30 EDT | Mon 03:30 EEST |
 * | I4 | 2026-01-14 10:00 Wed | Wed 05:00 EST | Wed 12:00 EET |
 * | I5 | 2026-12-05 03:00 Sat | Fri 22:00 EST | Sat 05:00 EET |
 */
import { ROLE_IDS as R, USER_IDS as U } from './data';

export const INSTANTS = [
  '2024-06-03T12:00:00Z',
  '2025-02-15T04:00:00Z',
  '2025-06-02T00:30:00Z',
  '2026-01-14T10:00:00Z',
  '2026-12-05T03:00:00Z',
] as const;

type State = 'ACTIVE' | 'SCHEDULED' | 'EXPIRED' | 'ACTIVATABLE' | 'OUTSIDE_CONTEXT';
type Timeline = [State, State, State, State, State];

const always = (state: State): Timeline => [state, state, state, state, state];
const A = 'ACTIVE';
const S = 'SCHEDULED';
const E = 'EXPIRED';
const F = 'ACTIVATABLE';
const O = 'OUTSIDE_CONTEXT';
/** Contractors with no period limit: open on weekdays in Helsinki office hours (I1, I4), closed otherwise. */
const CONTRACTOR_HOURS = (inside: State): Timeline => [inside, O, O, inside, O];

/** userId → roleId → state at each of INSTANTS (no `from`), for every grant in record order. */
export const EXPECTED_STATES: Record<string, Record<string, Timeline>> = {
  [U.alice]: { [R.developers]: always(F), [R.admin]: always(A), [R.employees]: always(A) },
  [U.bob]: {},
  // 2024-01-01 .. 2030-12-31: the period holds at every instant, the context decides.
  [U.carol]: { [R.contractors]: CONTRACTOR_HOURS(A) },
  // night-shift 2025-06-01 15:00 .. 2025-06-02 03:00 UTC; at I3 it is Sunday evening in New York.
  [U.dave]: { [R.employees]: always(A), [R.nightShift]: [S, S, O, E, E] },
  [U.erin]: { [R.contractors]: CONTRACTOR_HOURS(F) },
  [U.frank]: { [R.employees]: always(A) },
  // grant_type absent: as PERMANENT.
  [U.grace]: { [R.developers]: always(A) },
  [U.heidi]: { [R.breakGlass]: always(F) },
  [U.ivan]: { [R.admin]: always(A) },
  // auditors: 2025-01-01 .. 03-31 and 2025-07-01 .. 09-30: I3 falls between them.
  [U.judy]: { [R.employees]: always(A), [R.auditors]: [S, A, S, E, E] },
  // contractors with the unknown grant type "SCHEDULED": as PERMANENT.
  [U.ken]: { [R.employees]: always(A), [R.contractors]: CONTRACTOR_HOURS(A) },
  [U.liam]: { [R.employees]: always(A) },
  [U.mia]: { [R.employees]: always(A), [R.developers]: always(A) },
  [U.noah]: { [R.developers]: always(A) },
  [U.olivia]: { [R.auditors]: always(A) },
  [U.peter]: { [R.auditors]: always(A) },
  [U.quinn]: {},
  // night-shift from 2025-05-01 20:00 UTC, no end: Friday 22:00 New York (I5) is inside the window.
  [U.rita]: { [R.employees]: always(A), [R.nightShift]: [S, S, O, O, A] },
  [U.sam]: { [R.employees]: always(A) },
  [U.tina]: { [R.developers]: always(A) },
  [U.uma]: { [R.employees]: always(A) },
  [U.victor]: {},
  // break-glass only in January 2031.
  [U.wendy]: { [R.employees]: always(A), [R.breakGlass]: always(S) },
  // The validity period (2026-01-01 .. 01-31) wins over grant_start/grant_end; I4 is Wednesday in New York.
  [U.xavier]: { [R.nightShift]: [S, S, S, O, E] },
  [U.yara]: { [R.contractors]: CONTRACTOR_HOURS(A), [R.developers]: always(F) },
  // auditors: 2025-01 (ended), 2026-11-01 .. 2098-01-01 (current from I5), 2099-01 (to come).
  [U.zoe]: { [R.employees]: always(A), [R.auditors]: [S, S, S, S, A] },
};

/** Grants EXPIRED now (any day from 2026-12-01 to 2030): left out of `roles` and `roleAssignments`. */
export const EXPIRED_NOW: readonly [string, string][] = [
  [U.dave, R.nightShift],
  [U.judy, R.auditors],
  [U.xavier, R.nightShift],
];

/** At I4 (Wednesday 12:00 in Helsinki, inside the contractors' hours), with a caller address. */
export const STATES_FROM_AN_ADDRESS: [userId: string, roleId: string, from: string, state: State][] = [
  [U.carol, R.contractors, '10.1.2.3', A],
  [U.carol, R.contractors, '10.2.0.1', O],
  [U.carol, R.contractors, '2001:db8:abcd:12::1', A],
  [U.carol, R.contractors, '2001:db8:abce::1', O],
  [U.carol, R.contractors, '::ffff:10.1.200.7', A],
  [U.erin, R.contractors, '192.0.2.1', O],
  [U.yara, R.developers, '192.0.2.1', F], // developers has no context: any address
  [U.alice, R.employees, '2001:db8::1', A],
];

/** nextChangeAt(at) for chosen grants, by hand: a period edge or a context window edge. */
export const NEXT_CHANGES: [userId: string, roleId: string, at: string, next: string | null][] = [
  [U.judy, R.auditors, INSTANTS[1], '2025-03-31T23:59:59.000Z'],
  [U.judy, R.auditors, INSTANTS[2], '2025-07-01T00:00:00.000Z'],
  [U.dave, R.nightShift, INSTANTS[0], '2025-06-01T15:00:00.000Z'],
  [U.dave, R.nightShift, INSTANTS[2], '2025-06-02T03:00:00.000Z'],
  // Fri 22:00 New York: the window closes Saturday 06:00 EST.
  [U.rita, R.nightShift, INSTANTS[4], '2026-12-05T11:00:00.000Z'],
  // Wed 05:00 New York: the next window opens Friday 22:00 EST.
  [U.rita, R.nightShift, INSTANTS[3], '2026-01-17T03:00:00.000Z'],
  // Wed 12:00 Helsinki: the office closes at 17:00 EET.
  [U.carol, R.contractors, INSTANTS[3], '2026-01-14T15:00:00.000Z'],
  [U.zoe, R.auditors, INSTANTS[3], '2026-11-01T00:00:00.000Z'],
  [U.xavier, R.nightShift, INSTANTS[4], null],
  [U.alice, R.employees, INSTANTS[0], null],
  [U.alice, R.developers, INSTANTS[0], null],
];

/** The security facts, by hand from the records. */
export const EXPECTED_FACTS: Record<string, { mfaStatus: string | null; externalId: string | null; passwordSetAt: string | null; lastSyncedAt: string | null }> = {
  [U.alice]: { mfaStatus: 'ENABLED', externalId: null, passwordSetAt: '2021-01-01T00:00:00.000Z', lastSyncedAt: null },
  [U.heidi]: { mfaStatus: 'DISABLED', externalId: null, passwordSetAt: null, lastSyncedAt: null }, // no local record
  [U.judy]: { mfaStatus: 'ENABLED', externalId: 'ad-judy', passwordSetAt: null, lastSyncedAt: '2025-01-20T00:00:00.000Z' },
  [U.wendy]: { mfaStatus: 'DISABLED', externalId: null, passwordSetAt: null, lastSyncedAt: '2026-01-01T00:00:00.000Z' }, // epoch seconds
  [U.yara]: { mfaStatus: 'UNINITIALIZED', externalId: null, passwordSetAt: null, lastSyncedAt: null },
};

/** Workspace status and text per directory, from `enabled` and `status_code`/`status_text`. */
export const EXPECTED_WORKSPACE_STATUS: Record<string, { status: string; statusText: string | null }> = {
  '55555555-0000-4000-8000-000000000001': { status: 'OK', statusText: null },
  '55555555-0000-4000-8000-000000000002': { status: 'OK', statusText: 'Connected' },
  '55555555-0000-4000-8000-000000000003': { status: 'DISABLED', statusText: 'disabled' },
  '55555555-0000-4000-8000-000000000004': { status: 'WARNING', statusText: 'token endpoint slow' },
};
