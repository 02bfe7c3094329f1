import type { V41RoleAssignment, V41RoleContext } from '../../../datasources/v41/models';
import { zoneOrUtc, type AccessWindow, type Grant, type GrantKind, type IsoWeekday, type Period } from '../../access';
import { toDate } from '../shared/dates.mapping';
import { present } from '../shared/text.mapping';

const KINDS: ReadonlySet<string> = new Set<GrantKind>(['PERMANENT', 'TIME_RESTRICTED', 'FLOATING']);

const WEEKDAYS: Readonly<Record<string, IsoWeekday>> = { MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 };

function instant(rfc3339: string | undefined): number | null {
  return toDate(rfc3339)?.getTime() ?? null;
}

/**
 * An assignment as the evaluation sees it. A missing or unknown grant type holds like PERMANENT; a
 * TIME_RESTRICTED grant holds in its `grant_validity_periods`, or else in `[grant_start, grant_end]`, a missing
 * (or unreadable) bound being unbounded.
 */
export function grantOf(assignment: V41RoleAssignment): Grant {
  const type = present(assignment.grant_type);
  const kind = type && KINDS.has(type) ? (type as GrantKind) : 'PERMANENT';
  if (kind !== 'TIME_RESTRICTED') return { kind, periods: [] };
  const given = assignment.grant_validity_periods ?? [];
  const periods: Period[] =
    given.length > 0
      ? given.map((p) => ({ start: instant(p.grant_start), end: instant(p.grant_end) }))
      : [{ start: instant(assignment.grant_start), end: instant(assignment.grant_end) }];
  return { kind, periods };
}

/** `HH:MM` (or `HH:MM:SS`) → seconds after midnight; anything else is "not set". `24:00` is the end of the day. */
export function secondOfDay(text: string | undefined): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(present(text) ?? '');
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours === 24 && minutes + seconds > 0)) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** The weekday names of a context, as ISO weekday numbers; names other than MON..SUN are ignored. */
export function weekdaysOf(validity: readonly string[]): IsoWeekday[] {
  const days = validity.map((day) => WEEKDAYS[day.trim().toUpperCase()]).filter((day): day is IsoWeekday => day !== undefined);
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The restriction a role context puts on its grants; `null` when there is no context or it is not enabled. */
export function accessWindowOf(context: V41RoleContext | undefined): AccessWindow | null {
  if (!context?.enabled) return null;
  return {
    weekdays: weekdaysOf(context.validity),
    startSecond: secondOfDay(context.start_time),
    endSecond: secondOfDay(context.end_time),
    timezone: zoneOrUtc(context.timezone),
    ipMasks: context.ip_masks.map((mask) => mask.trim()).filter((mask) => mask !== ''),
  };
}
