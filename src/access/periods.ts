import type { Grant, Period } from './types';

const UNBOUNDED: Period = { start: null, end: null };

function startOf(p: Period): number {
  return p.start ?? -Infinity;
}

function endOf(p: Period): number {
  return p.end ?? Infinity;
}

/**
 * The periods in which a grant holds, as their union: sorted, overlapping or touching periods merged, empty
 * ones (end at or before start) dropped. PERMANENT and FLOATING grants hold in one unbounded period.
 */
export function grantPeriods(grant: Grant): Period[] {
  if (grant.kind !== 'TIME_RESTRICTED') return [UNBOUNDED];
  const sorted = grant.periods.filter((p) => startOf(p) < endOf(p)).sort((a, b) => startOf(a) - startOf(b));
  const union: Period[] = [];
  for (const period of sorted) {
    const last = union.at(-1);
    if (last && startOf(period) <= endOf(last)) {
      if (endOf(period) > endOf(last)) last.end = period.end;
    } else {
      union.push({ ...period });
    }
  }
  return union;
}

export function contains(period: Period, at: number): boolean {
  return startOf(period) <= at && at < endOf(period);
}

/** Every finite start and end of the union, ascending: the instants at which the period part of a state flips. */
export function periodEdges(union: Period[]): number[] {
  return union.flatMap((p) => [p.start, p.end]).filter((t): t is number => t !== null);
}

/** When the last period of the union ends; `null` when it never does (or there is no period). */
export function lastEnd(union: Period[]): number | null {
  const last = union.at(-1);
  return last ? last.end : null;
}
