/**
 * The inputs and outputs of grant evaluation, free of PrivX field names and of GraphQL: instants are epoch
 * milliseconds, a missing bound is `null` (unbounded).
 */

export type GrantKind = 'PERMANENT' | 'TIME_RESTRICTED' | 'FLOATING';

export type GrantState = 'ACTIVE' | 'SCHEDULED' | 'EXPIRED' | 'ACTIVATABLE' | 'OUTSIDE_CONTEXT';

/** `start <= at < end`; `null` is unbounded on that side. */
export interface Period {
  start: number | null;
  end: number | null;
}

export interface Grant {
  kind: GrantKind;
  /** The grant's periods as given (any order, may overlap); see `grantPeriods`. */
  periods: Period[];
}

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** An enabled role context; a disabled or missing one is `null` and never restricts. */
export interface AccessWindow {
  /** Empty: every day. */
  weekdays: IsoWeekday[];
  /** Seconds after local midnight; both set or the window has no time-of-day limit. */
  startSecond: number | null;
  endSecond: number | null;
  /** A valid IANA zone name (UTC when the role gave none or an unknown one). */
  timezone: string;
  /** CIDR masks (or plain addresses) as given; empty: any address. */
  ipMasks: string[];
}
