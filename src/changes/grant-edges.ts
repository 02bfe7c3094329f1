import { grantState, nextStateChange, type Evaluation, type Grant } from '../access';
import { grantOf } from '../entities/mapping';
import type { V41RoleAssignment } from '../../datasources/v41/models';
import type { HeldGrant } from './poller-state';

/**
 * Grant edges from the grants already held (docs/changes.md): a TIME_RESTRICTED grant starts or ends when its
 * period state changes, found with the same functions that answer `RoleAssignment.nextChangeAt`
 * (src/access), with the role's context left out (a daily window is not a grant starting or ending). Pure: no
 * clock, no upstream.
 */

export interface GrantEdge {
  kind: 'GRANT_STARTED' | 'GRANT_ENDED';
  roleId: string;
  at: number;
}

export function heldGrantOf(assignment: V41RoleAssignment): HeldGrant {
  const grant = grantOf(assignment);
  return { roleId: assignment.id.toLowerCase(), kind: grant.kind, periods: grant.periods.map((p) => [p.start, p.end]) };
}

/** Role, kind and periods, sorted: two grant sets compare equal exactly when they grant the same. */
export function grantSetKey(grants: readonly HeldGrant[]): string {
  return JSON.stringify([...grants].map((g) => [g.roleId, g.kind, [...g.periods].sort(comparePeriods)]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
}

/** The roles whose grants differ between two sets. */
export function rolesThatDiffer(before: readonly HeldGrant[], after: readonly HeldGrant[]): string[] {
  const roles = new Set([...before, ...after].map((g) => g.roleId));
  return [...roles].filter((role) => grantSetKey(before.filter((g) => g.roleId === role)) !== grantSetKey(after.filter((g) => g.roleId === role))).sort();
}

function evaluationOf(held: HeldGrant): Evaluation {
  const grant: Grant = { kind: held.kind as Grant['kind'], periods: held.periods.map(([start, end]) => ({ start, end })) };
  return { grant, window: null };
}

const inPeriod = (state: string) => state !== 'SCHEDULED' && state !== 'EXPIRED';

/** Edges of one grant in `(from, to]`, in time order. */
export function grantEdges(held: HeldGrant, from: number, to: number): GrantEdge[] {
  if (held.kind !== 'TIME_RESTRICTED') return [];
  const evaluation = evaluationOf(held);
  const edges: GrantEdge[] = [];
  let at = from;
  let active = inPeriod(grantState(evaluation, at));
  for (let next = nextStateChange(evaluation, at); next !== null && next <= to; next = nextStateChange(evaluation, at)) {
    const now = inPeriod(grantState(evaluation, next));
    if (now !== active) edges.push({ kind: now ? 'GRANT_STARTED' : 'GRANT_ENDED', roleId: held.roleId, at: next });
    active = now;
    at = next;
  }
  return edges;
}

/** The first instant after `at` at which any of the grants may start or end; `null`: never. */
export function nextEdgeOf(grants: readonly HeldGrant[], at: number): number | null {
  let first: number | null = null;
  for (const held of grants) {
    if (held.kind !== 'TIME_RESTRICTED') continue;
    const next = nextStateChange(evaluationOf(held), at);
    if (next !== null && (first === null || next < first)) first = next;
  }
  return first;
}

function comparePeriods(a: [number | null, number | null], b: [number | null, number | null]): number {
  return (a[0] ?? -Infinity) - (b[0] ?? -Infinity) || (a[1] ?? Infinity) - (b[1] ?? Infinity);
}
